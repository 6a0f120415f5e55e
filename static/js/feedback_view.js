/* The one rendering of a feedback result (criteria and their levels, evidence highlights,
 * privacy findings, red flags), used by the learner page and by Studio's "Try a draft", so a
 * designer sees exactly what a learner would.
 *
 * Needs core.js. Every string from the feedback (criterion labels and messages written by the
 * designer, quotes of the learner's draft, finding and flag messages) goes in as text.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var el = core.el;
    var clear = core.clear;

    var OUTCOMES = {
        met: {icon: '\u2713', label: function () { return gettext('Met'); }},
        partial: {icon: '\u25D0', label: function () { return gettext('Partly met'); }},
        not_met: {icon: '\u2717', label: function () { return gettext('Not yet'); }},
        instructor: {icon: '\u2026', label: function () { return gettext('Your instructor will assess this'); }},
        // The engine could not tell which language the draft is in (feedback/language.py): the
        // criterion was not judged at all, which is not the same as leaving it to the instructor.
        unread: {icon: '?', label: function () { return gettext('Not judged: language unclear'); }}
    };

    /* Criteria without an automatic check (or with an unknown outcome) are the instructor's. */
    function outcomeKey(outcome) {
        return OUTCOMES[outcome] && outcome !== 'unread' ? outcome : 'instructor';
    }

    /* A criterion's key in OUTCOMES: its outcome, or "unread" when the engine could not read
     * the draft's language (the result says so in ``not_judged``). */
    function criterionKey(criterion) {
        return criterion && criterion.not_judged === 'language' ? 'unread' : outcomeKey(criterion && criterion.outcome);
    }

    /* The outcome a level stands for, as the engine maps them (rubric/model.py
     * level_for_outcome): the top level is met, the bottom not met, any between partly met. */
    function levelOutcome(index, count) {
        if (index >= count - 1) { return 'met'; }
        return index <= 0 ? 'not_met' : 'partial';
    }

    function criterionElementId(prefix, index) { return prefix + '-crit-' + index; }
    function markElementId(prefix, index) { return prefix + '-mark-' + index; }

    function focusById(id) {
        var node = global.document.getElementById(id);
        if (node) {
            node.focus();
            if (node.scrollIntoView) { node.scrollIntoView({block: 'nearest'}); }
        }
    }

    /* Highlight ranges from the feedback, in JS string offsets, each checked against ``text``
     * (a quote that no longer matches is not highlighted). Overlapping ranges: the same span is
     * merged, a partly overlapping one dropped. Sets ``_range`` on findings and evidence. */
    function collectRanges(feedback, text, prefix) {
        var map = core.codePointMap(text);
        var ranges = [];
        var mismatches = 0;
        function add(start, end, quote, target) {
            var s = core.toUnits(map, start);
            var e = core.toUnits(map, end);
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
                    {kind: 'criterion', index: ci, label: criterion.label, outcome: criterionKey(criterion)});
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
        accepted.forEach(function (range, i) { range.id = markElementId(prefix, i); });
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

    /* The draft with each highlighted span as a button that jumps to its comment. */
    function renderDraftView(box, text, ranges, prefix) {
        clear(box);
        var pos = 0;
        ranges.forEach(function (range) {
            if (range.start > pos) { box.appendChild(global.document.createTextNode(text.slice(pos, range.start))); }
            var first = range.targets[0];
            var tags = range.targets.map(function (t) { return t.kind === 'privacy' ? '!' : String(t.index + 1); });
            var description = range.targets.map(targetDescription).join('; ');
            var button = el('button', {
                type: 'button', className: 'dx-mark-btn', id: range.id,
                'data-target': first.kind === 'privacy' ? prefix + '-privacy' : criterionElementId(prefix, first.index)
            }, [
                text.slice(range.start, range.end),
                el('span', {className: 'dx-mark-tag', 'aria-hidden': 'true', text: tags.join(',')}),
                el('span', {className: 'dx-sr-only', text: ' (' + description + ')'})
            ]);
            button.addEventListener('click', function () { focusById(button.getAttribute('data-target')); });
            box.appendChild(el('mark', {className: 'dx-mark dx-mark--' + first.outcome}, [button]));
            pos = range.end;
        });
        if (pos < text.length) { box.appendChild(global.document.createTextNode(text.slice(pos))); }
    }

    /* A quote of the draft: a button to its highlight when there is one, plain text otherwise. */
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

    function renderPrivacy(box, privacy, prefix) {
        clear(box);
        if (!privacy || privacy.passed !== false) {
            box.hidden = true;
            return;
        }
        box.id = prefix + '-privacy';
        box.setAttribute('tabindex', '-1');
        box.appendChild(el('p', {className: 'dx-privacy-title'}, [
            el('span', {className: 'dx-icon', 'aria-hidden': 'true', text: '\u26A0 '}),
            el('strong', {text: gettext('Remove identifying details before you go on.')})
        ]));
        box.appendChild(el('p', {
            text: gettext('Never type real names, contact details, dates or other details that could identify a patient, a colleague or you. You cannot submit until these are gone:')
        }));
        var list = el('ul', {className: 'dx-privacy-list'});
        (privacy.findings || []).forEach(function (finding) {
            var item = el('li');
            if (finding.text) {
                item.appendChild(quoteButton(finding._range, finding.text));
                item.appendChild(global.document.createTextNode(' \u2014 '));
            }
            item.appendChild(global.document.createTextNode(finding.message || gettext('This looks like an identifying detail.')));
            list.appendChild(item);
        });
        box.appendChild(list);
        box.hidden = false;
    }

    /* Red flags (e.g. self-harm, suicide, overdose): the draft goes to the instructor in person.
     * The one place flags are drawn, for the learner and for Studio's "Try a draft". */
    /* ``supportMessage``: the exercise's support message, which the server sends only with a
     * self-harm, suicide or overdose flag; plain text, inside the red-flag box. */
    function renderRedFlags(box, flags, supportMessage) {
        clear(box);
        if (!flags || !flags.length) {
            box.hidden = true;
            return;
        }
        box.appendChild(el('p', {className: 'dx-redflags-title'}, [
            el('span', {className: 'dx-icon', 'aria-hidden': 'true', text: '\u2691 '}),
            el('strong', {text: gettext('Your instructor will review this draft personally.')})
        ]));
        var list = el('ul');
        flags.forEach(function (flag) {
            list.appendChild(el('li', {text: flag.message || flag.kind || String(flag)}));
        });
        box.appendChild(list);
        if (supportMessage) {
            box.appendChild(el('p', {className: 'dx-support', role: 'note', text: supportMessage}));
        }
        box.hidden = false;
    }

    function renderCriteria(list, feedback, prefix) {
        clear(list);
        (feedback.criteria || []).forEach(function (criterion, ci) {
            var key = criterionKey(criterion);
            var outcome = OUTCOMES[key];
            var head = el('p', {className: 'dx-crit-head'}, [
                el('span', {className: 'dx-crit-num', 'aria-hidden': 'true', text: String(ci + 1)}),
                el('span', {className: 'dx-crit-icon', 'aria-hidden': 'true', text: outcome.icon}),
                el('strong', {className: 'dx-crit-label', text: criterion.label}),
                el('span', {className: 'dx-crit-status', text: outcome.label()})
            ]);
            if (key !== 'instructor' && key !== 'unread' && typeof criterion.max_points === 'number') {
                head.appendChild(el('span', {
                    className: 'dx-crit-points',
                    text: fmt(ngettext('{points} of {max} point', '{points} of {max} points', criterion.max_points), {points: criterion.points, max: criterion.max_points})
                }));
            }
            var item = el('li', {
                className: 'dx-crit dx-crit--' + key, id: criterionElementId(prefix, ci), tabindex: '-1',
                'data-criterion': criterion.id
            }, [head]);
            if (criterion.message) {
                item.appendChild(el('p', {className: 'dx-crit-msg', text: criterion.message}));
            }
            var quotes = (criterion.evidence || []).filter(function (ev) { return ev.text; });
            if (quotes.length) {
                var p = el('p', {className: 'dx-crit-evidence'}, [gettext('In your draft:') + ' ']);
                quotes.forEach(function (ev, i) {
                    if (i) { p.appendChild(global.document.createTextNode(', ')); }
                    p.appendChild(quoteButton(ev._range, ev.text));
                    if (ev.note) { p.appendChild(global.document.createTextNode(' (' + ev.note + ')')); }
                });
                item.appendChild(p);
            }
            list.appendChild(item);
        });
    }

    /* "Automatic score: 3 of 7 points. Met: 1. Partly met: …" */
    function summaryText(feedback) {
        var counts = {met: 0, partial: 0, not_met: 0, instructor: 0, unread: 0};
        (feedback.criteria || []).forEach(function (c) { counts[criterionKey(c)] += 1; });
        var parts = [];
        if (counts.unread) {
            // Said first and plainly: the score below covers only what could be judged.
            parts.push(gettext('The feedback could not tell with confidence which language this draft is in, so it did not judge it. It reads drafts in English or in Spanish: write the draft in one of them and ask for feedback again.'));
        }
        parts.push(fmt(ngettext('Automatic score: {score} of {max} point.', 'Automatic score: {score} of {max} points.', feedback.max_score), {score: feedback.score, max: feedback.max_score}));
        parts.push(fmt(gettext('Met: {met}. Partly met: {partial}. Not yet: {not_met}.'), counts));
        if (counts.unread) {
            parts.push(fmt(ngettext('{count} criterion was not judged.', '{count} criteria were not judged.', counts.unread), {count: counts.unread}));
        }
        if (counts.instructor) {
            parts.push(fmt(ngettext('{count} criterion is left to your instructor.',
                '{count} criteria are left to your instructor.', counts.instructor), {count: counts.instructor}));
        }
        return parts.join(' ');
    }

    /* Add (once) the note that the draft changed since this feedback. */
    function markStale(summary) {
        if (summary.querySelector('.dx-stale')) { return; }
        summary.appendChild(el('span', {
            className: 'dx-stale',
            text: ' ' + gettext('You have changed your draft since this feedback; ask again to update it.')
        }));
    }

    /* Render ``feedback``, computed on ``text``, into the slots of a feedback section:
     * {privacy, redflags, summary, criteria} and optionally draftView (the highlighted draft).
     * options.prefix makes the ids unique on the page; options.stale adds the changed-draft note
     * (also added when a quote no longer matches the text). Returns the summary sentence. */
    function render(slots, feedback, text, options) {
        options = options || {};
        var prefix = options.prefix || 'dx';
        text = text || '';
        var ranges = slots.draftView ? collectRanges(feedback, text, prefix) : [];
        renderPrivacy(slots.privacy, feedback.privacy, prefix);
        renderRedFlags(slots.redflags, feedback.red_flags, feedback.support_message);
        var summary = summaryText(feedback);
        clear(slots.summary);
        slots.summary.appendChild(global.document.createTextNode(summary));
        if (options.stale || ranges.mismatches > 0) { markStale(slots.summary); }
        if (slots.draftView) { renderDraftView(slots.draftView, text, ranges, prefix); }
        renderCriteria(slots.criteria, feedback, prefix);
        return summary;
    }

    /* A self-contained feedback panel in ``container`` (Studio's "Try a draft"): the same
     * sections as the learner page's, without the highlighted copy of the draft. */
    function renderPanel(container, feedback, options) {
        clear(container);
        if (!feedback) { return ''; }
        var slots = {
            privacy: el('div', {className: 'dx-privacy', hidden: true}),
            redflags: el('div', {className: 'dx-redflags', hidden: true}),
            summary: el('p', {className: 'dx-fb-summary'}),
            criteria: el('ol', {className: 'dx-criteria'})
        };
        container.appendChild(el('h4', {text: gettext('Feedback a learner would get')}));
        container.appendChild(slots.privacy);
        container.appendChild(slots.redflags);
        container.appendChild(slots.summary);
        container.appendChild(slots.criteria);
        return render(slots, feedback, '', options);
    }

    DX.feedbackView = {
        OUTCOMES: OUTCOMES,
        outcomeKey: outcomeKey,
        criterionKey: criterionKey,
        levelOutcome: levelOutcome,
        collectRanges: collectRanges,
        renderDraftView: renderDraftView,
        renderPrivacy: renderPrivacy,
        renderRedFlags: renderRedFlags,
        renderCriteria: renderCriteria,
        summaryText: summaryText,
        markStale: markStale,
        render: render,
        renderPanel: renderPanel
    };
}(window));
