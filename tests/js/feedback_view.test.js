'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load} = require('./helpers');

const VIEW = ['core.js', 'feedback_view.js'];
const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>&amp;';

const SLOTS_HTML = `<!doctype html><body><section class="dx-feedback">
  <div class="dx-privacy" hidden></div><div class="dx-redflags" hidden></div>
  <p class="dx-fb-summary"></p><div class="dx-draft-view"></div><ol class="dx-criteria"></ol>
</section></body>`;

function setUp() {
    const window = load(VIEW, {html: SLOTS_HTML});
    const q = (s) => window.document.querySelector(s);
    const slots = {privacy: q('.dx-privacy'), redflags: q('.dx-redflags'), summary: q('.dx-fb-summary'),
        draftView: q('.dx-draft-view'), criteria: q('.dx-criteria')};
    return {window, view: window.DisclosureXBlock.feedbackView, slots, q};
}

function feedback(overrides) {
    return Object.assign({
        score: 3, max_score: 7, word_count: 12,
        privacy: {passed: true, findings: []},
        red_flags: [],
        criteria: [
            {id: 'brief', label: 'Brief', outcome: 'met', points: 2, max_points: 2, message: 'Short enough.', evidence: []},
            {id: 'focus', label: 'Focus back', outcome: 'not_met', points: 0, max_points: 3, message: 'Ask about them.', evidence: []},
            {id: 'tone', label: 'Tone', outcome: null, points: null, max_points: 2, message: '', evidence: []}
        ]
    }, overrides || {});
}

test('learner and designer text never becomes HTML', () => {
    const {window, view, slots, q} = setUp();
    const text = 'I felt ' + HOSTILE + ' too.';
    const start = 'I felt '.length;
    const fb = feedback({
        privacy: {passed: false, findings: [{text: HOSTILE, start, end: start + HOSTILE.length, message: HOSTILE}]},
        red_flags: [{kind: 'self_harm', message: HOSTILE}],
        criteria: [{id: 'x" onmouseover="window.__xss=3', label: HOSTILE, outcome: 'partial', points: 1, max_points: 2,
            message: HOSTILE, evidence: [{text: HOSTILE, start, end: start + HOSTILE.length, note: HOSTILE}]}]
    });
    view.render(slots, fb, text, {prefix: 'dx-t'});
    const section = q('.dx-feedback');
    assert.equal(section.querySelectorAll('img, script, b, a').length, 0);
    assert.equal(section.querySelectorAll('[onerror], [onmouseover]').length, 0);
    assert.equal(q('.dx-crit-label').textContent, HOSTILE);
    assert.equal(q('.dx-crit-msg').textContent, HOSTILE);
    assert.ok(q('.dx-crit-evidence').textContent.includes('(' + HOSTILE + ')'));
    assert.equal(q('.dx-redflags li').textContent, HOSTILE);
    assert.ok(q('.dx-privacy-list li').textContent.endsWith(HOSTILE));
    assert.equal(q('.dx-mark-btn').firstChild.textContent, HOSTILE);
    assert.equal(q('.dx-crit').getAttribute('data-criterion'), 'x" onmouseover="window.__xss=3');
    assert.equal(window.__xss, undefined);
});

test('criteria show their outcome in words and icons, and points only when automatic', () => {
    const {view, slots, q, window} = setUp();
    view.render(slots, feedback(), 'A short draft.', {prefix: 'p'});
    const items = [...window.document.querySelectorAll('.dx-criteria > li')];
    assert.deepEqual(items.map((li) => li.className), ['dx-crit dx-crit--met', 'dx-crit dx-crit--not_met', 'dx-crit dx-crit--instructor']);
    assert.deepEqual(items.map((li) => li.querySelector('.dx-crit-status').textContent),
        ['Met', 'Not yet', 'Your instructor will assess this']);
    assert.deepEqual(items.map((li) => li.querySelector('.dx-crit-icon').textContent), ['\u2713', '\u2717', '\u2026']);
    assert.equal(items[0].querySelector('.dx-crit-points').textContent, '2 of 2 points');
    assert.equal(items[2].querySelector('.dx-crit-points'), null);
    assert.equal(items[2].querySelector('.dx-crit-msg'), null, 'no empty message paragraph');
    assert.equal(items[1].id, 'p-crit-1');
    assert.equal(q('.dx-fb-summary').textContent,
        'Automatic score: 3 of 7 points. Met: 1. Partly met: 0. Not yet: 1. 1 criterion is left to your instructor.');
    assert.equal(slots.privacy.hidden, true);
    assert.equal(slots.redflags.hidden, true);
});

test('evidence is highlighted at code-point offsets (an emoji before it) and each highlight jumps to its comment', () => {
    const {view, slots, q, window} = setUp();
    const text = '\u{1F600} I was overwhelmed once. How are you?';
    // Python offsets count the emoji as one character.
    const start = Array.from(text).indexOf('o', 3);
    const fb = feedback({criteria: [{id: 'share', label: 'Shares', outcome: 'met', points: 1, max_points: 1,
        evidence: [{text: 'overwhelmed', start: 8, end: 19}]}]});
    assert.equal(start, 8);
    view.render(slots, fb, text, {prefix: 'p'});
    const mark = q('mark.dx-mark--met');
    assert.equal(mark.querySelector('.dx-mark-btn').firstChild.textContent, 'overwhelmed');
    assert.equal(slots.draftView.textContent.startsWith('\u{1F600} I was overwhelmed'), true);
    assert.equal(q('.dx-mark-tag').textContent, '1');
    assert.ok(q('.dx-mark-btn .dx-sr-only').textContent.includes('Shares: Met'));
    q('.dx-mark-btn').click();
    assert.equal(window.document.activeElement.id, 'p-crit-0');
    const quote = q('.dx-crit-evidence .dx-link-btn');
    quote.click();
    assert.equal(window.document.activeElement.id, 'p-mark-0');
    assert.equal(q('.dx-stale'), null);
});

test('a quote that no longer matches the draft is not highlighted and marks the feedback stale', () => {
    const {view, slots, q} = setUp();
    const fb = feedback({criteria: [{id: 'share', label: 'Shares', outcome: 'met', points: 1, max_points: 1,
        evidence: [{text: 'overwhelmed', start: 0, end: 11}]}]});
    view.render(slots, fb, 'Something else entirely.', {prefix: 'p'});
    assert.equal(q('mark'), null);
    assert.equal(q('.dx-crit-evidence .dx-quote').textContent, '\u201Coverwhelmed\u201D');
    assert.ok(q('.dx-stale'));
    view.markStale(slots.summary);
    assert.equal(slots.summary.querySelectorAll('.dx-stale').length, 1, 'the note is added once');
});

test('privacy findings are listed, highlighted and reachable', () => {
    const {view, slots, q} = setUp();
    const text = 'Call Dr Smith at 555-0100.';
    const fb = feedback({privacy: {passed: false, findings: [
        {text: '555-0100', start: 17, end: 25, message: 'A phone number.'}, {message: ''}]}});
    view.render(slots, fb, text, {prefix: 'p'});
    assert.equal(slots.privacy.hidden, false);
    assert.equal(slots.privacy.id, 'p-privacy');
    const items = slots.privacy.querySelectorAll('li');
    assert.equal(items.length, 2);
    assert.equal(items[1].textContent, 'This looks like an identifying detail.');
    assert.equal(q('mark.dx-mark--privacy .dx-mark-tag').textContent, '!');
    assert.equal(q('.dx-mark-btn').getAttribute('data-target'), 'p-privacy');
});

test('red flags have one rendering: a title and one line per flag, hidden when there are none', () => {
    const {window, view} = setUp();
    const box = window.document.createElement('div');
    view.renderRedFlags(box, [{kind: 'self_harm', message: 'Mentions self-harm.'}, {kind: 'overdose'}]);
    assert.equal(box.hidden, false);
    assert.equal(box.querySelector('.dx-redflags-title').textContent.trim(), '\u2691 Your instructor will review this draft personally.');
    assert.deepEqual([...box.querySelectorAll('li')].map((li) => li.textContent), ['Mentions self-harm.', 'overdose']);
    view.renderRedFlags(box, []);
    assert.equal(box.hidden, true);
    assert.equal(box.childNodes.length, 0);
});

test('the support message shows as plain text with a safety flag, and only when the server sends it', () => {
    const {window, view} = setUp();
    const box = window.document.createElement('div');
    view.renderRedFlags(box, [{kind: 'self_harm', message: 'Mentions self-harm.'}], '<b>Call</b> your EAP.');
    const note = box.querySelector('.dx-support');
    assert.equal(note.getAttribute('role'), 'note');
    assert.equal(note.textContent, '<b>Call</b> your EAP.');
    assert.equal(note.querySelector('b'), null);
    view.renderRedFlags(box, [{kind: 'contact_details', message: 'Shares a way to contact someone.'}]);
    assert.equal(box.querySelector('.dx-support'), null);
    view.renderRedFlags(box, [], 'Call your EAP.');
    assert.equal(box.hidden, true);
    assert.equal(box.querySelector('.dx-support'), null);
});

test('Studio\'s panel is the same view, without the highlighted draft', () => {
    const {window, view} = setUp();
    const container = window.document.createElement('div');
    const fb = feedback({red_flags: [{kind: 'suicide', message: 'Mentions suicide.'}],
        criteria: [{id: 'brief', label: 'Short and sweet', outcome: 'not_met', points: 0, max_points: 2,
            message: 'Drop "breathing".', evidence: [{text: 'breathing', start: 0, end: 9}]}]});
    const summary = view.renderPanel(container, fb, {prefix: 's'});
    assert.equal(container.querySelector('h4').textContent, 'Feedback a learner would get');
    assert.equal(summary, 'Automatic score: 3 of 7 points. Met: 0. Partly met: 0. Not yet: 1.');
    const item = container.querySelector('.dx-crit[data-criterion="brief"]');
    assert.ok(item.textContent.includes('Short and sweet') && item.textContent.includes('Not yet'));
    assert.equal(item.querySelector('.dx-quote').textContent, '\u201Cbreathing\u201D');
    assert.equal(container.querySelector('mark, .dx-draft-view'), null);
    assert.equal(container.querySelector('.dx-redflags li').textContent, 'Mentions suicide.');
    assert.equal(view.renderPanel(container, null), '');
    assert.equal(container.childNodes.length, 0);
});

test('a draft whose language could not be read says so plainly, not "your instructor will assess this"', () => {
    const {view, slots, q, window} = setUp();
    const message = 'Not judged: the feedback reads drafts in English or in Spanish, and could not tell which one this is. Write the draft in one of them.';
    const fb = feedback({score: 1, max_score: 7, criteria: [
        {id: 'brief', label: 'Brief', outcome: 'partial', points: 1, max_points: 2, message: 'A bit long.', evidence: []},
        {id: 'focus', label: 'Focus back', outcome: null, points: 0, max_points: 3, automatic: false,
            not_judged: 'language', message: message, evidence: []},
        {id: 'tone', label: 'Tone', outcome: null, points: null, max_points: 2, automatic: false, message: '', evidence: []}
    ]});
    const summary = view.render(slots, fb, 'Je me sentais seul.', {prefix: 'u'});
    const items = [...window.document.querySelectorAll('.dx-criteria > li')];
    assert.deepEqual(items.map((li) => li.className), ['dx-crit dx-crit--partial', 'dx-crit dx-crit--unread', 'dx-crit dx-crit--instructor']);
    assert.deepEqual(items.map((li) => li.querySelector('.dx-crit-status').textContent),
        ['Partly met', 'Not judged: language unclear', 'Your instructor will assess this']);
    assert.equal(items[1].querySelector('.dx-crit-msg').textContent, message);
    assert.equal(items[1].querySelector('.dx-crit-points'), null, 'no "0 of 3 points" for what was not judged');
    // The summary says it first, with what to do, and does not count it as the instructor's.
    assert.ok(summary.startsWith('The feedback could not tell with confidence which language this draft is in'));
    assert.ok(summary.includes('write the draft in one of them'));
    assert.ok(summary.endsWith('Not yet: 0. 1 criterion was not judged. 1 criterion is left to your instructor.'));
    assert.equal(q('.dx-fb-summary').textContent, summary);
    assert.equal(view.criterionKey(fb.criteria[1]), 'unread');
    assert.equal(view.criterionKey(fb.criteria[2]), 'instructor');
});

test('a judged draft has no language note', () => {
    const {view, slots} = setUp();
    const summary = view.render(slots, feedback(), 'A short draft.', {prefix: 'j'});
    assert.ok(!summary.includes('language'));
    assert.ok(!summary.includes('not judged'));
});

test('the view reads the block\'s translations', () => {
    const window = load(VIEW, {html: SLOTS_HTML, before(w) {
        w.DisclosureXBlockI18N = {gettext: (s) => ({'Met': 'Cumplido', 'Not yet': 'Todavía no'}[s] || s),
            ngettext: (a, b, n) => (n === 1 ? a : b)};
    }});
    const container = window.document.createElement('div');
    window.DisclosureXBlock.feedbackView.renderPanel(container, feedback(), {prefix: 's'});
    assert.deepEqual([...container.querySelectorAll('.dx-crit-status')].slice(0, 2).map((n) => n.textContent),
        ['Cumplido', 'Todavía no']);
});
