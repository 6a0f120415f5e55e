/* Studio editor of a disclosure_exercise: every authored setting, the rubric, try-a-draft, save.
 *
 * Plain JS, no build step. The form in the DOM is the editor's state: collect() reads it into the
 * exercise JSON the block's studio_* handlers take (see disclosure_xblock/authoring.py). Every
 * designer-written or server text reaches the DOM through textContent or form values only.
 */
/* exported DisclosureStudio */
function DisclosureStudio(runtime, element, initArgs) {
    'use strict';

    var root = element && element.jquery ? element[0] : element;
    var editor = root.querySelector('.dx-studio') || root;
    // The block's own catalogue (static/js/translations/<lang>/text.js) wins over the page's.
    var catalogue = window.DisclosureXBlockI18N && typeof window.DisclosureXBlockI18N.gettext === 'function' ?
        window.DisclosureXBlockI18N : window;
    var gettext = typeof catalogue.gettext === 'function' ? function (s) { return catalogue.gettext(s); } :
        function (s) { return s; };
    var ngettext = typeof catalogue.ngettext === 'function' ?
        function (one, many, n) { return catalogue.ngettext(one, many, n); } :
        function (one, many, n) { return n === 1 ? one : many; };
    var idPrefix = editor.getAttribute('data-json-id') || 'dx-studio';
    var data = initArgs && initArgs.exercise ? initArgs : readJsonData();
    var detectors = (initArgs && initArgs.detectors) || [];
    var busy = false;
    var uid = 0;

    var CHECK_TYPES = [
        {type: 'word_count', label: gettext('Word count')},
        {type: 'phrases', label: gettext('Phrase list')},
        {type: 'detector', label: gettext('Built-in detector')}
    ];

    function readJsonData() {
        var script = document.getElementById(editor.getAttribute('data-json-id'));
        return {exercise: script ? JSON.parse(script.textContent) : {}};
    }

    // --- small helpers ----------------------------------------------------------------------

    /* "{name}" placeholders, as in learner.js (Python's str.format with keywords). */
    function fmt(template, values) {
        return template.replace(/\{(\w+)\}/g, function (match, name) {
            return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
        });
    }

    function nextId(name) {
        uid += 1;
        return idPrefix + '-' + name + '-' + uid;
    }

    /* Build an element: attrs are set as attributes (or properties for value/checked), text via
     * textContent, children appended. */
    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) {
            var value = attrs[key];
            if (value === null || value === undefined || value === false) { return; }
            if (key === 'text') { node.textContent = value; }
            else if (key === 'value') { node.value = value; }
            else if (key === 'checked') { node.checked = Boolean(value); }
            else { node.setAttribute(key, value === true ? '' : value); }
        });
        (children || []).forEach(function (child) {
            if (child) { node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); }
        });
        return node;
    }

    function q(selector, scope) { return (scope || editor).querySelector(selector); }
    function qa(selector, scope) { return Array.prototype.slice.call((scope || editor).querySelectorAll(selector)); }
    function input(name, scope) { return q('[data-input="' + name + '"]', scope); }

    function status(message) {
        var node = q('[data-role="status"]');
        node.textContent = '';
        // A fresh text node makes screen readers announce a repeated message again.
        window.setTimeout(function () { node.textContent = message; }, 50);
    }

    function labelled(labelText, control, helpText) {
        var id = control.id || nextId('f');
        control.id = id;
        var help = null;
        if (helpText) {
            help = el('p', {'class': 'dx-help', id: id + '-help', text: helpText});
            control.setAttribute('aria-describedby', help.id);
        }
        var isCheckbox = control.type === 'checkbox';
        var label = el('label', {'for': id, text: labelText});
        return el('div', {'class': 'dx-field' + (isCheckbox ? ' dx-check' : '')},
            isCheckbox ? [control, label, help] : [label, control, help]);
    }

    function option(value, text, selected) {
        return el('option', {value: value, text: text, selected: selected ? 'selected' : null});
    }

    /* A small action button; ``extra.context`` is read by screen readers after the visible text
     * (the visible words stay the start of the accessible name, WCAG 2.5.3). */
    function button(action, text, extra) {
        var attrs = {type: 'button', 'class': 'dx-button dx-small', 'data-action': action};
        var context = null;
        Object.keys(extra || {}).forEach(function (key) {
            if (key === 'context') { context = extra[key]; } else { attrs[key] = extra[key]; }
        });
        return el('button', attrs, [text, context ? el('span', {'class': 'dx-sr-only', text: ' ' + context}) : null]);
    }

    function lines(list) { return (list || []).join('\n'); }
    function commaList(value) { return Array.isArray(value) ? value.join(', ') : (value || ''); }

    // --- filling the form from an exercise --------------------------------------------------

    function fill(exercise) {
        var scenario = exercise.scenario || {};
        ['display_name', 'min_words', 'max_words', 'max_feedback_requests', 'weight',
            'grading_mode', 'show_exemplar', 'exemplar', 'support_message'].forEach(function (name) {
            var value = exercise[name];
            input(name).value = value === undefined || value === null ? '' : value;
        });
        input('allow_resubmission').checked = Boolean(exercise.allow_resubmission);
        input('hold_staff_grades').checked = Boolean(exercise.hold_staff_grades);
        ['key', 'patient', 'context', 'prompt'].forEach(function (name) {
            input('scenario.' + name).value = scenario[name] || '';
        });
        input('scenario.keywords').value = commaList(scenario.keywords);
        input('scenario.allowed_names').value = commaList(scenario.allowed_names);
        fillRubric(exercise.rubric || {criteria: []});
    }

    function fillRubric(rubric) {
        input('privacy_gate').checked = rubric.privacy_gate !== false;
        editor.setAttribute('data-preset', rubric.preset || '');
        renderCriteria(rubric.criteria || []);
    }

    // --- the rubric editor ------------------------------------------------------------------

    function renderCriteria(criteria) {
        var list = q('[data-role="criteria"]');
        list.textContent = '';
        criteria.forEach(function (criterion, index) {
            list.appendChild(renderCriterion(criterion, index, criteria.length));
        });
        updateTotal();
    }

    function renderCriterion(criterion, index, count) {
        var base = 'criteria.' + index;
        var title = criterion.label || criterion.id || gettext('New criterion');
        var headingId = nextId('criterion-heading');
        var item = el('li', {'class': 'dx-criterion', 'data-index': index, 'aria-labelledby': headingId});
        var heading = el('h4', {id: headingId, 'class': 'dx-criterion-title', tabindex: '-1',
            text: fmt(gettext('Criterion {number} of {count}: {label}'),
                {number: index + 1, count: count, label: title})});
        var tools = el('div', {'class': 'dx-tools', role: 'group',
            'aria-label': fmt(gettext('Arrange criterion “{label}”'), {label: title})}, [
            button('criterion-up', gettext('Move up'), {disabled: index === 0 ? 'disabled' : null,
                context: fmt(gettext('criterion “{label}”'), {label: title})}),
            button('criterion-down', gettext('Move down'), {disabled: index === count - 1 ? 'disabled' : null,
                context: fmt(gettext('criterion “{label}”'), {label: title})}),
            button('criterion-remove', gettext('Remove'), {'class': 'dx-button dx-small dx-danger',
                context: fmt(gettext('criterion “{label}”'), {label: title})})
        ]);
        var label = el('input', {type: 'text', 'data-input': base + '.label', 'data-key': 'label',
            value: criterion.label || '', maxlength: '200', required: true});
        var id = el('input', {type: 'text', 'data-input': base + '.id', 'data-key': 'id',
            value: criterion.id || '', maxlength: '40', spellcheck: 'false', autocomplete: 'off'});
        var description = el('textarea', {'data-input': base + '.description', 'data-key': 'description',
            rows: '2', maxlength: '2000', value: criterion.description || ''});
        item.appendChild(el('div', {'class': 'dx-criterion-head'}, [heading, tools]));
        item.appendChild(el('div', {'class': 'dx-row'}, [
            labelled(gettext('Name shown to learners'), label),
            labelled(gettext('Identifier'), id,
                gettext('Lowercase letters, digits and _; starts with a letter. Reports and exports use it.'))
        ]));
        item.appendChild(labelled(gettext('Description (what this criterion asks for)'), description));
        item.appendChild(renderLevels(criterion.levels || [], base));
        item.appendChild(renderChecks(criterion.checks || [], base));
        return item;
    }

    function renderLevels(levels, base) {
        var fieldset = el('fieldset', {'class': 'dx-levels', 'data-input': base + '.levels'}, [
            el('legend', {text: gettext('Levels')}),
            el('p', {'class': 'dx-help', text: gettext(
                'At least two levels with different points. Learners see them from lowest to highest points.')})
        ]);
        var list = el('ol', {'class': 'dx-level-list'});
        levels.forEach(function (level, index) {
            var lbase = base + '.levels.' + index;
            var name = level.label || fmt(gettext('Level {number}'), {number: index + 1});
            var points = el('input', {type: 'number', 'data-input': lbase + '.points', 'data-key': 'points',
                min: '0', max: '100', step: 'any', inputmode: 'decimal',
                value: level.points === null || level.points === undefined ? '' : level.points});
            var labelInput = el('input', {type: 'text', 'data-input': lbase + '.label', 'data-key': 'label',
                maxlength: '200', value: level.label || ''});
            var message = el('textarea', {'data-input': lbase + '.message', 'data-key': 'message', rows: '2',
                maxlength: '2000', value: level.message || ''});
            list.appendChild(el('li', {'class': 'dx-level', 'data-index': index}, [
                el('div', {'class': 'dx-row'}, [
                    labelled(fmt(gettext('Points for level {number}'), {number: index + 1}), points),
                    labelled(fmt(gettext('Name of level {number}'), {number: index + 1}), labelInput),
                    button('level-remove', gettext('Remove level'), {'class': 'dx-button dx-small dx-danger',
                        disabled: levels.length <= 2 ? 'disabled' : null,
                        context: fmt(gettext('“{label}”'), {label: name})})
                ]),
                labelled(fmt(gettext('What the learner reads at level {number}'), {number: index + 1}), message)
            ]));
        });
        fieldset.appendChild(list);
        fieldset.appendChild(button('level-add', gettext('Add a level')));
        return fieldset;
    }

    function renderChecks(checks, base) {
        var fieldset = el('fieldset', {'class': 'dx-checks', 'data-input': base + '.checks'}, [
            el('legend', {text: gettext('Automatic checks')})
        ]);
        if (!checks.length) {
            fieldset.appendChild(el('p', {'class': 'dx-manual', text: gettext(
                'Graded by the instructor only: no automatic check. Learners are told the instructor will judge it.')}));
        }
        var list = el('ol', {'class': 'dx-check-list'});
        checks.forEach(function (check, index) {
            list.appendChild(renderCheck(check, base + '.checks.' + index, index));
        });
        fieldset.appendChild(list);
        var typeSelect = el('select', {'data-role': 'new-check-type'},
            CHECK_TYPES.map(function (t) { return option(t.type, t.label); }));
        fieldset.appendChild(el('div', {'class': 'dx-row dx-add-check'}, [
            labelled(gettext('Kind of check to add'), typeSelect),
            button('check-add', gettext('Add the check'))
        ]));
        return fieldset;
    }

    function renderCheck(check, cbase, index) {
        var params = check.params || {};
        var type = check.type;
        var kind = CHECK_TYPES.filter(function (t) { return t.type === type; })[0];
        var kindLabel = kind ? kind.label : type;
        var item = el('li', {'class': 'dx-check-item', 'data-index': index, 'data-type': type,
            'data-input': cbase + '.type'});
        var explanation = el('p', {'class': 'dx-explain', 'data-role': 'explain'});
        item.appendChild(el('div', {'class': 'dx-criterion-head'}, [
            el('h5', {text: fmt(gettext('Check {number}: {kind}'), {number: index + 1, kind: kindLabel})}),
            button('check-remove', gettext('Remove check'), {'class': 'dx-button dx-small dx-danger',
                context: fmt(gettext('{number} ({kind})'), {number: index + 1, kind: kindLabel})})
        ]));
        if (type === 'word_count') {
            item.appendChild(el('div', {'class': 'dx-row'}, ['met_min', 'met_max', 'partial_min', 'partial_max'].map(
                function (key) {
                    var labels = {
                        met_min: gettext('Met from (words)'), met_max: gettext('Met up to (words)'),
                        partial_min: gettext('Partly met from (words, optional)'),
                        partial_max: gettext('Partly met up to (words, optional)')
                    };
                    var value = params[key];
                    return labelled(labels[key], el('input', {type: 'number', min: '0', max: '5000', step: '1',
                        'data-input': cbase + '.' + key, 'data-key': key,
                        value: value === undefined || value === null ? '' : value}));
                })));
        } else if (type === 'phrases') {
            var mode = el('select', {'data-input': cbase + '.mode', 'data-key': 'mode'}, [
                option('require', gettext('Require: the draft must contain these phrases'), params.mode === 'require'),
                option('forbid', gettext('Forbid: the draft must not contain any of these phrases'),
                    params.mode !== 'require')
            ]);
            var phrases = el('textarea', {'data-input': cbase + '.phrases', 'data-key': 'phrases', rows: '3',
                value: lines(params.phrases)});
            var onFail = el('select', {'data-input': cbase + '.on_fail', 'data-key': 'on_fail'}, [
                option('not_met', gettext('Not met (lowest level)'), params.on_fail !== 'partial'),
                option('partial', gettext('Partly met (level below the top)'), params.on_fail === 'partial')
            ]);
            var minCount = el('input', {type: 'number', min: '1', max: '100', step: '1',
                'data-input': cbase + '.min_count', 'data-key': 'min_count',
                value: params.min_count === undefined || params.min_count === null ? 1 : params.min_count});
            var minField = labelled(gettext('How many of the phrases must appear'), minCount);
            minField.setAttribute('data-role', 'min-count');
            minField.hidden = params.mode !== 'require';
            item.appendChild(labelled(gettext('Rule'), mode));
            item.appendChild(labelled(gettext('Phrases, one per line'), phrases, gettext(
                'Case does not matter. A * on its own stands for any one word ("I * how you feel"); ' +
                'a word ending in * matches any ending ("overwhelm*" matches overwhelmed). ' +
                'At most 8 words a phrase.')));
            item.appendChild(el('div', {'class': 'dx-row'}, [labelled(gettext('When the rule is broken'), onFail),
                minField]));
        } else if (type === 'detector') {
            var select = el('select', {'data-input': cbase + '.name', 'data-key': 'name'},
                detectors.map(function (d) { return option(d.name, d.name, d.name === params.name); }));
            if (params.name && !detectors.some(function (d) { return d.name === params.name; })) {
                select.appendChild(option(params.name, params.name, true));
            }
            item.appendChild(labelled(gettext('Detector'), select));
        } else {
            item.appendChild(el('p', {text: fmt(gettext('Unknown kind of check “{type}”: remove it.'), {type: type})}));
        }
        item.appendChild(explanation);
        explainCheck(item);
        return item;
    }

    /* The plain-language sentence under a check, kept in step with its settings. */
    function explainCheck(item) {
        var type = item.getAttribute('data-type');
        var node = q('[data-role="explain"]', item);
        var params = readCheck(item).params;
        var text = '';
        if (type === 'word_count') {
            text = fmt(gettext('Counts the words of the draft. Met from {met_min} to {met_max} words; ' +
                'partly met from {partial_min} to {partial_max} words; not met otherwise.'), {
                met_min: params.met_min || '?', met_max: params.met_max || '?',
                partial_min: params.partial_min || params.met_min || '?',
                partial_max: params.partial_max || params.met_max || '?'
            });
        } else if (type === 'phrases') {
            var outcome = params.on_fail === 'partial' ? gettext('partly met') : gettext('not met');
            if (params.mode === 'require') {
                text = fmt(gettext('Met when the draft contains at least {count} of these phrases; ' +
                    'otherwise {outcome}.'), {count: params.min_count || 1, outcome: outcome});
            } else {
                text = fmt(gettext('Met when the draft contains none of these phrases; {outcome} as soon ' +
                    'as one appears. The learner sees which words triggered it.'), {outcome: outcome});
            }
            var minField = q('[data-role="min-count"]', item);
            if (minField) { minField.hidden = params.mode !== 'require'; }
        } else if (type === 'detector') {
            var found = detectors.filter(function (d) { return d.name === params.name; })[0];
            text = found ? found.explanation : gettext('Unknown detector: choose another one.');
        }
        node.textContent = text;
    }

    // --- reading the form back --------------------------------------------------------------

    function value(scope, key) {
        var node = q('[data-key="' + key + '"]', scope);
        return node ? node.value : undefined;
    }

    function readCheck(item) {
        var type = item.getAttribute('data-type');
        var params = {};
        qa('[data-key]', item).forEach(function (node) {
            var key = node.getAttribute('data-key');
            params[key] = node.value;
        });
        if (type === 'phrases') {
            params.phrases = (params.phrases || '').split('\n').filter(function (line) { return line.trim(); });
            if (params.mode !== 'require') { delete params.min_count; }
        }
        if (type === 'word_count') {
            ['partial_min', 'partial_max'].forEach(function (key) {
                if (params[key] === '') { delete params[key]; }
            });
        }
        return {type: type, params: params};
    }

    function readCriteria() {
        return qa('.dx-criterion').map(function (item) {
            return {
                id: value(item, 'id').trim(),
                label: value(item, 'label'),
                description: value(item, 'description'),
                levels: qa('.dx-level', item).map(function (level) {
                    return {points: value(level, 'points'), label: value(level, 'label'),
                        message: value(level, 'message')};
                }),
                checks: qa('.dx-check-item', item).map(readCheck)
            };
        });
    }

    function collect() {
        var exercise = {};
        ['display_name', 'grading_mode', 'show_exemplar', 'exemplar', 'support_message', 'min_words',
            'max_words', 'max_feedback_requests', 'weight'].forEach(function (name) { exercise[name] = input(name).value; });
        exercise.allow_resubmission = input('allow_resubmission').checked;
        exercise.hold_staff_grades = input('hold_staff_grades').checked;
        exercise.scenario = {};
        ['key', 'patient', 'context', 'prompt', 'keywords', 'allowed_names'].forEach(function (name) {
            exercise.scenario[name] = input('scenario.' + name).value;
        });
        exercise.rubric = {
            criteria: readCriteria(),
            privacy_gate: input('privacy_gate').checked,
            preset: editor.getAttribute('data-preset') || null
        };
        return exercise;
    }

    function updateTotal() {
        var total = 0;
        readCriteria().forEach(function (criterion) {
            var points = criterion.levels.map(function (l) { return parseFloat(l.points); })
                .filter(function (p) { return !isNaN(p); });
            if (points.length) { total += Math.max.apply(null, points); }
        });
        var count = qa('.dx-criterion').length;
        q('[data-role="rubric-total"]').textContent = fmt(ngettext(
            '{count} criterion, worth {total} points in all.',
            '{count} criteria, worth {total} points in all.', count), {count: count, total: total});
    }

    // --- structural edits (buttons; all keyboard-operable) ----------------------------------

    function criterionIndex(node) {
        return parseInt(node.closest('.dx-criterion').getAttribute('data-index'), 10);
    }

    /* Re-render the criteria after ``change(criteria)`` and move focus to ``focus(list)``. */
    function restructure(change, focusSelector, message) {
        var criteria = readCriteria();
        var focusIndex = change(criteria);
        clearErrors();
        renderCriteria(criteria);
        var target = focusSelector ? focusSelector(focusIndex) : null;
        if (target) { target.focus(); }
        if (message) { status(typeof message === 'function' ? message() : message); }
    }

    function criterionAt(index) { return qa('.dx-criterion')[index]; }

    function uniqueId(criteria) {
        var taken = {};
        criteria.forEach(function (c) { taken[c.id] = true; });
        var n = criteria.length + 1;
        while (taken['criterion_' + n]) { n += 1; }
        return 'criterion_' + n;
    }

    var actions = {
        'add-criterion': function () {
            restructure(function (criteria) {
                criteria.push({id: uniqueId(criteria), label: gettext('New criterion'), description: '',
                    levels: [{points: 0, label: gettext('Not yet'), message: ''},
                        {points: 1, label: gettext('Met'), message: ''}],
                    checks: []});
                return criteria.length - 1;
            }, function (index) { return input('criteria.' + index + '.label'); },
            gettext('Criterion added at the end. It has no automatic check: the instructor grades it.'));
        },
        'criterion-up': function (target) { moveCriterion(criterionIndex(target), -1, 'criterion-up'); },
        'criterion-down': function (target) { moveCriterion(criterionIndex(target), 1, 'criterion-down'); },
        'criterion-remove': function (target) {
            var index = criterionIndex(target);
            var removed = '';
            restructure(function (criteria) {
                removed = criteria[index].label || criteria[index].id;
                criteria.splice(index, 1);
                return Math.min(index, criteria.length - 1);
            }, function (i) {
                return i >= 0 ? q('.dx-criterion-title', criterionAt(i)) : q('[data-action="add-criterion"]');
            }, function () {
                return fmt(gettext('Criterion “{label}” removed. Cancel discards all unsaved changes.'),
                    {label: removed});
            });
        },
        'level-add': function (target) {
            var index = criterionIndex(target);
            restructure(function (criteria) {
                var levels = criteria[index].levels;
                var top = Math.max.apply(null, levels.map(function (l) { return parseFloat(l.points) || 0; })
                    .concat([0]));
                levels.push({points: top + 1, label: '', message: ''});
                return levels.length - 1;
            }, function (levelIndex) { return input('criteria.' + index + '.levels.' + levelIndex + '.points'); },
            gettext('Level added.'));
        },
        'level-remove': function (target) {
            var index = criterionIndex(target);
            var levelIndex = parseInt(target.closest('.dx-level').getAttribute('data-index'), 10);
            restructure(function (criteria) {
                criteria[index].levels.splice(levelIndex, 1);
                return Math.min(levelIndex, criteria[index].levels.length - 1);
            }, function (i) { return input('criteria.' + index + '.levels.' + i + '.points'); },
            gettext('Level removed.'));
        },
        'check-add': function (target) {
            var index = criterionIndex(target);
            var type = q('[data-role="new-check-type"]', criterionAt(index)).value;
            var defaults = {
                word_count: {met_min: 15, met_max: 50},
                phrases: {mode: 'forbid', phrases: [], on_fail: 'not_met'},
                detector: {name: detectors.length ? detectors[0].name : ''}
            };
            restructure(function (criteria) {
                criteria[index].checks.push({type: type, params: defaults[type]});
                return criteria[index].checks.length - 1;
            }, function (checkIndex) {
                var item = qa('.dx-check-item', criterionAt(index))[checkIndex];
                return q('select, input, textarea', item);
            }, gettext('Check added.'));
        },
        'check-remove': function (target) {
            var index = criterionIndex(target);
            var checkIndex = parseInt(target.closest('.dx-check-item').getAttribute('data-index'), 10);
            restructure(function (criteria) {
                criteria[index].checks.splice(checkIndex, 1);
                return criteria[index].checks.length;
            }, function () { return q('[data-role="new-check-type"]', criterionAt(index)); },
            gettext('Check removed.'));
        },
        'load-library': function () { loadLibrary({key: input('library').value}); },
        'reset-rubric': function () { loadLibrary({preset: 'appropriate-self-disclosure'}); },
        'try-draft': function () { tryDraft(input('text').value); },
        'try-exemplar': function () {
            input('text').value = input('exemplar').value;
            tryDraft(input('text').value);
        },
        'export-olx': exportOlx,
        'save': save,
        'cancel': function () { runtime.notify('cancel', {}); }
    };

    function moveCriterion(index, delta, action) {
        var label = '';
        restructure(function (criteria) {
            var moved = criteria.splice(index, 1)[0];
            label = moved.label || moved.id;
            criteria.splice(index + delta, 0, moved);
            return index + delta;
        }, function (newIndex) {
            var item = criterionAt(newIndex);
            var same = q('[data-action="' + action + '"]', item);
            return same && !same.disabled ? same : q('.dx-criterion-title', item);
        }, function () {
            return fmt(gettext('Criterion “{label}” is now number {number}.'),
                {label: label, number: index + delta + 1});
        });
    }

    // --- server calls -----------------------------------------------------------------------

    function csrfToken() {
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : '';
    }

    function post(handler, body) {
        return fetch(runtime.handlerUrl(root, handler), {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrfToken(),
                'X-Requested-With': 'XMLHttpRequest'},
            body: JSON.stringify(body)
        }).then(function (response) {
            return response.text().then(function (text) {
                var payload;
                try { payload = text ? JSON.parse(text) : {}; } catch (e) { payload = {}; }
                if (!response.ok) {
                    var error = new Error(payload.error || fmt(gettext('The server answered {status}.'),
                        {status: response.status}));
                    error.payload = payload;
                    throw error;
                }
                return payload;
            });
        });
    }

    function withBusy(promise) {
        busy = true;
        editor.setAttribute('aria-busy', 'true');
        return promise.then(function (result) {
            busy = false;
            editor.removeAttribute('aria-busy');
            return result;
        }, function (error) {
            busy = false;
            editor.removeAttribute('aria-busy');
            throw error;
        });
    }

    function loadLibrary(body) {
        withBusy(post('studio_library', body)).then(function (answer) {
            clearErrors();
            if (answer.exercise) {
                fill(answer.exercise);
                status(fmt(gettext('Loaded “{name}” into the editor. Save to keep it.'),
                    {name: answer.exercise.display_name}));
            } else if (answer.rubric) {
                fillRubric(answer.rubric);
                status(gettext('The rubric is back to the default. Save to keep it.'));
            }
        }, showFailure);
    }

    function tryDraft(text) {
        var result = q('[data-role="try-result"]');
        withBusy(post('studio_try_draft', {exercise: collect(), text: text})).then(function (answer) {
            clearErrors();
            renderFeedback(result, answer.feedback);
        }, function (error) {
            result.textContent = '';
            showFailure(error);
        });
    }

    function exportOlx() {
        var pre = q('[data-role="olx"]');
        withBusy(post('studio_export_olx', {exercise: collect()})).then(function (answer) {
            clearErrors();
            pre.textContent = answer.olx;
            pre.hidden = false;
            status(gettext('OLX preview updated.'));
        }, showFailure);
    }

    function save() {
        if (busy) { return; }
        runtime.notify('save', {state: 'start'});
        withBusy(post('studio_save', {exercise: collect()})).then(function (answer) {
            clearErrors();
            if (answer.exercise) {
                editor.setAttribute('data-preset', (answer.exercise.rubric || {}).preset || '');
            }
            status(answer.warning ? gettext('Saved.') + ' ' + answer.warning : gettext('Saved.'));
            runtime.notify('save', {state: 'end'});
        }, function (error) {
            showFailure(error);
            runtime.notify('error', {title: gettext('Unable to save'), message: error.message});
        });
    }

    // --- errors at the field ----------------------------------------------------------------

    function clearErrors() {
        qa('.dx-field-error').forEach(function (node) { node.parentNode.removeChild(node); });
        qa('[aria-invalid="true"]').forEach(function (node) {
            node.removeAttribute('aria-invalid');
            var ids = (node.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
                return id && id.indexOf('-error-') === -1;
            });
            if (ids.length) { node.setAttribute('aria-describedby', ids.join(' ')); }
            else { node.removeAttribute('aria-describedby'); }
        });
        var summary = q('[data-role="error-summary"]');
        summary.hidden = true;
        q('[data-role="error-list"]').textContent = '';
    }

    /* The control an error's ``input`` names, or the nearest one that exists. */
    function controlFor(name) {
        var parts = (name || '').split('.');
        while (parts.length) {
            var node = input(parts.join('.'));
            if (node) {
                if (/^(INPUT|SELECT|TEXTAREA)$/.test(node.tagName)) { return node; }
                return q('input, select, textarea', node) || node;
            }
            parts.pop();
        }
        return input('display_name');
    }

    function showErrors(errors) {
        clearErrors();
        var list = q('[data-role="error-list"]');
        var first = null;
        errors.forEach(function (error, index) {
            var control = controlFor(error.input || error.field);
            var errorId = idPrefix + '-error-' + index;
            var message = el('p', {'class': 'dx-field-error', id: errorId, text: error.message});
            control.parentNode.insertBefore(message, control.nextSibling);
            if (/^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName)) {
                control.setAttribute('aria-invalid', 'true');
                var described = control.getAttribute('aria-describedby');
                control.setAttribute('aria-describedby', described ? described + ' ' + errorId : errorId);
            }
            var link = el('button', {type: 'button', 'class': 'dx-link', text: error.message});
            link.addEventListener('click', function () { control.focus(); });
            list.appendChild(el('li', {}, [link]));
            first = first || control;
        });
        q('[data-role="error-summary"]').hidden = false;
        if (first) { first.focus(); }
    }

    function showFailure(error) {
        var payload = error.payload || {};
        var errors = payload.errors && payload.errors.length ? payload.errors :
            (payload.field ? [{field: payload.field, input: payload.field, message: payload.error}] : null);
        if (errors) {
            showErrors(errors);
            status(fmt(ngettext('Not saved: {count} problem to fix.', 'Not saved: {count} problems to fix.',
                errors.length), {count: errors.length}));
        } else {
            status(error.message || gettext('Something went wrong. Your edits are still here; try again.'));
        }
    }

    // --- the learner's feedback, as the learner view shows it -------------------------------

    function renderFeedback(container, feedback) {
        container.textContent = '';
        if (!feedback) { return; }
        var shared = window.DisclosureFeedbackView;
        if (shared && typeof shared.render === 'function') {
            shared.render(container, feedback, {gettext: gettext});
            status(gettext('Feedback for the sample draft is shown below the button.'));
            return;
        }
        var OUTCOMES = {
            met: {icon: '\u2713', label: gettext('Met')},
            partial: {icon: '\u25D0', label: gettext('Partly met')},
            not_met: {icon: '\u2717', label: gettext('Not yet')},
            instructor: {icon: '\u2026', label: gettext('Your instructor will assess this')}
        };
        var counts = {met: 0, partial: 0, not_met: 0, instructor: 0};
        function key(c) { return c.automatic !== false && OUTCOMES[c.outcome] ? c.outcome : 'instructor'; }
        (feedback.criteria || []).forEach(function (c) { counts[key(c)] += 1; });
        container.appendChild(el('h4', {text: gettext('Feedback a learner would get')}));
        var privacy = feedback.privacy || {passed: true, findings: []};
        if (privacy.passed === false) {
            container.appendChild(el('div', {'class': 'dx-fb-privacy'}, [
                el('p', {}, [el('strong', {text: gettext('Remove identifying details before you go on.')})]),
                el('ul', {}, (privacy.findings || []).map(function (finding) {
                    return el('li', {}, [finding.text ? el('q', {text: finding.text}) : null,
                        finding.text ? ' — ' : '',
                        finding.message || gettext('This looks like an identifying detail.')]);
                }))
            ]));
        }
        if ((feedback.red_flags || []).length) {
            container.appendChild(el('div', {'class': 'dx-fb-flags'}, [
                el('p', {}, [el('strong', {text: gettext('Your instructor will review this draft personally.')})]),
                el('ul', {}, feedback.red_flags.map(function (flag) {
                    return el('li', {text: flag.message || flag.kind || String(flag)});
                }))
            ]));
        }
        var summary = [fmt(gettext('Automatic score: {score} of {max} points.'),
            {score: feedback.score, max: feedback.max_score}),
            fmt(gettext('Met: {met}. Partly met: {partial}. Not yet: {not_met}.'), counts)];
        if (counts.instructor) {
            summary.push(fmt(ngettext('{count} criterion is left to your instructor.',
                '{count} criteria are left to your instructor.', counts.instructor), {count: counts.instructor}));
        }
        summary.push(fmt(ngettext('{count} word.', '{count} words.', feedback.word_count || 0),
            {count: feedback.word_count || 0}));
        container.appendChild(el('p', {'class': 'dx-fb-score', text: summary.join(' ')}));
        var list = el('ol', {'class': 'dx-fb-criteria'});
        (feedback.criteria || []).forEach(function (c) {
            var k = key(c);
            var head = el('p', {'class': 'dx-fb-head'}, [
                el('span', {'aria-hidden': 'true', text: OUTCOMES[k].icon + ' '}),
                el('strong', {text: c.label}), ' — ', OUTCOMES[k].label,
                k !== 'instructor' && typeof c.max_points === 'number' ?
                    ' (' + fmt(gettext('{points} of {max} points'), {points: c.points, max: c.max_points}) + ')' : ''
            ]);
            var quotes = (c.evidence || []).filter(function (e) { return e.text; });
            var evidence = null;
            if (quotes.length) {
                evidence = el('p', {'class': 'dx-fb-evidence'}, [gettext('In your draft:') + ' ']);
                quotes.forEach(function (e, i) {
                    if (i) { evidence.appendChild(document.createTextNode(', ')); }
                    evidence.appendChild(el('q', {text: e.text}));
                    if (e.note) { evidence.appendChild(document.createTextNode(' (' + e.note + ')')); }
                });
            }
            list.appendChild(el('li', {'class': 'dx-fb-criterion dx-outcome-' + k, 'data-criterion': c.id}, [
                head, c.message ? el('p', {text: c.message}) : null, evidence
            ]));
        });
        container.appendChild(list);
        status(gettext('Feedback for the sample draft is ready.') + ' ' + summary[0]);
    }

    // --- wiring -----------------------------------------------------------------------------

    editor.addEventListener('click', function (event) {
        var target = event.target.closest('[data-action]');
        if (!target || !editor.contains(target) || target.disabled) { return; }
        var action = actions[target.getAttribute('data-action')];
        if (action) {
            event.preventDefault();
            action(target);
        }
    });
    editor.addEventListener('input', function (event) {
        var item = event.target.closest('.dx-check-item');
        if (item) { explainCheck(item); }
        if (event.target.closest('.dx-level')) { updateTotal(); }
        if (event.target.getAttribute('aria-invalid') === 'true') {
            event.target.removeAttribute('aria-invalid');
        }
    });
    editor.addEventListener('change', function (event) {
        var item = event.target.closest('.dx-check-item');
        if (item) { explainCheck(item); }
    });

    fill(data.exercise || {});
}
