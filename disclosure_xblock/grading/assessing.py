"""
Saving assessments, releasing held grades and returning submissions for revision.

Each save writes a new Assessment row (history is never overwritten) and moves the record's
version on with a conditional UPDATE, so a grader saving over a newer assessment gets a
Conflict instead of silently replacing it. Scores go to the learner's submission through
scoring.send_score (edx-submissions set_score), never through runtime.publish.
"""
from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import claims, scoring
from ..rubric.model import Rubric
from .errors import Conflict, InvalidRequest
from .models import GRADED, RETURNED, SUBMITTED, Assessment, SubmissionRecord
from .permissions import grades_are_held
from .queue import get_record, item_records
from .retry import retry_if_locked

MAX_COMMENT_CHARS = 5000


def _check_comment(value, what):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRequest(_("The {what} must be text.").format(what=what))
    if len(value) > MAX_COMMENT_CHARS:
        raise InvalidRequest(ngettext("The {what} is longer than {limit} character.",
                                      "The {what} is longer than {limit} characters.", MAX_COMMENT_CHARS).format(
            what=what, limit=MAX_COMMENT_CHARS))
    return value.strip()


def validate(record, levels, comments, overall_comment, comment_only):
    """Check levels and comments against the submission's rubric snapshot.

    Returns (levels, comments, overall_comment) cleaned; raises InvalidRequest naming the problem.
    """
    by_id = {c.id: c for c in Rubric.from_snapshot(record.rubric).criteria}
    levels = levels or {}
    comments = comments or {}
    if not isinstance(levels, dict) or not isinstance(comments, dict):
        raise InvalidRequest(_("Levels and comments must be objects keyed by criterion."))
    clean_levels = {}
    for cid, level in levels.items():
        if cid not in by_id:
            raise InvalidRequest(_("Unknown criterion: {id}").format(id=str(cid)[:64]))
        if level is None and comment_only:
            continue
        if by_id[cid].level(level) is None:
            raise InvalidRequest(_("The level for {label} must be a whole number from 0 to {top}.").format(
                label=by_id[cid].label, top=len(by_id[cid].levels) - 1))
        clean_levels[cid] = level
    clean_comments = {}
    for cid, text in comments.items():
        if cid not in by_id:
            raise InvalidRequest(_("Unknown criterion: {id}").format(id=str(cid)[:64]))
        text = _check_comment(text, _("comment on {label}").format(label=by_id[cid].label))
        if text:
            clean_comments[cid] = text
    overall = _check_comment(overall_comment, _("overall comment"))
    if not comment_only:
        missing = [by_id[cid].label for cid in by_id if cid not in clean_levels]
        if missing:
            raise InvalidRequest(_("Choose a level for every criterion. Missing: {names}").format(
                names=", ".join(missing)))
    return clean_levels, clean_comments, overall


def save_assessment(ctx, uuid, *, levels, comments, overall_comment, expected_version,
                    comment_only=False):
    record = get_record(ctx, uuid)
    if not record.is_current or record.status == RETURNED:
        raise Conflict(_("This submission was returned to the learner for revision; grade their new one."))
    clean_levels, clean_comments, overall = validate(
        record, levels, comments, overall_comment, comment_only)
    holder = claims.held_by_other(record, ctx)
    if holder:
        raise Conflict(_("{name} is grading this submission right now. Take it over before you save.")
                       .format(name=holder[1] or holder[0]), claimed_by=holder[1] or holder[0])
    expected = expected_version or 0
    if isinstance(expected, bool) or not isinstance(expected, int) or expected < 0:
        raise InvalidRequest(_("The assessment version must be a whole number."))
    now = timezone.now()
    held = grades_are_held(ctx)
    previous = record.latest_assessment
    if comment_only:
        # A comment without a (new) grade keeps the levels already given, if any; levels that
        # were waiting for release keep waiting (a comment is not a release).
        held = held or bool(previous and previous.held and previous.released_at is None)
        clean_levels = dict(previous.levels) if previous and previous.levels else {}
        earned = previous.raw_earned if previous and previous.levels else None
        possible = previous.raw_possible if previous and previous.levels else None
    else:
        rubric = Rubric.from_snapshot(record.rubric)
        earned, possible = float(rubric.earned(clean_levels)), float(rubric.max_score)
    try:
        with transaction.atomic():
            # The version check and "still gradable" check in one statement: a return for
            # revision that lands between our read and this write wins.
            moved = SubmissionRecord.objects.filter(
                pk=record.pk, version=expected, is_current=True, status__in=(SUBMITTED, GRADED),
            ).update(version=expected + 1)
            if not moved:
                if SubmissionRecord.objects.filter(pk=record.pk, status=RETURNED).exists():
                    raise Conflict(_("This submission was returned to the learner for revision; "
                                     "grade their new one."))
                raise _stale(record)
            assessment = Assessment.objects.create(
                record=record, version=expected + 1,
                grader_id=ctx.identity.anonymous_id, grader_name=(ctx.identity.username or "")[:150],
                grader_role=ctx.identity.role, levels=clean_levels, comments=clean_comments,
                overall_comment=overall, comment_only=bool(comment_only),
                raw_earned=earned, raw_possible=possible, held=held,
                released_at=None if held else now, created_at=now,
            )
            record.refresh_from_db()
            record.latest_assessment = assessment
            if held:
                record.held = True
                if not comment_only:
                    record.status = GRADED
            else:
                _release_into(ctx, record, assessment, now)
            record.save()
    except IntegrityError:
        raise _stale(record) from None
    claims.release_claim(ctx, record)
    return {
        "uuid": record.uuid,
        "version": record.version,
        "status": record.status,
        "held": record.held,
        "score": ({"earned": record.score_earned, "possible": record.score_possible}
                  if record.score_possible else None),
    }


def _stale(record):
    return Conflict(_(
        "Someone saved a newer assessment of this submission while you were grading. "
        "Reload it to see their changes, then save again."), current_version=SubmissionRecord.objects
        .filter(pk=record.pk).values_list("version", flat=True).first())


def _release_into(ctx, record, assessment, now):
    """Make ``assessment`` the one the learner sees and send its score (if it has one)."""
    record.released_assessment = assessment
    record.held = False
    if assessment.released_at is None:
        Assessment.objects.filter(pk=assessment.pk).update(released_at=now, held=False)
    if assessment.raw_possible:
        sent = scoring.send_score(
            record.uuid, assessment.raw_earned or 0, assessment.raw_possible, ctx.weight,
            creator=assessment.grader_id, kind=scoring.ANNOTATION_INSTRUCTOR,
            reason=f"rubric assessment v{assessment.version} by {assessment.grader_role}")
        record.status = GRADED
        record.graded_at = now
        if sent:
            record.score_earned, record.score_possible = sent


RELEASE_CHUNK = 50


def release(ctx, uuid=None):
    """Release held assessments (one, or all of this exercise); returns how many."""
    rows = item_records(ctx).filter(held=True)
    if uuid is not None:
        rows = rows.filter(pk=get_record(ctx, uuid).pk)
    # Read in full first: on SQLite a cursor left open across the writes below keeps a stale read
    # snapshot, and its writes then fail at once with "database is locked".
    pks = list(rows.order_by("pk").values_list("pk", flat=True))
    released = 0
    for start in range(0, len(pks), RELEASE_CHUNK):
        released += _release_chunk(ctx, pks[start:start + RELEASE_CHUNK])
    return {"released": released}


@retry_if_locked
def _release_chunk(ctx, pks):
    """Release the held grades of these records in one short transaction (retried on a lock race)."""
    now = timezone.now()
    with transaction.atomic():
        # A write first: it takes SQLite's write lock (waiting for a grader's save rather than
        # failing to upgrade a read) and MySQL's row locks before anything is read.
        SubmissionRecord.objects.filter(pk__in=pks, held=True).update(held=False)
        # Still to release: the latest assessment is unreleased and the submission still gradable
        # (a release by someone else, a newer unheld grade or a return for revision wins).
        records = list(SubmissionRecord.objects.select_for_update().select_related("latest_assessment")
                       .filter(pk__in=pks, is_current=True, status__in=(SUBMITTED, GRADED),
                               latest_assessment__isnull=False,
                               latest_assessment__released_at__isnull=True))
        for record in records:
            _release_into(ctx, record, record.latest_assessment, now)
            record.save()
    return len(records)


def return_for_revision(ctx, uuid, *, comment):
    if not ctx.allow_resubmission:
        raise InvalidRequest(_("This exercise does not allow resubmission."))
    comment = _check_comment(comment, _("comment"))
    record = get_record(ctx, uuid)
    moved = SubmissionRecord.objects.filter(
        pk=record.pk, is_current=True, status__in=[SUBMITTED, GRADED]).update(
        status=RETURNED, returned_comment=comment, held=False, claimed_by="", claimed_by_name="",
        claim_expires=None)
    if not moved:
        raise Conflict(_("This submission has already been returned to the learner."))
    return {"uuid": record.uuid, "status": RETURNED}
