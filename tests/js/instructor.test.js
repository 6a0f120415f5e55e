'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./helpers');

const FILES = ['core.js', 'feedback_view.js', 'instructor/workspace.js', 'instructor/cohort.js'];
const HOSTILE = '<img src=x onerror="window.__xss=1">';

function setUp(catalogue) {
    const window = load(FILES, {before: (w) => { if (catalogue) { w.DisclosureXBlockI18N = catalogue; } }});
    return {window, ws: window.DisclosureXBlock.instructorWorkspace, cohort: window.DisclosureXBlock.instructorCohort};
}

const RUBRIC = [
    {id: 'brief', label: 'Brief', automatic: true, max_points: 3,
        levels: [{points: 0, label: 'Not yet'}, {points: 2, label: 'Partly'}, {points: 3, label: 'Met'}]},
    {id: 'tone', label: 'Tone', automatic: false, max_points: 1, levels: [{points: 0, label: ''}, {points: 1, label: 'Yes'}]}
];

// Plain copies: objects made in the jsdom realm have another Object.prototype.
const plain = (value) => JSON.parse(JSON.stringify(value));

function key(window, k, extra) {
    return Object.assign({key: k, target: window.document.body, ctrlKey: false, metaKey: false, altKey: false}, extra || {});
}

test('digits pick levels, letters move, and nothing fires while typing or with a modifier', () => {
    const {window, ws} = setUp();
    assert.deepEqual(plain(ws.keyAction(key(window, '3'))), {type: 'level', index: 2});
    assert.deepEqual(plain(ws.keyAction(key(window, 'j'))), {type: 'criterion', step: 1});
    assert.deepEqual(plain(ws.keyAction(key(window, 'K'))), {type: 'criterion', step: -1});
    assert.deepEqual(plain(ws.keyAction(key(window, 's'))), {type: 'save'});
    assert.deepEqual(plain(ws.keyAction(key(window, 'n'))), {type: 'submission', step: 1});
    assert.deepEqual(plain(ws.keyAction(key(window, 'p'))), {type: 'submission', step: -1});
    assert.equal(ws.keyAction(key(window, '0')), null);
    assert.equal(ws.keyAction(key(window, 'x')), null);
    const area = window.document.createElement('textarea');
    const radio = window.document.createElement('input');
    radio.type = 'radio';
    assert.equal(ws.keyAction(key(window, '2', {target: area})), null);
    assert.equal(ws.keyAction(key(window, 's', {target: area})), null);
    assert.deepEqual(plain(ws.keyAction(key(window, 'Enter', {target: area, ctrlKey: true}))), {type: 'save'});
    assert.deepEqual(plain(ws.keyAction(key(window, '2', {target: radio}))), {type: 'level', index: 1});
    assert.equal(ws.keyAction(key(window, 's', {ctrlKey: true})), null);
});

test('the running total counts chosen levels and says what is missing, with plurals', () => {
    const {ws} = setUp();
    const partial = ws.runningTotal(RUBRIC, {brief: 1});
    assert.deepEqual(plain(partial), {earned: 2, possible: 4, missing: 1});
    assert.equal(ws.totalText(partial), 'Total: 2 of 4 points (1 criterion still to grade)');
    assert.equal(ws.totalText(ws.runningTotal(RUBRIC, {brief: 2, tone: 1})), 'Total: 4 of 4 points');
    assert.equal(ws.totalText({earned: 1, possible: 1, missing: 2}), 'Total: 1 of 1 point (2 criteria still to grade)');
    assert.equal(ws.pointsText(1), '1 point');
});

test('plurals go through the catalogue\'s ngettext (Spanish)', () => {
    const seen = [];
    const {ws} = setUp({
        gettext: (m) => m,
        ngettext: (s, p, n) => { seen.push(s); return n === 1 ? 'Total: {earned} de {possible} punto' : 'Total: {earned} de {possible} puntos'; }
    });
    assert.equal(ws.totalText({earned: 1, possible: 1, missing: 0}), 'Total: 1 de 1 punto');
    assert.ok(seen.includes('Total: {earned} of {possible} point'));
});

test('evidence is highlighted as text nodes, never markup; a quote that does not match is skipped', () => {
    const {window, ws} = setUp();
    const text = 'I felt scared too. ' + HOSTILE + ' How are you?';
    const box = window.document.createElement('div');
    const start = text.indexOf('How are you?');
    const count = ws.renderEvidenceText(box, text, [
        {id: 'focus', label: 'Focus', outcome: 'met', evidence: [{start, end: start + 12, text: 'How are you?'}]},
        {id: 'brief', label: 'Brief', outcome: 'partial', evidence: [{start: 0, end: 6, text: 'wrong!'}]},
        {id: 'hostile', label: 'Hostile', outcome: 'not_met', evidence: [{start: 19, end: 19 + HOSTILE.length, text: HOSTILE}]}
    ]);
    assert.equal(count, 2);
    assert.equal(box.querySelectorAll('img').length, 0);
    const marks = box.querySelectorAll('mark');
    assert.equal(marks.length, 2);
    assert.equal(marks[0].firstChild.nodeValue, HOSTILE);
    assert.equal(marks[1].firstChild.nodeValue, 'How are you?');
    assert.equal(marks[1].getAttribute('title'), 'evidence for Focus');
    // The text is the submission, unchanged (nothing added inside or between the marks).
    assert.equal(box.textContent, text);
});

test('draft history shows each draft beside the next, the last beside the submission', () => {
    const {window, ws} = setUp();
    const box = window.document.createElement('div');
    const detail = {
        rubric: RUBRIC, text: 'final ' + HOSTILE, submitted_at: '2026-01-02T00:00:00Z', red_flags: [], red_flag_labels: [],
        auto: {score: 3, max_score: 4, levels: {brief: 2}},
        draft_history: [
            {at: '2026-01-01T00:00:00Z', text: 'first', score: 0, max_score: 4, levels: {brief: 0}, red_flags: ['crisis']},
            {at: '2026-01-01T01:00:00Z', text: 'second', score: 2, max_score: 4, levels: {brief: 1}, red_flags: []}
        ]
    };
    assert.equal(ws.renderDraftPairs(box, detail), 2);
    const pairs = box.querySelectorAll('.dx-i-draft-pair');
    assert.equal(pairs.length, 2);
    const texts = (pair) => Array.from(pair.querySelectorAll('.dx-i-draft-text')).map((p) => p.textContent);
    assert.deepEqual(texts(pairs[0]), ['first', 'second']);
    assert.deepEqual(texts(pairs[1]), ['second', 'final ' + HOSTILE]);
    assert.match(pairs[0].textContent, /Brief: Not yet/);
    assert.match(pairs[0].textContent, /Brief: Partly/);
    assert.match(pairs[1].textContent, /Automatic score: 3 of 4 points/);
    assert.match(pairs[0].textContent, /crisis/);
    assert.equal(box.querySelectorAll('img').length, 0);
    detail.draft_history = [];
    assert.equal(ws.renderDraftPairs(box, detail), 0);
    assert.match(box.textContent, /No drafts were checked/);
});

test('the cohort view draws named SVG charts, each followed by a table with the same numbers', () => {
    const {window, cohort} = setUp();
    const box = window.document.createElement('div');
    let n = 0;
    const uid = (name) => 'id-' + name + '-' + (n += 1);
    cohort.renderCohort(box, {
        total: 1, graded: 1, max_draft_bucket: 3, most_overridden: ['brief'],
        concerns: [{kind: 'criterion', id: 'brief', label: 'Brief ' + HOSTILE, count: 1}, {kind: 'flag', id: 'crisis', label: 'Crisis', count: 2}],
        criteria: [
            {id: 'brief', label: 'Brief ' + HOSTILE, automatic: true, levels: ['Not yet', 'Partly', 'Met'],
                auto: [1, 0, 0], instructor: [0, 0, 1], compared: 1, raised: 1, lowered: 0, override_rate: 1,
                below_top: 1, drafts_to_top: [0, 2, 0, 1]},
            {id: 'tone', label: 'Tone', automatic: false, levels: ['No', 'Yes'], auto: null, instructor: [0, 0],
                compared: 0, raised: 0, lowered: 0, override_rate: null, below_top: null, drafts_to_top: null}
        ]
    }, uid);
    assert.equal(box.querySelectorAll('img').length, 0);
    assert.match(box.textContent, /^1 current submission, 1 graded/);
    const svgs = box.querySelectorAll('svg');
    assert.equal(svgs.length, 3);   // brief: levels + drafts; tone: levels
    for (const svg of svgs) {
        assert.equal(svg.getAttribute('role'), 'img');
        const title = svg.querySelector('title');
        assert.equal(svg.getAttribute('aria-labelledby'), title.id);
        assert.ok(title.textContent);
        assert.equal(svg.nextElementSibling.tagName, 'TABLE');
    }
    const first = box.querySelector('table tbody');
    assert.deepEqual(Array.from(first.rows).map((r) => Array.from(r.cells).map((c) => c.textContent)),
        [['Not yet', '1', '0'], ['Partly', '0', '0'], ['Met', '0', '1']]);
    assert.match(box.textContent, /in 100 % of 1 graded submission: raised 1, lowered 0/);
    assert.match(box.textContent, /Red flag: Crisis — 2 submissions/);
    assert.match(box.textContent, /Below the top level: Brief [^—]* — 1 submissionRed flag/);
    const drafts = box.querySelectorAll('table')[1];
    assert.deepEqual(Array.from(drafts.tBodies[0].rows).map((r) => r.cells[0].textContent), ['1', '2', '3+', 'never']);
});
