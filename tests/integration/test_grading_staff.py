"""Staff side on a real database: permissions, races, hold/release, regrade, return, calibration, CSV."""
import csv
import io
import threading

import pytest
from django.db import connection
from submissions import api as sub_api

from disclosure_xblock.grading import api, handlers
from disclosure_xblock.grading.errors import Conflict, InvalidRequest, NotFound, PermissionDenied
from disclosure_xblock.grading.models import Assessment, SubmissionRecord

from .grading_fixtures import (  # noqa: F401
    RUBRIC, all_levels, ctx_for, feedback, identity, score_events, submit_as,
)

pytestmark = pytest.mark.django_db(transaction=True)


def grade(user, uuid, version=0, level_of=None, **ctx_overrides):
    levels = all_levels(level_of) if level_of else all_levels()
    return api.save_assessment(ctx_for(user, **ctx_overrides), uuid, levels=levels, comments={},
                               overall_comment="ok", expected_version=version)


# --- permissions -----------------------------------------------------------------------------

def snapshot():
    return (list(SubmissionRecord.objects.order_by("pk").values()),
            list(Assessment.objects.order_by("pk").values()))


@pytest.mark.parametrize("user", ["learner_2", "learner_1"])
def test_learner_calling_every_staff_function_is_refused(user):
    uuid = submit_as("learner_1")["uuid"]
    grade("instructor_1", uuid)
    before = snapshot()
    score_before = sub_api.get_score(ctx_for("learner_1").student_item())
    ctx = ctx_for(user)
    calls = [
        lambda: api.panel_summary(ctx),
        lambda: api.list_submissions(ctx),
        lambda: api.submission_detail(ctx, uuid),
        lambda: api.claim(ctx, uuid, take_over=True),
        lambda: api.save_assessment(ctx, uuid, levels=all_levels(lambda c: 0), comments={},
                                    overall_comment="", expected_version=1),
        lambda: api.release(ctx),
        lambda: api.return_for_revision(ctx_for(user, allow_resubmission=True), uuid, comment="x"),
        lambda: api.calibration(ctx),
        lambda: api.cohort(ctx),
        lambda: api.calibration_csv(ctx),
        lambda: api.export_csv(ctx),
    ]
    for name in ("staff_summary", "staff_list", "staff_detail", "staff_claim",
                 "staff_save_assessment", "staff_release", "staff_return", "staff_calibration",
                 "staff_cohort"):
        calls.append(lambda name=name: getattr(handlers, name)(
            ctx, {"uuid": uuid, "levels": all_levels(lambda c: 0), "expected_version": 1,
                  "take_over": True, "comment": "x"}))
    for call in calls:
        with pytest.raises(PermissionDenied) as info:
            call()
        assert info.value.status == 403
    assert snapshot() == before
    assert sub_api.get_score(ctx_for("learner_1").student_item()) == score_before


def test_staff_cannot_release_only_instructors():
    with pytest.raises(PermissionDenied):
        api.release(ctx_for("staff_1"))


def test_learner_state_is_per_learner():
    submit_as("learner_1")
    assert api.learner_state(ctx_for("learner_2")) is None


# --- races -------------------------------------------------------------------------------

def test_two_instructors_claim_and_stale_save():
    uuid = submit_as("learner_1")["uuid"]
    one, two = ctx_for("instructor_1"), ctx_for("instructor_2")
    assert api.claim(one, uuid)["mine"] is True
    with pytest.raises(Conflict) as info:
        api.claim(two, uuid)
    assert "instructor_1" in info.value.message
    detail = api.submission_detail(two, uuid)
    assert detail["claim"]["by"] == "instructor_1" and detail["claim"]["mine"] is False
    # instructor_2 cannot save while instructor_1 holds it
    with pytest.raises(Conflict):
        grade("instructor_2", uuid, 0)
    # both read version 0; instructor_1 saves; instructor_2 takes over and saves stale
    grade("instructor_1", uuid, 0)
    api.claim(two, uuid, take_over=True)
    with pytest.raises(Conflict) as info:
        grade("instructor_2", uuid, 0, level_of=lambda c: 0)
    assert "newer assessment" in info.value.message and info.value.status == 409
    assert Assessment.objects.count() == 1
    score = sub_api.get_score(ctx_for("learner_1").student_item())
    assert score["points_earned"] == 1
    # with the fresh version the save goes through
    grade("instructor_2", uuid, 1, level_of=lambda c: 0)
    assert sub_api.get_score(ctx_for("learner_1").student_item())["points_earned"] == 0


@pytest.mark.skipif(connection.vendor == "sqlite", reason="needs a server database for real concurrency")
def test_concurrent_saves_only_one_wins():  # pragma: no cover - runs on MariaDB in CI
    uuid = submit_as("learner_1")["uuid"]
    results = []

    def save(user):
        try:
            grade(user, uuid, 0)
            results.append("ok")
        except Conflict:
            results.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(u,)) for u in ("instructor_1", "instructor_2")]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(results) == ["conflict", "ok"]


def test_concurrent_submits_make_one_submission():
    results = []

    def go():
        try:
            results.append(submit_as("learner_1")["uuid"])
        except Exception as exc:  # noqa: BLE001
            results.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=go) for _ in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert SubmissionRecord.objects.count() == 1
    assert len(sub_api.get_submissions(ctx_for("learner_1").student_item())) == 1
    uuids = {r for r in results if isinstance(r, str)}
    assert len(uuids) == 1, results


# --- validation --------------------------------------------------------------------------

@pytest.mark.parametrize("levels, comments, overall, message", [
    ({"nope": 1}, {}, "", "Unknown criterion"),
    ({"brief": 7}, {}, "", "whole number from 0 to 2"),
    ({"brief": -1}, {}, "", "whole number"),
    ({"brief": "2"}, {}, "", "whole number"),
    ({"brief": 1}, {}, "", "every criterion"),
    (None, {"brief": "x" * 5001}, "", "longer than 5000"),
    (None, {}, "y" * 5001, "longer than 5000"),
    (None, {"ghost": "hi"}, "", "Unknown criterion"),
])
def test_bad_assessments_are_refused(levels, comments, overall, message):
    uuid = submit_as("learner_1")["uuid"]
    with pytest.raises(InvalidRequest) as info:
        api.save_assessment(ctx_for("instructor_1"), uuid,
                            levels=all_levels() if levels is None else levels,
                            comments=comments, overall_comment=overall, expected_version=0)
    assert message in info.value.message
    assert Assessment.objects.count() == 0


def test_unknown_uuid_and_other_items_404():
    uuid = submit_as("learner_1")["uuid"]
    with pytest.raises(NotFound):
        api.submission_detail(ctx_for("instructor_1"), "0" * 36)
    with pytest.raises(NotFound):
        api.submission_detail(ctx_for("instructor_1", item_id="other-item"), uuid)


def test_handler_payload_validation():
    ctx = ctx_for("instructor_1")
    for data in ({"page": "1"}, {"page": 0}, {"page_size": 1000}, {"sort": "text"},
                 {"status": "weird"}, {"flagged": "yes"}, {"search": 5}):
        with pytest.raises(InvalidRequest):
            handlers.staff_list(ctx, data)
    with pytest.raises(InvalidRequest):
        handlers.staff_save_assessment(ctx, {"uuid": "x", "levels": [1, 2]})
    with pytest.raises(InvalidRequest):
        handlers.staff_detail(ctx, {})


# --- hold and release, regrade, comment only -----------------------------------------------

def test_hold_and_release(score_events):
    uuids = [submit_as(u)["uuid"] for u in ("learner_1", "learner_2")]
    for uuid in uuids:
        result = grade("staff_1", uuid, hold_staff_grades=True)
        assert result["held"] is True
    assert score_events == []
    assert sub_api.get_score(ctx_for("learner_1").student_item()) is None
    state = api.learner_state(ctx_for("learner_1"))
    assert state["status"] == "submitted" and state["assessment"] is None and state["score"] is None
    assert api.panel_summary(ctx_for("instructor_1"))["held"] == 2
    # an instructor's own grade is never held
    assert api.release(ctx_for("instructor_1", hold_staff_grades=True), uuids[0]) == {"released": 1}
    assert sub_api.get_score(ctx_for("learner_1").student_item())["points_earned"] == 1
    assert api.learner_state(ctx_for("learner_1"))["status"] == "graded"
    assert api.learner_state(ctx_for("learner_2"))["status"] == "submitted"
    assert api.release(ctx_for("instructor_1"))["released"] == 1
    assert api.learner_state(ctx_for("learner_2"))["status"] == "graded"
    assert [e["anonymous_user_id"] for e in score_events] == [
        identity("learner_1").anonymous_id, identity("learner_2").anonymous_id]
    summary = api.panel_summary(ctx_for("instructor_1"))
    assert summary["held"] == 0 and summary["graded"] == 2


def test_regrade_replaces_score_and_keeps_history():
    uuid = submit_as("learner_1")["uuid"]
    grade("instructor_1", uuid, 0, weight=20)
    assert sub_api.get_score(ctx_for("learner_1").student_item())["points_earned"] == 20
    grade("instructor_2", uuid, 1, level_of=lambda c: 0, weight=20)
    assert sub_api.get_score(ctx_for("learner_1").student_item())["points_earned"] == 0
    assert Assessment.objects.filter(record__uuid=uuid).count() == 2
    detail = api.submission_detail(ctx_for("instructor_1", weight=20), uuid)
    assert [h["version"] for h in detail["history"]] == [2, 1]
    assert detail["version"] == 2 and detail["assessment"]["grader"] == "instructor_2"


def test_comment_only_keeps_levels_and_score():
    uuid = submit_as("learner_1")["uuid"]
    ctx = ctx_for("instructor_1", weight=20)
    api.save_assessment(ctx, uuid, levels={}, comments={}, overall_comment="Look again at brevity.",
                        expected_version=0, comment_only=True)
    state = api.learner_state(ctx_for("learner_1"))
    assert state["status"] == "submitted" and state["score"] is None
    assert state["assessment"]["overall_comment"] == "Look again at brevity."
    grade("instructor_1", uuid, 1, weight=20)
    api.save_assessment(ctx, uuid, levels={}, comments={"brief": "Nice."}, overall_comment="",
                        expected_version=2, comment_only=True)
    state = api.learner_state(ctx_for("learner_1"))
    assert state["score"] == {"earned": 20, "possible": 20}
    assert next(c for c in state["assessment"]["criteria"] if c["id"] == "brief")["level"] == 2


# --- return for revision ---------------------------------------------------------------------

def test_return_for_revision_and_resubmit():
    uuid = submit_as("learner_1")["uuid"]
    with pytest.raises(InvalidRequest):
        api.return_for_revision(ctx_for("instructor_1"), uuid, comment="Try again")
    ctx = ctx_for("instructor_1", allow_resubmission=True)
    api.return_for_revision(ctx, uuid, comment="Make it about the patient.")
    with pytest.raises(Conflict):
        api.return_for_revision(ctx, uuid, comment="again")
    state = api.learner_state(ctx_for("learner_1"))
    assert state["status"] == "returned" and state["can_resubmit"]
    assert state["returned_comment"] == "Make it about the patient."
    second = submit_as("learner_1", text="A new and better version of my short disclosure here.")
    assert second["uuid"] != uuid and second["attempt"] == 2 and second["status"] == "submitted"
    assert len(sub_api.get_submissions(ctx_for("learner_1").student_item())) == 2
    listing = api.list_submissions(ctx)
    assert listing["total"] == 1 and listing["items"][0]["uuid"] == second["uuid"]
    detail = api.submission_detail(ctx, second["uuid"])
    assert [a["attempt"] for a in detail["attempts"]] == [1, 2]
    with pytest.raises(Conflict):
        grade("instructor_1", uuid, 0)


# --- list, detail, neighbours --------------------------------------------------------------

def test_list_filters_sort_and_neighbours():
    uuids = []
    for i in range(7):
        flags = ("crisis",) if i % 3 == 0 else ()
        uuids.append(submit_as(f"learner_{i}", fb=feedback(flags=flags))["uuid"])
    ctx = ctx_for("instructor_1")
    grade("instructor_1", uuids[1])
    page = api.list_submissions(ctx, page=1, page_size=3)
    assert page["total"] == 7 and page["pages"] == 3 and len(page["items"]) == 3
    assert [i["uuid"] for i in page["items"]] == uuids[::-1][:3]
    assert api.list_submissions(ctx, page=3, page_size=3)["items"][0]["uuid"] == uuids[0]
    assert api.list_submissions(ctx, flagged=True)["total"] == 3
    assert api.list_submissions(ctx, status="graded")["total"] == 1
    assert api.list_submissions(ctx, status="submitted")["total"] == 6
    assert api.list_submissions(ctx, search="LEARNER_4")["items"][0]["learner"] == "learner_4"
    assert api.list_submissions(ctx, sort="submitted_at")["items"][0]["uuid"] == uuids[0]
    summary = api.panel_summary(ctx)
    assert summary == {"submitted": 7, "graded": 1, "waiting": 6, "flagged": 3, "held": 0, "returned": 0}
    nb = api.submission_detail(ctx, uuids[3])["neighbours"]
    assert nb["next"] == uuids[2] and nb["previous"] == uuids[4]
    assert nb["next_ungraded"] == uuids[2]
    nb = api.submission_detail(ctx, uuids[2])["neighbours"]
    assert nb["next_ungraded"] == uuids[0]    # uuids[1] is graded: skipped
    nb = api.submission_detail(ctx, uuids[0], list_params={"sort": "-submitted_at"})["neighbours"]
    assert nb["next"] is None and nb["next_ungraded"] == uuids[6]   # wraps to the first waiting
    detail = api.submission_detail(ctx, uuids[0])
    assert detail["prefill"]["source"] == "automatic" and detail["prefill"]["levels"]["brief"] == 1
    assert detail["draft_history"][0]["text"] == "first draft"
    assert detail["red_flags"] == ["crisis"]


# --- calibration ---------------------------------------------------------------------------

def test_calibration_hand_computed():
    # criterion "brief" (levels 0..2): auto levels vs instructor levels over 4 submissions
    #   auto:  2 2 1 0      grader: 2 1 1 0
    # p_o = 3/4; auto marginals {2: 2, 1: 1, 0: 1}, grader {2: 1, 1: 2, 0: 1}
    # p_e = (2*1 + 1*2 + 1*1) / 16 = 5/16; kappa = (12/16 - 5/16) / (11/16) = 7/11 = 0.6364
    pairs = [(2, 2), (2, 1), (1, 1), (0, 0)]
    for i, (auto, given) in enumerate(pairs):
        uuid = submit_as(f"learner_{i}", fb=feedback({"brief": auto}))["uuid"]
        levels = all_levels()
        levels["brief"] = given
        api.save_assessment(ctx_for("instructor_1"), uuid, levels=levels, comments={},
                            overall_comment="", expected_version=0)
    result = api.calibration(ctx_for("instructor_1"))
    brief = next(c for c in result["criteria"] if c["id"] == "brief")
    assert brief["n"] == 4 and brief["agreement"] == 0.75
    assert brief["kappa"] == round(7 / 11, 4)
    assert brief["overrides"] == 1 and brief["lowered"] == 1 and brief["raised"] == 0
    # every other criterion: auto one below top, grader top → never agree, all raised
    relevant = next(c for c in result["criteria"] if c["id"] == "relevant")
    assert relevant["agreement"] == 0 and relevant["raised"] == 4 and relevant["kappa"] == 0
    assert result["most_overridden"][-1] == "brief"


# --- CSV -----------------------------------------------------------------------------------

def test_csv_content_and_formula_guard():
    evil = "=HYPERLINK(\"http://x\",\"click\") and more words so the text is long enough"
    uuid = submit_as("learner_1", text=evil)["uuid"]
    submit_as("learner_2", text="@SUM(1) second learner")
    api.save_assessment(ctx_for("instructor_1", weight=20), uuid, levels=all_levels(),
                        comments={"brief": "+cmd|' /C calc'!A0"}, overall_comment="-2+3",
                        expected_version=0)
    text = "".join(api.export_csv(ctx_for("instructor_1")))
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    body = {row[0]: dict(zip(header, row)) for row in rows[1:3]}
    one = body["learner_1"]
    assert one["text"].startswith("'=HYPERLINK")
    assert one["brief:comment"] == "'+cmd|' /C calc'!A0"
    assert one["overall_comment"] == "'-2+3"
    brief = RUBRIC.criterion("brief")
    # Level names (not indices) and their points.
    assert one["brief:grader_level"] == brief.levels[2].label and one["brief:grader_points"] == "3"
    assert one["brief:auto_level"] == brief.levels[1].label and one["brief:auto_points"] == "2"
    assert one["grader_points"] == "20" and one["gradebook_earned"] == "20"
    assert body["learner_2"]["text"].startswith("'@SUM")
    assert len(rows) == 3   # one table: the header and one row per submission, nothing after
    calibration = list(csv.reader(io.StringIO("".join(api.calibration_csv(ctx_for("instructor_1"))))))
    assert calibration[0][0] == "criterion" and any(row[0] == "brief" for row in calibration[1:])
    for row in rows + calibration:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_both_csvs_are_single_tables_for_csv_and_pandas():
    import pandas

    multiline = "First line, with a comma.\nSecond line with \"quotes\" and more words to be long enough"
    uuid = submit_as("learner_1", text=multiline)["uuid"]
    submit_as("learner_2")
    api.save_assessment(ctx_for("instructor_1"), uuid, levels=all_levels(), comments={"brief": "ok"},
                        overall_comment="", expected_version=0)
    ctx = ctx_for("instructor_1")
    for chunks, expected_rows in ((api.export_csv(ctx), 2), (api.calibration_csv(ctx), None)):
        text = "".join(chunks)
        assert "\r\n" in text and "\n\r\n" not in text   # RFC 4180 line ends, no blank row
        rows = list(csv.reader(io.StringIO(text, newline="")))
        widths = {len(row) for row in rows}
        assert len(widths) == 1, widths   # every row as wide as the one header
        frame = pandas.read_csv(io.StringIO(text), keep_default_na=False)
        assert list(frame.columns) == rows[0]
        assert len(frame) == len(rows) - 1
        if expected_rows is not None:
            assert len(frame) == expected_rows
            texts = dict(zip(frame["learner"], frame["text"]))
            assert texts["learner_1"] == multiline
            top = RUBRIC.criteria[0]
            graded = frame[frame["learner"] == "learner_1"].iloc[0]
            assert graded[f"{top.id}:grader_level"] == top.levels[-1].label
            assert float(graded[f"{top.id}:grader_points"]) == top.max_points
        else:
            assert set(frame["criterion"]) <= {c.id for c in RUBRIC.criteria if c.is_automatic}


def test_an_instructor_comment_does_not_release_a_held_staff_grade(score_events):
    uuid = submit_as("learner_1")["uuid"]
    assert grade("staff_1", uuid, hold_staff_grades=True)["held"] is True
    ctx = ctx_for("instructor_1", hold_staff_grades=True)
    answer = api.save_assessment(ctx, uuid, levels={}, comments={}, overall_comment="Nice work.",
                                 expected_version=1, comment_only=True)
    assert answer["held"] is True and score_events == []
    assert api.learner_state(ctx_for("learner_1"))["score"] is None
    assert api.release(ctx, uuid) == {"released": 1}
    assert api.learner_state(ctx_for("learner_1"))["score"] is not None


def test_a_save_after_a_return_for_revision_is_refused_even_with_the_current_version():
    uuid = submit_as("learner_1")["uuid"]
    ctx = ctx_for("instructor_1", allow_resubmission=True)
    api.return_for_revision(ctx, uuid, comment="Make it shorter.")
    record = SubmissionRecord.objects.get(uuid=uuid)
    with pytest.raises(Conflict) as info:
        grade("instructor_1", uuid, record.version, allow_resubmission=True)
    assert "returned" in str(info.value.message)
    assert sub_api.get_score(ctx_for("learner_1").student_item()) is None
