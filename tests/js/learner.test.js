'use strict';
/* The learner page put together (learner.js and its parts) on the real templates/learner.html:
 * the feedback request, the revision history and the submit dialog. */
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {load, fakeFetch, flush, runtime} = require('./helpers');

const FILES = ['core.js', 'feedback_view.js', 'learner/draft.js', 'learner/history.js',
    'learner/submission.js', 'learner/submit_dialog.js', 'learner.js'];
const ID = 'dx-init-t';

function learnerHtml(initArgs) {
    let html = fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'learner.html'), 'utf8');
    html = html.replace(/\{% load i18n %\}\{% comment %\}[\s\S]*?\{% endcomment %\}/, '')
        .replace(/\{% if preview_note %\}[\s\S]*?\{% endif %\}/, '')
        .replace(/\{% if target %\}[\s\S]*?\{% else %\}([\s\S]*?)\{% endif %\}/, '$1')
        .replace(/\{% blocktrans %\}(.*?)\{% endblocktrans %\}/g, '$1')
        .replace(/\{% trans (["'])(.*?)\1 %\}/g, '$2')
        .replace('{{ init_args|json_script:init_json_id }}',
            `<script id="${ID}" type="application/json">${JSON.stringify(initArgs)}</script>`)
        .replace(/\{\{ init_json_id \}\}/g, ID)
        .replace('{{ lang }}', 'en').replace('{{ display_name }}', 'Jamie').replace('{{ patient }}', 'Jamie')
        .replace('{{ context_html|safe }}', 'Ward.').replace('{{ prompt }}', 'Write to Jamie.')
        .replace('{{ instructor_panel_html|safe }}', '');
    assert.ok(!/\{[%{]/.test(html), 'every template tag was filled');
    return '<!doctype html><body><div class="xblock">' + html + '</div></body>';
}

const ARGS = {
    usage_id: 'u1', storage_key: 'learner-1', min_words: 3, max_words: 20, max_chars: 5000,
    max_feedback_requests: 2, feedback_requests_used: 0, draft: '', history: [], submission: null,
    rubric: [{id: 'brief', label: 'Brief', levels: [{points: 0, label: 'Not yet'}, {points: 1, label: 'Met'}]}],
    grading_mode: 'auto', preview: false, language: 'en'
};

function open(args) {
    const window = load(FILES, {html: learnerHtml(Object.assign({}, ARGS, args || {}))});
    const calls = fakeFetch(window);
    const element = window.document.querySelector('.xblock');
    window.DisclosureLearner(runtime, element);
    const q = (s) => window.document.querySelector(s);
    const type = (text) => { q('.dx-text').value = text; q('.dx-text').dispatchEvent(new window.Event('input')); };
    return {window, calls, q, type};
}

const FEEDBACK = (level) => ({score: level, max_score: 1, privacy: {passed: true, findings: []}, red_flags: [],
    criteria: [{id: 'brief', label: 'Brief', outcome: level ? 'met' : 'not_met', points: level, max_points: 1,
        message: level ? 'Good.' : 'Shorter.', evidence: []}]});

test('asking for feedback shows it, counts the request and adds a revision', async () => {
    const {calls, q, type} = open();
    assert.equal(q('.dx-remaining').textContent, '2 feedback requests left of 2.');
    type('I once felt the same way. How are you?');
    q('.dx-feedback-btn').click();
    await flush();
    assert.equal(calls[0].url, '/handler/get_feedback');
    assert.equal(q('.dx-feedback-btn').disabled, true, 'one request at a time');
    calls[0].respond(200, {feedback: FEEDBACK(0), feedback_requests_used: 1, feedback_requests_left: 1,
        history_entry: {at: '2026-01-01T10:00:00Z', score: 0, max_score: 1, word_count: 9, levels: {brief: 0}}});
    await flush();
    assert.equal(q('.dx-feedback').hidden, false);
    assert.equal(q('.dx-crit-status').textContent, 'Not yet');
    assert.equal(q('.dx-remaining').textContent, '1 feedback request left of 2.');
    assert.equal(q('.dx-history').hidden, false);
    type('I once felt the same. How are you?');
    assert.ok(q('.dx-fb-summary .dx-stale'), 'editing marks the feedback stale');
    q('.dx-feedback-btn').click();
    await flush();
    calls.at(-1).respond(200, {feedback: FEEDBACK(1), feedback_requests_used: 2, feedback_requests_left: 0,
        history_entry: {at: '2026-01-01T10:05:00Z', score: 1, max_score: 1, word_count: 8, levels: {brief: 1}}});
    await flush();
    const newest = q('.dx-history-list li');
    assert.ok(newest.textContent.startsWith('Feedback request 2'));
    assert.ok(newest.textContent.includes('up 1 from the previous request'));
    assert.ok(newest.textContent.includes('Brief: Not yet \u2192 Met'));
    assert.equal(q('.dx-feedback-btn').disabled, true, 'no requests left');
    assert.equal(q('.dx-fb-summary .dx-stale'), null);
});

test('the submit dialog refuses a draft under the word minimum without opening', () => {
    const {q, type} = open();
    type('Too short');
    q('.dx-submit-btn').click();
    assert.equal(q('.dx-dialog-backdrop').hidden, true);
    assert.equal(q('.dx-alert').textContent, 'Your draft has 2 words; write at least 3.');
});

test('the submit dialog shows the exact text, closes with Escape and submits on confirm', async () => {
    const {window, calls, q, type} = open();
    const text = 'I felt <b>that</b> too, once. How are you?';
    type(text);
    q('.dx-submit-btn').focus();
    q('.dx-submit-btn').click();
    assert.equal(q('.dx-dialog-backdrop').hidden, false);
    assert.equal(q('.dx-dialog-text').textContent, text);
    assert.equal(q('.dx-dialog-text b'), null);
    assert.equal(window.document.activeElement, q('.dx-dialog-cancel'));
    q('.dx-dialog').dispatchEvent(new window.KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
    assert.equal(q('.dx-dialog-backdrop').hidden, true);
    assert.equal(window.document.activeElement, q('.dx-submit-btn'), 'focus goes back');
    q('.dx-submit-btn').click();
    q('.dx-dialog-confirm').click();
    await flush();
    const submit = calls.find((c) => c.url === '/handler/submit');
    assert.equal(submit.body.text, text);
    submit.respond(200, {submission: {status: 'submitted', text, submitted_at: '2026-01-01T10:00:00Z'}, feedback: FEEDBACK(1)});
    await flush();
    assert.equal(q('.dx-submitted').hidden, false);
    assert.equal(q('.dx-editor').hidden, true);
    assert.equal(q('.dx-submitted-text').textContent, text);
    assert.equal(q('.dx-status-badge').textContent, 'Submitted');
    assert.equal(window.document.activeElement, q('.dx-submitted > .dx-h'));
    assert.equal(window.localStorage.getItem('dx-draft:u1:learner-1'), null, 'the local copy is gone');
});

test('a submission refused as already made shows what the server has', async () => {
    const {calls, q, type} = open();
    type('I felt that too, once. How are you?');
    q('.dx-submit-btn').click();
    q('.dx-dialog-confirm').click();
    await flush();
    calls.find((c) => c.url === '/handler/submit').respond(409, {error: 'You have already submitted.',
        submission: {status: 'graded', text: 'Earlier text', score: {earned: 1, possible: 1}}});
    await flush();
    assert.equal(q('.dx-alert').textContent, 'You have already submitted.');
    assert.equal(q('.dx-submitted-text').textContent, 'Earlier text');
    assert.equal(q('.dx-score').textContent, 'Score: 1 of 1 point');
    assert.equal(q('.dx-submit-btn').disabled, true);
});

const RUBRIC3 = [
    {id: 'brief', label: 'Brief', levels: [{points: 0, label: 'Not yet'}, {points: 2, label: 'Partly'}, {points: 3, label: 'Met'}]},
    {id: 'relevant', label: 'Relevant', levels: [{points: 0, label: 'Not yet'}, {points: 2, label: 'Partly'}, {points: 3, label: 'Met'}]},
    {id: 'focus', label: 'Focus', levels: [{points: 0, label: 'Not yet'}, {points: 2, label: 'Partly'}, {points: 3, label: 'Met'}]}
];

test('revision changes are listed in rubric order, fresh and after a reload, with the feedback\'s level words', () => {
    // After a reload the stored entries' keys come back in another order (the database sorts them).
    const history = [
        {at: '2026-01-01T10:00:00Z', score: 2, max_score: 9, word_count: 9, levels: {focus: 0, brief: 1, relevant: 0}},
        {at: '2026-01-01T10:05:00Z', score: 7, max_score: 9, word_count: 8, levels: {relevant: 1, focus: 2, brief: 2}}
    ];
    const {q, window} = open({rubric: RUBRIC3, history});
    const changes = [...q('.dx-history-list li .dx-hist-changes').children].map((li) => li.textContent);
    assert.deepEqual(changes, ['Brief: Partly met \u2192 Met', 'Relevant: Not yet \u2192 Partly met',
        'Focus: Not yet \u2192 Met']);
    assert.ok(!window.document.body.textContent.includes('Partly \u2192'), 'one word for the middle level');
});

test('after Get feedback, focus moves to the feedback summary and the result is announced', async () => {
    const {window, calls, q, type} = open();
    type('I once felt the same way. How are you?');
    q('.dx-feedback-btn').focus();
    q('.dx-feedback-btn').click();
    await flush();
    calls[0].respond(200, {feedback: FEEDBACK(1), feedback_requests_used: 1, feedback_requests_left: 1,
        history_entry: {at: '2026-01-01T10:00:00Z', score: 1, max_score: 1, word_count: 9, levels: {brief: 1}}});
    await flush();
    assert.equal(window.document.activeElement, q('.dx-fb-summary'));
    assert.equal(q('.dx-fb-summary').getAttribute('tabindex'), '-1');
    await new Promise((resolve) => setTimeout(resolve, 80));  // core.announceIn waits 50 ms
    assert.ok(q('.dx-live').textContent.includes('Automatic score: 1 of 1 point.'));
});
