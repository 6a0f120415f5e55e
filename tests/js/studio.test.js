'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {load, fakeFetch, flush, runtime} = require('./helpers');

const FILES = ['core.js', 'feedback_view.js', 'studio/form.js', 'studio/rubric_editor.js', 'studio/field_errors.js', 'studio.js'];
const ID = 'dx-studio-t';

/* templates/studio.html with its Django tags filled in the simplest way (English text, one
 * library entry, no submissions), so the tests drive the editor's real markup. */
function studioHtml(exercise) {
    let html = fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'studio.html'), 'utf8');
    html = html.replace(/\{% load i18n %\}/, '')
        .replace(/\{% if has_submissions %\}[\s\S]*?\{% endif %\}/, '')
        .replace(/\{% for item in library %\}([\s\S]*?)\{% endfor %\}/, (m, body) =>
            body.replace('{{ item.key }}', 'anxiety-withdrawal').replace('{{ item.display_name }}', 'Anxiety'))
        .replace(/\{% trans (["'])(.*?)\1 %\}/g, '$2')
        .replace(/\{\{ exercise\|json_script:exercise_json_id \}\}/,
            `<script id="${ID}" type="application/json">${JSON.stringify(exercise)}</script>`)
        .replace(/\{\{ exercise_json_id \}\}/g, ID);
    assert.ok(!/\{[%{]/.test(html), 'every template tag was filled');
    return '<!doctype html><body><div class="xblock">' + html + '</div></body>';
}

const EXERCISE = {
    display_name: 'Jamie', min_words: 10, max_words: 80, max_feedback_requests: 3, weight: null,
    grading_mode: 'auto', show_exemplar: 'after_submit', exemplar: 'A model answer.',
    allow_resubmission: false, hold_staff_grades: true,
    scenario: {key: 'k', patient: 'Jamie', context: 'Ward', prompt: 'Write to Jamie.', keywords: ['a', 'b'], allowed_names: []},
    rubric: {preset: 'appropriate-self-disclosure', privacy_gate: true, criteria: [
        {id: 'brief', label: 'Brief', description: 'Short.', levels: [{points: 0, label: 'Not yet', message: 'Too long.'},
            {points: 2, label: 'Met', message: 'Good.'}], checks: [{type: 'word_count', params: {met_min: 15, met_max: 50}}]},
        {id: 'focus', label: 'Focus', description: '', levels: [{points: 0, label: 'No', message: ''},
            {points: 1, label: 'Partly', message: ''}, {points: 3, label: 'Yes', message: ''}],
        checks: [{type: 'detector', params: {name: 'turn_back'}}]}
    ]}
};
const DETECTORS = [{name: 'turn_back', explanation: 'Looks for a question back to the patient.'},
    {name: 'minimising', explanation: 'Looks for minimising words.'}];

function open(initArgs) {
    const window = load(FILES, {html: studioHtml(EXERCISE)});
    const calls = fakeFetch(window);
    const notified = [];
    const rt = Object.assign({notify: (name, data) => notified.push([name, data])}, runtime);
    const element = window.document.querySelector('.xblock');
    window.DisclosureStudio(rt, element, Object.assign({detectors: DETECTORS, presets: ['appropriate-self-disclosure']}, initArgs || {}));
    const q = (s) => window.document.querySelector(s);
    const click = (s) => q(s).dispatchEvent(new window.MouseEvent('click', {bubbles: true}));
    return {window, calls, notified, q, click};
}

test('the form shows the exercise and saves exactly what it shows', async () => {
    const {calls, q, click} = open();
    assert.equal(q('[data-input="display_name"]').value, 'Jamie');
    assert.equal(q('[data-input="scenario.keywords"]').value, 'a, b');
    assert.equal(q('[data-input="hold_staff_grades"]').checked, true);
    assert.equal(q('[data-role="rubric-total"]').textContent, '2 criteria, worth 5 points in all.');
    assert.equal(q('.dx-check-item [data-role="explain"]').textContent,
        'Counts the words of the draft. Met from 15 to 50 words; partly met from 15 to 50 words; not met otherwise.');
    click('[data-action="save"]');
    await flush();
    const sent = calls[0].body.exercise;
    assert.equal(calls[0].url, '/handler/studio_save');
    assert.equal(sent.display_name, 'Jamie');
    assert.equal(sent.weight, '');
    assert.equal(sent.scenario.keywords, 'a, b');
    assert.equal(sent.rubric.preset, 'appropriate-self-disclosure');
    assert.deepEqual(sent.rubric.criteria.map((c) => c.id), ['brief', 'focus']);
    assert.deepEqual(sent.rubric.criteria[1].levels.map((l) => l.points), ['0', '1', '3']);
    assert.deepEqual(sent.rubric.criteria[0].checks, [{type: 'word_count', params: {met_min: '15', met_max: '50'}}]);
    assert.deepEqual(sent.rubric.criteria[1].checks, [{type: 'detector', params: {name: 'turn_back'}}]);
});

test('"Reset the rubric" asks for a preset from the list the page received', async () => {
    const {calls, click} = open({presets: ['first-preset', 'second-preset']});
    click('[data-action="reset-rubric"]');
    await flush();
    assert.equal(calls[0].url, '/handler/studio_library');
    assert.deepEqual(calls[0].body, {preset: 'first-preset'}, 'the editor\'s preset is not listed: the first listed');
    const listed = open({presets: ['other', 'appropriate-self-disclosure']});
    listed.click('[data-action="reset-rubric"]');
    await flush();
    assert.deepEqual(listed.calls[0].body, {preset: 'appropriate-self-disclosure'}, 'the rubric\'s own preset');
});

test('resetPreset: the current preset when listed, else the first, else none', () => {
    const {window} = open();
    const {resetPreset} = window.DisclosureXBlock.studio;
    assert.equal(resetPreset(['a', 'b'], 'b'), 'b');
    assert.equal(resetPreset(['a', 'b'], 'zzz'), 'a');
    assert.equal(resetPreset(['a', 'b'], ''), 'a');
    assert.equal(resetPreset([], 'b'), null);
});

test('moving a criterion keeps focus on the moved one', () => {
    const {window, q, click} = open();
    const down = q('.dx-criterion [data-action="criterion-down"]');
    down.focus();
    click('.dx-criterion [data-action="criterion-down"]');
    assert.equal(q('[data-input="criteria.0.label"]').value, 'Focus');
    assert.equal(q('[data-input="criteria.1.label"]').value, 'Brief');
    const active = window.document.activeElement;
    assert.equal(active.closest('.dx-criterion').getAttribute('data-index'), '1');
    assert.ok(active.classList.contains('dx-criterion-title'), 'the last one cannot move down: focus goes to its heading');
    assert.equal(active.textContent, 'Criterion 2 of 2: Brief');
});

test('a new detector check defaults to the first detector and explains it', () => {
    const {window, q} = open();
    const first = q('.dx-criterion');
    first.querySelector('[data-role="new-check-type"]').value = 'detector';
    first.querySelector('[data-action="check-add"]').dispatchEvent(new window.MouseEvent('click', {bubbles: true}));
    const added = window.document.querySelectorAll('.dx-criterion')[0].querySelectorAll('.dx-check-item')[1];
    assert.equal(added.getAttribute('data-type'), 'detector');
    assert.equal(added.querySelector('select').value, 'turn_back');
    assert.equal(added.querySelector('[data-role="explain"]').textContent, 'Looks for a question back to the patient.');
    assert.equal(window.document.activeElement, added.querySelector('select'));
});

test('field errors from the server are shown at their controls, and cleared', async () => {
    const {window, calls, q, click, notified} = open();
    click('[data-action="save"]');
    await flush();
    calls[0].respond(400, {error: 'Not saved.', errors: [
        {input: 'scenario.prompt', message: 'Write the prompt.'},
        {input: 'criteria.1.levels.9.points', message: 'Bad <b>points</b>.'}]});
    await flush();
    const prompt = q('[data-input="scenario.prompt"]');
    assert.equal(prompt.getAttribute('aria-invalid'), 'true');
    const errorId = prompt.getAttribute('aria-describedby').split(' ').pop();
    assert.equal(window.document.getElementById(errorId).textContent, 'Write the prompt.');
    assert.equal(window.document.activeElement, prompt, 'focus goes to the first error');
    // a path that no longer exists falls back to the nearest control that does
    const levels = q('[data-input="criteria.1.levels"]');
    assert.ok(levels.contains(window.document.querySelectorAll('.dx-field-error')[1]));
    assert.equal(window.document.querySelectorAll('.dx-field-error b').length, 0, 'messages are text');
    assert.equal(q('[data-role="error-summary"]').hidden, false);
    assert.equal(q('[data-role="error-list"]').children.length, 2);
    assert.equal(notified.at(-1)[0], 'error');
    click('[data-action="save"]');
    await flush();
    calls[1].respond(200, {exercise: EXERCISE});
    await flush();
    assert.equal(window.document.querySelectorAll('.dx-field-error').length, 0);
    assert.equal(prompt.hasAttribute('aria-invalid'), false);
    assert.equal(q('[data-role="error-summary"]').hidden, true);
    assert.deepEqual(JSON.parse(JSON.stringify(notified.at(-1))), ['save', {state: 'end'}]);
});

test('"Try a draft" shows the learner\'s feedback view for the unsaved settings', async () => {
    const {window, calls, q, click} = open();
    q('[data-input="text"]').value = 'My sample <script>window.__xss=1</script>';
    q('[data-input="criteria.0.label"]').value = 'Short and sweet';
    click('[data-action="try-draft"]');
    await flush();
    assert.equal(calls[0].url, '/handler/studio_try_draft');
    assert.equal(calls[0].body.text, 'My sample <script>window.__xss=1</script>');
    assert.equal(calls[0].body.exercise.rubric.criteria[0].label, 'Short and sweet');
    calls[0].respond(200, {feedback: {score: 0, max_score: 5, privacy: {passed: true, findings: []},
        red_flags: [{kind: 'overdose', message: 'Mentions an overdose.'}],
        criteria: [{id: 'brief', label: 'Short and sweet', outcome: 'not_met', points: 0, max_points: 2,
            message: 'Too long.', evidence: [{text: '<script>window.__xss=1</script>', start: 10, end: 41}]}]}});
    await flush();
    const item = q('.dx-try-result .dx-crit[data-criterion="brief"]');
    assert.ok(item.textContent.includes('Short and sweet') && item.textContent.includes('Not yet'));
    assert.equal(q('.dx-try-result script'), null);
    assert.equal(q('.dx-try-result .dx-redflags li').textContent, 'Mentions an overdose.');
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.ok(q('[data-role="status"]').textContent.startsWith('Feedback for the sample draft is ready.'));
    assert.equal(window.__xss, undefined);
    assert.equal(typeof window.DisclosureFeedbackView, 'undefined');
});

test('a criterion\'s heading and its Move/Remove labels follow its name as it is typed', () => {
    const {window, q} = open();
    const nameInput = q('[data-input="criteria.0.label"]');
    nameInput.value = 'Short and sweet';
    nameInput.dispatchEvent(new window.Event('input', {bubbles: true}));
    const item = nameInput.closest('.dx-criterion');
    assert.equal(item.querySelector('.dx-criterion-title').textContent, 'Criterion 1 of 2: Short and sweet');
    assert.equal(item.querySelector('.dx-tools').getAttribute('aria-label'), 'Arrange criterion “Short and sweet”');
    const names = [...item.querySelectorAll('.dx-tools > button')].map((b) => b.textContent);
    assert.deepEqual(names, ['Move up criterion “Short and sweet”', 'Move down criterion “Short and sweet”',
        'Remove criterion “Short and sweet”']);
    // a level's name is not the criterion's
    const levelName = item.querySelector('.dx-level [data-key="label"]');
    levelName.value = 'Almost';
    levelName.dispatchEvent(new window.Event('input', {bubbles: true}));
    assert.equal(item.querySelector('.dx-criterion-title').textContent, 'Criterion 1 of 2: Short and sweet');
});

test('the detector dropdown shows each detector\'s name in words and its explanation', () => {
    const {q} = open({detectors: [{name: 'turn_back', label: 'Hands the focus back', explanation: 'Looks for a question back to the patient.'},
        {name: 'minimising', label: 'No minimizing', explanation: 'Looks for minimising words.'}]});
    const select = q('[data-input="criteria.1.checks.0.name"]');
    assert.deepEqual([...select.options].map((o) => [o.value, o.textContent]),
        [['turn_back', 'Hands the focus back'], ['minimising', 'No minimizing']]);
    assert.equal(select.closest('.dx-check-item').querySelector('[data-role="explain"]').textContent,
        'Looks for a question back to the patient.');
});

test('"Saved." and a refused save are shown beside the Save button and announced', async () => {
    const {calls, q, click} = open();
    const beside = q('.xblock-actions [data-role="save-status"]');
    assert.equal(beside.getAttribute('role'), 'status');
    click('[data-action="save"]');
    await flush();
    calls.at(-1).respond(200, {saved: true, warning: null, exercise: EXERCISE});
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 80));  // core.announceIn waits 50 ms
    assert.equal(beside.textContent, 'Saved.');
    assert.ok(beside.className.includes('dx-save-status--saved'));
    click('[data-action="save"]');
    await flush();
    calls.at(-1).respond(400, {error: 'The prompt is empty.', field: 'scenario/prompt',
        errors: [{field: 'scenario/prompt', input: 'scenario.prompt', message: 'The prompt is empty.'}]});
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(beside.textContent, 'Not saved: 1 problem to fix.');
    assert.ok(beside.className.includes('dx-save-status--error'));
});

test('the form is in collapsible sections, each with a summary line that follows the edits', () => {
    const {window, q} = open();
    const sections = [...window.document.querySelectorAll('details.dx-collapsible')].map((d) => d.getAttribute('data-section'));
    assert.deepEqual(sections, ['scenario', 'rubric', 'grading', 'limits']);
    assert.equal(q('[data-summary="scenario"]').textContent, 'Jamie: \u201CWrite to Jamie.\u201D');
    assert.equal(q('[data-summary="rubric"]').textContent, '2 criteria, worth 5 points in all. Privacy check on.');
    assert.equal(q('[data-summary="grading"]').textContent,
        'Automatic: the feedback score is the grade \u00B7 weight: the rubric\u2019s points');
    assert.equal(q('[data-summary="limits"]').textContent, 'Submit 10\u201380 words \u00B7 3 feedback requests per learner');
    const max = q('[data-input="max_words"]');
    max.value = '120';
    max.dispatchEvent(new window.Event('input', {bubbles: true}));
    assert.equal(q('[data-summary="limits"]').textContent, 'Submit 10\u2013120 words \u00B7 3 feedback requests per learner');
});

test('a field error in a closed section opens it before focusing the field', async () => {
    const {window, calls, q, click} = open();
    const scenario = q('details[data-section="scenario"]');
    scenario.open = false;
    click('[data-action="save"]');
    await flush();
    calls.at(-1).respond(400, {error: 'The prompt is empty.', field: 'scenario/prompt',
        errors: [{field: 'scenario/prompt', input: 'scenario.prompt', message: 'The prompt is empty.'}]});
    await flush();
    assert.equal(scenario.open, true);
    assert.equal(window.document.activeElement, q('[data-input="scenario.prompt"]'));
});
