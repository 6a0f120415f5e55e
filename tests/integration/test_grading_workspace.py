"""The grading workspace's server side (issue 16): detail and claim in one request, claims let go
on save and when moving on, "next waiting" skipping what another grader holds, fresh counts with
each save, the engine's evidence in the detail, and the cohort counts (checked by hand)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure_xblock.grading import api, handlers
from disclosure_xblock.grading.models import FeedbackEntry, SubmissionRecord

from .grading_fixtures import RUBRIC, all_levels, ctx_for, feedback, submit_as

pytestmark = pytest.mark.django_db(transaction=True)


def holder(uuid):
    return SubmissionRecord.objects.filter(uuid=uuid).values_list("claimed_by_name", flat=True).get()


def test_detail_claims_in_the_same_request_and_lets_go_of_the_one_left():
    first = submit_as("learner_1")["uuid"]
    second = submit_as("learner_2")["uuid"]
    ctx = ctx_for("instructor_1")
    detail = handlers.staff_detail(ctx, {"uuid": first, "claim": True})
    assert detail["claim"]["mine"] is True and holder(first) == "instructor_1"
    # Moving on unsaved: the one left is let go, the next one claimed, in one call.
    detail = handlers.staff_detail(ctx, {"uuid": second, "claim": True, "release": first})
    assert holder(first) == "" and holder(second) == "instructor_1"
    # Another grader's claim is neither taken nor dropped.
    other = handlers.staff_detail(ctx_for("instructor_2"), {"uuid": second, "claim": True, "release": second})
    assert other["claim"]["mine"] is False and other["claim"]["by"] == "instructor_1"
    handlers.staff_detail(ctx_for("instructor_2"), {"uuid": first, "release": second})
    assert holder(second) == "instructor_1"


def test_save_lets_go_of_the_claim_and_returns_fresh_counts():
    uuid = submit_as("learner_1")["uuid"]
    submit_as("learner_2")
    ctx = ctx_for("instructor_1")
    handlers.staff_detail(ctx, {"uuid": uuid, "claim": True})
    saved = handlers.staff_save_assessment(ctx, {"uuid": uuid, "levels": all_levels(), "expected_version": 0})
    assert holder(uuid) == ""
    assert saved["counts"]["graded"] == 1 and saved["counts"]["waiting"] == 1
    listed = {item["uuid"]: item for item in api.list_submissions(ctx)["items"]}
    assert listed[uuid]["claimed_by"] is None


def test_next_waiting_skips_what_another_grader_holds():
    a = submit_as("learner_1")["uuid"]
    b = submit_as("learner_2")["uuid"]
    c = submit_as("learner_3")["uuid"]
    api.claim(ctx_for("instructor_2"), b)
    detail = api.submission_detail(ctx_for("instructor_1"), a, list_params={"sort": "submitted_at"})
    assert detail["neighbours"]["next_ungraded"] == c
    # The holder themself still gets it.
    mine = api.submission_detail(ctx_for("instructor_2"), a, list_params={"sort": "submitted_at"})
    assert mine["neighbours"]["next_ungraded"] == b


def test_detail_carries_the_evidence_the_engine_quoted():
    text = "I felt nervous too. How are you coping today with all of this, honestly?"
    fb = feedback()
    start = text.index("How are you")
    fb["criteria"][0]["evidence"] = [{"start": start, "end": start + 11, "text": "How are you", "note": "a question"},
                                     {"start": 5, "end": 2, "text": "bad span"}, "junk"]
    uuid = submit_as("learner_1", text=text, fb=fb)["uuid"]
    detail = api.submission_detail(ctx_for("instructor_1"), uuid)
    evidence = detail["auto"]["criteria"][0]["evidence"]
    assert evidence == [{"start": start, "end": start + 11, "text": "How are you", "note": "a question"}]
    assert text[evidence[0]["start"]:evidence[0]["end"]] == "How are you"


def test_cohort_counts_match_a_hand_count():
    ctx = ctx_for("instructor_1")
    brief = RUBRIC.criterion("brief")
    top = len(brief.levels) - 1
    # Three learners: automatic brief levels 0, 1, top; flags on one.
    uuids = [submit_as(f"learner_{i}", fb=feedback({"brief": level}, flags=("crisis",) if i == 0 else ()))["uuid"]
             for i, level in enumerate([0, 1, top])]
    # An instructor raises learner_0 to the top and lowers learner_2 to 0.
    api.save_assessment(ctx, uuids[0], levels={**all_levels(), "brief": top}, comments={}, overall_comment="",
                        expected_version=0)
    api.save_assessment(ctx, uuids[2], levels={**all_levels(), "brief": 0}, comments={}, overall_comment="",
                        expected_version=0)
    # Drafts: learner_a reaches the top of brief on draft 2, learner_b on draft 7 (counted as 5+),
    # learner_c never.
    plan = {"a": [0, top], "b": [0] * 6 + [top], "c": [0, 1]}
    for learner, levels in plan.items():
        for level in levels:
            FeedbackEntry.objects.create(course_id=ctx.course_id, item_id=ctx.item_id, anonymous_id=learner,
                                         text="t", result={"levels": {"brief": level}})
    with CaptureQueriesContext(connection) as queries:
        result = api.cohort(ctx)
    # Aggregates only: the cache stamp (2), totals, one per criterion, drafts.
    assert len(queries) <= len(RUBRIC.criteria) + 4
    assert result["total"] == 3 and result["graded"] == 2
    row = next(c for c in result["criteria"] if c["id"] == "brief")
    assert row["levels"] == [level.label for level in brief.levels]
    assert row["auto"] == [1, 1, 1] and row["instructor"] == [1, 0, 1]
    assert (row["compared"], row["raised"], row["lowered"], row["override_rate"]) == (2, 1, 1, 1.0)
    assert row["below_top"] == 2
    assert row["drafts_to_top"] == [0, 1, 0, 0, 1, 1]   # draft 2: one; 5+: one; never: one
    assert "brief" in result["most_overridden"]
    # Concerns: most frequent first; every other criterion was below the top (one below) in all 3.
    counts = [c["count"] for c in result["concerns"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3 and len(counts) == 5
    assert all(c["kind"] == "criterion" and c["id"] != "brief" for c in result["concerns"])


def test_cohort_counts_red_flags_among_concerns():
    submit_as("learner_1", fb=feedback(all_levels(), flags=("overdose",)))
    submit_as("learner_2", fb=feedback(all_levels(), flags=("overdose",)))
    submit_as("learner_3", fb=feedback(all_levels()))
    concerns = api.cohort(ctx_for("instructor_1"))["concerns"]
    assert [(c["kind"], c["id"], c["count"]) for c in concerns] == [("flag", "overdose", 2)]
    assert concerns[0]["label"] and concerns[0]["label"] != "overdose"


def test_cohort_leaves_out_submissions_on_another_rubric_version():
    submit_as("learner_1")
    submit_as("learner_2", rubric_version="old-version")
    result = api.cohort(ctx_for("instructor_1"))
    assert result["total"] == 1


def test_cohort_is_cached_until_something_changes():
    ctx = ctx_for("instructor_1")
    uuid = submit_as("learner_1")["uuid"]
    first = api.cohort(ctx)
    with CaptureQueriesContext(connection) as queries:
        again = api.cohort(ctx)
    assert again == first and len(queries) == 2   # the stamp only
    api.save_assessment(ctx, uuid, levels=all_levels(), comments={}, overall_comment="", expected_version=0)
    assert api.cohort(ctx)["graded"] == 1
    FeedbackEntry.objects.create(course_id=ctx.course_id, item_id=ctx.item_id, anonymous_id="z", text="t",
                                 result={"levels": {"brief": 2}})
    brief = next(c for c in api.cohort(ctx)["criteria"] if c["id"] == "brief")
    assert sum(brief["drafts_to_top"]) == 1
