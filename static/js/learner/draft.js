/* The learner's draft: the word and character counter, autosave to the server, and the
 * localStorage safety net that keeps unsaved text across a lost connection or a closed tab.
 *
 * Needs core.js. createDraft(page) is called once per exercise by learner.js; ``page`` holds what
 * the page shares: ui (the elements), args (the init args), state (shared with the feedback
 * request and the submit dialog: lastSavedText, submission, …), post, storageKey, lang,
 * announce(message) and networkMessage(error).
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var el = core.el;

    var STORAGE_PREFIX = 'dx-draft:';
    var AUTOSAVE_DELAY_MS = 1500;
    var RETRY_DELAYS_S = [2, 4, 8, 16, 30];
    var WARN_RATIO = 0.9;

    /* The localStorage key of one learner's copy of one exercise. One key per exercise AND
     * learner: on a shared ward computer, one learner's unsaved text must never be restored into
     * the next learner's draft. */
    function storageKeys(usageId, learnerKey) {
        var blockKey = STORAGE_PREFIX + usageId;
        return {block: blockKey, own: blockKey + ':' + (learnerKey || 'anonymous')};
    }

    /* Remove every other learner's copy of this exercise from the machine, on sight. */
    function forgetOtherLearners(blockKey, keep) {
        core.storage.keys().forEach(function (key) {
            if (key !== keep && (key === blockKey || key.indexOf(blockKey + ':') === 0)) { core.storage.remove(key); }
        });
    }

    /* Server errors a retry cannot fix (the text was refused): 4xx but timeouts and rate limits. */
    function isRefusal(error) {
        return !!(error.status && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429);
    }

    function createDraft(page) {
        var ui = page.ui;
        var args = page.args;
        var state = page.state;
        var timers = {save: null, retry: null};
        var retryIndex = 0;
        var saving = false;
        var warnedLevel = null;

        function canEdit() {
            return !args.preview && (!state.submission || state.submission.status === 'returned');
        }

        // ------------------------------------------------------------------ counter

        function renderCounter() {
            var text = ui.text.value;
            var words = core.countWords(text);
            var chars = core.countChars(text);
            var maxWords = args.max_words || 0;
            var maxChars = args.max_chars || 5000;
            var minWords = args.min_words || 0;
            var parts = [];
            var target = args.target_words;
            parts.push(fmt(ngettext('{count} word', '{count} words', words), {count: words}));
            // One target (what the rubric rewards) and the submit limits, named as limits.
            if (target) {
                parts.push(fmt(gettext('target {min}\u2013{max} words'), {min: target.min, max: target.max}));
            }
            if (maxWords) {
                parts.push(fmt(gettext('you can submit {min}\u2013{max}'), {min: minWords, max: maxWords}));
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
            core.clear(ui.counter);
            ui.counter.appendChild(global.document.createTextNode(parts.join(' \u00B7 ')));
            if (warning) {
                ui.counter.appendChild(global.document.createTextNode(' '));
                ui.counter.appendChild(el('strong', {className: 'dx-counter-warn'}, [
                    el('span', {'aria-hidden': 'true', text: '\u26A0 '}), warning
                ]));
            }
            ui.counter.className = 'dx-counter' + (level ? ' dx-counter--' + level : '');
            if (level !== warnedLevel) {
                if (level) { page.announce(warning); }
                warnedLevel = level;
            }
        }

        // ------------------------------------------------------------------ autosave

        function setSaveStatus(kind, message) {
            ui.saveStatus.textContent = message;
            ui.saveStatus.className = 'dx-save-status' + (kind ? ' dx-save-status--' + kind : '');
        }

        function showSavedAt(iso) {
            setSaveStatus('saved', fmt(gettext('Saved at {time}'), {time: core.formatTime(iso, page.lang)}));
        }

        function mirrorLocally() {
            core.storage.set(page.storageKey, {text: ui.text.value, at: Date.now()});
        }

        function forgetLocalCopy() {
            core.storage.remove(page.storageKey);
        }

        function scheduleSave() {
            if (!canEdit()) { return; }
            global.clearTimeout(timers.save);
            timers.save = global.setTimeout(saveNow, AUTOSAVE_DELAY_MS);
        }

        function stopSaving() {
            global.clearTimeout(timers.save);
            global.clearTimeout(timers.retry);
        }

        function saveNow() {
            global.clearTimeout(timers.save);
            if (!canEdit() || saving) { return; }
            var text = ui.text.value;
            if (text === state.lastSavedText) { return; }
            global.clearTimeout(timers.retry);
            saving = true;
            setSaveStatus('saving', gettext('Saving\u2026'));
            page.post('save_draft', {text: text}).then(function (result) {
                saving = false;
                retryIndex = 0;
                state.lastSavedText = text;
                showSavedAt(result.saved_at);
                if (ui.text.value !== text) { scheduleSave(); }
            }, function (error) {
                saving = false;
                if (isRefusal(error)) {
                    // The server refused this text (e.g. too long): retrying the same text won't help.
                    setSaveStatus('error', fmt(gettext('Couldn\u2019t save: {reason} Your text is kept on this device.'),
                        {reason: page.networkMessage(error)}));
                    return;
                }
                var delay = RETRY_DELAYS_S[Math.min(retryIndex, RETRY_DELAYS_S.length - 1)];
                retryIndex += 1;
                setSaveStatus('error', fmt(gettext('Couldn\u2019t save. Retrying in {seconds} s\u2026 Your text is kept on this device.'),
                    {seconds: delay}));
                timers.retry = global.setTimeout(saveNow, delay * 1000);
            });
        }

        /* The page is closing: keep the text locally and send it with keepalive. */
        function saveOnLeave() {
            if (!canEdit() || ui.text.value === state.lastSavedText) { return; }
            mirrorLocally();
            try {
                page.post('save_draft', {text: ui.text.value}, {keepalive: true}).catch(function () { /* kept locally */ });
            } catch (e) { /* keepalive unsupported: localStorage keeps the text */ }
        }

        /* Put the right text into the editor at start-up: the server's draft, unless this
         * learner's local copy is newer (typed but never saved). */
        function restore() {
            var serverText = args.draft || '';
            var text = serverText;
            var local = core.storage.get(page.storageKey);
            if (state.submission && state.submission.status !== 'returned') {
                forgetLocalCopy();
            } else if (local && typeof local.text === 'string' && local.text !== serverText) {
                var serverAt = Date.parse(args.draft_saved_at || '') || 0;
                if (!serverText || (local.at || 0) > serverAt) {
                    text = local.text;
                    setSaveStatus('restored', gettext('Restored text you typed that had not been saved yet.'));
                    global.setTimeout(scheduleSave, 0);
                }
            }
            ui.text.value = text;
            if (text === serverText && args.draft_saved_at) { showSavedAt(args.draft_saved_at); }
        }

        /* Typing: keep a local copy at once, update the counter, save after a pause. */
        function onInput() {
            mirrorLocally();
            renderCounter();
            scheduleSave();
        }

        function wire() {
            ui.text.addEventListener('input', onInput);
            ui.text.addEventListener('blur', saveNow);
            global.addEventListener('pagehide', saveOnLeave);
            global.addEventListener('beforeunload', saveOnLeave);
            global.document.addEventListener('visibilitychange', function () {
                if (global.document.visibilityState === 'hidden') { saveOnLeave(); }
            });
        }

        return {
            canEdit: canEdit,
            renderCounter: renderCounter,
            setSaveStatus: setSaveStatus,
            showSavedAt: showSavedAt,
            forgetLocalCopy: forgetLocalCopy,
            saveNow: saveNow,
            saveOnLeave: saveOnLeave,
            stopSaving: stopSaving,
            restore: restore,
            wire: wire
        };
    }

    DX.learner = DX.learner || {};
    DX.learner.AUTOSAVE_DELAY_MS = AUTOSAVE_DELAY_MS;
    DX.learner.RETRY_DELAYS_S = RETRY_DELAYS_S;
    DX.learner.storageKeys = storageKeys;
    DX.learner.forgetOtherLearners = forgetOtherLearners;
    DX.learner.createDraft = createDraft;
}(window));
