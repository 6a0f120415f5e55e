/* The learner's revision history: one line per feedback request (score, change from the request
 * before, words) and which criteria changed level. Newest first.
 *
 * Needs core.js and feedback_view.js. createHistory(page) with page.ui (history, historyList), page.state.history
 * (the entries, oldest first), page.rubric (the criteria with their levels) and page.lang.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var el = core.el;

    function createHistory(page) {
        var ui = page.ui;
        var rubricById = {};
        (page.rubric || []).forEach(function (criterion) { rubricById[criterion.id] = criterion; });

        /* The level in the words the feedback itself uses ("Partly met"), so a revision reads
         * the same as the feedback it records. */
        function levelLabel(criterionId, index) {
            var criterion = rubricById[criterionId];
            var count = criterion && criterion.levels ? criterion.levels.length : 0;
            if (typeof index !== 'number' || index < 0 || index >= count) { return String(index); }
            return DX.feedbackView.OUTCOMES[DX.feedbackView.levelOutcome(index, count)].label();
        }

        /* Criterion ids in rubric order (a stored entry's keys come back in any order), then
         * any the rubric no longer has. */
        function orderedIds(levels) {
            var ids = (page.rubric || []).map(function (c) { return c.id; })
                .filter(function (cid) { return Object.prototype.hasOwnProperty.call(levels, cid); });
            Object.keys(levels).sort().forEach(function (cid) {
                if (ids.indexOf(cid) < 0) { ids.push(cid); }
            });
            return ids;
        }

        function deltaNote(delta) {
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
            return el('span', {className: 'dx-delta dx-delta--' + deltaClass}, [
                el('span', {'aria-hidden': 'true', text: delta > 0 ? '\u25B2 ' : (delta < 0 ? '\u25BC ' : '= ')}),
                '(' + deltaText + ')'
            ]);
        }

        function changeNotes(entry, previous) {
            var notes = el('ul', {className: 'dx-hist-changes'});
            if (entry.privacy_passed === false) {
                notes.appendChild(el('li', {className: 'dx-hist-privacy', text: gettext('Identifying details were found in this draft.')}));
            }
            if (previous) {
                var levels = entry.levels || {};
                var before = previous.levels || {};
                orderedIds(levels).forEach(function (cid) {
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
            return notes;
        }

        function render() {
            core.clear(ui.historyList);
            var entries = page.state.history;
            if (!entries.length) {
                ui.history.hidden = true;
                return;
            }
            var items = entries.map(function (entry, i) {
                var previous = i ? entries[i - 1] : null;
                var line = el('p', {className: 'dx-hist-line'}, [
                    el('strong', {text: fmt(gettext('Feedback request {number}'), {number: i + 1})}), ' \u00B7 ',
                    el('time', {datetime: entry.at || '', text: core.formatTime(entry.at, page.lang)}), ' \u00B7 ',
                    fmt(ngettext('{score} of {max} point', '{score} of {max} points', entry.max_score), {score: entry.score, max: entry.max_score})
                ]);
                if (previous && typeof previous.score === 'number' && typeof entry.score === 'number') {
                    line.appendChild(global.document.createTextNode(' '));
                    line.appendChild(deltaNote(entry.score - previous.score));
                }
                line.appendChild(global.document.createTextNode(' \u00B7 ' + fmt(ngettext('{count} word', '{count} words', entry.word_count || 0),
                    {count: entry.word_count || 0})));
                var item = el('li', {className: 'dx-hist-item'}, [line]);
                var notes = changeNotes(entry, previous);
                if (notes.childNodes.length) { item.appendChild(notes); }
                return item;
            });
            items.reverse().forEach(function (item) { ui.historyList.appendChild(item); });
            ui.history.hidden = false;
        }

        return {render: render};
    }

    DX.learner = DX.learner || {};
    DX.learner.createHistory = createHistory;
}(window));
