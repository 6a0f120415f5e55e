"""Learner submits → instructor grades → the score is the LEARNER's → the learner sees it."""
import pytest
from submissions import api as sub_api

from disclosure_xblock.grading import api
from disclosure_xblock.grading.errors import Conflict, InvalidRequest
from disclosure_xblock.grading.models import SubmissionRecord

from .grading_fixtures import (  # noqa: F401  (score_events is a fixture)
    COURSE, ITEM, RUBRIC, TEXT, all_levels, ctx_for, feedback, identity, score_events, submit_as,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_submit_creates_one_submission_and_record():
    state = submit_as("learner_1")
    assert state["status"] == "submitted"
    assert state["score"] is None and state["assessment"] is None
    assert state["auto"]["levels"]["brief"] == 1
    learner = identity("learner_1")
    subs = sub_api.get_submissions(ctx_for("learner_1").student_item())
    assert len(subs) == 1
    answer = subs[0]["answer"]
    assert answer["text"] == TEXT and answer["rubric_version"] == RUBRIC.version()
    assert answer["auto"]["levels"]["brief"] == 1
    record = SubmissionRecord.objects.get()
    assert record.anonymous_id == learner.anonymous_id and record.username == "learner_1"
    assert record.draft_history[0]["text"] == "first draft"
    assert api.learner_state(ctx_for("learner_1"))["uuid"] == state["uuid"]
    assert api.learner_state(ctx_for("learner_2")) is None


def test_double_submit_is_idempotent_and_different_text_conflicts():
    first = submit_as("learner_1")
    again = submit_as("learner_1")
    assert again["uuid"] == first["uuid"]
    with pytest.raises(Conflict):
        submit_as("learner_1", text="Something else entirely, written later on.")
    assert SubmissionRecord.objects.count() == 1
    assert len(sub_api.get_submissions(ctx_for("learner_1").student_item())) == 1


def test_empty_text_refused():
    with pytest.raises(InvalidRequest):
        submit_as("learner_1", text="   ")


def test_instructor_grade_lands_on_learner(score_events):
    uuid = submit_as("learner_1")["uuid"]
    teacher = ctx_for("instructor_1", weight=10)
    api.claim(teacher, uuid)
    levels = all_levels()                       # 20 / 20 raw
    levels["brief"] = 1                          # 2 of 3 → 19 / 20
    result = api.save_assessment(teacher, uuid, levels=levels, comments={"brief": "Shorter."},
                                 overall_comment="Good work.", expected_version=0)
    assert result["version"] == 1 and result["status"] == "graded"
    learner_anon = identity("learner_1").anonymous_id
    score = sub_api.get_score(ctx_for("learner_1").student_item())
    assert (score["points_earned"], score["points_possible"]) == (10, 10)   # 19/20 of 10 → 9.5 → 10
    assert sub_api.get_scores(COURSE, learner_anon)[ITEM]["points_earned"] == 10
    assert sub_api.get_scores(COURSE, identity("instructor_1").anonymous_id) == {}
    assert len(score_events) == 1
    event = score_events[0]
    assert event["anonymous_user_id"] == learner_anon
    assert (event["points_earned"], event["points_possible"]) == (10, 10)
    assert event["course_id"] == COURSE and event["item_id"] == ITEM
    state = api.learner_state(ctx_for("learner_1", weight=10))
    assert state["status"] == "graded"
    assert state["score"] == {"earned": 10, "possible": 10}
    brief = next(c for c in state["assessment"]["criteria"] if c["id"] == "brief")
    assert brief["level"] == 1 and brief["points"] == 2 and brief["comment"] == "Shorter."
    assert state["assessment"]["overall_comment"] == "Good work."


def test_auto_mode_scores_on_submit(score_events):
    submit_as("learner_1", grading_mode="auto", weight=20)
    score = sub_api.get_score(ctx_for("learner_1").student_item())
    # feedback(): every criterion one below the top: 2*6 + 1 = 13 of 20
    assert (score["points_earned"], score["points_possible"]) == (13, 20)
    assert score_events[0]["anonymous_user_id"] == identity("learner_1").anonymous_id
    assert api.learner_state(ctx_for("learner_1"))["status"] == "graded"


def test_clear_learner_removes_score_and_records():
    uuid = submit_as("learner_1")["uuid"]
    api.save_assessment(ctx_for("instructor_1"), uuid, levels=all_levels(), comments={},
                        overall_comment="", expected_version=0)
    api.clear_learner(ctx_for("learner_1"), identity("learner_1").anonymous_id, requesting_user_id="1")
    assert sub_api.get_score(ctx_for("learner_1").student_item()) is None
    assert sub_api.get_submissions(ctx_for("learner_1").student_item()) == []
    assert api.learner_state(ctx_for("learner_1")) is None
    again = submit_as("learner_1")
    assert again["uuid"] != uuid
