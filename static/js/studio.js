/* Studio editor of a disclosure_exercise: every authored setting, the rubric, try-a-draft, save.
 *
 * Entry point: DisclosureStudio(runtime, element, initArgs), called by Studio. The parts, loaded
 * before this file (block.py's studio_view lists them in order):
 *   core.js                  i18n, formatting, el(), post() with CSRF and the request queue
 *   feedback_view.js         the feedback a learner would get (for "Try a draft")
 *   studio/form.js           finding and building form controls; the exercise settings
 *   studio/rubric_editor.js  the rubric: criteria, levels, checks, and their structural edits
 *   studio/field_errors.js   the server's field errors at their controls
 * This file owns the calls to the block's studio_* handlers. The form in the DOM is the editor's
 * state: collect() reads it into the exercise JSON those handlers take (see
 * disclosure_xblock/authoring.py). Designer-written or server text reaches the DOM through
 * textContent or form values only.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock;
    var core = DX.core;
    var gettext = core.gettext;
    var fmt = core.fmt;

    /* The preset "Reset the rubric" loads, from the list the page receives (initArgs.presets):
     * the one the editor's rubric was built from if it is listed, else the first listed. */
    function resetPreset(presets, current) {
        presets = presets || [];
        if (current && presets.indexOf(current) !== -1) { return current; }
        return presets.length ? presets[0] : null;
    }

    function DisclosureStudio(runtime, element, initArgs) {
        var root = element && element.jquery ? element[0] : element;
        var editor = root.querySelector('.dx-studio') || root;
        var idPrefix = editor.getAttribute('data-json-id') || 'dx-studio';
        var data = initArgs && initArgs.exercise ? initArgs : readJsonData();
        var presets = (initArgs && initArgs.presets) || [];
        var post = core.createPost(runtime, root);
        var busy = false;

        function readJsonData() {
            var script = global.document.getElementById(editor.getAttribute('data-json-id'));
            return {exercise: script ? JSON.parse(script.textContent) : {}};
        }

        function status(message) {
            // A fresh text node makes screen readers announce a repeated message again.
            core.announceIn(form.q('[data-role="status"]'), message);
        }

        var form = DX.studio.createForm(editor, idPrefix);
        var errors = DX.studio.createFieldErrors(form, {status: status});
        var rubric = DX.studio.createRubricEditor(form, {
            detectors: (initArgs && initArgs.detectors) || [], status: status, clearErrors: errors.clear
        });

        function fill(exercise) {
            form.fillSettings(exercise);
            rubric.fill(exercise.rubric || {criteria: []});
            summarize();
        }

        function summarize() {
            form.summarize(form.q('[data-role="rubric-total"]').textContent);
        }

        function collect() {
            var exercise = form.collectSettings();
            exercise.rubric = rubric.collect();
            return exercise;
        }

        // --- server calls -----------------------------------------------------------------------

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
                errors.clear();
                if (answer.exercise) {
                    fill(answer.exercise);
                    status(fmt(gettext('Loaded “{name}” into the editor. Save to keep it.'),
                        {name: answer.exercise.display_name}));
                } else if (answer.rubric) {
                    rubric.fill(answer.rubric);
                    status(gettext('The rubric is back to the default. Save to keep it.'));
                }
            }, errors.showFailure);
        }

        function tryDraft(text) {
            var result = form.q('[data-role="try-result"]');
            withBusy(post('studio_try_draft', {exercise: collect(), text: text})).then(function (answer) {
                errors.clear();
                if (!answer.feedback) {
                    result.textContent = '';
                    return;
                }
                var summary = DX.feedbackView.renderPanel(result, answer.feedback, {prefix: idPrefix + '-try'});
                status(gettext('Feedback for the sample draft is ready.') + ' ' + summary);
            }, function (error) {
                result.textContent = '';
                errors.showFailure(error);
            });
        }

        function exportOlx() {
            var pre = form.q('[data-role="olx"]');
            withBusy(post('studio_export_olx', {exercise: collect()})).then(function (answer) {
                errors.clear();
                pre.textContent = answer.olx;
                pre.hidden = false;
                status(gettext('OLX preview updated.'));
            }, errors.showFailure);
        }

        /* The outcome of Save, beside the Save button (where the designer is looking; the
         * form's own status line is at the bottom of a tall scroll box) and announced. */
        function saveStatus(message, kind) {
            var node = form.q('[data-role="save-status"]');
            node.className = 'dx-save-status' + (kind ? ' dx-save-status--' + kind : '');
            core.announceIn(node, message);
        }

        function save() {
            if (busy) { return; }
            runtime.notify('save', {state: 'start'});
            saveStatus(gettext('Saving\u2026'), '');
            withBusy(post('studio_save', {exercise: collect()})).then(function (answer) {
                errors.clear();
                if (answer.exercise) { rubric.setPreset((answer.exercise.rubric || {}).preset); }
                var message = answer.warning ? gettext('Saved.') + ' ' + answer.warning : gettext('Saved.');
                status(message);
                saveStatus(message, 'saved');
                runtime.notify('save', {state: 'end'});
            }, function (error) {
                saveStatus(errors.showFailure(error), 'error');
                runtime.notify('error', {title: gettext('Unable to save'), message: error.message});
            });
        }

        // --- wiring -----------------------------------------------------------------------------

        var actions = {
            'load-library': function () { loadLibrary({key: form.input('library').value}); },
            'reset-rubric': function () {
                loadLibrary({preset: resetPreset(presets, editor.getAttribute('data-preset'))});
            },
            'try-draft': function () { tryDraft(form.input('text').value); },
            'try-exemplar': function () {
                form.input('text').value = form.input('exemplar').value;
                tryDraft(form.input('text').value);
            },
            'export-olx': exportOlx,
            'save': save,
            'cancel': function () { runtime.notify('cancel', {}); }
        };
        Object.keys(rubric.actions).forEach(function (name) { actions[name] = rubric.actions[name]; });

        editor.addEventListener('click', function (event) {
            var target = event.target.closest('[data-action]');
            if (!target || !editor.contains(target) || target.disabled) { return; }
            var action = actions[target.getAttribute('data-action')];
            if (action) {
                event.preventDefault();
                action(target);
                summarize();
            }
        });
        editor.addEventListener('input', function (event) {
            var item = event.target.closest('.dx-check-item');
            if (item) { rubric.explainCheck(item); }
            if (event.target.getAttribute('data-key') === 'label' && !event.target.closest('.dx-level')) {
                rubric.retitle(event.target.closest('.dx-criterion'));
            }
            if (event.target.closest('.dx-level')) { rubric.updateTotal(); }
            if (event.target.getAttribute('aria-invalid') === 'true') {
                event.target.removeAttribute('aria-invalid');
            }
            summarize();
        });
        editor.addEventListener('change', function (event) {
            var item = event.target.closest('.dx-check-item');
            if (item) { rubric.explainCheck(item); }
            summarize();
        });

        fill(data.exercise || {});
    }

    DX.studio = DX.studio || {};
    DX.studio.resetPreset = resetPreset;
    global.DisclosureStudio = DisclosureStudio;
}(window));
