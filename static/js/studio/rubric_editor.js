/* The Studio editor's rubric: criteria, their levels and automatic checks, drawn from the
 * rubric JSON, read back from the form, and rearranged by keyboard-operable buttons (each change
 * re-renders the criteria and moves focus to the right control).
 *
 * Needs core.js and studio/form.js. createRubricEditor(form, options): options.detectors (name
 * and explanation of each built-in detector), options.status(message) (the live status line)
 * and options.clearErrors().
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var el = core.el;

    function lines(list) { return (list || []).join('\n'); }

    function createRubricEditor(form, options) {
        var editor = form.editor;
        var q = form.q;
        var qa = form.qa;
        var input = form.input;
        var labelled = form.labelled;
        var option = form.option;
        var button = form.button;
        var nextId = form.nextId;
        var detectors = options.detectors || [];
        var status = options.status;
        var clearErrors = options.clearErrors;

        var CHECK_TYPES = [
            {type: 'word_count', label: gettext('Word count')},
            {type: 'phrases', label: gettext('Phrase list')},
            {type: 'detector', label: gettext('Built-in detector')}
        ];

        function fillRubric(rubric) {
            input('privacy_gate').checked = rubric.privacy_gate !== false;
            setPreset(rubric.preset);
            renderCriteria(rubric.criteria || []);
        }

        /* The rubric as the studio_* handlers take it. The preset name stays only while the
         * server says the rubric is still exactly that preset (see setPreset). */
        function collectRubric() {
            return {
                criteria: readCriteria(),
                privacy_gate: input('privacy_gate').checked,
                preset: editor.getAttribute('data-preset') || null
            };
        }

        function setPreset(name) {
            editor.setAttribute('data-preset', name || '');
        }

        // --- drawing the criteria ---------------------------------------------------------------

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

        /* A criterion's heading and its Move/Remove labels follow its name as it is typed. */
        function retitle(item) {
            if (!item) { return; }
            var items = qa('[data-role="criteria"] > .dx-criterion');
            var index = items.indexOf(item);
            var nameInput = q('[data-key="label"]', item);
            var idInput = q('[data-key="id"]', item);
            var title = (nameInput && nameInput.value.trim()) || (idInput && idInput.value.trim()) ||
                gettext('New criterion');
            q('.dx-criterion-title', item).textContent = fmt(gettext('Criterion {number} of {count}: {label}'),
                {number: index + 1, count: items.length, label: title});
            var tools = q('.dx-tools', item);
            tools.setAttribute('aria-label', fmt(gettext('Arrange criterion “{label}”'), {label: title}));
            qa('.dx-tools > button > .dx-sr-only', item).forEach(function (span) {
                span.textContent = ' ' + fmt(gettext('criterion “{label}”'), {label: title});
            });
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
                    detectors.map(function (d) { return option(d.name, d.label || d.name, d.name === params.name); }));
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
            }
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

        return {
            fill: fillRubric,
            read: readCriteria,
            collect: collectRubric,
            setPreset: setPreset,
            explainCheck: explainCheck,
            retitle: retitle,
            updateTotal: updateTotal,
            actions: actions
        };
    }

    DX.studio = DX.studio || {};
    DX.studio.createRubricEditor = createRubricEditor;
}(window));
