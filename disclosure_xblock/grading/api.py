"""
The grading API: the only module of grading/ the block calls.

Submissions (edx-submissions) hold each learner's answer and score; this package's own tables
hold the panel's records, assessments and claims. Every function takes an ``ItemContext`` built
by the block from the runtime's user service (never from a request body). Staff functions
check staff status themselves (defence in depth: the block checks too).

Errors: every function may raise ``errors.GradingError`` subclasses, whose ``status`` is the
HTTP status and ``message`` is user-facing and translated:
``InvalidRequest`` (400), ``PermissionDenied`` (403), ``NotFound`` (404), ``Conflict`` (409);
``GradingError`` with status 503 when edx-submissions fails.

Scores: one path only, ``submissions.api.set_score`` on the learner's submission (see
scoring.gradebook_points for how ``weight`` is applied and why). Nothing publishes ``grade``.
"""
from __future__ import annotations

from . import assessing, calibration as _calibration, claims, cohort as _cohort, drafts, export, learner, queue
from .errors import Conflict, NotFound
from .permissions import require_instructor, require_learner, require_staff

FeedbackLimitReached = drafts.LimitReached


# --- learner side ----------------------------------------------------------------------------

def record_feedback(ctx, *, limit, state_attempts, attempts_zeroed, sync, text, word_count, result,
                    started=None):
    """Count one automatic feedback request against ``limit`` and append it to the history.

    Atomic in the database however many requests race: never more than ``limit`` granted (0 =
    unlimited). ``state_attempts`` and ``sync`` are the learner's user_state ``attempts`` and
    sync marker as this request read them, ``attempts_zeroed`` whether ``attempts`` is stored
    as an explicit 0: the mark the LMS's "reset attempts" leaves, which gives the requests back
    (see drafts.py). ``started``: what ``feedback_usage`` just said (a hint that saves queries on
    a learner's first request; None when not read).

    Returns:
        tuple: ``(entry, used, sync)``: the history entry (``{"at", "word_count", "score",
        "max_score", "levels", "privacy_passed", "red_flags", "text"}``), the count after this
        request, and the marker ``{"epoch", "used"}`` to store in user_state with ``attempts =
        used`` when a reset was just used, else None (user_state needs no write).

    Raises:
        PermissionDenied: no learner identity. FeedbackLimitReached: none left.
    """
    require_learner(ctx)
    return drafts.record(ctx, limit=limit, state_attempts=state_attempts, attempts_zeroed=attempts_zeroed,
                         sync=sync, text=text, word_count=word_count, result=result, started=started)


def feedback_used(ctx, *, state_attempts, attempts_zeroed, sync):
    """How many feedback requests the requester has used (0 right after an LMS reset)."""
    require_learner(ctx)
    return drafts.used(ctx, state_attempts=state_attempts, attempts_zeroed=attempts_zeroed, sync=sync)


def feedback_usage(ctx, *, state_attempts, attempts_zeroed, sync):
    """``(used, started)``: ``feedback_used`` and whether the learner has an allowance row yet."""
    require_learner(ctx)
    return drafts.usage(ctx, state_attempts=state_attempts, attempts_zeroed=attempts_zeroed, sync=sync)


def feedback_history(ctx, *, legacy=None):
    """The requester's newest ``MAX_HISTORY`` feedback entries, oldest first (with their text).

    ``legacy``: the history list older versions kept in user_state; it is copied into the
    table once (idempotently), after which the block may drop it.
    """
    require_learner(ctx)
    return drafts.history(ctx, legacy=legacy)


def submit(ctx, *, text, auto_feedback, draft_history, username=None, presented=None):
    """Submit the requester's final text, once.

    Creates the edx-submissions submission (answer ``{"text", "rubric_version", "rubric",
    "auto"}``, under 100 KB) and the panel's record (automatic levels and score, red flags,
    username at submit time, draft history with each draft's feedback, rubric snapshot) in one
    transaction. In ``auto`` grading mode the automatic score is set right away via set_score;
    in instructor modes it waits for a grader.

    Idempotent and race-safe: a unique constraint on (course, item, learner, attempt) makes a
    double click or two concurrent requests create one submission; a repeat with the same text
    returns the existing state. After a submission is returned for revision, the next submit
    creates a new attempt (the old one is kept).

    Args:
        ctx (ItemContext): the requester must have an anonymous id.
        text (str): the submitted text (non-empty).
        auto_feedback (dict): ``evaluate(...).to_dict()`` of ``text`` (kept whole, evidence and
            all, for graders; its compact form is made once, here).
        draft_history (list[dict] | None): the learner's feedback history entries (at, text,
            word_count and the compact result, as ``record_feedback`` returns them); None reads
            them from the history table.
        username (str | None): shown to graders; stored as given at submit time.
        presented (dict | None): what else the learner saw (``{"scenario", "exemplar"}``),
            kept so that their page shows it after the exercise is edited.

    Returns:
        dict: the learner state (see ``learner_state``).

    Raises:
        PermissionDenied: no learner identity.
        InvalidRequest: empty or oversized text.
        Conflict: already submitted with a different text.
        GradingError(503): edx-submissions failed.
    """
    return learner.submit(ctx, text=text, auto_feedback=auto_feedback,
                          draft_history=draft_history, username=username, presented=presented)


def learner_state(ctx):
    """What the requester may see of their own current submission.

    Returns:
        dict | None: None before any submission, else ``{"uuid", "text", "submitted_at",
        "status": "submitted"|"graded"|"returned", "attempt", "auto": {"score", "max_score",
        "levels", "privacy_passed", "red_flags"}, "score": {"earned", "possible"} | None
        (gradebook points, released only), "assessment": {"criteria": [{"id", "label", "level",
        "level_label", "points", "max_points", "comment"}], "overall_comment", "graded_at",
        "comment_only", "raw_earned", "raw_possible"} | None (released only),
        "returned_comment", "can_resubmit", "rubric_version"}``. A held grade reads as not yet
        graded.

    Raises:
        nothing for a missing identity (returns None).
    """
    return learner.learner_state(ctx)


def learner_view(ctx):
    """``(learner_state(ctx), snapshot)``: the submission as ``learner_state`` gives it, and
    what the learner was shown when they made it (rubric, automatic feedback, scenario,
    exemplar); see ``learner.learner_view``. One query."""
    return learner.learner_view(ctx)


def clear_learner(ctx, anonymous_id, requesting_user_id=None):
    """Delete a learner's work on this item so they can start over (``clear_student_state``).

    Resets their edx-submissions score with ``clear_state=True`` (which also soft-deletes their
    submissions) and deletes the panel's records and assessments, their feedback history and
    their feedback allowance.

    Args:
        ctx (ItemContext): course_id and item_id of the block.
        anonymous_id (str): the learner's course-specific anonymous id.
        requesting_user_id: who asked (logged only).

    Returns:
        int: number of rows deleted.
    """
    return learner.clear_learner(ctx, anonymous_id, requesting_user_id=requesting_user_id)


def has_submissions(ctx):
    """True when anyone has submitted to this item (Studio warns designers before edits)."""
    return learner.has_submissions(ctx)


# --- staff side ------------------------------------------------------------------------------

def panel_summary(ctx):
    """Counts for the panel header.

    Returns:
        dict: ``{"submitted", "graded", "waiting", "flagged", "held", "returned"}`` over each
        learner's current submission ("graded" excludes held grades).

    Raises:
        PermissionDenied: not course staff.
    """
    require_staff(ctx)
    return queue.summary(ctx)


def list_submissions(ctx, *, page=1, page_size=25, status=None, flagged=None, search="",
                     sort="-submitted_at"):
    """One page of the queue, filtered, sorted and paged by the database.

    Args:
        page (int): 1-based; clamped to the last page.
        page_size (int): 1..100.
        status (str | None): "submitted" (= "waiting"), "graded", "returned", "held".
        flagged (bool | None): only submissions with (True) or without (False) red flags.
        search (str): part of a username, or an exact anonymous id.
        sort (str): "submitted_at", "auto_score", "learner", "status", "-" prefix for descending.

    Returns:
        dict: ``{"items": [{"uuid", "learner", "submitted_at", "auto_score", "auto_max",
        "status", "held", "attempt", "red_flags", "claimed_by", "score"}], "page", "pages",
        "total", "page_size"}``.

    Raises:
        PermissionDenied: not course staff. InvalidRequest: unknown status or sort.
    """
    require_staff(ctx)
    return queue.list_submissions(ctx, page=page, page_size=page_size, status=status,
                                  flagged=flagged, search=search, sort=sort)


def submission_detail(ctx, uuid, *, list_params=None, claim=False, release=None):
    """Everything a grader needs for one submission.

    Args:
        uuid (str): the submission.
        list_params (dict | None): the list's status / flagged / search / sort, so that
            previous / next follow the order the grader sees.

    Returns:
        dict: text, draft_history (each draft with its feedback), auto (levels, messages),
        prefill (advisory levels: the latest assessment's, else the automatic ones), assessment
        (latest, with version), released_assessment, history (all assessments), version, claim
        (``{"by", "mine", "expires_at"}`` or None), rubric (the learner's snapshot),
        rubric_changed, neighbours ``{"previous", "next", "next_ungraded"}``, attempts,
        can_release, can_return, grades_held. ``auto.criteria[].evidence``: the spans of the text
        the engine based each level on (code-point offsets and the quoted words).
        claim (bool): also claim it for the requester when nobody else holds it (one round trip
            instead of two when a grader moves on); ``claim`` then names the holder.

    Raises:
        PermissionDenied: not course staff. NotFound: no such submission in this item.
    """
    require_staff(ctx)
    if release and release != uuid:
        try:
            claims.release_claim(ctx, queue.get_record(ctx, release))
        except NotFound:
            pass  # nothing to let go of
    if claim:
        record = queue.get_record(ctx, uuid)
        if record.is_current and not claims.held_by_other(record, ctx):
            try:
                claims.claim(ctx, record)
            except Conflict:
                pass  # someone claimed it a moment ago: the detail shows who
    return queue.detail(ctx, uuid, list_params=list_params)


def claim(ctx, uuid, *, take_over=False):
    """Hold a submission for grading for a few minutes (settings.DISCLOSURE_GRADING_CLAIM_SECONDS).

    Returns:
        dict: ``{"by", "mine": True, "expires_at"}``.

    Raises:
        PermissionDenied: not course staff. NotFound: no such submission.
        Conflict: someone else holds an unexpired claim and ``take_over`` is False
        (``extra["claimed_by"]`` names them).
    """
    require_staff(ctx)
    record = queue.get_record(ctx, uuid)
    return claims.claim(ctx, record, take_over=take_over)


def save_assessment(ctx, uuid, *, levels, comments, overall_comment, expected_version,
                    comment_only=False):
    """Save a grader's assessment as a new row (history kept) and score the learner.

    Unless held, the score is set for the learner's submission with set_score (a regrade
    replaces the score). When ``ctx.hold_staff_grades`` and the grader is not an instructor,
    the assessment waits for ``release``. ``comment_only`` saves comments and keeps the levels
    (and score) already given.

    Args:
        levels (dict): {criterion_id: level index}; every criterion unless comment_only.
        comments (dict): {criterion_id: text}, each at most 5,000 characters.
        overall_comment (str): at most 5,000 characters.
        expected_version (int | None): the ``version`` the grader read (None = 0, no assessment yet).

    Returns:
        dict: ``{"uuid", "version", "status", "held", "score"}``.

    Raises:
        PermissionDenied: not course staff. NotFound: no such submission.
        InvalidRequest: unknown criterion, out-of-range level, missing level, oversized comment.
        Conflict: stale version, another grader's claim, or the submission was returned.
    """
    require_staff(ctx)
    return assessing.save_assessment(ctx, uuid, levels=levels, comments=comments,
                                     overall_comment=overall_comment,
                                     expected_version=expected_version, comment_only=comment_only)


def release(ctx, uuid=None):
    """Release held assessments: one (``uuid``) or all of this item. Instructors only.

    Returns:
        dict: ``{"released": n}``.

    Raises:
        PermissionDenied: not an instructor. NotFound: unknown uuid.
    """
    require_instructor(ctx)
    return assessing.release(ctx, uuid)


def return_for_revision(ctx, uuid, *, comment):
    """Return a submission to the learner, who may then submit a new attempt.

    Returns:
        dict: ``{"uuid", "status": "returned"}``.

    Raises:
        PermissionDenied: not course staff. InvalidRequest: resubmission not allowed, or
        comment too long. NotFound. Conflict: already returned.
    """
    require_staff(ctx)
    return assessing.return_for_revision(ctx, uuid, comment=comment)


def cohort(ctx):
    """The cohort at a glance, counted by the database (see cohort.py).

    Returns:
        dict: ``{"total", "graded", "criteria": [{"id", "label", "automatic", "levels": [names],
        "auto": [count per level] | None, "instructor": [count per level], "compared", "raised",
        "lowered", "override_rate", "below_top", "drafts_to_top": [learners per draft 1..N, N+;
        never] | None}], "most_overridden": [ids], "concerns": [{"kind", "id", "label", "count"}],
        "max_draft_bucket"}``.

    Raises:
        PermissionDenied: not course staff.
    """
    require_staff(ctx)
    return _cohort.cohort(ctx)


def calibration(ctx):
    """Per automatic criterion: agreement and Cohen's kappa of automatic vs grader levels.

    Returns:
        dict: ``{"criteria": [{"id", "label", "n", "agreement", "kappa", "overrides",
        "override_rate", "raised", "lowered"}], "graded", "most_overridden": [ids]}``.

    Raises:
        PermissionDenied: not course staff.
    """
    require_staff(ctx)
    return _calibration.calibration(ctx)


def export_csv(ctx):
    """The submissions as CSV text chunks: one table, one header row (RFC 4180), per criterion
    the automatic and grader's level names and points (an iterator; bounded memory;
    formula-injection safe).

    Raises:
        PermissionDenied: not course staff (raised immediately, before streaming starts).
    """
    require_staff(ctx)
    return export.export_csv(ctx)


def calibration_csv(ctx):
    """The calibration table (see ``calibration``) as CSV text chunks, a file of its own.

    Raises:
        PermissionDenied: not course staff (raised immediately).
    """
    require_staff(ctx)
    return export.calibration_csv(ctx)
