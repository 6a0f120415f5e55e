/* The instructor's grading panel inside the disclosure exercise (course staff only).
 *
 * Entry point: window.DisclosureInstructorPanel(runtime, element, options), called by the
 * learner script when `.dx-instructor` is present. Talks to the block's staff_* JSON handlers;
 * the server pages, filters and checks permissions. Learner text (and anything from the
 * server) is put into the page with textContent only, never innerHTML. Needs core.js (loaded
 * before this file by the learner view), and instructor/workspace.js (keys, total, highlighted
 * text, draft pairs) and instructor/cohort.js (the cohort view).
 *
 * The workspace: the submitted text beside the rubric on a wide screen (above it on a narrow
 * one), levels by keyboard (see workspace.keyHelp), a running total, and "save" that confirms
 * next to its button and opens the next waiting submission with one request (staff_detail with
 * claim: true). The server releases the claim on save.
 */
(function (global) {
    'use strict';

    var core = global.DisclosureXBlock.core;
    var gettext = core.gettext;
    var ngettext = core.ngettext;
    var fmt = core.fmt;
    var ws = global.DisclosureXBlock.instructorWorkspace;
    var el = core.el;
    var clear = core.clear;
    var formatTime = core.formatDateTime;

    var STATUS_LABELS = {
        submitted: gettext('Waiting for a grade'),
        graded: gettext('Graded'),
        returned: gettext('Returned for revision')
    };

    function statusLabel(item) {
        if (item.held) { return gettext('Held for release'); }
        return STATUS_LABELS[item.status] || item.status;
    }

    function DisclosureInstructorPanel(runtime, element, options) {
        var root = element.querySelector('.dx-instructor');
        if (!root || root.getAttribute('data-dx-ready')) { return; }
        root.setAttribute('data-dx-ready', 'true');
        var isInstructor = root.getAttribute('data-instructor') === 'true';
        var $ = function (selector) { return root.querySelector(selector); };
        var statusBox = $('.dx-i-status');
        var errorBox = $('.dx-i-error');
        var listView = $('.dx-i-list-view');
        var detailView = $('.dx-i-detail');
        var filters = $('.dx-i-filters');
        var state = {page: 1, pages: 1, detail: null, lastOpener: null, active: 0};
        var savedBox = $('.dx-i-saved');
        var totalBox = $('.dx-i-total');
        var exercise = element.querySelector('.dx-exercise');
        var uid = core.idMaker((exercise && exercise.getAttribute('data-dx-root')) || 'dx-i');

        function announce(message) { statusBox.textContent = ''; statusBox.textContent = message; }
        function showError(message) { errorBox.textContent = message || ''; }

        var post = core.createPost(runtime, element);

        function listParams() {
            var flagged = filters.elements.flagged.value;
            return {
                status: filters.elements.status.value || null,
                flagged: flagged === '' ? null : flagged === 'true',
                search: filters.elements.search.value.trim(),
                sort: filters.elements.sort.value
            };
        }

        /* --- summary and list --------------------------------------------------------------- */

        function showCounts(counts) {
            Array.prototype.forEach.call(root.querySelectorAll('[data-count]'), function (dd) {
                var value = counts[dd.getAttribute('data-count')];
                dd.textContent = value === undefined ? '–' : String(value);
            });
            var releaseAll = $('.dx-i-release-all');
            if (releaseAll) { releaseAll.disabled = !counts.held; }
        }

        function loadSummary() {
            return post('staff_summary').then(showCounts);
        }

        function scoreText(item) {
            if (item.auto_score === null || item.auto_score === undefined) { return '–'; }
            return fmt(ngettext('{earned} of {possible} point', '{earned} of {possible} points', item.auto_max || 0),
                {earned: item.auto_score, possible: item.auto_max});
        }

        function renderRows(items) {
            var tbody = $('.dx-i-submissions tbody');
            clear(tbody);
            if (!items.length) {
                tbody.appendChild(el('tr', {}, [el('td', {colSpan: 7}, [gettext('No submissions match.')])]));
                return;
            }
            items.forEach(function (item) {
                var open = el('button', {type: 'button', className: 'dx-i-button dx-i-open'},
                              [gettext('Open')]);
                open.setAttribute('aria-label', fmt(gettext('Open the submission by {learner}'), {learner: item.learner}));
                open.addEventListener('click', function () { state.lastOpener = open; openDetail(item.uuid); });
                var flags = item.red_flags && item.red_flags.length
                    ? el('span', {className: 'dx-i-flag'}, ['⚑ ' + (item.red_flag_labels || item.red_flags).join(', ')])
                    : el('span', {}, [gettext('None')]);
                tbody.appendChild(el('tr', {}, [
                    el('th', {scope: 'row'}, [item.learner]),
                    el('td', {}, [formatTime(item.submitted_at)]),
                    el('td', {}, [scoreText(item)]),
                    el('td', {}, [statusLabel(item)]),
                    el('td', {}, [flags]),
                    el('td', {}, [item.claimed_by || '–']),
                    el('td', {}, [open])
                ]));
            });
        }

        function loadList(page) {
            var params = listParams();
            params.page = page || state.page;
            params.page_size = 25;
            showError('');
            return post('staff_list', params).then(function (result) {
                state.page = result.page;
                state.pages = result.pages;
                renderRows(result.items);
                $('.dx-i-page-info').textContent = fmt(ngettext('Page {page} of {pages} ({total} submission)',
                    'Page {page} of {pages} ({total} submissions)', result.total),
                    {page: result.page, pages: result.pages, total: result.total});
                $('.dx-i-prev-page').disabled = result.page <= 1;
                $('.dx-i-next-page').disabled = result.page >= result.pages;
                var th = $('.dx-i-submissions thead th[aria-sort]');
                var sort = filters.elements.sort.value;
                if (th) {
                    th.setAttribute('aria-sort', sort === 'submitted_at' ? 'ascending'
                        : (sort === '-submitted_at' ? 'descending' : 'none'));
                }
                announce(fmt(ngettext('{total} submission, page {page} of {pages}.',
                    '{total} submissions, page {page} of {pages}.', result.total),
                    {total: result.total, page: result.page, pages: result.pages}));
            }).catch(function (err) { showError(err.message); });
        }

        function refresh() { return Promise.all([loadSummary(), loadList()]).catch(function (err) { showError(err.message); }); }

        /* --- detail ------------------------------------------------------------------------- */

        function renderCriteria(detail) {
            var box = $('.dx-i-criteria');
            clear(box);
            var chosen = detail.prefill.levels || {};
            var suggested = detail.auto.levels || {};
            var comments = (detail.assessment && detail.assessment.comments) || {};
            detail.rubric.forEach(function (criterion, ci) {
                var legendId = uid('legend');
                var fieldset = el('fieldset', {className: 'dx-i-criterion', 'data-index': String(ci)}, [
                    el('legend', {id: legendId}, [
                        fmt(ngettext('{label} (up to {points} point)', '{label} (up to {points} points)', criterion.max_points),
                            {label: criterion.label, points: criterion.max_points})
                    ])
                ]);
                if (criterion.description) {
                    fieldset.appendChild(el('p', {className: 'dx-i-help'}, [criterion.description]));
                }
                var name = uid('level');
                criterion.levels.forEach(function (level, index) {
                    var input = el('input', {type: 'radio', name: name, value: String(index)});
                    input.setAttribute('data-criterion', criterion.id);
                    if (chosen[criterion.id] === index) { input.checked = true; }
                    // The digit that picks this level, shown (and read) before its name.
                    var parts = [input, ' ', el('kbd', {className: 'dx-i-key', 'aria-hidden': 'true'}, [String(index + 1)]), ' ',
                        fmt(ngettext('{label}: {points} point', '{label}: {points} points', level.points),
                            {label: ws.levelName(criterion, index), points: level.points})];
                    if (criterion.automatic && suggested[criterion.id] === index) {
                        parts.push(el('span', {className: 'dx-i-suggested'}, [' ' + gettext('(suggested)')]));
                    }
                    fieldset.appendChild(el('label', {className: 'dx-i-level'}, parts));
                });
                var autoInfo = (detail.auto.criteria || []).filter(function (c) { return c.id === criterion.id; })[0];
                if (autoInfo && autoInfo.not_judged === 'language') {
                    // The learner's message tells them to rewrite; the grader needs to know why
                    // there is no suggestion, in their own terms.
                    fieldset.appendChild(el('p', {className: 'dx-i-auto-message dx-i-not-judged'}, [
                        gettext('Not judged automatically: the feedback could not tell with confidence which language this draft is in (it reads English and Spanish). There is no suggested level; grade this criterion yourself.')]));
                } else if (autoInfo && autoInfo.message) {
                    fieldset.appendChild(el('p', {className: 'dx-i-auto-message'}, [
                        gettext('Automatic feedback: '), autoInfo.message]));
                }
                var textarea = el('textarea', {rows: 2, maxLength: 5000});
                textarea.setAttribute('data-comment', criterion.id);
                textarea.value = comments[criterion.id] || '';
                fieldset.appendChild(el('label', {className: 'dx-i-block-label'}, [
                    fmt(gettext('Comment on {label}'), {label: criterion.label}), textarea]));
                box.appendChild(fieldset);
            });
            updateTotal();
        }

        function chosenLevels() {
            var levels = {};
            Array.prototype.forEach.call($('.dx-i-criteria').querySelectorAll('input[type=radio]:checked'), function (input) {
                levels[input.getAttribute('data-criterion')] = parseInt(input.value, 10);
            });
            return levels;
        }

        function updateTotal(prefix) {
            if (!state.detail) { return; }
            var text = ws.totalText(ws.runningTotal(state.detail.rubric, chosenLevels()));
            totalBox.textContent = prefix ? prefix + ' ' + text : text;
        }

        function fieldsets() { return $('.dx-i-criteria').querySelectorAll('.dx-i-criterion'); }

        /* Make criterion ``index`` the one the digits set, and put focus on its chosen level. */
        function activate(index, focus) {
            var sets = fieldsets();
            if (!sets.length) { return; }
            state.active = Math.max(0, Math.min(index, sets.length - 1));
            Array.prototype.forEach.call(sets, function (set, i) { set.classList.toggle('dx-i-active', i === state.active); });
            if (focus) {
                var set = sets[state.active];
                var target = set.querySelector('input[type=radio]:checked') || set.querySelector('input[type=radio]');
                if (target) { target.focus(); }
            }
        }

        function chooseLevel(index) {
            var criterion = state.detail.rubric[state.active];
            var input = fieldsets()[state.active].querySelectorAll('input[type=radio]')[index];
            if (!input) {
                totalBox.textContent = fmt(ngettext('{criterion} has {count} level.', '{criterion} has {count} levels.',
                    criterion.levels.length), {criterion: criterion.label, count: criterion.levels.length});
                return;
            }
            input.checked = true;
            var level = criterion.levels[index];
            updateTotal(fmt(gettext('{criterion}: {level} ({points}).'), {criterion: criterion.label,
                level: ws.levelName(criterion, index), points: ws.pointsText(level.points)}));
            activate(state.active + 1 < state.detail.rubric.length ? state.active + 1 : state.active, true);
        }

        function renderClaim(detail) {
            var box = $('.dx-i-claim');
            clear(box);
            if (detail.claim && !detail.claim.mine) {
                var take = el('button', {type: 'button', className: 'dx-i-button'}, [gettext('Take over grading')]);
                take.addEventListener('click', function () {
                    post('staff_claim', {uuid: detail.uuid, take_over: true}).then(function (claim) {
                        detail.claim = claim;
                        renderClaim(detail);
                        announce(gettext('You are now grading this submission.'));
                    }).catch(function (err) { showError(err.message); });
                });
                box.appendChild(el('p', {className: 'dx-i-warning'}, [
                    fmt(gettext('{name} is grading this submission right now.'), {name: detail.claim.by}), ' ', take]));
            } else if (detail.claim && detail.claim.mine) {
                box.appendChild(el('p', {}, [fmt(gettext('You hold this submission until {time}.'),
                    {time: formatTime(detail.claim.expires_at)})]));
            }
        }

        function renderDetail(detail) {
            state.detail = detail;
            $('.dx-i-detail-title').textContent = fmt(gettext('Submission by {learner}'), {learner: detail.learner});
            var meta = fmt(gettext('Submitted {time}. Attempt {attempt}. Status: {status}.'), {
                time: formatTime(detail.submitted_at), attempt: detail.attempt, status: statusLabel(detail)});
            if (detail.score) {
                meta += ' ' + fmt(gettext('Gradebook: {earned} of {possible}.'), detail.score);
            }
            if (detail.rubric_changed) {
                meta += ' ' + gettext('The rubric has changed since this submission; it is graded on the rubric the learner was given.');
            }
            $('.dx-i-meta').textContent = meta;
            var flags = $('.dx-i-flags');
            clear(flags);
            (detail.red_flag_details || []).forEach(function (flag) {
                var quoted = (flag.evidence || []).map(function (text) { return '\u201c' + text + '\u201d'; });
                var words = flag.label ? flag.label + (quoted.length ? ': ' + quoted.join(', ') : '')
                    : (flag.message || flag.kind);
                flags.appendChild(el('p', {className: 'dx-i-flag'}, ['⚑ ' + words]));
            });
            var marked = ws.renderEvidenceText($('.dx-i-text'), detail.text, detail.auto.criteria);
            $('.dx-i-evidence-help').hidden = !marked;
            ws.renderDraftPairs($('.dx-i-draft-list'), detail);
            var history = $('.dx-i-history-list');
            clear(history);
            (detail.history || []).forEach(function (a) {
                history.appendChild(el('li', {}, [fmt(ngettext('Version {version} by {grader}, {time}: {earned} of {possible} rubric point',
                    'Version {version} by {grader}, {time}: {earned} of {possible} rubric points', a.raw_possible || 0), {
                    version: a.version, grader: a.grader, time: formatTime(a.created_at),
                    earned: a.raw_earned === null ? '–' : a.raw_earned, possible: a.raw_possible === null ? '–' : a.raw_possible
                }) + (a.held ? ' ' + gettext('(held)') : '') + (a.overall_comment ? ' — ' + a.overall_comment : '')]));
            });
            $('.dx-i-history').hidden = !history.firstChild;
            renderClaim(detail);
            renderCriteria(detail);
            $('.dx-i-assess').elements.overall_comment.value = (detail.assessment && detail.assessment.overall_comment) || '';
            var releaseOne = $('.dx-i-release-one');
            if (releaseOne) { releaseOne.hidden = !detail.can_release; }
            $('.dx-i-return').hidden = !detail.can_return;
            $('.dx-i-prev').disabled = !detail.neighbours.previous;
            $('.dx-i-next').disabled = !detail.neighbours.next;
            $('.dx-i-detail-next-ungraded').disabled = !detail.neighbours.next_ungraded;
        }

        /* Open a submission (and claim it, in the same request, unless ``claim`` is false: after
         * a save with nothing left to grade the grader stays on the one just saved, unclaimed).
         * Keeps the save confirmation: opening does not announce over it. */
        function openDetail(uuid, options) {
            options = options || {};
            showError('');
            if (!options.keepSaved) { savedBox.textContent = ''; }
            var params = listParams();
            params.uuid = uuid;
            params.claim = options.claim !== false;
            // Leaving one unsaved for another: let go of it in the same request.
            var leaving = state.detail && !detailView.hidden ? state.detail.uuid : null;
            if (leaving && leaving !== uuid) { params.release = leaving; }
            return post('staff_detail', params).then(function (detail) {
                renderDetail(detail);
                listView.hidden = true;
                detailView.hidden = false;
                activate(0, false);
                if (options.focusCriteria) { activate(0, true); } else { detailView.focus(); }
            }).catch(function (err) { showError(err.message); });
        }

        function backToList() {
            detailView.hidden = true;
            listView.hidden = false;
            refresh().then(function () {
                var target = state.lastOpener && root.contains(state.lastOpener) ? state.lastOpener
                    : root.querySelector('.dx-i-submissions caption');
                if (target) { target.setAttribute('tabindex', target.tagName === 'BUTTON' ? '0' : '-1'); target.focus(); }
            });
        }

        function collect(commentOnly) {
            var form = $('.dx-i-assess');
            var levels = chosenLevels();
            var comments = {};
            Array.prototype.forEach.call(form.querySelectorAll('textarea[data-comment]'), function (area) {
                if (area.value.trim()) { comments[area.getAttribute('data-comment')] = area.value; }
            });
            return {
                uuid: state.detail.uuid, levels: commentOnly ? {} : levels, comments: comments,
                overall_comment: form.elements.overall_comment.value,
                expected_version: state.detail.version, comment_only: !!commentOnly
            };
        }

        function save(commentOnly) {
            showError('');
            var payload = collect(commentOnly);
            if (!commentOnly) {
                var missing = state.detail.rubric.filter(function (c) { return payload.levels[c.id] === undefined; });
                if (missing.length) {
                    showError(fmt(gettext('Choose a level for every criterion. Missing: {names}'),
                        {names: missing.map(function (c) { return c.label; }).join(', ')}));
                    var first = $('.dx-i-criteria input[data-criterion="' + missing[0].id + '"]');
                    if (first) { first.focus(); }
                    return;
                }
            }
            if (state.saving) { return; }
            state.saving = true;
            var learner = state.detail.learner;
            post('staff_save_assessment', payload).then(function (result) {
                state.saving = false;
                var said = result.held ? gettext('Saved. The grade waits for an instructor to release it.')
                    : (commentOnly ? gettext('Comments saved.') : gettext('Grade saved and sent to the learner.'));
                if (result.counts) { showCounts(result.counts); }
                var next = state.detail.neighbours.next_ungraded;
                if (next && !commentOnly) {
                    core.announceIn(savedBox, fmt(gettext('{learner}: {saved} Next waiting submission opened.'),
                        {learner: learner, saved: said}));
                    openDetail(next, {keepSaved: true, focusCriteria: true});
                } else {
                    core.announceIn(savedBox, commentOnly ? fmt(gettext('{learner}: {saved}'), {learner: learner, saved: said})
                        : fmt(gettext('{learner}: {saved} Nothing else is waiting for a grade.'), {learner: learner, saved: said}));
                    openDetail(state.detail.uuid, {keepSaved: true, claim: false});
                }
            }).catch(function (err) {
                state.saving = false;
                showError(err.message);
                if (err.status === 409) { errorBox.setAttribute('tabindex', '-1'); errorBox.focus(); }
            });
        }

        /* --- wiring ------------------------------------------------------------------------- */

        filters.addEventListener('submit', function (event) { event.preventDefault(); state.page = 1; loadList(1); });
        $('.dx-i-sort').addEventListener('click', function () {
            filters.elements.sort.value = filters.elements.sort.value === '-submitted_at' ? 'submitted_at' : '-submitted_at';
            loadList(1);
        });
        $('.dx-i-prev-page').addEventListener('click', function () { loadList(state.page - 1); });
        $('.dx-i-next-page').addEventListener('click', function () { loadList(state.page + 1); });
        $('.dx-i-back').addEventListener('click', backToList);
        function step(direction) {
            var target = direction > 0 ? state.detail.neighbours.next : state.detail.neighbours.previous;
            if (target) { openDetail(target); } else {
                totalBox.textContent = direction > 0 ? gettext('This is the last submission in the list.')
                    : gettext('This is the first submission in the list.');
            }
        }
        $('.dx-i-prev').addEventListener('click', function () { step(-1); });
        $('.dx-i-next').addEventListener('click', function () { step(1); });
        ws.renderKeyHelp($('.dx-i-key-list'));
        detailView.addEventListener('focusin', function (event) {
            var set = event.target.closest ? event.target.closest('.dx-i-criterion') : null;
            if (set) { activate(parseInt(set.getAttribute('data-index'), 10), false); }
        });
        detailView.addEventListener('change', function (event) {
            if (event.target.type === 'radio') { updateTotal(); }
        });
        detailView.addEventListener('keydown', function (event) {
            if (!state.detail) { return; }
            var action = ws.keyAction(event);
            if (!action) { return; }
            event.preventDefault();
            if (action.type === 'level') { chooseLevel(action.index); }
            else if (action.type === 'criterion') { activate(state.active + action.step, true); }
            else if (action.type === 'save') { save(false); }
            else if (action.type === 'submission') { step(action.step); }
            else if (action.type === 'help') {
                var keys = $('.dx-i-keys');
                keys.open = true;
                keys.querySelector('summary').focus();
            }
        });
        $('.dx-i-detail-next-ungraded').addEventListener('click', function () {
            if (state.detail.neighbours.next_ungraded) { openDetail(state.detail.neighbours.next_ungraded); }
        });
        $('.dx-i-next-ungraded').addEventListener('click', function () {
            post('staff_list', {status: 'submitted', sort: 'submitted_at', page: 1, page_size: 1}).then(function (result) {
                if (result.items.length) { openDetail(result.items[0].uuid); } else { announce(gettext('Nothing is waiting for a grade.')); }
            }).catch(function (err) { showError(err.message); });
        });
        $('.dx-i-assess').addEventListener('submit', function (event) { event.preventDefault(); save(false); });
        $('.dx-i-comment-only').addEventListener('click', function () { save(true); });
        $('.dx-i-return-button').addEventListener('click', function () {
            var comment = $('.dx-i-assess').elements.return_comment.value;
            post('staff_return', {uuid: state.detail.uuid, comment: comment}).then(function () {
                announce(gettext('Returned to the learner for revision.'));
                openDetail(state.detail.uuid);
            }).catch(function (err) { showError(err.message); });
        });
        var releaseOne = $('.dx-i-release-one');
        if (releaseOne) {
            releaseOne.addEventListener('click', function () {
                post('staff_release', {uuid: state.detail.uuid}).then(function () {
                    announce(gettext('Grade released to the learner.'));
                    openDetail(state.detail.uuid);
                }).catch(function (err) { showError(err.message); });
            });
        }
        var releaseAll = $('.dx-i-release-all');
        if (releaseAll) {
            releaseAll.addEventListener('click', function () {
                post('staff_release', {}).then(function (result) {
                    announce(fmt(ngettext('{count} held grade released.', '{count} held grades released.', result.released),
                        {count: result.released}));
                    refresh();
                }).catch(function (err) { showError(err.message); });
            });
        }
        var calToggle = $('.dx-i-calibration-toggle');
        calToggle.addEventListener('click', function () {
            var section = $('.dx-i-calibration');
            var open = section.hidden;
            section.hidden = !open;
            calToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            if (!open) { return; }
            post('staff_calibration').then(function (result) {
                var tbody = $('.dx-i-calibration-table tbody');
                clear(tbody);
                var rows = result.criteria.slice().sort(function (a, b) {
                    return (b.override_rate || 0) - (a.override_rate || 0);
                });
                rows.forEach(function (c) {
                    tbody.appendChild(el('tr', {}, [
                        el('th', {scope: 'row'}, [c.label]), el('td', {}, [String(c.n)]),
                        el('td', {}, [core.percent(c.agreement)]), el('td', {}, [core.decimal(c.kappa, 2)]),
                        el('td', {}, [String(c.raised)]), el('td', {}, [String(c.lowered)])
                    ]));
                });
                if (!rows.length) { tbody.appendChild(el('tr', {}, [el('td', {colSpan: 6}, [gettext('No graded submissions yet.')])])); }
                announce(gettext('Calibration loaded.'));
            }).catch(function (err) { showError(err.message); });
        });
        var cohortToggle = $('.dx-i-cohort-toggle');
        cohortToggle.addEventListener('click', function () {
            var section = $('.dx-i-cohort');
            var open = section.hidden;
            section.hidden = !open;
            cohortToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
            if (!open) { return; }
            post('staff_cohort').then(function (result) {
                global.DisclosureXBlock.instructorCohort.renderCohort($('.dx-i-cohort-body'), result, uid);
                announce(gettext('Cohort overview loaded.'));
            }).catch(function (err) { showError(err.message); });
        });
        $('.dx-i-export').setAttribute('href', runtime.handlerUrl(element, 'staff_export'));
        $('.dx-i-export-calibration').setAttribute('href', runtime.handlerUrl(element, 'staff_export', 'calibration'));

        refresh();
        return {refresh: refresh, open: openDetail, options: options, isInstructor: isInstructor};
    }

    global.DisclosureInstructorPanel = DisclosureInstructorPanel;
}(window));
