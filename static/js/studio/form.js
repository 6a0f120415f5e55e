/* The Studio editor's form: finding its controls, building labelled fields, and moving the
 * exercise settings (everything but the rubric) between the exercise JSON and the form.
 *
 * Needs core.js. The form in the DOM is the editor's state; controls are found by their
 * data-input name ("display_name", "scenario.prompt", "criteria.0.levels.1.points", …), the same
 * names the server's field errors use.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var el = DX.core.el;

    var SETTINGS = ['display_name', 'min_words', 'max_words', 'max_feedback_requests', 'weight',
        'grading_mode', 'show_exemplar', 'exemplar', 'support_message'];
    var FLAGS = ['allow_resubmission', 'hold_staff_grades'];
    var SCENARIO_TEXT = ['key', 'patient', 'context', 'prompt'];
    var SCENARIO_LISTS = ['keywords', 'allowed_names'];

    function commaList(value) { return Array.isArray(value) ? value.join(', ') : (value || ''); }

    function createForm(editor, idPrefix) {
        var nextId = DX.core.idMaker(idPrefix);

        function q(selector, scope) { return (scope || editor).querySelector(selector); }
        function qa(selector, scope) { return Array.prototype.slice.call((scope || editor).querySelectorAll(selector)); }
        function input(name, scope) { return q('[data-input="' + name + '"]', scope); }

        /* A control with its label (and help text, tied by aria-describedby). */
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

        /* A small action button; ``extra.context`` is read by screen readers after the visible
         * text (the visible words stay the start of the accessible name, WCAG 2.5.3). */
        function button(action, text, extra) {
            var attrs = {type: 'button', 'class': 'dx-button dx-small', 'data-action': action};
            var context = null;
            Object.keys(extra || {}).forEach(function (key) {
                if (key === 'context') { context = extra[key]; } else { attrs[key] = extra[key]; }
            });
            return el('button', attrs, [text, context ? el('span', {'class': 'dx-sr-only', text: ' ' + context}) : null]);
        }

        /* One line under each collapsible section's title saying what it holds, so a closed
         * section still tells the designer its settings. ``rubricTotal``: the rubric's total line. */
        function summarize(rubricTotal) {
            var gettext = DX.core.gettext;
            var fmt = DX.core.fmt;
            var settings = collectSettings();
            var scenario = settings.scenario || {};
            var lines = {};
            var prompt = (scenario.prompt || '').trim();
            if (prompt.length > 60) { prompt = prompt.slice(0, 60).replace(/\s+\S*$/, '') + '\u2026'; }
            lines.scenario = prompt
                ? fmt(gettext('{patient}: \u201C{prompt}\u201D'), {patient: scenario.patient || gettext('No patient name'), prompt: prompt})
                : gettext('No prompt yet');
            lines.rubric = rubricTotal + ' ' + (input('privacy_gate').checked
                ? gettext('Privacy check on.') : gettext('Privacy check off.'));
            var mode = input('grading_mode');
            var modeText = mode.selectedIndex >= 0 ? mode.options[mode.selectedIndex].textContent : '';
            lines.grading = modeText + ' \u00B7 ' + (settings.weight === '' || settings.weight === null
                ? gettext('weight: the rubric\u2019s points') : fmt(gettext('weight: {weight}'), {weight: settings.weight}));
            var requests = parseInt(settings.max_feedback_requests, 10);
            lines.limits = fmt(gettext('Submit {min}\u2013{max} words'), {min: settings.min_words, max: settings.max_words}) +
                ' \u00B7 ' + (requests > 0
                    ? fmt(DX.core.ngettext('{count} feedback request per learner', '{count} feedback requests per learner', requests), {count: requests})
                    : gettext('unlimited feedback requests'));
            Object.keys(lines).forEach(function (name) {
                var node = q('[data-summary="' + name + '"]');
                if (node) { node.textContent = lines[name]; }
            });
            return lines;
        }

        /* The settings and scenario of ``exercise`` into the form. */
        function fillSettings(exercise) {
            var scenario = exercise.scenario || {};
            SETTINGS.forEach(function (name) {
                var value = exercise[name];
                input(name).value = value === undefined || value === null ? '' : value;
            });
            FLAGS.forEach(function (name) { input(name).checked = Boolean(exercise[name]); });
            SCENARIO_TEXT.forEach(function (name) { input('scenario.' + name).value = scenario[name] || ''; });
            SCENARIO_LISTS.forEach(function (name) { input('scenario.' + name).value = commaList(scenario[name]); });
        }

        /* The settings and scenario as the studio_* handlers take them (strings: the server
         * parses and checks them). */
        function collectSettings() {
            var exercise = {};
            SETTINGS.forEach(function (name) { exercise[name] = input(name).value; });
            FLAGS.forEach(function (name) { exercise[name] = input(name).checked; });
            exercise.scenario = {};
            SCENARIO_TEXT.concat(SCENARIO_LISTS).forEach(function (name) {
                exercise.scenario[name] = input('scenario.' + name).value;
            });
            return exercise;
        }

        return {
            editor: editor, idPrefix: idPrefix, nextId: nextId, q: q, qa: qa, input: input,
            labelled: labelled, option: option, button: button,
            fillSettings: fillSettings, collectSettings: collectSettings, summarize: summarize
        };
    }

    DX.studio = DX.studio || {};
    DX.studio.createForm = createForm;
}(window));
