/* The grading workspace's parts that need no server: the keyboard map, the running total, the
 * submitted text with the engine's evidence highlighted, and draft history side by side.
 *
 * Classic script on window.DisclosureXBlock (after core.js and feedback_view.js). Learner text
 * only ever becomes text nodes (core.el); the highlights are <mark> elements around slices of it.
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

    /* The keys, for the page's help and the README: [key label, what it does]. */
    function keyHelp() {
        return [
            ['1\u20139', gettext('Choose that level for the current criterion and go to the next criterion')],
            ['J / K', gettext('Next / previous criterion')],
            ['S', gettext('Save the grade and open the next waiting submission')],
            ['Ctrl+Enter', gettext('Save and open the next waiting submission, also while typing a comment')],
            ['N / P', gettext('Next / previous submission in the list')],
            ['?', gettext('Show these keys')]
        ];
    }

    function typing(target) {
        if (!target || !target.tagName) { return false; }
        var tag = target.tagName.toLowerCase();
        if (tag === 'textarea' || tag === 'select' || target.isContentEditable) { return true; }
        return tag === 'input' && !/^(radio|checkbox|button|submit)$/i.test(target.type || '');
    }

    /* What a keydown asks for: {type: 'level', index} | {type: 'criterion', step} |
     * {type: 'save'} | {type: 'submission', step} | {type: 'help'} | null. Letters and digits do
     * nothing while the grader types in a field or holds a modifier (the browser's own keys). */
    function keyAction(event) {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) { return {type: 'save'}; }
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return null; }
        var key = event.key;
        if (/^[1-9]$/.test(key)) { return {type: 'level', index: parseInt(key, 10) - 1}; }
        switch (key) {
        case 'j': case 'J': return {type: 'criterion', step: 1};
        case 'k': case 'K': return {type: 'criterion', step: -1};
        case 's': case 'S': return {type: 'save'};
        case 'n': case 'N': return {type: 'submission', step: 1};
        case 'p': case 'P': return {type: 'submission', step: -1};
        case '?': return {type: 'help'};
        default: return null;
        }
    }

    /* {earned, possible, missing}: points of the chosen levels ({criterion id: index}). */
    function runningTotal(rubric, levels) {
        var earned = 0;
        var possible = 0;
        var missing = 0;
        (rubric || []).forEach(function (criterion) {
            possible += criterion.max_points || 0;
            var level = criterion.levels[levels[criterion.id]];
            if (level) { earned += level.points || 0; } else { missing += 1; }
        });
        return {earned: Math.round(earned * 100) / 100, possible: Math.round(possible * 100) / 100, missing: missing};
    }

    function pointsText(points) {
        return fmt(ngettext('{points} point', '{points} points', points), {points: points});
    }

    function totalText(total) {
        var text = fmt(ngettext('Total: {earned} of {possible} point', 'Total: {earned} of {possible} points',
            total.possible), {earned: total.earned, possible: total.possible});
        if (total.missing) {
            text += ' ' + fmt(ngettext('({count} criterion still to grade)', '({count} criteria still to grade)',
                total.missing), {count: total.missing});
        }
        return text;
    }

    /* The submitted text into ``box`` with the engine's evidence spans marked, as text nodes.
     * ``criteria``: detail.auto.criteria ({label, outcome, evidence: [{start, end, text}]}). */
    function renderEvidenceText(box, text, criteria) {
        clear(box);
        var feedback = {criteria: (criteria || []).map(function (c) {
            return {label: c.label || c.id, outcome: c.outcome, evidence: (c.evidence || []).map(function (e) {
                return {start: e.start, end: e.end, text: e.text};
            })};
        }), privacy: {findings: []}};
        var ranges = DX.feedbackView ? DX.feedbackView.collectRanges(feedback, text || '', 'dx-i-ev') : [];
        var pos = 0;
        ranges.forEach(function (range) {
            if (range.start > pos) { box.appendChild(global.document.createTextNode(text.slice(pos, range.start))); }
            var names = range.targets.map(function (t) { return t.label; }).join('; ');
            // Only the learner's words inside: the text reads and copies exactly as submitted; which
            // criteria used a span is in its title (and each criterion's message quotes it).
            box.appendChild(el('mark', {className: 'dx-i-mark dx-i-mark--' + range.targets[0].outcome,
                title: fmt(gettext('evidence for {criteria}'), {criteria: names})}, [text.slice(range.start, range.end)]));
            pos = range.end;
        });
        if (pos < (text || '').length) { box.appendChild(global.document.createTextNode(text.slice(pos))); }
        return ranges.length;
    }

    function levelName(criterion, index) {
        var level = criterion && criterion.levels[index];
        if (!level) { return '\u2013'; }
        return level.label || fmt(gettext('Level {n}'), {n: index + 1});
    }

    /* One draft (or the submission) and the feedback it got. */
    function draftCard(entry, title, rubric, flagLabels) {
        var levels = entry.levels || {};
        var list = el('ul', {className: 'dx-i-draft-levels'});
        rubric.forEach(function (criterion) {
            if (!criterion.automatic) { return; }
            list.appendChild(el('li', {}, [fmt(gettext('{criterion}: {level}'),
                {criterion: criterion.label, level: levelName(criterion, levels[criterion.id])})]));
        });
        var score = typeof entry.score === 'number'
            ? fmt(ngettext('Automatic score: {score} of {max} point', 'Automatic score: {score} of {max} points',
                entry.max_score || 0), {score: entry.score, max: entry.max_score})
            : gettext('No automatic score');
        var flags = (entry.red_flags || []).map(function (kind) { return (flagLabels && flagLabels[kind]) || kind; });
        return el('div', {className: 'dx-i-draft-card'}, [
            el('h5', {className: 'dx-i-draft-title'}, [title]),
            el('p', {className: 'dx-i-draft-text'}, [entry.text || '']),
            el('p', {className: 'dx-i-help'}, [score]),
            list,
            flags.length ? el('p', {className: 'dx-i-flag'}, ['\u2691 ' + flags.join(', ')]) : null
        ]);
    }

    /* Draft history into ``box``: each draft beside the next (the last one beside the submission). */
    function renderDraftPairs(box, detail) {
        clear(box);
        var drafts = (detail.draft_history || []).slice();
        var when = function (entry) { return entry.at ? ' \u00b7 ' + core.formatDateTime(entry.at) : ''; };
        var items = drafts.map(function (entry, i) {
            return {entry: entry, title: fmt(gettext('Draft {n}'), {n: i + 1}) + when(entry)};
        });
        items.push({entry: {text: detail.text, score: detail.auto.score, max_score: detail.auto.max_score,
            levels: detail.auto.levels, red_flags: detail.red_flags}, title: gettext('Submitted text') + when({at: detail.submitted_at})});
        var labels = {};
        (detail.red_flags || []).forEach(function (kind, i) { labels[kind] = (detail.red_flag_labels || [])[i]; });
        if (items.length === 1) {
            box.appendChild(el('p', {}, [gettext('No drafts were checked before this submission.')]));
            return 0;
        }
        var list = el('ol', {className: 'dx-i-draft-pairs'});
        for (var i = 0; i + 1 < items.length; i += 1) {
            list.appendChild(el('li', {className: 'dx-i-draft-pair'}, [
                el('p', {className: 'dx-i-sr'}, [fmt(gettext('{first} beside {second}'),
                    {first: items[i].title, second: items[i + 1].title})]),
                draftCard(items[i].entry, items[i].title, detail.rubric, labels),
                draftCard(items[i + 1].entry, items[i + 1].title, detail.rubric, labels)
            ]));
        }
        box.appendChild(list);
        return drafts.length;
    }

    function renderKeyHelp(list) {
        clear(list);
        keyHelp().forEach(function (pair) {
            list.appendChild(el('div', {}, [el('dt', {}, [el('kbd', {}, [pair[0]])]), el('dd', {}, [pair[1]])]));
        });
    }

    DX.instructorWorkspace = {
        keyHelp: keyHelp,
        keyAction: keyAction,
        runningTotal: runningTotal,
        totalText: totalText,
        pointsText: pointsText,
        renderEvidenceText: renderEvidenceText,
        renderDraftPairs: renderDraftPairs,
        renderKeyHelp: renderKeyHelp,
        levelName: levelName
    };
}(window));
