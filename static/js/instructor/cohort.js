/* The cohort view: per criterion, the spread of levels (automatic and instructor) as stacked
 * bars, the drafts learners needed to reach the top level as a small bar chart, and the most
 * frequent concerns. Every chart is an SVG with role="img" and a name, followed by a table with
 * the same numbers (the text alternative). The SVGs scale with their box (viewBox, width 100%),
 * so they read at 360 px.
 *
 * Classic script on window.DisclosureXBlock, after core.js. No innerHTML: SVG nodes are made
 * with createElementNS and their text with textContent.
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
    var SVG = 'http://www.w3.org/2000/svg';
    // Dark fills (each at least 3:1 against white and the white gaps between segments), lowest
    // level first.
    var COLOURS = ['#8c2f00', '#a15c00', '#5c6b00', '#1d6b3a', '#0a5a85', '#4b3f8f'];

    function svgEl(tag, attrs, text) {
        var node = global.document.createElementNS(SVG, tag);
        Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
        if (text !== undefined) { node.textContent = String(text); }
        return node;
    }

    function chart(titleId, title, height) {
        var svg = svgEl('svg', {viewBox: '0 0 320 ' + height, width: '100%', role: 'img',
            'aria-labelledby': titleId, 'class': 'dx-i-chart', preserveAspectRatio: 'xMinYMin meet'});
        svg.appendChild(svgEl('title', {id: titleId}, title));
        return svg;
    }

    function submissionsText(count) {
        return fmt(ngettext('{count} submission', '{count} submissions', count), {count: count});
    }

    function learnersText(count) {
        return fmt(ngettext('{count} learner', '{count} learners', count), {count: count});
    }

    /* Stacked bars: rows [{label, counts: [per level]}], levels [names]. */
    function stackedBars(uid, title, rows, levels) {
        var barH = 22;
        var top = 8;
        var height = top + rows.length * (barH + 22) + 18 + Math.ceil(levels.length / 3) * 16;
        var svg = chart(uid('chart'), title, height);
        rows.forEach(function (row, r) {
            var y = top + r * (barH + 22);
            var total = row.counts.reduce(function (a, b) { return a + b; }, 0);
            svg.appendChild(svgEl('text', {x: 0, y: y + 11, 'font-size': 12, fill: '#1f2328'},
                row.label + ' \u00b7 ' + submissionsText(total)));
            var x = 0;
            row.counts.forEach(function (count, k) {
                if (!total || !count) { return; }
                var w = 320 * count / total;
                svg.appendChild(svgEl('rect', {x: x, y: y + 16, width: Math.max(w - 1, 0.5), height: barH,
                    fill: COLOURS[k % COLOURS.length], stroke: '#fff', 'stroke-width': 1}));
                if (w > 28) {
                    svg.appendChild(svgEl('text', {x: x + 4, y: y + 16 + 15, 'font-size': 11, fill: '#fff'},
                        core.percent(count / total)));
                }
                x += w;
            });
            if (!total) {
                svg.appendChild(svgEl('text', {x: 0, y: y + 16 + 15, 'font-size': 11, fill: '#4a5560'},
                    gettext('None yet')));
            }
        });
        var ly = top + rows.length * (barH + 22) + 4;
        levels.forEach(function (name, k) {
            var lx = (k % 3) * 107;
            var yy = ly + Math.floor(k / 3) * 16;
            svg.appendChild(svgEl('rect', {x: lx, y: yy, width: 10, height: 10, fill: COLOURS[k % COLOURS.length]}));
            svg.appendChild(svgEl('text', {x: lx + 14, y: yy + 9, 'font-size': 11, fill: '#1f2328'}, name));
        });
        return svg;
    }

    function bars(uid, title, values, labels) {
        var height = 120;
        var svg = chart(uid('chart'), title, height);
        var max = Math.max.apply(null, values.concat([1]));
        var w = 320 / values.length;
        values.forEach(function (value, i) {
            var h = 80 * value / max;
            svg.appendChild(svgEl('rect', {x: i * w + 4, y: 90 - h, width: w - 8, height: Math.max(h, 0.5), fill: '#0a5a85'}));
            svg.appendChild(svgEl('text', {x: i * w + 6, y: 86 - h, 'font-size': 11, fill: '#1f2328'}, value));
            svg.appendChild(svgEl('text', {x: i * w + 4, y: 106, 'font-size': 11, fill: '#1f2328'}, labels[i]));
        });
        return svg;
    }

    function table(caption, head, rows) {
        return el('table', {className: 'dx-i-table dx-i-cohort-table'}, [
            el('caption', {}, [caption]),
            el('thead', {}, [el('tr', {}, head.map(function (h) { return el('th', {scope: 'col'}, [h]); }))]),
            el('tbody', {}, rows.map(function (row) {
                return el('tr', {}, row.map(function (cell, i) {
                    return i === 0 ? el('th', {scope: 'row'}, [String(cell)]) : el('td', {}, [String(cell)]);
                }));
            }))
        ]);
    }

    function draftLabels(max) {
        var labels = [];
        for (var n = 1; n < max; n += 1) { labels.push(String(n)); }
        labels.push(fmt(gettext('{n}+'), {n: max}));
        labels.push(gettext('never'));
        return labels;
    }

    function criterionSection(uid, c, maxBucket) {
        var section = el('section', {className: 'dx-i-cohort-criterion'}, [el('h4', {}, [c.label])]);
        var rows = [];
        if (c.auto) { rows.push({label: gettext('Automatic'), counts: c.auto}); }
        rows.push({label: gettext('Instructor'), counts: c.instructor});
        var figure = el('figure', {className: 'dx-i-figure'});
        figure.appendChild(stackedBars(uid, fmt(gettext('How the levels of {criterion} are spread'), {criterion: c.label}), rows, c.levels));
        figure.appendChild(table(fmt(gettext('Levels of {criterion}: submissions per level'), {criterion: c.label}),
            [gettext('Level')].concat(rows.map(function (r) { return r.label; })),
            c.levels.map(function (name, k) {
                return [name].concat(rows.map(function (r) { return r.counts[k]; }));
            })));
        section.appendChild(figure);
        if (c.automatic) {
            section.appendChild(el('p', {}, [c.compared
                ? fmt(ngettext('Instructors changed the automatic level in {rate} of {count} graded submission: raised {raised}, lowered {lowered}.',
                    'Instructors changed the automatic level in {rate} of {count} graded submissions: raised {raised}, lowered {lowered}.',
                    c.compared), {rate: core.percent(c.override_rate), count: c.compared, raised: c.raised, lowered: c.lowered})
                : gettext('No instructor grades to compare with yet.')]));
            var drafts = c.drafts_to_top || [];
            var labels = draftLabels(maxBucket);
            var reached = drafts.reduce(function (a, b) { return a + b; }, 0);
            if (reached) {
                var dfig = el('figure', {className: 'dx-i-figure'});
                dfig.appendChild(bars(uid, fmt(gettext('Drafts learners needed to reach the top level of {criterion}'), {criterion: c.label}),
                    drafts, labels));
                dfig.appendChild(table(fmt(gettext('Drafts to reach the top level of {criterion}'), {criterion: c.label}),
                    [gettext('Drafts'), gettext('Learners')], labels.map(function (label, i) { return [label, drafts[i]]; })));
                section.appendChild(dfig);
            }
        }
        return section;
    }

    /* The whole view into ``box`` from the staff_cohort answer. */
    function renderCohort(box, data, uid) {
        clear(box);
        box.appendChild(el('p', {}, [fmt(ngettext('{total} current submission, {graded} graded by an instructor.',
            '{total} current submissions, {graded} graded by an instructor.', data.total), data)]));
        var concerns = data.concerns || [];
        box.appendChild(el('h4', {}, [gettext('Most frequent concerns')]));
        if (concerns.length) {
            box.appendChild(el('ol', {className: 'dx-i-concerns'}, concerns.map(function (item) {
                var what = item.kind === 'flag'
                    ? fmt(gettext('Red flag: {label}'), {label: item.label})
                    : fmt(gettext('Below the top level: {label}'), {label: item.label});
                return el('li', {}, [what + ' \u2014 ' + submissionsText(item.count)]);
            })));
        } else {
            box.appendChild(el('p', {}, [gettext('No concerns yet.')]));
        }
        var byId = {};
        (data.criteria || []).forEach(function (c) { byId[c.id] = c; });
        if ((data.most_overridden || []).length) {
            box.appendChild(el('p', {}, [fmt(gettext('Instructors overrode the engine most on: {names}.'), {
                names: data.most_overridden.slice(0, 3).map(function (id) { return byId[id].label; }).join(', ')})]));
        }
        (data.criteria || []).forEach(function (c) { box.appendChild(criterionSection(uid, c, data.max_draft_bucket)); });
        return box;
    }

    DX.instructorCohort = {renderCohort: renderCohort, stackedBars: stackedBars, learnersText: learnersText};
}(window));
