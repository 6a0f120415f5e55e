"""Helpers for the grading tests: contexts for learners and staff, and automatic feedback dicts."""
from __future__ import annotations

import pytest

from devserver.services import dev_anonymous_id
from disclosure_xblock.grading.context import Identity, ItemContext
from disclosure_xblock.rubric import DEFAULT_PRESET, load_preset

COURSE = "course-v1:Hospital+Onboarding+2026"
ITEM = "block-v1:Hospital+Onboarding+2026+type@disclosure_exercise+block@ex1"
RUBRIC = load_preset(DEFAULT_PRESET)
RUBRIC_DICT = RUBRIC.to_dict()
ROLES = {"instructor_1": "instructor", "instructor_2": "instructor", "staff_1": "staff"}


def identity(user):
    role = ROLES.get(user, "student")
    return Identity(anonymous_id=dev_anonymous_id(user), username=user, user_id=user,
                    is_staff=role != "student", role=role)


def ctx_for(user, **overrides):
    values = {
        "course_id": COURSE, "item_id": ITEM, "item_type": "disclosure_exercise",
        "identity": identity(user), "rubric": RUBRIC_DICT, "rubric_version": RUBRIC.version(),
        "grading_mode": "auto_and_instructor", "weight": 1.0, "max_score": RUBRIC.max_score,
        "allow_resubmission": False, "hold_staff_grades": False,
    }
    values.update(overrides)
    return ItemContext(**values)


def feedback(levels=None, flags=()):
    """An evaluate().to_dict()-shaped result with the given {criterion: level} (default: top-1)."""
    criteria, score = [], 0
    for criterion in RUBRIC.criteria:
        level = (levels or {}).get(criterion.id, len(criterion.levels) - 2)
        points = criterion.levels[level].points
        score += points
        criteria.append({"id": criterion.id, "label": criterion.label, "level": level,
                         "level_label": criterion.levels[level].label, "points": points,
                         "max_points": criterion.max_points, "met": False, "outcome": "partial",
                         "automatic": True, "message": f"msg {criterion.id}", "evidence": []})
    return {"score": score, "max_score": RUBRIC.max_score, "word_count": 30, "criteria": criteria,
            "privacy": {"passed": True, "findings": []},
            "red_flags": [{"kind": kind, "message": kind, "evidence": []} for kind in flags]}


def all_levels(level_of=lambda criterion: len(criterion.levels) - 1):
    return {criterion.id: level_of(criterion) for criterion in RUBRIC.criteria}


TEXT = "I understand how heavy this feels. I went through something similar once, and it got better. How are you coping today?"


def history_entry(fb, text="first draft", at="2026-01-01T00:00:00"):
    """A feedback history entry (compact result) as record_feedback returns one."""
    from disclosure_xblock.grading.serialize import compact_of_result
    return {"at": at, "text": text, "word_count": len(text.split()), **compact_of_result(fb)}


def submit_as(user, text=TEXT, fb=None, **ctx_overrides):
    from disclosure_xblock.grading import api
    return api.submit(ctx_for(user, **ctx_overrides), text=text, auto_feedback=fb or feedback(),
                      draft_history=[history_entry(fb or feedback())], username=user)


@pytest.fixture
def score_events():
    """Every score_set signal sent during the test."""
    from submissions.models import score_set
    events = []

    def listener(sender, **kwargs):
        events.append(kwargs)

    score_set.connect(listener, dispatch_uid="dx-test-score-events")
    yield events
    score_set.disconnect(dispatch_uid="dx-test-score-events")
