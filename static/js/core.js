/* The front-end core every view of the block shares (learner page, Studio editor, instructor
 * panel): translation, number and plural formatting, DOM building, and the one way to call the
 * block's JSON handlers.
 *
 * Plain classic script (the XBlock Fragment loads scripts with add_javascript_url, in order; it
 * has no ES-module loading). Everything hangs off one namespace, window.DisclosureXBlock, and is
 * safe to load twice (two blocks on one page). No state lives here: each view instance makes its
 * own `post` (with its own request queue) from createPost().
 *
 * Text from learners, designers or the server only ever reaches the DOM as text nodes or
 * attribute values: el() has no way to set innerHTML.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var hasOwn = Object.prototype.hasOwnProperty;

    // ------------------------------------------------------------------ i18n

    /* The block's own catalogue (window.DisclosureXBlockI18N, static/js/translations/<lang>/
     * text.js or the LMS's compiled one) wins over the page's global gettext. */
    function catalogue() {
        var ns = global.DisclosureXBlockI18N;
        if (ns && typeof ns.gettext === 'function') { return ns; }
        if (typeof global.gettext === 'function') {
            return {gettext: global.gettext, ngettext: global.ngettext};
        }
        return null;
    }

    function gettext(msgid) {
        var cat = catalogue();
        return cat ? cat.gettext(msgid) : msgid;
    }

    function ngettext(singular, plural, count) {
        var cat = catalogue();
        if (cat && typeof cat.ngettext === 'function') { return cat.ngettext(singular, plural, count); }
        return count === 1 ? singular : plural;
    }

    /* "{name}" placeholders, like Python's str.format with keywords; unknown names stay as they
     * are so a translator's typo shows instead of vanishing. */
    function fmt(template, values) {
        values = values || {};
        return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
            return hasOwn.call(values, key) ? String(values[key]) : whole;
        });
    }

    /* A fraction as a whole percentage ("75 %"), or an en dash when there is no value. */
    function percent(value) {
        return value === null || value === undefined ? '\u2013' : Math.round(value * 100) + ' %';
    }

    /* A number with a fixed count of decimals, or an en dash when there is no value. */
    function decimal(value, digits) {
        return value === null || value === undefined ? '\u2013' : Number(value).toFixed(digits);
    }

    /* A date and time for people: time only when it is today, with the day otherwise. */
    function formatTime(iso, lang) {
        var date = iso ? new Date(iso) : new Date();
        if (isNaN(date.getTime())) { return ''; }
        var opts = {hour: '2-digit', minute: '2-digit'};
        if (date.toDateString() !== new Date().toDateString()) {
            opts.month = 'short';
            opts.day = 'numeric';
        }
        try { return date.toLocaleString(lang || undefined, opts); } catch (e) { return date.toLocaleString(); }
    }

    /* A full date and time (for graders, who compare across days), or the raw value if it is
     * not a date. */
    function formatDateTime(iso) {
        if (!iso) { return ''; }
        var date = new Date(iso);
        if (isNaN(date.getTime())) { return String(iso); }
        try { return date.toLocaleString(); } catch (e) { return String(iso); }
    }

    // ------------------------------------------------------------------ text measures

    function countWords(text) {
        var words = (text || '').trim().match(/[^\s]+/g);
        return words ? words.length : 0;
    }

    /* The server counts Python code points; count the same way (astral characters count once). */
    function countChars(text) {
        return Array.from(text || '').length;
    }

    /* Python code-point offsets -> JS string (UTF-16) offsets for ``text``. */
    function codePointMap(text) {
        var map = [0];
        var units = 0;
        Array.from(text || '').forEach(function (ch) {
            units += ch.length;
            map.push(units);
        });
        return map;
    }

    function toUnits(map, cp) {
        if (typeof cp !== 'number' || cp < 0) { return null; }
        return cp < map.length ? map[cp] : null;
    }

    // ------------------------------------------------------------------ DOM

    /* Build an element. attrs: ``text`` (textContent), ``className``/``class``, ``hidden``,
     * ``value`` and ``checked`` (properties, for form controls); any other key is an attribute
     * (true gives an empty attribute; null, undefined and false leave it out). children:
     * strings and numbers become text nodes; null, undefined and false are skipped. */
    function el(tag, attrs, children) {
        var node = global.document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) {
            var value = attrs[key];
            if (value === null || value === undefined || value === false) { return; }
            if (key === 'text') { node.textContent = String(value); }
            else if (key === 'className' || key === 'class') { node.className = value; }
            else if (key === 'hidden') { node.hidden = true; }
            else if (key === 'value') { node.value = value; }
            else if (key === 'checked') { node.checked = true; }
            else { node.setAttribute(key, value === true ? '' : String(value)); }
        });
        (children || []).forEach(function (child) {
            if (child === null || child === undefined || child === false) { return; }
            node.appendChild(typeof child === 'string' || typeof child === 'number'
                ? global.document.createTextNode(String(child)) : child);
        });
        return node;
    }

    function clear(node) {
        while (node.firstChild) { node.removeChild(node.firstChild); }
    }

    /* A factory of ids unique within one view instance: ids('crit') -> "<prefix>-crit-1". */
    function idMaker(prefix) {
        var count = 0;
        return function (name) {
            count += 1;
            return prefix + '-' + name + '-' + count;
        };
    }

    /* Put ``message`` into a live region so screen readers announce it, even when it repeats:
     * the region is emptied first and refilled a moment later. */
    function announceIn(region, message) {
        // A later message replaces a pending one: without this, a fast answer's "Saved." could
        // be overwritten by the "Saving…" queued just before it.
        global.clearTimeout(region.dxAnnounceTimer);
        region.textContent = '';
        region.dxAnnounceTimer = global.setTimeout(function () { region.textContent = message; }, 50);
    }

    // ------------------------------------------------------------------ server calls

    function readCookie(name) {
        var match = global.document.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
        return match ? decodeURIComponent(match[1]) : null;
    }

    /* One POST of JSON to a block handler. Resolves with the parsed body; rejects with an Error
     * carrying status, body (the parsed JSON, or {}), and serverMessage (the handler's "error"
     * text, or null). */
    function send(url, data, options) {
        var headers = {'Content-Type': 'application/json', 'Accept': 'application/json',
            'X-Requested-With': 'XMLHttpRequest'};
        var token = readCookie('csrftoken');
        if (token) { headers['X-CSRFToken'] = token; }
        return global.fetch(url, {
            method: 'POST',
            headers: headers,
            credentials: 'same-origin',
            body: JSON.stringify(data || {}),
            keepalive: !!(options && options.keepalive)
        }).then(function (response) {
            return response.text().then(function (raw) {
                var json = null;
                try { json = raw ? JSON.parse(raw) : {}; } catch (e) { json = null; }
                if (!response.ok) {
                    var serverMessage = json && typeof json.error === 'string' ? json.error : null;
                    var error = new Error(serverMessage ||
                        fmt(gettext('The request failed ({status}).'), {status: response.status}));
                    error.status = response.status;
                    error.body = json || {};
                    error.serverMessage = serverMessage;
                    throw error;
                }
                return json || {};
            });
        });
    }

    /* ``post(name, data, options)`` for one block on the page. Requests go one at a time, in
     * order: the LMS stores a learner's fields as one row that each request reads at its start
     * and writes back at its end, so an autosave overlapping a feedback request could write back
     * a stale history. A failed request does not stop the ones after it. A page-closing save
     * ({keepalive: true}) goes at once: the page will not wait for the queue. */
    function createPost(runtime, element) {
        var pending = Promise.resolve();
        return function post(name, data, options) {
            var url = runtime.handlerUrl(element, name);
            if (options && options.keepalive) { return send(url, data, options); }
            var run = pending.then(function () { return send(url, data, options); });
            pending = run.catch(function () { return null; });
            return run;
        };
    }

    // ------------------------------------------------------------------ local storage

    /* localStorage that never throws (private mode, quota, storage switched off). */
    var storage = {
        get: function (key) {
            try {
                var raw = global.localStorage.getItem(key);
                return raw ? JSON.parse(raw) : null;
            } catch (e) {
                return null;
            }
        },
        set: function (key, value) {
            try { global.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or off */ }
        },
        remove: function (key) {
            try { global.localStorage.removeItem(key); } catch (e) { /* off */ }
        },
        keys: function () {
            var found = [];
            try {
                for (var i = 0; i < global.localStorage.length; i += 1) { found.push(global.localStorage.key(i)); }
            } catch (e) { /* off: nothing is kept */ }
            return found;
        }
    };

    DX.core = {
        gettext: gettext,
        ngettext: ngettext,
        fmt: fmt,
        percent: percent,
        decimal: decimal,
        formatTime: formatTime,
        formatDateTime: formatDateTime,
        countWords: countWords,
        countChars: countChars,
        codePointMap: codePointMap,
        toUnits: toUnits,
        el: el,
        clear: clear,
        idMaker: idMaker,
        announceIn: announceIn,
        readCookie: readCookie,
        createPost: createPost,
        storage: storage
    };
}(window));
