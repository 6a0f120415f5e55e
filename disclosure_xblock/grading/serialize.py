"""Shapes records and assessments into the JSON dicts the block and the panel receive."""
from __future__ import annotations

from django.utils.translation import gettext

from ..feedback import flags
from ..rubric.model import Rubric, number
from .models import GRADED, RETURNED, SUBMITTED


POINT_DIGITS = 2


def iso(value):
    return value.isoformat() if value else None


def compact_of_result(result):
    """The compact shape of an ``evaluate().to_dict()`` result: the one conversion, at the edge.

    Submit is the only caller that holds a full result (its evidence is kept in the record for
    graders); everything else (history entries, ``FeedbackResult.compact()``) already has the
    compact shape that ``compact_feedback`` cleans.
    """
    result = result if isinstance(result, dict) else {}
    return compact_feedback({
        "score": result.get("score"),
        "max_score": result.get("max_score"),
        "levels": {str(c.get("id")): c.get("level")
                   for c in result.get("criteria") or () if isinstance(c, dict) and c.get("id")},
        "privacy_passed": (result.get("privacy") or {}).get("passed", True),
        "red_flags": result.get("red_flags") or [],
    })


def compact_feedback(compact):
    """A bounded, JSON-clean copy of a compact result (``FeedbackResult.compact()``, a history
    entry): ``{"score", "max_score", "levels": {cid: level}, "privacy_passed", "red_flags": [kinds]}``.
    """
    compact = compact if isinstance(compact, dict) else {}
    kinds = []
    for flag in compact.get("red_flags") or []:
        kind = flag.get("kind") if isinstance(flag, dict) else flag
        if isinstance(kind, str) and kind and kind not in kinds:
            kinds.append(kind[:64])
    levels = compact.get("levels")
    levels = {str(k)[:64]: (v if isinstance(v, int) and not isinstance(v, bool) else None)
              for k, v in (levels.items() if isinstance(levels, dict) else ())}
    return {
        "score": _num(compact.get("score")),
        "max_score": _num(compact.get("max_score")),
        "levels": levels,
        "privacy_passed": bool(compact.get("privacy_passed", True)),
        "red_flags": kinds,
    }


def points(value):
    """Points in grading's JSON and CSV (the rubric model's one formatter, to 2 decimals)."""
    return number(value, POINT_DIGITS)


def _num(value):
    try:
        return points(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def assessment_criteria(rubric, assessment):
    """Per criterion of the snapshot: the grader's level, its label and points, and the comment."""
    levels = assessment.levels or {}
    comments = assessment.comments or {}
    out = []
    for criterion in Rubric.from_snapshot(rubric).criteria:
        level = criterion.level(levels.get(criterion.id))
        out.append({
            "id": criterion.id,
            "label": criterion.label,
            "level": levels.get(criterion.id) if level is not None else None,
            "level_label": level.label if level is not None else "",
            "points": points(level.points) if level is not None else None,
            "max_points": points(criterion.max_points),
            "comment": comments.get(criterion.id, ""),
        })
    return out


def learner_assessment(record, assessment):
    if assessment is None:
        return None
    return {
        "criteria": assessment_criteria(record.rubric, assessment),
        "overall_comment": assessment.overall_comment,
        "graded_at": iso(assessment.released_at or assessment.created_at),
        "comment_only": assessment.comment_only,
        "raw_earned": points(assessment.raw_earned),
        "raw_possible": points(assessment.raw_possible),
    }


def learner_status(record):
    """What the learner may know: a held (unreleased) grade still reads as "submitted"."""
    if record.status == RETURNED:
        return RETURNED
    if record.status == GRADED and (not record.held or record.released_assessment_id
                                    or record.score_earned is not None):
        return GRADED
    return SUBMITTED


def learner_state(record, ctx):
    auto = {
        "score": points(record.auto_score),
        "max_score": points(record.auto_max),
        "levels": record.auto_levels or {},
        "privacy_passed": compact_of_result(record.auto_feedback)["privacy_passed"],
        "red_flags": list(record.red_flags or []),
    }
    score = None
    if record.score_possible:
        score = {"earned": record.score_earned, "possible": record.score_possible}
    released = record.released_assessment
    return {
        "uuid": record.uuid,
        "text": record.text,
        "submitted_at": iso(record.submitted_at),
        "status": learner_status(record),
        "attempt": record.attempt,
        "auto": auto,
        "score": score,
        "assessment": learner_assessment(record, released),
        "returned_comment": record.returned_comment if record.status == RETURNED else "",
        "can_resubmit": record.status == RETURNED,
        "rubric_version": record.rubric_version,
    }


def staff_assessment(record, assessment):
    if assessment is None:
        return None
    return {
        **learner_assessment(record, assessment),
        "version": assessment.version,
        "levels": assessment.levels or {},
        "comments": assessment.comments or {},
        "grader": assessment.grader_name or assessment.grader_id,
        "grader_role": assessment.grader_role,
        "held": assessment.held,
        "created_at": iso(assessment.created_at),
        "released_at": iso(assessment.released_at),
    }


def flag_labels(kinds, scheme):
    """Each red-flag kind in words, in the reader's language (an unknown kind as itself).

    ``scheme`` is the stored result's flag scheme (feedback/flags.py): an old record's
    "self_harm" reads "Self-harm or suicide", as it meant then.
    """
    labels = []
    for kind in kinds or ():
        label = flags.label(kind, scheme)
        labels.append(gettext(label.msgid) if label is not None else str(kind))
    return labels


def list_item(record, now):
    holder = record.claim_holder(now)
    return {
        "uuid": record.uuid,
        "learner": record.learner,
        "submitted_at": iso(record.submitted_at),
        "auto_score": points(record.auto_score),
        "auto_max": points(record.auto_max),
        "status": record.status,
        "held": record.held,
        "attempt": record.attempt,
        "red_flags": list(record.red_flags or []),
        "red_flag_labels": flag_labels(record.red_flags, flags.SCHEME if getattr(
            record, "new_flag_scheme", False) else 1),
        "claimed_by": holder[1] or holder[0] if holder else None,
        "score": ({"earned": record.score_earned, "possible": record.score_possible}
                  if record.score_possible else None),
    }
