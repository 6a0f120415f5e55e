/* The learner's side of the disclosure exercise.
 *
 * Entry point: DisclosureLearner(runtime, element, initArgs), called by the XBlock runtime.
 * Everything a learner (or a course author) typed is inserted with textContent / DOM APIs,
 * never innerHTML. Strings go through gettext(): the block's own catalogue
 * (window.DisclosureXBlockI18N, see static/js/translations/<lang>/text.js) wins over the page's.
 */
(function (global) {
    'use strict';

    var STORAGE_PREFIX = 'dx-draft:';
    var AUTOSAVE_DELAY_MS = 1500;
    var RETRY_DELAYS_S = [2, 4, 8, 16, 30];
    var WARN_RATIO = 0.9;

    function catalogue() {
        var ns = global.DisclosureXBlockI18N;
        if (ns && typeof ns.gettext === 'function') { return ns; }
        if (typeof global.gettext === 'function') {
            return {gettext: global.gettext, ngettext: global.ngettext};
        }
        return null;
    }

    function gettext(msgid) {
        var cat = catalogue();
        return cat ? cat.gettext(msgid) : msgid;
    }

    function ngettext(singular, plural, count) {
        var cat = catalogue();
        if (cat && typeof cat.ngettext === 'function') { return cat.ngettext(singular, plural, count); }
        return count === 1 ? singular : plural;
    }

    /* "{name}" placeholders, like Python's str.format with keywords. */
    function fmt(template, values) {
        return template.replace(/\{(\w+)\}/g, function (whole, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
        });
    }

    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        var key;
        attrs = attrs || {};
        for (key in attrs) {
            if (!Object.prototype.hasOwnProperty.call(attrs, key) || attrs[key] === null || attrs[key] === undefined) {
                continue;
            }
            if (key === 'className') { node.className = attrs[key]; }
            else if (key === 'text') { node.textContent = attrs[key]; }
            else if (key === 'hidden') { node.hidden = !!attrs[key]; }
            else { node.setAttribute(key, attrs[key]); }
        }
        (children || []).forEach(function (child) {
            if (child === null || child === undefined || child === false) { return; }
            node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        });
        return node;
    }

    function clear(node) {
        while (node.firstChild) { node.removeChild(node.firstChild); }
    }

    function countWords(text) {
        var words = (text || '').trim().match(/[^\s]+/g);
        return words ? words.length : 0;
    }

    function countChars(text) {
        // The server counts Python code points; count the same way (astral characters count once).
        return Array.from(text || '').length;
    }

    /* Map Python code-point offsets to JS string (UTF-16) offsets for ``text``. */
    function codePointMap(text) {
        var map = [0];
        var units = 0;
        Array.from(text).forEach(function (ch) {
            units += ch.length;
            map.push(units);
        });
        return map;
    }

    function toUnits(map, cp) {
        if (typeof cp !== 'number' || cp < 0) { return null; }
        return cp < map.length ? map[cp] : null;
    }

    function safeId(value) {
        return String(value).replace(/[^A-Za-z0-9_-]/g, '_');
    }

    function readCookie(name) {
        var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
        return match ? decodeURIComponent(match[1]) : null;
    }

    function storageGet(key) {
        try {
            var raw = global.localStorage.getItem(key);
            return raw ? JSON.parse(raw) : null;
        } catch (e) {
            return null;
        }
    }

    function storageSet(key, value) {
        try { global.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode or full */ }
    }

    function storageRemove(key) {
        try { global.localStorage.removeItem(key); } catch (e) { /* ignore */ }
    }

    var OUTCOMES = {
        met: {icon: '\u2713', label: function () { return gettext('Met'); }},
        partial: {icon: '\u25D0', label: function () { return gettext('Partly met'); }},
        not_met: {icon: '\u2717', label: function () { return gettext('Not yet'); }},
        instructor: {icon: '\u2026', label: function () { return gettext('Your instructor will assess this'); }}
    };

    function outcomeKey(outcome) {
        return OUTCOMES[outcome] ? outcome : 'instructor';
    }

    function forgetOtherLearners(blockKey, keep) {
        try {
            var stale = [];
            for (var i = 0; i < global.localStorage.length; i += 1) {
                var key = global.localStorage.key(i);
                if (key !== keep && (key === blockKey || key.indexOf(blockKey + ':') === 0)) { stale.push(key); }
            }
            stale.forEach(function (key) { global.localStorage.removeItem(key); });
        } catch (e) { /* storage unavailable: nothing is kept, so nothing to forget */ }
    }

    function DisclosureLearner(runtime, element, initArgs) {
        if (element && element.jquery) { element = element[0]; }
        var root = element.querySelector('.dx-exercise');
        if (!root) { return; }
        var prefix = root.getAttribute('data-dx-root') || 'dx';
        var args = initArgs || {};
        if (!args.usage_id) {
            var script = document.getElementById(prefix);
            if (script) {
                try { args = JSON.parse(script.textContent); } catch (e) { args = {}; }
            }
        }
        var lang = args.language || root.getAttribute('lang') || document.documentElement.lang || 'en';
        // One key per exercise AND learner: on a shared ward computer, one learner's unsaved
        // text must never be restored into the next learner's draft. Other learners' copies of
        // this exercise are removed on sight, so none lingers on the machine.
        var blockKey = STORAGE_PREFIX + (args.usage_id || prefix);
        var storageKey = blockKey + ':' + (args.storage_key || 'anonymous');
        forgetOtherLearners(blockKey, storageKey);
        var rubricById = {};
        (args.rubric || []).forEach(function (criterion) { rubricById[criterion.id] = criterion; });

        function q(selector) { return root.querySelector(selector); }

        var ui = {
            live: q('.dx-live'),
            alert: q('.dx-alert'),
            editor: q('.dx-editor'),
            text: q('.dx-text'),
            counter: q('.dx-counter'),
            saveStatus: q('.dx-save-status'),
            feedbackBtn: q('.dx-feedback-btn'),
            submitBtn: q('.dx-submit-btn'),
            remaining: q('.dx-remaining'),
            feedback: q('.dx-feedback'),
            feedbackHeading: q('.dx-feedback > .dx-h'),
            privacy: q('.dx-privacy'),
            redflags: q('.dx-redflags'),
            summary: q('.dx-fb-summary'),
            draftView: q('.dx-draft-view'),
            criteria: q('.dx-criteria'),
            history: q('.dx-history'),
            historyList: q('.dx-history-list'),
            submitted: q('.dx-submitted'),
            submittedHeading: q('.dx-submitted > .dx-h'),
            backdrop: q('.dx-dialog-backdrop'),
            dialog: q('.dx-dialog'),
            dialogText: q('.dx-dialog-text'),
            dialogCount: q('.dx-dialog-count'),
            dialogCancel: q('.dx-dialog-cancel'),
            dialogConfirm: q('.dx-dialog-confirm')
        };

        var state = {
            used: args.feedback_requests_used || 0,
            history: (args.history || []).slice(),
            submission: args.submission || null,
            exemplar: args.exemplar || null,
            lastSavedText: args.draft || '',
            saveTimer: null,
            retryTimer: null,
            retryIndex: 0,
            saving: false,
            inFlight: {feedback: false, submit: false},
            warnedLevel: null,
            dialogReturnFocus: null
        };

        // ------------------------------------------------------------------ messages

        function announce(message) {
            // Clear first so the same message twice is still announced.
            ui.live.textContent = '';
            global.setTimeout(function () { ui.live.textContent = message; }, 50);
        }

        function showError(message) {
            ui.alert.textContent = message;
            ui.alert.hidden = false;
        }

        function clearError() {
            ui.alert.textContent = '';
            ui.alert.hidden = true;
        }

        function formatTime(iso) {
            var date = iso ? new Date(iso) : new Date();
            if (isNaN(date.getTime())) { return ''; }
            var now = new Date();
            var opts = {hour: '2-digit', minute: '2-digit'};
            if (date.toDateString() !== now.toDateString()) {
                opts.month = 'short';
                opts.day = 'numeric';
            }
            try { return date.toLocaleString(lang, opts); } catch (e) { return date.toLocaleString(); }
        }

        function networkMessage(error) {
            if (error && error.serverMessage) { return error.serverMessage; }
            if (error && error.status) {
                return fmt(gettext('Something went wrong on the server (error {status}). Your text is safe here; try again in a moment.'),
                    {status: error.status});
            }
            return gettext('Could not reach the server. Check your connection; your text is kept on this device.');
        }

        // ------------------------------------------------------------------ server calls

        // One request at a time per exercise: the LMS stores a learner's fields as one row that
        // each request reads at its start and writes back at its end, so an autosave overlapping
        // a feedback request could write back a stale history. A page-closing save goes at once.
        var pending = Promise.resolve();

        function post(name, data, options) {
            if (options && options.keepalive) { return send(name, data, options); }
            var run = pending.then(function () { return send(name, data, options); },
                function () { return send(name, data, options); });
            pending = run.catch(function () { return null; });
            return run;
        }

        function send(name, data, options) {
            var headers = {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
            var token = readCookie('csrftoken');
            if (token) { headers['X-CSRFToken'] = token; }
            return global.fetch(runtime.handlerUrl(element, name), {
                method: 'POST',
                headers: headers,
                credentials: 'same-origin',
                body: JSON.stringify(data || {}),
                keepalive: !!(options && options.keepalive)
            }).then(function (response) {
                return response.text().then(function (body) {
                    var json = null;
                    try { json = body ? JSON.parse(body) : {}; } catch (e) { json = null; }
                    if (!response.ok) {
                        var error = new Error('HTTP ' + response.status);
                        error.status = response.status;
                        error.body = json || {};
                        error.serverMessage = json && typeof json.error === 'string' ? json.error : null;
                        throw error;
                    }
                    return json || {};
                });
            });
        }

        // ------------------------------------------------------------------ counter

        function renderCounter() {
            var text = ui.text.value;
            var words = countWords(text);
            var chars = countChars(text);
            var maxWords = args.max_words || 0;
            var maxChars = args.max_chars || 5000;
            var minWords = args.min_words || 0;
            var parts = [];
            parts.push(fmt(ngettext('{count} word', '{count} words', words), {count: words}));
            if (maxWords) {
                parts.push(fmt(gettext('aim for {min}\u2013{max}'), {min: minWords, max: maxWords}));
            }
            parts.push(fmt(gettext('{count} of {max} characters'), {count: chars, max: maxChars}));
            var level = null;
            var warning = '';
            if ((maxWords && words > maxWords) || chars > maxChars) {
                level = 'over';
                warning = (maxWords && words > maxWords)
                    ? fmt(ngettext('Over the limit by {count} word: shorten your draft.',
                        'Over the limit by {count} words: shorten your draft.', words - maxWords), {count: words - maxWords})
                    : fmt(ngettext('Over the limit by {count} character: shorten your draft.',
                        'Over the limit by {count} characters: shorten your draft.', chars - maxChars), {count: chars - maxChars});
            } else if ((maxWords && words >= Math.floor(maxWords * WARN_RATIO)) || chars >= Math.floor(maxChars * WARN_RATIO)) {
                level = 'near';
                warning = gettext('Close to the limit.');
            }
            clear(ui.counter);
            ui.counter.appendChild(document.createTextNode(parts.join(' \u00B7 ')));
            if (warning) {
                ui.counter.appendChild(document.createTextNode(' '));
                ui.counter.appendChild(el('strong', {className: 'dx-counter-warn'}, [
                    el('span', {'aria-hidden': 'true', text: '\u26A0 '}), warning
                ]));
            }
            ui.counter.className = 'dx-counter' + (level ? ' dx-counter--' + level : '');
            if (level !== state.warnedLevel) {
                if (level) { announce(warning); }
                state.warnedLevel = level;
            }
        }

        // ------------------------------------------------------------------ autosave

        function setSaveStatus(kind, message) {
            ui.saveStatus.textContent = message;
            ui.saveStatus.className = 'dx-save-status' + (kind ? ' dx-save-status--' + kind : '');
        }

        function mirrorLocally() {
            storageSet(storageKey, {text: ui.text.value, at: Date.now()});
        }

        function canEdit() {
            return !args.preview && (!state.submission || state.submission.status === 'returned');
        }

        function scheduleSave() {
            if (!canEdit()) { return; }
            global.clearTimeout(state.saveTimer);
            state.saveTimer = global.setTimeout(saveNow, AUTOSAVE_DELAY_MS);
        }

        function saveNow() {
            global.clearTimeout(state.saveTimer);
            if (!canEdit() || state.saving) { return; }
            var text = ui.text.value;
            if (text === state.lastSavedText) { return; }
            global.clearTimeout(state.retryTimer);
            state.saving = true;
            setSaveStatus('saving', gettext('Saving\u2026'));
            post('save_draft', {text: text}).then(function (result) {
                state.saving = false;
                state.retryIndex = 0;
                state.lastSavedText = text;
                setSaveStatus('saved', fmt(gettext('Saved at {time}'), {time: formatTime(result.saved_at)}));
                if (ui.text.value !== text) { scheduleSave(); }
            }, function (error) {
                state.saving = false;
                if (error.status && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
                    // The server refused this text (e.g. too long): retrying the same text won't help.
                    setSaveStatus('error', fmt(gettext('Couldn\u2019t save: {reason} Your text is kept on this device.'),
                        {reason: networkMessage(error)}));
                    return;
                }
                var delay = RETRY_DELAYS_S[Math.min(state.retryIndex, RETRY_DELAYS_S.length - 1)];
                state.retryIndex += 1;
                setSaveStatus('error', fmt(gettext('Couldn\u2019t save. Retrying in {seconds} s\u2026 Your text is kept on this device.'),
                    {seconds: delay}));
                state.retryTimer = global.setTimeout(saveNow, delay * 1000);
            });
        }

        function saveOnLeave() {
            if (!canEdit() || ui.text.value === state.lastSavedText) { return; }
            mirrorLocally();
            try {
                post('save_draft', {text: ui.text.value}, {keepalive: true}).catch(function () { /* kept locally */ });
            } catch (e) { /* keepalive unsupported: localStorage keeps the text */ }
        }

        // ------------------------------------------------------------------ remaining requests

        function renderRemaining(left) {
            var limit = args.max_feedback_requests || 0;
            if (!limit) {
                ui.remaining.textContent = gettext('You can ask for feedback as often as you like.');
                ui.feedbackBtn.disabled = false;
                return;
            }
            if (left === undefined || left === null) { left = Math.max(0, limit - state.used); }
            if (left <= 0) {
                ui.remaining.textContent = gettext('You have used all your feedback requests. You can still revise and submit.');
                ui.feedbackBtn.disabled = true;
            } else {
                ui.remaining.textContent = fmt(ngettext('{count} feedback request left of {limit}.',
                    '{count} feedback requests left of {limit}.', left), {count: left, limit: limit});
                ui.feedbackBtn.disabled = false;
            }
        }

        // ------------------------------------------------------------------ feedback

        function criterionElementId(index) { return prefix + '-crit-' + index; }
        function markElementId(index) { return prefix + '-mark-' + index; }

        function focusById(id) {
            var node = document.getElementById(id);
            if (node) {
                node.focus();
                if (node.scrollIntoView) { node.scrollIntoView({block: 'nearest'}); }
            }
        }

        /* Collect highlight ranges from the feedback, in JS string offsets, verified against text. */
        function collectRanges(feedback, text) {
            var map = codePointMap(text);
            var ranges = [];
            var mismatches = 0;
            function add(start, end, quote, target) {
                var s = toUnits(map, start);
                var e = toUnits(map, end);
                if (s === null || e === null || e <= s || (quote && text.slice(s, e) !== quote)) {
                    mismatches += 1;
                    return null;
                }
                var range = {start: s, end: e, targets: [target]};
                ranges.push(range);
                return range;
            }
            var privacy = feedback.privacy || {};
            (privacy.findings || []).forEach(function (finding, i) {
                finding._range = add(finding.start, finding.end, finding.text,
                    {kind: 'privacy', index: i, label: gettext('Identifying detail'), outcome: 'privacy'});
            });
            (feedback.criteria || []).forEach(function (criterion, ci) {
                (criterion.evidence || []).forEach(function (evidence) {
                    evidence._range = add(evidence.start, evidence.end, evidence.text,
                        {kind: 'criterion', index: ci, label: criterion.label, outcome: outcomeKey(criterion.outcome)});
                });
            });
            ranges.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
            var accepted = [];
            ranges.forEach(function (range) {
                var last = accepted[accepted.length - 1];
                if (last && range.start < last.end) {
                    if (range.start === last.start && range.end === last.end) {
                        last.targets = last.targets.concat(range.targets);
                        range.mergedInto = last;
                    } else {
                        range.dropped = true;
                    }
                    return;
                }
                accepted.push(range);
            });
            accepted.forEach(function (range, i) { range.id = markElementId(i); });
            accepted.mismatches = mismatches;
            return accepted;
        }

        function resolvedRange(range) {
            if (!range || range.dropped) { return null; }
            return range.mergedInto || range;
        }

        function targetDescription(target) {
            if (target.kind === 'privacy') { return gettext('identifying detail: remove it'); }
            return fmt(gettext('{criterion}: {status}'), {criterion: target.label, status: OUTCOMES[target.outcome].label()});
        }

        function renderDraftView(text, ranges) {
            clear(ui.draftView);
            var pos = 0;
            ranges.forEach(function (range) {
                if (range.start > pos) { ui.draftView.appendChild(document.createTextNode(text.slice(pos, range.start))); }
                var first = range.targets[0];
                var tags = range.targets.map(function (t) { return t.kind === 'privacy' ? '!' : String(t.index + 1); });
                var description = range.targets.map(targetDescription).join('; ');
                var button = el('button', {
                    type: 'button', className: 'dx-mark-btn', id: range.id,
                    'data-target': first.kind === 'privacy' ? prefix + '-privacy' : criterionElementId(first.index)
                }, [
                    text.slice(range.start, range.end),
                    el('span', {className: 'dx-mark-tag', 'aria-hidden': 'true', text: tags.join(',')}),
                    el('span', {className: 'dx-sr-only', text: ' (' + description + ')'})
                ]);
                button.addEventListener('click', function () { focusById(button.getAttribute('data-target')); });
                ui.draftView.appendChild(el('mark', {className: 'dx-mark dx-mark--' + first.outcome}, [button]));
                pos = range.end;
            });
            if (pos < text.length) { ui.draftView.appendChild(document.createTextNode(text.slice(pos))); }
        }

        function quoteButton(range, quote) {
            var resolved = resolvedRange(range);
            var label = '\u201C' + quote + '\u201D';
            if (!resolved) { return el('span', {className: 'dx-quote', text: label}); }
            var button = el('button', {type: 'button', className: 'dx-link-btn'}, [
                label, el('span', {className: 'dx-sr-only', text: ' ' + gettext('(show in your draft)')})
            ]);
            button.addEventListener('click', function () { focusById(resolved.id); });
            return button;
        }

        function renderPrivacy(privacy) {
            clear(ui.privacy);
            if (!privacy || privacy.passed !== false) {
                ui.privacy.hidden = true;
                return;
            }
            ui.privacy.id = prefix + '-privacy';
            ui.privacy.setAttribute('tabindex', '-1');
            ui.privacy.appendChild(el('p', {className: 'dx-privacy-title'}, [
                el('span', {className: 'dx-icon', 'aria-hidden': 'true', text: '\u26A0 '}),
                el('strong', {text: gettext('Remove identifying details before you go on.')})
            ]));
            ui.privacy.appendChild(el('p', {
                text: gettext('Never type real names, contact details, dates or other details that could identify a patient, a colleague or you. You cannot submit until these are gone:')
            }));
            var list = el('ul', {className: 'dx-privacy-list'});
            (privacy.findings || []).forEach(function (finding) {
                var item = el('li');
                if (finding.text) {
                    item.appendChild(quoteButton(finding._range, finding.text));
                    item.appendChild(document.createTextNode(' \u2014 '));
                }
                item.appendChild(document.createTextNode(finding.message || gettext('This looks like an identifying detail.')));
                list.appendChild(item);
            });
            ui.privacy.appendChild(list);
            ui.privacy.hidden = false;
        }

        function renderRedFlags(flags) {
            clear(ui.redflags);
            if (!flags || !flags.length) {
                ui.redflags.hidden = true;
                return;
            }
            ui.redflags.appendChild(el('p', {className: 'dx-redflags-title'}, [
                el('span', {className: 'dx-icon', 'aria-hidden': 'true', text: '\u2691 '}),
                el('strong', {text: gettext('Your instructor will review this draft personally.')})
            ]));
            var list = el('ul');
            flags.forEach(function (flag) {
                list.appendChild(el('li', {text: flag.message || flag.kind}));
            });
            ui.redflags.appendChild(list);
            ui.redflags.hidden = false;
        }

        /* The exercise's support message, shown with a self-harm, suicide or overdose red flag
           (the server sends it only then). Plain text, inside the red-flag box. */
        function renderSupportMessage(message) {
            if (!message || ui.redflags.hidden) { return; }
            ui.redflags.appendChild(el('p', {className: 'dx-support', role: 'note', text: message}));
        }

        function renderCriteria(feedback) {
            clear(ui.criteria);
            (feedback.criteria || []).forEach(function (criterion, ci) {
                var key = outcomeKey(criterion.outcome);
                var outcome = OUTCOMES[key];
                var head = el('p', {className: 'dx-crit-head'}, [
                    el('span', {className: 'dx-crit-num', 'aria-hidden': 'true', text: String(ci + 1)}),
                    el('span', {className: 'dx-crit-icon', 'aria-hidden': 'true', text: outcome.icon}),
                    el('strong', {className: 'dx-crit-label', text: criterion.label}),
                    el('span', {className: 'dx-crit-status', text: outcome.label()})
                ]);
                if (key !== 'instructor' && typeof criterion.max_points === 'number') {
                    head.appendChild(el('span', {
                        className: 'dx-crit-points',
                        text: fmt(gettext('{points} of {max} points'), {points: criterion.points, max: criterion.max_points})
                    }));
                }
                var item = el('li', {
                    className: 'dx-crit dx-crit--' + key, id: criterionElementId(ci), tabindex: '-1',
                    'data-criterion': criterion.id
                }, [head]);
                if (criterion.message) {
                    item.appendChild(el('p', {className: 'dx-crit-msg', text: criterion.message}));
                }
                var quotes = (criterion.evidence || []).filter(function (ev) { return ev.text; });
                if (quotes.length) {
                    var p = el('p', {className: 'dx-crit-evidence'}, [gettext('In your draft:') + ' ']);
                    quotes.forEach(function (ev, i) {
                        if (i) { p.appendChild(document.createTextNode(', ')); }
                        p.appendChild(quoteButton(ev._range, ev.text));
                        if (ev.note) { p.appendChild(document.createTextNode(' (' + ev.note + ')')); }
                    });
                    item.appendChild(p);
                }
                ui.criteria.appendChild(item);
            });
        }

        function feedbackSummary(feedback) {
            var counts = {met: 0, partial: 0, not_met: 0, instructor: 0};
            (feedback.criteria || []).forEach(function (c) { counts[outcomeKey(c.outcome)] += 1; });
            var parts = [fmt(gettext('Automatic score: {score} of {max} points.'), {score: feedback.score, max: feedback.max_score})];
            parts.push(fmt(gettext('Met: {met}. Partly met: {partial}. Not yet: {not_met}.'), counts));
            if (counts.instructor) {
                parts.push(fmt(ngettext('{count} criterion is left to your instructor.',
                    '{count} criteria are left to your instructor.', counts.instructor), {count: counts.instructor}));
            }
            return parts.join(' ');
        }

        /* Render a feedback dict for ``text`` (the text it was computed on). */
        function renderFeedback(feedback, text, stale) {
            if (!feedback) {
                ui.feedback.hidden = true;
                return;
            }
            var ranges = collectRanges(feedback, text);
            stale = stale || ranges.mismatches > 0;
            renderPrivacy(feedback.privacy);
            renderRedFlags(feedback.red_flags);
            renderSupportMessage(feedback.support_message);
            clear(ui.summary);
            ui.summary.appendChild(document.createTextNode(feedbackSummary(feedback)));
            if (stale) {
                ui.summary.appendChild(el('span', {
                    className: 'dx-stale',
                    text: ' ' + gettext('You have changed your draft since this feedback; ask again to update it.')
                }));
            }
            renderDraftView(text, ranges);
            renderCriteria(feedback);
            ui.feedback.hidden = false;
        }

        function requestFeedback() {
            if (state.inFlight.feedback) { return; }
            var text = ui.text.value;
            clearError();
            if (!text.trim()) {
                showError(gettext('Write something first, then ask for feedback.'));
                ui.text.focus();
                return;
            }
            state.inFlight.feedback = true;
            ui.feedbackBtn.disabled = true;
            ui.feedbackBtn.setAttribute('aria-busy', 'true');
            var original = ui.feedbackBtn.textContent;
            ui.feedbackBtn.textContent = gettext('Checking your draft\u2026');
            announce(gettext('Checking your draft\u2026'));
            post('get_feedback', {text: text}).then(function (result) {
                state.used = result.feedback_requests_used;
                state.lastSavedText = text;
                setSaveStatus('saved', fmt(gettext('Saved at {time}'), {time: formatTime(result.history_entry && result.history_entry.at)}));
                if (result.history_entry) { state.history.push(result.history_entry); }
                state.feedbackText = text;
                renderFeedback(result.feedback, text, false);
                renderHistory();
                var message = gettext('Feedback is ready below your draft.') + ' ' + feedbackSummary(result.feedback);
                if (result.feedback.privacy && result.feedback.privacy.passed === false) {
                    message = gettext('Remove identifying details before you go on.') + ' ' + message;
                }
                announce(message);
                return result.feedback_requests_left;
            }, function (error) {
                showError(networkMessage(error));
                return undefined;
            }).then(function (left) {
                state.inFlight.feedback = false;
                ui.feedbackBtn.removeAttribute('aria-busy');
                ui.feedbackBtn.textContent = original;
                renderRemaining(left);
            });
        }

        // ------------------------------------------------------------------ history

        function levelLabel(criterionId, index) {
            var criterion = rubricById[criterionId];
            if (criterion && criterion.levels && criterion.levels[index]) { return criterion.levels[index].label; }
            return String(index);
        }

        function renderHistory() {
            clear(ui.historyList);
            var entries = state.history;
            if (!entries.length) {
                ui.history.hidden = true;
                return;
            }
            var items = entries.map(function (entry, i) {
                var previous = i ? entries[i - 1] : null;
                var line = el('p', {className: 'dx-hist-line'}, [
                    el('strong', {text: fmt(gettext('Feedback request {number}'), {number: i + 1})}), ' \u00B7 ',
                    el('time', {datetime: entry.at || '', text: formatTime(entry.at)}), ' \u00B7 ',
                    fmt(gettext('{score} of {max} points'), {score: entry.score, max: entry.max_score})
                ]);
                if (previous && typeof previous.score === 'number' && typeof entry.score === 'number') {
                    var delta = entry.score - previous.score;
                    var deltaText;
                    var deltaClass;
                    if (delta > 0) {
                        deltaText = fmt(gettext('up {count} from the previous request'), {count: delta});
                        deltaClass = 'up';
                    } else if (delta < 0) {
                        deltaText = fmt(gettext('down {count} from the previous request'), {count: -delta});
                        deltaClass = 'down';
                    } else {
                        deltaText = gettext('same as the previous request');
                        deltaClass = 'same';
                    }
                    line.appendChild(document.createTextNode(' '));
                    line.appendChild(el('span', {className: 'dx-delta dx-delta--' + deltaClass}, [
                        el('span', {'aria-hidden': 'true', text: delta > 0 ? '\u25B2 ' : (delta < 0 ? '\u25BC ' : '= ')}),
                        '(' + deltaText + ')'
                    ]));
                }
                line.appendChild(document.createTextNode(' \u00B7 ' + fmt(ngettext('{count} word', '{count} words', entry.word_count || 0),
                    {count: entry.word_count || 0})));
                var item = el('li', {className: 'dx-hist-item'}, [line]);
                var notes = el('ul', {className: 'dx-hist-changes'});
                if (entry.privacy_passed === false) {
                    notes.appendChild(el('li', {className: 'dx-hist-privacy', text: gettext('Identifying details were found in this draft.')}));
                }
                if (previous) {
                    var levels = entry.levels || {};
                    var before = previous.levels || {};
                    Object.keys(levels).forEach(function (cid) {
                        if (before[cid] === undefined || before[cid] === levels[cid]) { return; }
                        var criterion = rubricById[cid];
                        notes.appendChild(el('li', {
                            text: fmt(gettext('{criterion}: {before} \u2192 {after}'), {
                                criterion: criterion ? criterion.label : cid,
                                before: levelLabel(cid, before[cid]),
                                after: levelLabel(cid, levels[cid])
                            })
                        }));
                    });
                    if (!notes.childNodes.length) {
                        notes.appendChild(el('li', {text: gettext('No criterion changed level.')}));
                    }
                }
                if (notes.childNodes.length) { item.appendChild(notes); }
                return item;
            });
            items.reverse().forEach(function (item) { ui.historyList.appendChild(item); });
            ui.history.hidden = false;
        }

        // ------------------------------------------------------------------ submission

        function statusText(submission) {
            if (submission.status === 'graded') { return gettext('Graded'); }
            if (submission.status === 'returned') { return gettext('Returned to you for revision'); }
            if (args.grading_mode === 'auto') { return gettext('Submitted'); }
            return gettext('Submitted: waiting for your instructor\u2019s assessment');
        }

        function renderSubmission() {
            var submission = state.submission;
            if (!submission) {
                ui.submitted.hidden = true;
                ui.editor.hidden = false;
                return;
            }
            q('.dx-status-badge').textContent = statusText(submission);
            q('.dx-status-badge').className = 'dx-status-badge dx-status-badge--' + submission.status;
            q('.dx-submitted-at').textContent = submission.submitted_at
                ? fmt(gettext('Sent {time}.'), {time: formatTime(submission.submitted_at)}) : '';
            q('.dx-submitted-text').textContent = submission.text || '';
            var score = q('.dx-score');
            if (submission.score && typeof submission.score.earned === 'number') {
                score.textContent = fmt(gettext('Score: {earned} of {possible} points'), submission.score);
                score.hidden = false;
            } else {
                score.hidden = true;
            }
            var exemplarBox = q('.dx-exemplar');
            if (state.exemplar) {
                q('.dx-exemplar-text').textContent = state.exemplar;
                exemplarBox.hidden = false;
            } else {
                exemplarBox.hidden = true;
            }
            var assessment = submission.assessment;
            var assessmentBox = q('.dx-assessment');
            var list = q('.dx-assessment-list');
            clear(list);
            if (assessment && (assessment.criteria || []).length) {
                assessment.criteria.forEach(function (c) {
                    var item = el('li', {className: 'dx-assess-item'}, [
                        el('strong', {text: c.label}), ': ',
                        c.level_label || '',
                        typeof c.points === 'number'
                            ? ' (' + fmt(gettext('{points} of {max} points'), {points: c.points, max: c.max_points}) + ')' : ''
                    ]);
                    if (c.comment) { item.appendChild(el('p', {className: 'dx-assess-comment', text: c.comment})); }
                    list.appendChild(item);
                });
            }
            var overall = q('.dx-overall');
            if (assessment && assessment.overall_comment) {
                q('.dx-overall-text').textContent = assessment.overall_comment;
                overall.hidden = false;
            } else {
                overall.hidden = true;
            }
            assessmentBox.hidden = !(assessment && ((assessment.criteria || []).length || assessment.overall_comment));
            ui.submitted.hidden = false;
            ui.editor.hidden = submission.status !== 'returned';
        }

        function openDialog() {
            clearError();
            var text = ui.text.value;
            var words = countWords(text);
            if (!text.trim()) {
                showError(gettext('Write your disclosure before you submit it.'));
                ui.text.focus();
                return;
            }
            if (args.max_words && words > args.max_words) {
                showError(fmt(gettext('Your draft has {count} words; the limit is {limit}. Shorten it and try again.'),
                    {count: words, limit: args.max_words}));
                ui.text.focus();
                return;
            }
            if (args.min_words && words < args.min_words) {
                showError(fmt(gettext('Your draft has {count} words; write at least {limit}.'),
                    {count: words, limit: args.min_words}));
                ui.text.focus();
                return;
            }
            state.dialogText = text;
            ui.dialogText.textContent = text;
            ui.dialogCount.textContent = fmt(ngettext('{count} word', '{count} words', words), {count: words});
            state.dialogReturnFocus = document.activeElement;
            ui.dialogConfirm.disabled = false;
            ui.backdrop.hidden = false;
            ui.dialogCancel.focus();
        }

        function closeDialog() {
            if (ui.backdrop.hidden) { return; }
            ui.backdrop.hidden = true;
            var target = state.dialogReturnFocus;
            state.dialogReturnFocus = null;
            if (target && target.focus && document.body.contains(target) && !target.disabled && !target.closest('[hidden]')) {
                target.focus();
            } else if (!ui.submitted.hidden) {
                ui.submittedHeading.focus();
            }
        }

        function dialogKeydown(event) {
            if (event.key === 'Escape' || event.key === 'Esc') {
                event.preventDefault();
                if (!state.inFlight.submit) { closeDialog(); }
                return;
            }
            if (event.key !== 'Tab') { return; }
            var focusable = Array.prototype.filter.call(
                ui.dialog.querySelectorAll('button, [href], textarea, input, select, [tabindex]:not([tabindex="-1"])'),
                function (node) { return !node.disabled && node.offsetParent !== null; });
            if (!focusable.length) {
                event.preventDefault();
                return;
            }
            var first = focusable[0];
            var last = focusable[focusable.length - 1];
            if (event.shiftKey && (document.activeElement === first || !ui.dialog.contains(document.activeElement))) {
                event.preventDefault();
                last.focus();
            } else if (!event.shiftKey && (document.activeElement === last || !ui.dialog.contains(document.activeElement))) {
                event.preventDefault();
                first.focus();
            }
        }

        function confirmSubmit() {
            if (state.inFlight.submit) { return; }
            var text = state.dialogText;
            state.inFlight.submit = true;
            ui.dialogConfirm.disabled = true;
            ui.dialogCancel.disabled = true;
            ui.submitBtn.disabled = true;
            ui.dialogConfirm.setAttribute('aria-busy', 'true');
            global.clearTimeout(state.saveTimer);
            global.clearTimeout(state.retryTimer);
            post('submit', {text: text}).then(function (result) {
                state.submission = result.submission;
                state.exemplar = result.exemplar || null;
                state.lastSavedText = text;
                storageRemove(storageKey);
                if (result.feedback) {
                    state.feedbackText = text;
                    renderFeedback(result.feedback, text, false);
                }
                state.dialogReturnFocus = null;
                ui.backdrop.hidden = true;
                renderSubmission();
                setSaveStatus('', '');
                ui.submittedHeading.focus();
                announce(gettext('Your disclosure was submitted.'));
            }, function (error) {
                ui.backdrop.hidden = true;
                var target = state.dialogReturnFocus;
                state.dialogReturnFocus = null;
                if (error.body && error.body.feedback) {
                    state.feedbackText = text;
                    renderFeedback(error.body.feedback, text, false);
                }
                showError(networkMessage(error));
                if (error.body && error.body.submission) {
                    // Already submitted (a race or another tab): show what the server has.
                    state.submission = error.body.submission;
                    renderSubmission();
                } else if (target && target.focus) {
                    target.focus();
                }
            }).then(function () {
                state.inFlight.submit = false;
                ui.dialogConfirm.removeAttribute('aria-busy');
                ui.dialogCancel.disabled = false;
                ui.submitBtn.disabled = !!(state.submission && state.submission.status !== 'returned');
            });
        }

        // ------------------------------------------------------------------ start-up

        function restoreDraft() {
            var serverText = args.draft || '';
            var text = serverText;
            var local = storageGet(storageKey);
            if (state.submission && state.submission.status !== 'returned') {
                storageRemove(storageKey);
            } else if (local && typeof local.text === 'string' && local.text !== serverText) {
                var serverAt = Date.parse(args.draft_saved_at || '') || 0;
                if (!serverText || (local.at || 0) > serverAt) {
                    text = local.text;
                    setSaveStatus('restored', gettext('Restored text you typed that had not been saved yet.'));
                    global.setTimeout(scheduleSave, 0);
                }
            }
            ui.text.value = text;
            if (text === serverText && args.draft_saved_at) {
                setSaveStatus('saved', fmt(gettext('Saved at {time}'), {time: formatTime(args.draft_saved_at)}));
            }
        }

        function wire() {
            ui.text.addEventListener('input', function () {
                mirrorLocally();
                renderCounter();
                scheduleSave();
                if (state.feedbackText !== undefined && ui.text.value !== state.feedbackText && !ui.feedback.hidden) {
                    var stale = ui.summary.querySelector('.dx-stale');
                    if (!stale) {
                        ui.summary.appendChild(el('span', {
                            className: 'dx-stale',
                            text: ' ' + gettext('You have changed your draft since this feedback; ask again to update it.')
                        }));
                    }
                }
            });
            ui.text.addEventListener('blur', saveNow);
            ui.feedbackBtn.addEventListener('click', requestFeedback);
            ui.submitBtn.addEventListener('click', openDialog);
            ui.dialogCancel.addEventListener('click', closeDialog);
            ui.dialogConfirm.addEventListener('click', confirmSubmit);
            ui.dialog.addEventListener('keydown', dialogKeydown);
            ui.backdrop.addEventListener('click', function (event) {
                if (event.target === ui.backdrop && !state.inFlight.submit) { closeDialog(); }
            });
            global.addEventListener('pagehide', saveOnLeave);
            global.addEventListener('beforeunload', saveOnLeave);
            document.addEventListener('visibilitychange', function () {
                if (document.visibilityState === 'hidden') { saveOnLeave(); }
            });
        }

        restoreDraft();
        renderCounter();
        renderRemaining();
        renderHistory();
        if (args.last_feedback) {
            // After a reload the feedback's own text is gone: highlight only what still matches.
            state.feedbackText = args.last_feedback_text || args.draft || '';
            renderFeedback(args.last_feedback, state.feedbackText, ui.text.value !== state.feedbackText);
        }
        renderSubmission();
        if (args.preview) {
            ui.submitBtn.disabled = true;
        } else if (state.submission && state.submission.status !== 'returned') {
            ui.submitBtn.disabled = true;
        }
        wire();

        if (element.querySelector('.dx-instructor') && typeof global.DisclosureInstructorPanel === 'function') {
            global.DisclosureInstructorPanel(runtime, element, initArgs);
        }

        // For tests and debugging: the public surface of this instance.
        root.dxLearner = {saveNow: saveNow, state: state};
    }

    global.DisclosureLearner = DisclosureLearner;
}(window));
