'use strict';
/* Loads the block's classic scripts into a jsdom window, in the order block.py lists them, and
 * gives tests a controllable clock and fetch. */
const fs = require('node:fs');
const path = require('node:path');
const {JSDOM} = require('jsdom');

const STATIC_JS = path.join(__dirname, '..', '..', 'static', 'js');

function load(files, options = {}) {
    const dom = new JSDOM(options.html || '<!doctype html><html><body></body></html>', {
        runScripts: 'outside-only', url: options.url || 'https://lms.example/courses/x/'
    });
    const window = dom.window;
    if (options.before) { options.before(window); }
    for (const file of files) { window.eval(fs.readFileSync(path.join(STATIC_JS, file), 'utf8')); }
    return window;
}

/* A fake clock on window.setTimeout/clearTimeout: nothing runs until tick(ms). */
function fakeClock(window) {
    let now = 0;
    let nextId = 1;
    const timers = new Map();
    window.setTimeout = (fn, ms) => { const id = nextId++; timers.set(id, {at: now + (ms || 0), fn}); return id; };
    window.clearTimeout = (id) => { timers.delete(id); };
    return {
        pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
        async tick(ms) {
            const until = now + ms;
            for (;;) {
                const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
                if (!due) { break; }
                timers.delete(due[0]);
                now = due[1].at;
                due[1].fn();
                await flush();
            }
            now = until;
            await flush();
        }
    };
}

/* Let pending promise callbacks run. */
async function flush() {
    for (let i = 0; i < 10; i += 1) { await new Promise((resolve) => setImmediate(resolve)); }
}

/* window.fetch that records each call and answers when the test says so. */
function fakeFetch(window) {
    const calls = [];
    window.fetch = (url, init) => new Promise((resolve, reject) => {
        calls.push({
            url, init, body: JSON.parse(init.body),
            respond(status, body) {
                resolve({ok: status >= 200 && status < 300, status,
                    text: () => Promise.resolve(typeof body === 'string' ? body : JSON.stringify(body || {}))});
            },
            fail() { reject(new TypeError('Failed to fetch')); }
        });
    });
    return calls;
}

const runtime = {handlerUrl: (element, name) => '/handler/' + name};

module.exports = {load, fakeClock, fakeFetch, flush, runtime, STATIC_JS};
