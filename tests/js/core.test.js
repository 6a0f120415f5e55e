'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {load, fakeFetch, flush, runtime, STATIC_JS} = require('./helpers');

/* Objects made inside the jsdom window have its prototypes: compare them as JSON. */
const plain = (value) => JSON.parse(JSON.stringify(value));

const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

test('gettext prefers the block catalogue over the page, and falls back to the msgid', () => {
    const window = load(['core.js'], {before(w) {
        w.gettext = (s) => 'page:' + s;
        w.DisclosureXBlockI18N = {gettext: (s) => 'block:' + s, ngettext: (a, b, n) => (n === 1 ? 'uno' : 'varios')};
    }});
    const core = window.DisclosureXBlock.core;
    assert.equal(core.gettext('Met'), 'block:Met');
    assert.equal(core.ngettext('{count} word', '{count} words', 3), 'varios');
    delete window.DisclosureXBlockI18N;
    assert.equal(core.gettext('Met'), 'page:Met');
    delete window.gettext;
    assert.equal(core.gettext('Met'), 'Met');
    assert.equal(core.ngettext('{count} word', '{count} words', 1), '{count} word');
    assert.equal(core.ngettext('{count} word', '{count} words', 0), '{count} words');
});

test('fmt fills named placeholders once and keeps unknown ones', () => {
    const {fmt} = load(['core.js']).DisclosureXBlock.core;
    assert.equal(fmt('{count} of {max} points', {count: 2, max: 7}), '2 of 7 points');
    assert.equal(fmt('{a} and {missing}', {a: '{missing}'}), '{missing} and {missing}');
    assert.equal(fmt('{toString}', {}), '{toString}');
});

test('numbers: percentages and decimals, with a dash for no value', () => {
    const core = load(['core.js']).DisclosureXBlock.core;
    assert.equal(core.percent(0.756), '76 %');
    assert.equal(core.percent(null), '\u2013');
    assert.equal(core.decimal(0.5, 2), '0.50');
    assert.equal(core.decimal(undefined, 2), '\u2013');
});

test('text measures count code points, as the server does', () => {
    const core = load(['core.js']).DisclosureXBlock.core;
    assert.equal(core.countWords('  one two\nthree  '), 3);
    assert.equal(core.countWords(''), 0);
    assert.equal(core.countChars('a\u{1F600}b'), 3);
    const map = core.codePointMap('a\u{1F600}b');
    assert.equal(core.toUnits(map, 2), 3);
    assert.equal(core.toUnits(map, 9), null);
    assert.equal(core.toUnits(map, -1), null);
});

test('el puts hostile text in as text, never as markup', () => {
    const window = load(['core.js']);
    const {el} = window.DisclosureXBlock.core;
    const node = el('p', {text: HOSTILE, title: '"><b>x</b>', 'data-x': HOSTILE}, [HOSTILE, 42]);
    window.document.body.appendChild(node);
    assert.equal(window.document.querySelectorAll('img, script, b').length, 0);
    assert.equal(node.childNodes.length, 3);
    assert.ok(node.textContent.startsWith(HOSTILE + HOSTILE));
    assert.equal(node.getAttribute('title'), '"><b>x</b>');
});

test('el: classes, properties, boolean and missing attributes, skipped children', () => {
    const window = load(['core.js']);
    const {el} = window.DisclosureXBlock.core;
    const box = el('input', {type: 'checkbox', className: 'a b', checked: true, required: true, hidden: true,
        disabled: null, 'aria-label': false, value: 'v'});
    assert.equal(box.className, 'a b');
    assert.equal(box.checked, true);
    assert.equal(box.getAttribute('required'), '');
    assert.equal(box.hidden, true);
    assert.equal(box.hasAttribute('disabled'), false);
    assert.equal(box.hasAttribute('aria-label'), false);
    assert.equal(box.value, 'v');
    const list = el('ul', {'class': 'x'}, [null, undefined, false, el('li', {text: 'one'})]);
    assert.equal(list.className, 'x');
    assert.equal(list.children.length, 1);
});

test('post sends JSON with the CSRF cookie and resolves with the answer', async () => {
    const window = load(['core.js']);
    window.document.cookie = 'other=1';
    window.document.cookie = 'csrftoken=tok%3D1';
    const calls = fakeFetch(window);
    const post = window.DisclosureXBlock.core.createPost(runtime, window.document.body);
    const answer = post('save_draft', {text: 'hi'});
    await flush();
    assert.equal(calls.length, 1);
    assert.equal(calls[0].url, '/handler/save_draft');
    assert.equal(calls[0].init.method, 'POST');
    assert.equal(calls[0].init.credentials, 'same-origin');
    assert.equal(calls[0].init.headers['X-CSRFToken'], 'tok=1');
    assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
    assert.deepEqual(calls[0].body, {text: 'hi'});
    calls[0].respond(200, {saved_at: 'now'});
    assert.deepEqual(plain(await answer), {saved_at: 'now'});
});

test('post without a CSRF cookie sends no token header', async () => {
    const window = load(['core.js']);
    const calls = fakeFetch(window);
    window.DisclosureXBlock.core.createPost(runtime, window.document.body)('x', {});
    await flush();
    assert.equal('X-CSRFToken' in calls[0].init.headers, false);
});

test('a refused request rejects with status, body and the server message', async () => {
    const window = load(['core.js'], {before(w) {
        w.DisclosureXBlockI18N = {gettext: (s) => (s === 'The request failed ({status}).' ? 'Falló ({status}).' : s)};
    }});
    const calls = fakeFetch(window);
    const post = window.DisclosureXBlock.core.createPost(runtime, window.document.body);
    const refused = post('submit', {});
    await flush();
    calls[0].respond(409, {error: 'Already submitted.', submission: {status: 'submitted'}});
    await assert.rejects(refused, (error) => error.status === 409 && error.serverMessage === 'Already submitted.' &&
        error.message === 'Already submitted.' && error.body.submission.status === 'submitted');
    const broken = post('submit', {});
    await flush();
    calls[1].respond(502, '<html>Bad gateway</html>');
    await assert.rejects(broken, (error) => error.status === 502 && error.serverMessage === null &&
        error.message === 'Falló (502).' && Object.keys(error.body).length === 0);
});

test('requests of one view go one at a time, in order; a failure does not stop the next', async () => {
    const window = load(['core.js']);
    const calls = fakeFetch(window);
    const post = window.DisclosureXBlock.core.createPost(runtime, window.document.body);
    const first = post('save_draft', {n: 1});
    const second = post('get_feedback', {n: 2});
    const third = post('save_draft', {n: 3});
    await flush();
    assert.deepEqual(calls.map((c) => c.body.n), [1], 'the second waits for the first');
    calls[0].fail();
    await assert.rejects(first);
    await flush();
    assert.deepEqual(calls.map((c) => c.body.n), [1, 2]);
    calls[1].respond(200, {ok: 2});
    assert.deepEqual(plain(await second), {ok: 2});
    await flush();
    calls[2].respond(200, {ok: 3});
    assert.deepEqual(plain(await third), {ok: 3});
});

test('a page-closing save (keepalive) does not wait for the queue', async () => {
    const window = load(['core.js']);
    const calls = fakeFetch(window);
    const post = window.DisclosureXBlock.core.createPost(runtime, window.document.body);
    post('get_feedback', {n: 1});
    post('get_feedback', {n: 2});
    await flush();
    post('save_draft', {n: 3}, {keepalive: true});
    await flush();
    assert.deepEqual(calls.map((c) => c.body.n), [1, 3], 'the keepalive save went while 1 was unanswered');
    assert.equal(calls[1].init.keepalive, true);
    assert.equal(calls[0].init.keepalive, false);
});

test('two views have their own queues', async () => {
    const window = load(['core.js']);
    const calls = fakeFetch(window);
    const core = window.DisclosureXBlock.core;
    core.createPost(runtime, window.document.body)('a', {n: 1});
    core.createPost(runtime, window.document.body)('b', {n: 2});
    await flush();
    assert.equal(calls.length, 2);
});

test('storage never throws when localStorage is unavailable', () => {
    const window = load(['core.js']);
    Object.defineProperty(window, 'localStorage', {get() { throw new Error('SecurityError'); }});
    const {storage} = window.DisclosureXBlock.core;
    assert.equal(storage.get('k'), null);
    assert.doesNotThrow(() => storage.set('k', {a: 1}));
    assert.doesNotThrow(() => storage.remove('k'));
    assert.equal(storage.keys().length, 0);
});

test('storage keeps JSON and reads a corrupt entry as nothing', () => {
    const window = load(['core.js']);
    const {storage} = window.DisclosureXBlock.core;
    storage.set('k', {text: 'x', at: 5});
    assert.deepEqual(plain(storage.get('k')), {text: 'x', at: 5});
    window.localStorage.setItem('bad', '{not json');
    assert.equal(storage.get('bad'), null);
});

/* The rule: no helper is defined in more than one front-end file. Every function core.js
 * defines (exported or used inside it, like send and catalogue) is defined there only. */
test('no front-end file redefines a helper the core provides', () => {
    const coreSource = fs.readFileSync(path.join(STATIC_JS, 'core.js'), 'utf8');
    const names = new Set(Object.keys(load(['core.js']).DisclosureXBlock.core));
    for (const match of coreSource.matchAll(/function\s+(\w+)\s*\(/g)) { names.add(match[1]); }
    assert.ok(names.has('send') && names.has('el') && names.has('post'), [...names].join(', '));
    const files = [];
    (function walk(dir) {
        for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) { if (entry.name !== 'translations') { walk(full); } }
            else if (entry.name.endsWith('.js') && full !== path.join(STATIC_JS, 'core.js')) { files.push(full); }
        }
    }(STATIC_JS));
    assert.ok(files.length >= 8, files.join(', '));
    const found = [];
    for (const file of files) {
        const source = fs.readFileSync(file, 'utf8');
        for (const name of names) {
            if (new RegExp('function\\s+' + name + '\\s*\\(|\\b' + name + '\\s*[:=]\\s*function\\b').test(source)) {
                found.push(path.relative(STATIC_JS, file) + ': ' + name);
            }
        }
    }
    assert.deepEqual(found, []);
});

test('announceIn: a later message replaces one still pending, whatever the timing', async () => {
    const window = load(['core.js']);
    const core = window.DisclosureXBlock.core;
    const region = window.document.createElement('p');
    core.announceIn(region, 'Saving\u2026');
    await new Promise((resolve) => setTimeout(resolve, 10));  // the answer comes back fast
    core.announceIn(region, 'Saved.');
    await new Promise((resolve) => setTimeout(resolve, 45));  // the first timer's moment passes
    assert.notEqual(region.textContent, 'Saving\u2026');
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(region.textContent, 'Saved.');
});
