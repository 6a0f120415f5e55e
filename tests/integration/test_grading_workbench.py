"""End to end through the real workbench runtime: learner submits, instructor grades in the panel's
handlers, the score is stored for the learner (score_set with the learner's anonymous id), and
the learner's view shows it. A learner calling every staff handler gets 403 and changes nothing."""
import csv
import io

import pytest
from submissions import api as submissions_api

from devserver.services import dev_anonymous_id
from disclosure_xblock.grading.models import Assessment, SubmissionRecord

from .grading_fixtures import score_events  # noqa: F401
from .helpers import STRONG_DRAFT, Workbench

pytestmark = pytest.mark.django_db(transaction=True)

STAFF_HANDLERS = ["staff_summary", "staff_list", "staff_detail", "staff_claim",
                  "staff_save_assessment", "staff_release", "staff_return", "staff_calibration",
                  "staff_cohort"]


@pytest.fixture
def wb(workbench):
    return Workbench("disclosure_exercise.0")


def submit(wb, student):
    answer = wb.json("submit", student, {"text": STRONG_DRAFT})
    return answer["submission"]["uuid"]


def test_learner_submits_instructor_grades_learner_sees_it(wb, score_events):  # noqa: F811
    uuid = submit(wb, "learner_1")
    html = wb.view("instructor_1").content.decode()
    assert "dx-instructor" in html and "instructor_panel.js" in html
    assert "dx-instructor" not in wb.view("learner_1").content.decode()

    summary = wb.json("staff_summary", "instructor_1")
    assert summary["submitted"] == 1 and summary["waiting"] == 1 and summary["is_instructor"]
    listing = wb.json("staff_list", "instructor_1", {"page": 1})
    assert listing["items"][0]["uuid"] == uuid and listing["items"][0]["learner"] == "learner_1"
    detail = wb.json("staff_detail", "instructor_1", {"uuid": uuid})
    assert detail["text"] == STRONG_DRAFT
    wb.json("staff_claim", "instructor_1", {"uuid": uuid})
    levels = {c["id"]: len(c["levels"]) - 1 for c in detail["rubric"]}
    saved = wb.json("staff_save_assessment", "instructor_1", {
        "uuid": uuid, "levels": levels, "comments": {"brief": "<b>nice</b>"},
        "overall_comment": "Well done.", "expected_version": detail["version"]})
    assert saved["status"] == "graded"

    learner = dev_anonymous_id("learner_1")
    score = submissions_api.get_score(wb.student_item("learner_1"))
    assert score["points_earned"] == score["points_possible"] == 20   # no weight: rubric points, full marks
    assert submissions_api.get_scores(wb.course_id(), dev_anonymous_id("instructor_1")) == {}
    assert [e["anonymous_user_id"] for e in score_events] == [learner]

    state = wb.json("learner_state", "learner_1")["submission"]
    assert state["status"] == "graded" and state["score"] == {"earned": 20, "possible": 20}
    assert state["assessment"]["overall_comment"] == "Well done."

    # a stale save by the second instructor is refused with 409
    wb.json("staff_claim", "instructor_2", {"uuid": uuid, "take_over": True})
    wb.json("staff_save_assessment", "instructor_2", {
        "uuid": uuid, "levels": levels, "expected_version": 0}, expect=409)


def test_learner_calling_staff_handlers_gets_403_and_nothing_changes(wb):
    uuid = submit(wb, "learner_1")
    before = list(SubmissionRecord.objects.values()), list(Assessment.objects.values())
    payload = {"uuid": uuid, "levels": {"brief": 0}, "expected_version": 0, "take_over": True,
               "comment": "x"}
    for student in ("learner_1", "learner_2"):
        for handler in STAFF_HANDLERS:
            response = wb.call(handler, student, payload)
            assert response.status_code == 403, (handler, response.content)
        assert wb.call("staff_export", student, method="get").status_code == 403
    assert (list(SubmissionRecord.objects.values()), list(Assessment.objects.values())) == before
    assert submissions_api.get_score(wb.student_item("learner_1")) is None


def test_export_streams_csv(wb):
    submit(wb, "learner_1")
    response = wb.call("staff_export", "instructor_1", method="get")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content if response.streaming else [response.content])
    rows = list(csv.reader(io.StringIO(body.decode())))
    assert rows[0][0] == "learner" and rows[1][0] == "learner_1"
    assert "submissions.csv" in response["Content-Disposition"]
    calibration = wb.call("staff_export/calibration", "instructor_1", method="get")
    assert calibration.status_code == 200 and "calibration.csv" in calibration["Content-Disposition"]
    body = b"".join(calibration.streaming_content if calibration.streaming else [calibration.content])
    assert list(csv.reader(io.StringIO(body.decode())))[0][0] == "criterion"
    assert wb.call("staff_export/calibration", "learner_1", method="get").status_code == 403


def test_a_conflict_answer_keeps_who_holds_it_and_the_current_version(wb):
    # The panel names the holder and reloads to the current version from these fields.
    uuid = submit(wb, "learner_1")
    wb.json("staff_claim", "instructor_1", {"uuid": uuid})
    held = wb.json("staff_claim", "instructor_2", {"uuid": uuid}, expect=409)
    assert held["claimed_by"] == "instructor_1" and "instructor_1" in held["error"]

    detail = wb.json("staff_detail", "instructor_1", {"uuid": uuid})
    levels = {c["id"]: 0 for c in detail["rubric"]}
    wb.json("staff_save_assessment", "instructor_1", {
        "uuid": uuid, "levels": levels, "expected_version": detail["version"]})
    stale = wb.json("staff_save_assessment", "instructor_1", {
        "uuid": uuid, "levels": levels, "expected_version": detail["version"]}, expect=409)
    assert stale["current_version"] == detail["version"] + 1
