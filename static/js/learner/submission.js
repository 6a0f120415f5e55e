/* The learner's submitted answer: status, score, the model answer, the instructor's assessment.
 * While a submission stands (and is not returned for revision) the editor is hidden.
 *
 * Needs core.js. createSubmissionView(page) with page.root, page.ui, page.args, page.state
 * (submission, exemplar) and page.lang.
 */
(function (global) {
    'use strict';

    var DX = global.DisclosureXBlock = global.DisclosureXBlock || {};
    var core = DX.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var el = core.el;

    function createSubmissionView(page) {
        var ui = page.ui;
        function q(selector) { return page.root.querySelector(selector); }

        function statusText(submission) {
            if (submission.status === 'graded') { return gettext('Graded'); }
            if (submission.status === 'returned') { return gettext('Returned to you for revision'); }
            if (page.args.grading_mode === 'auto') { return gettext('Submitted'); }
            return gettext('Submitted: waiting for your instructor\u2019s assessment');
        }

        function renderAssessment(assessment) {
            var list = q('.dx-assessment-list');
            core.clear(list);
            if (assessment && (assessment.criteria || []).length) {
                assessment.criteria.forEach(function (c) {
                    var item = el('li', {className: 'dx-assess-item'}, [
                        el('strong', {text: c.label}), ': ',
                        c.level_label || '',
                        typeof c.points === 'number'
                            ? ' (' + fmt(ngettext('{points} of {max} point', '{points} of {max} points', c.max_points), {points: c.points, max: c.max_points}) + ')' : ''
                    ]);
                    if (c.comment) { item.appendChild(el('p', {className: 'dx-assess-comment', text: c.comment})); }
                    list.appendChild(item);
                });
            }
            var overall = q('.dx-overall');
            if (assessment && assessment.overall_comment) {
                q('.dx-overall-text').textContent = assessment.overall_comment;
                overall.hidden = false;
            } else {
                overall.hidden = true;
            }
            q('.dx-assessment').hidden = !(assessment && ((assessment.criteria || []).length || assessment.overall_comment));
        }

        function render() {
            var submission = page.state.submission;
            if (!submission) {
                ui.submitted.hidden = true;
                ui.editor.hidden = false;
                return;
            }
            q('.dx-status-badge').textContent = statusText(submission);
            q('.dx-status-badge').className = 'dx-status-badge dx-status-badge--' + submission.status;
            q('.dx-submitted-at').textContent = submission.submitted_at
                ? fmt(gettext('Sent {time}.'), {time: core.formatTime(submission.submitted_at, page.lang)}) : '';
            q('.dx-submitted-text').textContent = submission.text || '';
            var score = q('.dx-score');
            if (submission.score && typeof submission.score.earned === 'number') {
                score.textContent = fmt(ngettext('Score: {earned} of {possible} point', 'Score: {earned} of {possible} points', submission.score.possible), submission.score);
                score.hidden = false;
            } else {
                score.hidden = true;
            }
            var exemplarBox = q('.dx-exemplar');
            if (page.state.exemplar) {
                q('.dx-exemplar-text').textContent = page.state.exemplar;
                exemplarBox.hidden = false;
            } else {
                exemplarBox.hidden = true;
            }
            renderAssessment(submission.assessment);
            ui.submitted.hidden = false;
            ui.editor.hidden = submission.status !== 'returned';
        }

        return {render: render};
    }

    DX.learner = DX.learner || {};
    DX.learner.createSubmissionView = createSubmissionView;
}(window));
