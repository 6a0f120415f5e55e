/* Errors at the field in the Studio editor: the server's field errors (each names the form
 * control by its data-input path) are shown next to the control, marked aria-invalid, listed in
 * the error summary with a link each, and focus goes to the first.
 *
 * Needs core.js and studio/form.js. createFieldErrors(form, options): options.status(message).
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var el = core.el;

    function createFieldErrors(form, options) {
        var q = form.q;
        var qa = form.qa;
        var input = form.input;
        var idPrefix = form.idPrefix;
        var status = options.status;

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
                var section = control.closest('details');
                if (section) { section.open = true; }  // a closed section hides its errors
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
            var payload = error.body || {};
            var errors = payload.errors && payload.errors.length ? payload.errors :
                (payload.field ? [{field: payload.field, input: payload.field, message: payload.error}] : null);
            var message;
            if (errors) {
                showErrors(errors);
                message = fmt(ngettext('Not saved: {count} problem to fix.', 'Not saved: {count} problems to fix.',
                    errors.length), {count: errors.length});
            } else {
                message = error.message || gettext('Something went wrong. Your edits are still here; try again.');
            }
            status(message);
            return message;
        }

        return {clear: clearErrors, show: showErrors, showFailure: showFailure, controlFor: controlFor};
    }

    DX.studio = DX.studio || {};
    DX.studio.createFieldErrors = createFieldErrors;
}(window));
