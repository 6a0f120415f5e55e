'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const {load, fakeClock, fakeFetch, flush, runtime} = require('./helpers');

const FILES = ['core.js', 'learner/draft.js'];
const HTML = `<!doctype html><body><textarea class="dx-text"></textarea>
  <p class="dx-counter"></p><p class="dx-save-status"></p></body>`;

function setUp(args, options = {}) {
    const window = load(FILES, {html: HTML});
    const clock = fakeClock(window);
    const calls = fakeFetch(window);
    const core = window.DisclosureXBlock.core;
    const parts = window.DisclosureXBlock.learner;
    const keys = parts.storageKeys('block-v1:x+type@disclosure_exercise+block@a', options.learner || 'learner-1');
    const announced = [];
    const q = (s) => window.document.querySelector(s);
    const page = {
        ui: {text: q('.dx-text'), counter: q('.dx-counter'), saveStatus: q('.dx-save-status')},
        args: Object.assign({draft: '', max_words: 0}, args || {}),
        state: {lastSavedText: (args && args.draft) || '', submission: (args && args.submission) || null},
        post: core.createPost(runtime, window.document.body),
        storageKey: keys.own, lang: 'en',
        announce: (m) => announced.push(m),
        networkMessage: (e) => e.serverMessage || 'network'
    };
    if (options.local) { window.localStorage.setItem(keys.own, JSON.stringify(options.local)); }
    const draft = parts.createDraft(page);
    return {window, clock, calls, page, draft, keys, announced, parts};
}

function type(window, page, text) {
    page.ui.text.value = text;
    page.ui.text.dispatchEvent(new window.Event('input'));
}

test('typing keeps a local copy at once and saves to the server after a pause', async () => {
    const {window, clock, calls, page, draft, keys, parts} = setUp();
    draft.wire();
    type(window, page, 'First words');
    assert.equal(JSON.parse(window.localStorage.getItem(keys.own)).text, 'First words');
    await clock.tick(parts.AUTOSAVE_DELAY_MS - 1);
    assert.equal(calls.length, 0, 'no save while typing');
    type(window, page, 'First words and more');
    await clock.tick(parts.AUTOSAVE_DELAY_MS - 1);
    assert.equal(calls.length, 0, 'each keystroke restarts the pause');
    await clock.tick(1);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].url, '/handler/save_draft');
    assert.equal(calls[0].body.text, 'First words and more');
    assert.equal(page.ui.saveStatus.className, 'dx-save-status dx-save-status--saving');
    calls[0].respond(200, {saved_at: '2026-01-01T10:00:00Z'});
    await flush();
    assert.equal(page.state.lastSavedText, 'First words and more');
    assert.equal(page.ui.saveStatus.className, 'dx-save-status dx-save-status--saved');
    assert.ok(page.ui.saveStatus.textContent.startsWith('Saved at '));
    draft.saveNow();
    assert.equal(calls.length, 1, 'unchanged text is not sent again');
});

test('a server or network failure is retried with growing delays; the text stays local', async () => {
    const {window, clock, calls, page, draft, keys, parts} = setUp();
    draft.wire();
    type(window, page, 'Keep me');
    await clock.tick(parts.AUTOSAVE_DELAY_MS);
    calls[0].respond(503, {});
    await flush();
    assert.equal(page.ui.saveStatus.textContent, 'Couldn\u2019t save. Retrying in 2 s\u2026 Your text is kept on this device.');
    await clock.tick(1999);
    assert.equal(calls.length, 1);
    await clock.tick(1);
    assert.equal(calls.length, 2);
    calls[1].fail();
    await flush();
    assert.ok(page.ui.saveStatus.textContent.includes('Retrying in 4 s'));
    await clock.tick(4000);
    calls[2].respond(200, {saved_at: null});
    await flush();
    assert.equal(page.state.lastSavedText, 'Keep me');
    assert.equal(JSON.parse(window.localStorage.getItem(keys.own)).text, 'Keep me');
});

test('text the server refuses (4xx) is not retried', async () => {
    const {window, clock, calls, page, draft, parts} = setUp();
    draft.wire();
    type(window, page, 'x'.repeat(10));
    await clock.tick(parts.AUTOSAVE_DELAY_MS);
    calls[0].respond(400, {error: 'Your draft is too long.'});
    await flush();
    assert.equal(page.ui.saveStatus.textContent, 'Couldn\u2019t save: Your draft is too long. Your text is kept on this device.');
    assert.deepEqual(clock.pending(), [], 'no retry is scheduled');
});

test('a rate-limited save (429) is retried', async () => {
    const {window, clock, calls, page, draft, parts} = setUp();
    draft.wire();
    type(window, page, 'again');
    await clock.tick(parts.AUTOSAVE_DELAY_MS);
    calls[0].respond(429, {error: 'Slow down.'});
    await flush();
    assert.deepEqual(clock.pending(), [2000]);
});

test('closing the page sends the unsaved text with keepalive, past a request in flight', async () => {
    const {window, calls, page, draft} = setUp();
    page.post('get_feedback', {text: 'busy'});
    await flush();
    page.ui.text.value = 'typed just now';
    draft.saveOnLeave();
    await flush();
    assert.equal(calls.length, 2);
    assert.equal(calls[1].init.keepalive, true);
    assert.equal(calls[1].body.text, 'typed just now');
    assert.equal(JSON.parse(window.localStorage.getItem(page.storageKey)).text, 'typed just now');
});

test('a newer local copy is restored over the server draft and saved', async () => {
    const {page, draft, clock, calls, parts} = setUp({draft: 'server text', draft_saved_at: '2026-01-01T10:00:00Z'},
        {local: {text: 'local text', at: Date.parse('2026-01-01T11:00:00Z')}});
    draft.restore();
    assert.equal(page.ui.text.value, 'local text');
    assert.equal(page.ui.saveStatus.className, 'dx-save-status dx-save-status--restored');
    await clock.tick(parts.AUTOSAVE_DELAY_MS);
    assert.equal(calls[0].body.text, 'local text');
});

test('an older local copy loses to the server draft', () => {
    const {page, draft} = setUp({draft: 'server text', draft_saved_at: '2026-01-01T10:00:00Z'},
        {local: {text: 'old local', at: Date.parse('2026-01-01T09:00:00Z')}});
    draft.restore();
    assert.equal(page.ui.text.value, 'server text');
    assert.ok(page.ui.saveStatus.textContent.startsWith('Saved at '));
});

test('after submitting, the local copy is dropped and nothing is saved', async () => {
    const {window, page, draft, clock, calls, parts} = setUp({draft: 'sent', submission: {status: 'submitted'}},
        {local: {text: 'leftover', at: Date.now()}});
    draft.restore();
    draft.wire();
    assert.equal(window.localStorage.getItem(page.storageKey), null);
    assert.equal(page.ui.text.value, 'sent');
    type(window, page, 'changed');
    await clock.tick(parts.AUTOSAVE_DELAY_MS * 2);
    assert.equal(calls.length, 0);
});

test('on a shared computer, other learners\' copies of this exercise are removed, no others', () => {
    const window = load(FILES);
    const parts = window.DisclosureXBlock.learner;
    const mine = parts.storageKeys('u1', 'learner-2');
    assert.equal(mine.own, 'dx-draft:u1:learner-2');
    assert.equal(parts.storageKeys('u1', '').own, 'dx-draft:u1:anonymous');
    for (const key of ['dx-draft:u1:learner-1', 'dx-draft:u1', mine.own, 'dx-draft:u10:learner-1', 'other']) {
        window.localStorage.setItem(key, '{}');
    }
    parts.forgetOtherLearners(mine.block, mine.own);
    const left = [];
    for (let i = 0; i < window.localStorage.length; i += 1) { left.push(window.localStorage.key(i)); }
    assert.deepEqual(left.sort(), ['dx-draft:u10:learner-1', 'dx-draft:u1:learner-2', 'other']);
});

test('the counter counts words and characters and warns once near and over the limit', () => {
    const {window, page, draft, announced} = setUp({max_words: 10, min_words: 2, max_chars: 100});
    draft.wire();
    type(window, page, 'one two');
    assert.equal(page.ui.counter.textContent, '2 words \u00B7 you can submit 2\u201310 \u00B7 7 of 100 characters');
    type(window, page, 'w '.repeat(9).trim());
    assert.ok(page.ui.counter.textContent.endsWith('Close to the limit.'));
    type(window, page, 'w '.repeat(9) + 'x');
    assert.deepEqual(announced, ['Close to the limit.'], 'the same warning is announced once');
    type(window, page, 'w '.repeat(12).trim());
    assert.equal(page.ui.counter.className, 'dx-counter dx-counter--over');
    assert.ok(page.ui.counter.textContent.includes('Over the limit by 2 words'));
    assert.equal(announced.length, 2);
});

test('the counter shows the rubric\'s target as the target and the submit limits as limits', () => {
    const {window, page, draft} = setUp({max_words: 120, min_words: 15, max_chars: 5000,
        target_words: {min: 15, max: 50}});
    draft.wire();
    type(window, page, 'one two three');
    const text = page.ui.counter.textContent;
    assert.equal(text, '3 words \u00B7 target 15\u201350 words \u00B7 you can submit 15\u2013120 \u00B7 13 of 5000 characters');
    assert.ok(!text.includes('aim for'), 'no second, contradicting target');
});
