/* The submit dialog: checks the draft can be sent, shows the exact text, keeps focus inside
 * (Tab wraps, Escape closes), sends it, and puts focus back where it belongs.
 *
 * Needs core.js. createSubmitDialog(page, hooks) with page.ui, page.args, page.state (submission,
 * exemplar, lastSavedText, inFlight), page.post, page.announce, page.showError, page.clearError,
 * page.networkMessage; hooks: draft (from createDraft), submissionView (from
 * createSubmissionView) and showFeedback(feedback, text) for the feedback a submit returns.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;

    /* Why ``text`` cannot be submitted under ``args``' word limits, or null if it can. */
    function submitProblem(text, args) {
        var words = core.countWords(text);
        if (!text.trim()) { return gettext('Write your disclosure before you submit it.'); }
        if (args.max_words && words > args.max_words) {
            return fmt(ngettext('Your draft has {count} word; the limit is {limit}. Shorten it and try again.',
                'Your draft has {count} words; the limit is {limit}. Shorten it and try again.', words),
                {count: words, limit: args.max_words});
        }
        if (args.min_words && words < args.min_words) {
            return fmt(ngettext('Your draft has {count} word; write at least {limit}.',
                'Your draft has {count} words; write at least {limit}.', words),
                {count: words, limit: args.min_words});
        }
        return null;
    }

    function createSubmitDialog(page, hooks) {
        var ui = page.ui;
        var state = page.state;
        var dialogText = '';
        var returnFocus = null;

        function open() {
            page.clearError();
            var text = ui.text.value;
            var problem = submitProblem(text, page.args);
            if (problem) {
                page.showError(problem);
                ui.text.focus();
                return;
            }
            var words = core.countWords(text);
            dialogText = text;
            ui.dialogText.textContent = text;
            ui.dialogCount.textContent = fmt(ngettext('{count} word', '{count} words', words), {count: words});
            returnFocus = global.document.activeElement;
            ui.dialogConfirm.disabled = false;
            ui.backdrop.hidden = false;
            ui.dialogCancel.focus();
        }

        function close() {
            if (ui.backdrop.hidden) { return; }
            ui.backdrop.hidden = true;
            var target = returnFocus;
            returnFocus = null;
            if (target && target.focus && global.document.body.contains(target) && !target.disabled && !target.closest('[hidden]')) {
                target.focus();
            } else if (!ui.submitted.hidden) {
                ui.submittedHeading.focus();
            }
        }

        function keydown(event) {
            if (event.key === 'Escape' || event.key === 'Esc') {
                event.preventDefault();
                if (!state.inFlight.submit) { close(); }
                return;
            }
            if (event.key !== 'Tab') { return; }
            var focusable = Array.prototype.filter.call(
                ui.dialog.querySelectorAll('button, [href], textarea, input, select, [tabindex]:not([tabindex="-1"])'),
                function (node) { return !node.disabled && node.offsetParent !== null; });
            if (!focusable.length) {
                event.preventDefault();
                return;
            }
            var first = focusable[0];
            var last = focusable[focusable.length - 1];
            var active = global.document.activeElement;
            if (event.shiftKey && (active === first || !ui.dialog.contains(active))) {
                event.preventDefault();
                last.focus();
            } else if (!event.shiftKey && (active === last || !ui.dialog.contains(active))) {
                event.preventDefault();
                first.focus();
            }
        }

        function confirm() {
            if (state.inFlight.submit) { return; }
            var text = dialogText;
            state.inFlight.submit = true;
            ui.dialogConfirm.disabled = true;
            ui.dialogCancel.disabled = true;
            ui.submitBtn.disabled = true;
            ui.dialogConfirm.setAttribute('aria-busy', 'true');
            hooks.draft.stopSaving();
            page.post('submit', {text: text}).then(function (result) {
                state.submission = result.submission;
                state.exemplar = result.exemplar || null;
                state.lastSavedText = text;
                hooks.draft.forgetLocalCopy();
                if (result.feedback) { hooks.showFeedback(result.feedback, text); }
                returnFocus = null;
                ui.backdrop.hidden = true;
                hooks.submissionView.render();
                hooks.draft.setSaveStatus('', '');
                ui.submittedHeading.focus();
                page.announce(gettext('Your disclosure was submitted.'));
            }, function (error) {
                ui.backdrop.hidden = true;
                var target = returnFocus;
                returnFocus = null;
                if (error.body && error.body.feedback) { hooks.showFeedback(error.body.feedback, text); }
                page.showError(page.networkMessage(error));
                if (error.body && error.body.submission) {
                    // Already submitted (a race or another tab): show what the server has.
                    state.submission = error.body.submission;
                    hooks.submissionView.render();
                } else if (target && target.focus) {
                    target.focus();
                }
            }).then(function () {
                state.inFlight.submit = false;
                ui.dialogConfirm.removeAttribute('aria-busy');
                ui.dialogCancel.disabled = false;
                ui.submitBtn.disabled = !!(state.submission && state.submission.status !== 'returned');
            });
        }

        function wire() {
            ui.submitBtn.addEventListener('click', open);
            ui.dialogCancel.addEventListener('click', close);
            ui.dialogConfirm.addEventListener('click', confirm);
            ui.dialog.addEventListener('keydown', keydown);
            ui.backdrop.addEventListener('click', function (event) {
                if (event.target === ui.backdrop && !state.inFlight.submit) { close(); }
            });
        }

        return {open: open, close: close, confirm: confirm, wire: wire};
    }

    DX.learner = DX.learner || {};
    DX.learner.submitProblem = submitProblem;
    DX.learner.createSubmitDialog = createSubmitDialog;
}(window));
