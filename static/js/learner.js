/* The learner's side of the disclosure exercise: the page that puts the parts together.
 *
 * Entry point: DisclosureLearner(runtime, element, initArgs), called by the XBlock runtime. The
 * parts, loaded before this file (block.py's student_view lists them in order):
 *   core.js                  i18n, formatting, el(), post() with CSRF and the request queue
 *   feedback_view.js         the feedback (criteria, highlights, privacy findings, red flags)
 *   learner/draft.js         counter, autosave, the localStorage safety net
 *   learner/history.js       the revision history
 *   learner/submission.js    the submitted answer and its assessment
 *   learner/submit_dialog.js the submit dialog
 * This file owns the feedback request and the page's messages. Everything a learner (or a course
 * author) typed is inserted with textContent / DOM APIs, never innerHTML.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock;
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var parts = DX.learner;

    function readArgs(root, prefix, initArgs) {
        var args = initArgs || {};
        if (!args.usage_id) {
            var script = global.document.getElementById(prefix);
            if (script) {
                try { args = JSON.parse(script.textContent); } catch (e) { args = {}; }
            }
        }
        return args;
    }

    function findUi(root) {
        function q(selector) { return root.querySelector(selector); }
        return {
            live: q('.dx-live'),
            alert: q('.dx-alert'),
            editor: q('.dx-editor'),
            text: q('.dx-text'),
            counter: q('.dx-counter'),
            saveStatus: q('.dx-save-status'),
            feedbackBtn: q('.dx-feedback-btn'),
            submitBtn: q('.dx-submit-btn'),
            remaining: q('.dx-remaining'),
            feedback: q('.dx-feedback'),
            privacy: q('.dx-privacy'),
            redflags: q('.dx-redflags'),
            summary: q('.dx-fb-summary'),
            draftView: q('.dx-draft-view'),
            criteria: q('.dx-criteria'),
            history: q('.dx-history'),
            historyList: q('.dx-history-list'),
            submitted: q('.dx-submitted'),
            submittedHeading: q('.dx-submitted > .dx-h'),
            backdrop: q('.dx-dialog-backdrop'),
            dialog: q('.dx-dialog'),
            dialogText: q('.dx-dialog-text'),
            dialogCount: q('.dx-dialog-count'),
            dialogCancel: q('.dx-dialog-cancel'),
            dialogConfirm: q('.dx-dialog-confirm')
        };
    }

    function DisclosureLearner(runtime, element, initArgs) {
        if (element && element.jquery) { element = element[0]; }
        var root = element.querySelector('.dx-exercise');
        if (!root) { return; }
        var prefix = root.getAttribute('data-dx-root') || 'dx';
        var args = readArgs(root, prefix, initArgs);
        var lang = args.language || root.getAttribute('lang') || global.document.documentElement.lang || 'en';
        var keys = parts.storageKeys(args.usage_id || prefix, args.storage_key);
        parts.forgetOtherLearners(keys.block, keys.own);
        var ui = findUi(root);

        var state = {
            used: args.feedback_requests_used || 0,
            history: (args.history || []).slice(),
            submission: args.submission || null,
            exemplar: args.exemplar || null,
            lastSavedText: args.draft || '',
            feedbackText: undefined,
            inFlight: {feedback: false, submit: false}
        };

        // ------------------------------------------------------------------ messages

        function announce(message) { core.announceIn(ui.live, message); }

        function showError(message) {
            ui.alert.textContent = message;
            ui.alert.hidden = false;
        }

        function clearError() {
            ui.alert.textContent = '';
            ui.alert.hidden = true;
        }

        function networkMessage(error) {
            if (error && error.serverMessage) { return error.serverMessage; }
            if (error && error.status) {
                return fmt(gettext('Something went wrong on the server (error {status}). Your text is safe here; try again in a moment.'),
                    {status: error.status});
            }
            return gettext('Could not reach the server. Check your connection; your text is kept on this device.');
        }

        var page = {
            root: root, ui: ui, args: args, state: state, lang: lang, rubric: args.rubric,
            storageKey: keys.own, post: core.createPost(runtime, element),
            announce: announce, showError: showError, clearError: clearError, networkMessage: networkMessage
        };
        var draft = parts.createDraft(page);
        var history = parts.createHistory(page);
        var submissionView = parts.createSubmissionView(page);

        // ------------------------------------------------------------------ feedback

        /* Show ``feedback``, computed on ``text``; ``stale`` when the editor no longer holds it. */
        function showFeedback(feedback, text, stale) {
            state.feedbackText = text;
            if (!feedback) {
                ui.feedback.hidden = true;
                return;
            }
            DX.feedbackView.render(ui, feedback, text, {prefix: prefix, stale: stale});
            ui.feedback.hidden = false;
        }

        function renderRemaining(left) {
            var limit = args.max_feedback_requests || 0;
            if (!limit) {
                ui.remaining.textContent = gettext('You can ask for feedback as often as you like.');
                ui.feedbackBtn.disabled = false;
                return;
            }
            if (left === undefined || left === null) { left = Math.max(0, limit - state.used); }
            if (left <= 0) {
                ui.remaining.textContent = gettext('You have used all your feedback requests. You can still revise and submit.');
                ui.feedbackBtn.disabled = true;
            } else {
                ui.remaining.textContent = fmt(ngettext('{count} feedback request left of {limit}.',
                    '{count} feedback requests left of {limit}.', left), {count: left, limit: limit});
                ui.feedbackBtn.disabled = false;
            }
        }

        function requestFeedback() {
            if (state.inFlight.feedback) { return; }
            var text = ui.text.value;
            clearError();
            if (!text.trim()) {
                showError(gettext('Write something first, then ask for feedback.'));
                ui.text.focus();
                return;
            }
            state.inFlight.feedback = true;
            ui.feedbackBtn.disabled = true;
            ui.feedbackBtn.setAttribute('aria-busy', 'true');
            var original = ui.feedbackBtn.textContent;
            ui.feedbackBtn.textContent = gettext('Checking your draft\u2026');
            announce(gettext('Checking your draft\u2026'));
            page.post('get_feedback', {text: text}).then(function (result) {
                state.used = result.feedback_requests_used;
                state.lastSavedText = text;
                draft.showSavedAt(result.history_entry && result.history_entry.at);
                if (result.history_entry) { state.history.push(result.history_entry); }
                showFeedback(result.feedback, text, false);
                history.render();
                var message = gettext('Feedback is ready below your draft.') + ' ' + DX.feedbackView.summaryText(result.feedback);
                if (result.feedback.privacy && result.feedback.privacy.passed === false) {
                    message = gettext('Remove identifying details before you go on.') + ' ' + message;
                }
                announce(message);
                // Keyboard and screen-reader users land on the result, not on the page body.
                ui.summary.setAttribute('tabindex', '-1');
                ui.summary.focus();
                return result.feedback_requests_left;
            }, function (error) {
                showError(networkMessage(error));
                return undefined;
            }).then(function (left) {
                state.inFlight.feedback = false;
                ui.feedbackBtn.removeAttribute('aria-busy');
                ui.feedbackBtn.textContent = original;
                renderRemaining(left);
            });
        }

        var dialog = parts.createSubmitDialog(page, {
            draft: draft,
            submissionView: submissionView,
            showFeedback: function (feedback, text) { showFeedback(feedback, text, false); }
        });

        // ------------------------------------------------------------------ start-up

        function wire() {
            draft.wire();
            ui.text.addEventListener('input', function () {
                if (state.feedbackText !== undefined && ui.text.value !== state.feedbackText && !ui.feedback.hidden) {
                    DX.feedbackView.markStale(ui.summary);
                }
            });
            ui.feedbackBtn.addEventListener('click', requestFeedback);
            dialog.wire();
        }

        draft.restore();
        draft.renderCounter();
        renderRemaining();
        history.render();
        if (args.last_feedback) {
            // After a reload the feedback's own text is gone: highlight only what still matches.
            var lastText = args.last_feedback_text || args.draft || '';
            showFeedback(args.last_feedback, lastText, ui.text.value !== lastText);
        }
        submissionView.render();
        if (args.preview) {
            ui.submitBtn.disabled = true;
        } else if (state.submission && state.submission.status !== 'returned') {
            ui.submitBtn.disabled = true;
        }
        wire();

        if (element.querySelector('.dx-instructor') && typeof global.DisclosureInstructorPanel === 'function') {
            global.DisclosureInstructorPanel(runtime, element, initArgs);
        }

        // For tests and debugging: the public surface of this instance.
        root.dxLearner = {saveNow: draft.saveNow, state: state};
    }

    global.DisclosureLearner = DisclosureLearner;
}(window));
