"""
Scores: the one path by which a grade reaches the learner's gradebook.

Every score goes through ``submissions.api.set_score`` on the learner's own submission, so it is
stored under the learner's course-specific anonymous id whoever's request computes it (an
instructor's ``runtime.publish('grade')`` would credit the instructor). Nothing here publishes
``grade`` events.
"""
from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal

from submissions import api as submissions_api

log = logging.getLogger(__name__)

ANNOTATION_AUTO = "disclosure_auto"
ANNOTATION_INSTRUCTOR = "disclosure_staff"


def _half_up(value):
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def gradebook_points(raw_earned, raw_possible, weight):
    """The (earned, possible) pair to hand edx-submissions, or None when no score must be sent.

    What the LMS does, read in openedx-platform ``lms/djangoapps/grades/scores.py``:

    * ``get_score`` takes a submissions score first and uses it *as already weighted*:
      ``_get_score_from_submissions`` returns ``points_earned`` / ``points_possible`` as
      ``weighted_earned`` / ``weighted_possible``; the block's ``weight`` is not applied to it.
    * A learner with no submissions score is graded from ``max_score()`` (collected by
      ``GradesTransformer``, with ``weight`` as an XBlock field) through ``weighted_score``:
      when ``weight`` is not None and ``raw_possible`` is not 0, the weighted possible is
      ``weight`` itself (``earned * weight / raw_possible``, ``float(weight)``), *not*
      ``max_score() * weight``; with ``weight`` None, the raw points stand.
    * ``grades/signals/handlers.py`` ``submissions_score_set_handler`` drops a ``score_set``
      whose ``points_possible`` is 0 and one whose anonymous id resolves to no user.
    * edx-submissions stores ``points_earned`` / ``points_possible`` as
      ``PositiveIntegerField`` (its serializer refuses 2.5): only whole numbers can be sent.

    So that a learner's problem counts for the same share of the subsection whether they
    submitted or not, the possible points sent are the weight (the same denominator the LMS
    gives non-submitters), and the earned points are the rubric fraction of it:

    * ``weight`` None: raw rubric points (what the LMS uses for non-submitters then).
    * ``weight`` > 0: possible = ``weight`` (rounded to a whole number, at least 1, because
      edx-submissions stores integers; designers should use whole weights), earned =
      ``raw_earned / raw_possible * possible`` rounded half up. A weight of 1 therefore makes the
      exercise pass/fail in the gradebook (50 % of the rubric or more → 1/1); the rubric points
      and levels stay visible to the learner in the block.
    * ``weight`` == 0 (an ungraded practice exercise) or a rubric worth 0 points: None. A score
      with possible 0 is hidden by edx-submissions and dropped by the LMS anyway, and sending
      nothing keeps the gradebook untouched; assessments are still saved and shown in the block.

    Returns:
        tuple[int, int] | None: (earned, possible), with 0 <= earned <= possible.
    """
    if raw_possible is None or raw_possible <= 0:
        return None
    raw_earned = min(max(float(raw_earned or 0), 0.0), float(raw_possible))
    if weight is None:
        possible = max(_half_up(raw_possible), 1)
    else:
        weight = float(weight)
        if weight <= 0 or weight != weight:  # 0, negative or NaN: not graded
            return None
        possible = max(_half_up(weight), 1)
        if possible != weight:
            log.warning("Weight %s is not a whole number; the gradebook gets %s possible points",
                        weight, possible)
    earned = _half_up(raw_earned / float(raw_possible) * possible)
    return min(max(earned, 0), possible), possible


def send_score(submission_uuid, raw_earned, raw_possible, weight, *, creator, kind, reason):
    """Store the score of ``submission_uuid`` in edx-submissions (this sends ``score_set``).

    Args:
        submission_uuid (str): the learner's submission; the score is stored for its student item.
        raw_earned, raw_possible (float): rubric points.
        weight (float | None): the block's weight (see ``gradebook_points``).
        creator (str): who set the score (grader's anonymous id, or "auto").
        kind (str): ``ANNOTATION_AUTO`` or ``ANNOTATION_INSTRUCTOR``.
        reason (str): a short note stored with the score annotation.

    Returns:
        tuple[int, int] | None: what was sent, or None when nothing was (weight 0).

    Raises:
        submissions.errors.SubmissionError: the submissions store failed.
    """
    points = gradebook_points(raw_earned, raw_possible, weight)
    if points is None:
        return None
    submissions_api.set_score(
        submission_uuid, points[0], points[1],
        annotation_creator=creator, annotation_type=kind, annotation_reason=reason[:255],
    )
    return points


def reset_scores(anonymous_id, course_id, item_id):
    """Remove the learner's score and soft-delete their submissions (``clear_state=True``)."""
    submissions_api.reset_score(anonymous_id, course_id, item_id, clear_state=True)
