"""The learner's side: submit once, read back what they may see, start over after a reset."""
from __future__ import annotations

import json
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from submissions import api as submissions_api
from submissions.errors import SubmissionError
from submissions.models import StudentItem

from ..rubric.model import Rubric
from . import drafts, scoring, serialize
from .compiled import Compiled
from ..draft_policy import MAX_DRAFT_CHARS
from .errors import Conflict, GradingError, InvalidRequest
from .models import GRADED, RETURNED, SUBMITTED, SubmissionRecord
from .permissions import require_learner

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = MAX_DRAFT_CHARS  # the draft policy (draft_policy.py), the block's own limit
MAX_ANSWER_BYTES = 100 * 1024    # edx-submissions caps an answer at 100 KB of JSON
MAX_HISTORY_TEXT = MAX_DRAFT_CHARS


# Submit's first read, compiled once (see compiled.py): the learner's latest attempt.
_LATEST_RECORD = Compiled("latest_record", SubmissionRecord, ("course_id", "item_id", "anonymous_id"),
                          lambda **key: SubmissionRecord.objects.filter(**key).order_by("-attempt")[:1])


def current_record(ctx, anonymous_id=None, with_released=True):
    """The learner's current record (their latest attempt) or None.

    ``with_released=False`` leaves out the join with the released assessment: submit only
    decides from the record itself (the assessment is then read only if a repeat submit shows it).
    """
    key = {"course_id": ctx.course_id, "item_id": ctx.item_id,
           "anonymous_id": anonymous_id or ctx.identity.anonymous_id}
    if not with_released:
        found = _LATEST_RECORD.models(**key)
        return found[0] if found else None
    rows = SubmissionRecord.objects.filter(**key).select_related("released_assessment")
    return rows.order_by("-attempt").first()


def _history(draft_history):
    """A bounded, JSON-clean copy of the learner's drafts and the feedback each received."""
    out = []
    for entry in (draft_history or [])[-drafts.MAX_ENTRIES:]:
        if not isinstance(entry, dict):
            continue
        clean = {
            "at": str(entry.get("at") or "")[:40],
            "text": str(entry.get("text") or "")[:MAX_HISTORY_TEXT],
            "word_count": entry.get("word_count") if isinstance(entry.get("word_count"), int) else None,
        }
        clean.update(serialize.compact_feedback(entry))  # history entries are compact already
        out.append(clean)
    return out


def _answer(ctx, text, compact):
    answer = {"text": text, "rubric_version": ctx.rubric_version, "rubric": ctx.rubric, "auto": compact}
    if len(json.dumps(answer)) > MAX_ANSWER_BYTES:
        # Keep the scoring skeleton of the rubric (ids, labels, points); the full snapshot is
        # in our own record.
        answer["rubric"] = {"criteria": [
            {"id": c.id, "label": c.label,
             "levels": [{"points": lvl.points, "label": lvl.label} for lvl in c.levels]}
            for c in Rubric.from_snapshot(ctx.rubric).criteria]}
        if len(json.dumps(answer)) > MAX_ANSWER_BYTES:
            raise InvalidRequest(_("The submission is too large to store. Shorten it and try again."))
    return answer


def _existing_answer(ctx, record, text):
    """A second submit of the same learner: the same text is a double click, else a conflict."""
    if record.text == text:
        return serialize.learner_state(record, ctx)
    raise Conflict(_("You have already submitted this exercise."))


def submit(ctx, *, text, auto_feedback, draft_history, username=None, presented=None):
    require_learner(ctx)
    if not isinstance(text, str) or not text.strip():
        raise InvalidRequest(_("Write your disclosure before you submit it."))
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidRequest(_("The submission is too long."))
    compact = serialize.compact_of_result(auto_feedback)
    previous = current_record(ctx, with_released=False)
    if previous is not None and previous.status != RETURNED:
        return _existing_answer(ctx, previous, text)
    if draft_history is None:
        # Read when the submission is made, so graders get every draft appended before it.
        draft_history = drafts.history(ctx)
    answer = _answer(ctx, text, compact)
    now = timezone.now()
    attempt = previous.attempt + 1 if previous else 1
    try:
        with transaction.atomic():
            # The row first: its unique (course, item, learner, attempt) constraint serializes
            # racing requests before any submission exists.
            record = SubmissionRecord.objects.create(
                course_id=ctx.course_id, item_id=ctx.item_id,
                anonymous_id=ctx.identity.anonymous_id, username=(username or "")[:150],
                attempt=attempt, submitted_at=now, text=text, status=SUBMITTED,
                auto_score=compact["score"], auto_max=compact["max_score"],
                auto_levels=compact["levels"], red_flags=compact["red_flags"],
                flagged=bool(compact["red_flags"]),
                auto_feedback=auto_feedback if isinstance(auto_feedback, dict) else {},
                rubric_version=str(ctx.rubric_version or "")[:64], rubric=ctx.rubric,
                presented=presented if isinstance(presented, dict) else {},
                draft_history=_history(draft_history),
            )
            if previous is not None:
                SubmissionRecord.objects.filter(pk=previous.pk).update(is_current=False)
            student_item = ctx.student_item()
            if previous is None:
                _ensure_student_item(student_item)
            submission = submissions_api.create_submission(
                student_item, answer, submitted_at=now, attempt_number=attempt)
            record.uuid = str(submission["uuid"])
            changed = ["uuid"]
            if ctx.grading_mode == "auto":
                changed += _score_automatically(ctx, record, compact, now)
            # Only what changed since the INSERT: not the text, rubric and history again.
            record.save(update_fields=changed)
    except IntegrityError:
        existing = current_record(ctx)
        if existing is None:
            raise
        return _existing_answer(ctx, existing, text)
    except SubmissionError as exc:
        log.exception("edx-submissions refused a submission for %s", ctx.item_id)
        raise GradingError(_("Your submission could not be stored. Try again in a moment."),
                           status=503) from exc
    return serialize.learner_state(record, ctx)


# edx-submissions' StudentItem column widths (the same from 3.11 to 4.x).
_STUDENT_ITEM_WIDTHS = {"student_id": 255, "course_id": 255, "item_id": 255, "item_type": 100}


def _ensure_student_item(student_item):
    """Make the learner's edx-submissions student item exist, in one INSERT that skips a
    duplicate (INSERT OR IGNORE / INSERT IGNORE), so that ``create_submission`` finds it with
    one read.

    Without it, ``create_submission`` makes a first-time item itself: a read that misses, a DRF
    serializer whose unique-together check reads again, and a savepoint around its INSERT (seven
    statements for the submission; four with the item made here, and no serializer for it).
    Racing submits of one learner never get here together: the record's unique key lets one
    through at a time. An item that exists (a second attempt, or after "delete learner state",
    which keeps it) is left as it is. Values wider than the columns are left to
    ``create_submission``, whose serializer refuses them (INSERT IGNORE would truncate them on
    MySQL, and SQLite would store them).
    """
    values = [(student_item.get(name), width) for name, width in _STUDENT_ITEM_WIDTHS.items()]
    if any(not isinstance(value, str) or not value or len(value) > width for value, width in values):
        return
    StudentItem.objects.bulk_create([StudentItem(**student_item)], ignore_conflicts=True)


def _score_automatically(ctx, record, compact, now):
    raw_possible = ctx.max_score  # the rubric the learner was given (the block sets it from it)
    sent = scoring.send_score(
        record.uuid, compact["score"] or 0, raw_possible, ctx.weight,
        creator="auto", kind=scoring.ANNOTATION_AUTO, reason="automatic rubric feedback")
    record.status = GRADED
    record.graded_at = now
    if sent:
        record.score_earned, record.score_possible = sent
    return ["status", "graded_at", "score_earned", "score_possible"]


def learner_state(ctx):
    if not ctx.identity.anonymous_id:
        return None
    record = current_record(ctx)
    return serialize.learner_state(record, ctx) if record else None


def learner_view(ctx):
    """``(learner_state, snapshot)`` of the requester's current record, from one query.

    ``snapshot`` is what the learner was shown when they submitted: ``{"rubric", "rubric_version",
    "auto_feedback", "presented"}`` (presented: the scenario and exemplar; empty for records
    made before they were kept). None before any submission and while a returned submission
    waits for its next attempt (that attempt takes the exercise as it is now).
    """
    if not ctx.identity.anonymous_id:
        return None, None
    record = current_record(ctx)
    if record is None:
        return None, None
    snapshot = None
    if record.status != RETURNED:
        snapshot = {"rubric": record.rubric or {}, "rubric_version": record.rubric_version,
                    "auto_feedback": record.auto_feedback or {}, "presented": record.presented or {}}
    return serialize.learner_state(record, ctx), snapshot


def clear_learner(ctx, anonymous_id, requesting_user_id=None):
    """Remove the learner's score, submissions (soft delete), our records and their feedback history."""
    if not anonymous_id:
        return 0
    with transaction.atomic():
        scoring.reset_scores(anonymous_id, ctx.course_id, ctx.item_id)
        deleted, _detail = SubmissionRecord.objects.filter(
            course_id=ctx.course_id, item_id=ctx.item_id, anonymous_id=anonymous_id).delete()
        deleted += drafts.clear(ctx, anonymous_id)
    log.info("Cleared disclosure submissions of %s in %s (requested by %s)",
             anonymous_id, ctx.item_id, requesting_user_id)
    return deleted


def has_submissions(ctx):
    return SubmissionRecord.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id).exists()
