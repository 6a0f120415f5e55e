"""
The authorization matrix: every handler × {anonymous, learner, other learner, staff, instructor}.

Anonymous is the workbench's ``/unauth_handler/`` URL (the LMS's ``handler_noauth``: no user, no
CSRF); the others are dev users (``learner_1`` owns a submission, ``learner_2`` is another
learner, ``staff_1`` is course staff, ``instructor_1`` an instructor). Each case starts from the
same state: learner_1 has a draft, one feedback request and a submission.
"""
import json

import pytest
from submissions import api as submissions_api

from devserver.services import dev_anonymous_id
from disclosure_xblock.exercise import Exercise
from disclosure_xblock.scenarios import load_exercise
from tests.integration.helpers import STRONG_DRAFT, Workbench

pytestmark = pytest.mark.django_db(transaction=True)

OTHER_TEXT = STRONG_DRAFT.replace("What feels hardest", "What is hardest")
PRINCIPALS = ("anonymous", "learner", "other", "staff", "instructor")
USERS = {"learner": "learner_1", "other": "learner_2", "staff": "staff_1", "instructor": "instructor_1"}
ALL_OK = {"anonymous": 403, "learner": 200, "other": 200, "staff": 200, "instructor": 200}
STAFF_ONLY = {"anonymous": 403, "learner": 403, "other": 403, "staff": 200, "instructor": 200}
AUTHORS = {"anonymous": 403, "learner": 403, "other": 403, "staff": 200, "instructor": 200}


def _exercise_dict():
    data = load_exercise("anxiety-withdrawal").to_dict()
    data["allow_resubmission"] = True
    return data


# handler -> (body builder(uuid) -> dict, {principal: expected status})
MATRIX = {
    "save_draft": (lambda u: {"text": "a new draft"}, ALL_OK),
    "get_feedback": (lambda u: {"text": STRONG_DRAFT}, ALL_OK),
    # learner_1 already submitted another text: 409; everyone else submits their first.
    "submit": (lambda u: {"text": OTHER_TEXT}, {**ALL_OK, "learner": 409}),
    "learner_state": (lambda u: {}, ALL_OK),
    "staff_summary": (lambda u: {}, STAFF_ONLY),
    "staff_list": (lambda u: {}, STAFF_ONLY),
    "staff_detail": (lambda u: {"uuid": u}, STAFF_ONLY),
    "staff_claim": (lambda u: {"uuid": u}, STAFF_ONLY),
    "staff_save_assessment": (lambda u: {"uuid": u, "levels": None, "comments": {"brief": "ok"},
                                         "overall_comment": "ok"}, STAFF_ONLY),
    # Releasing held grades is for instructors only.
    "staff_release": (lambda u: {}, {**STAFF_ONLY, "staff": 403}),
    "staff_return": (lambda u: {"uuid": u, "comment": "Please revise."}, STAFF_ONLY),
    "staff_calibration": (lambda u: {}, STAFF_ONLY),
    "staff_cohort": (lambda u: {}, STAFF_ONLY),
    "studio_save": (lambda u: {"exercise": _exercise_dict()}, AUTHORS),
    "studio_try_draft": (lambda u: {"exercise": _exercise_dict(), "text": STRONG_DRAFT}, AUTHORS),
    "studio_library": (lambda u: {"key": "hopelessness"}, AUTHORS),
    "studio_export_olx": (lambda u: {"exercise": _exercise_dict()}, AUTHORS),
}


@pytest.fixture
def item(workbench):
    """An exercise (resubmission allowed) where learner_1 has drafted, asked and submitted."""
    olx = Exercise.from_dict(_exercise_dict()).to_olx_string()
    wb = Workbench.from_olx("authz", olx)
    wb.json("save_draft", "learner_1", {"text": STRONG_DRAFT})
    wb.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})
    submission = wb.json("submit", "learner_1", {"text": STRONG_DRAFT})["submission"]
    wb.uuid = submission["uuid"]
    return wb


def call(wb, principal, handler, body, method="post"):
    if principal == "anonymous":
        url = f"/unauth_handler/{wb.usage_id}/{handler}/"
        if method == "get":
            return wb.client.get(url)
        return wb.client.post(url, data=json.dumps(body), content_type="application/json")
    return wb.call(handler, USERS[principal], body, method=method)


def _levels(wb):
    detail = wb.json("staff_detail", "instructor_1", {"uuid": wb.uuid})
    return {c["id"]: 0 for c in detail["rubric"]}


@pytest.mark.parametrize("principal", PRINCIPALS)
@pytest.mark.parametrize("handler", sorted(MATRIX))
def test_matrix(item, handler, principal):
    build, expected = MATRIX[handler]
    body = build(item.uuid)
    if handler == "staff_save_assessment":
        body["levels"] = _levels(item)
    response = call(item, principal, handler, body)
    answer = json.loads(response.content or b"{}")
    assert response.status_code == expected[principal], (handler, principal, response.status_code, answer)
    assert response["Content-Type"].startswith("application/json")
    if response.status_code >= 400:
        assert isinstance(answer.get("error"), str) and answer["error"].strip()


@pytest.mark.parametrize("principal", PRINCIPALS)
def test_matrix_csv_export(item, principal):
    response = call(item, principal, "staff_export", {}, method="get")
    expected = STAFF_ONLY[principal]
    assert response.status_code == expected
    if expected == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert STRONG_DRAFT[:40].encode() in body
    else:
        assert STRONG_DRAFT[:40].encode() not in response.content


@pytest.mark.parametrize("handler", ["save_draft", "get_feedback", "submit", "learner_state"])
def test_learner_handlers_answer_405_to_get(item, handler):
    assert item.call(handler, "learner_1", method="get").status_code == 405


def test_non_staff_never_see_another_learners_data(item):
    """learner_2 names learner_1's submission and anonymous id every way a body could."""
    victim = dev_anonymous_id("learner_1")
    before = submissions_api.get_submissions(item.student_item("learner_1"))
    spoof = {"uuid": item.uuid, "submission_uuid": item.uuid, "anonymous_id": victim,
             "student_id": victim, "user_id": "learner_1", "username": "learner_1",
             "learner": "learner_1", "student": "learner_1"}
    for handler in ("learner_state", "save_draft", "get_feedback", "submit"):
        body = {**spoof, "text": OTHER_TEXT}
        response = item.call(handler, "learner_2", body)
        assert STRONG_DRAFT.encode() not in response.content, handler
        assert victim.encode() not in response.content, handler
    for handler in ("staff_detail", "staff_claim", "staff_save_assessment", "staff_return",
                    "staff_list", "staff_summary", "staff_release", "staff_calibration",
                    "staff_cohort"):
        response = item.call(handler, "learner_2", {**spoof, "levels": {}, "comment": "x"})
        assert response.status_code == 403, handler
        assert STRONG_DRAFT.encode() not in response.content
    # learner_1's draft, submission and (absent) score are untouched; learner_2 got their own.
    state = item.json("learner_state", "learner_1")
    assert state["draft"] == STRONG_DRAFT
    assert state["submission"]["uuid"] == item.uuid and state["submission"]["text"] == STRONG_DRAFT
    after = submissions_api.get_submissions(item.student_item("learner_1"))
    assert [s["uuid"] for s in after] == [s["uuid"] for s in before]
    assert submissions_api.get_score(item.student_item("learner_1")) is None
    own = submissions_api.get_submissions(item.student_item("learner_2"))
    assert len(own) == 1 and own[0]["answer"]["text"] == OTHER_TEXT


def test_learner_view_of_another_learner_shows_only_their_own_state(item):
    html = item.view("learner_2").content.decode()
    assert STRONG_DRAFT not in html and "dx-instructor" not in html


def test_staff_grading_a_learner_never_grades_the_grader(item):
    detail = item.json("staff_detail", "instructor_1", {"uuid": item.uuid})
    levels = {c["id"]: len(c["levels"]) - 1 for c in detail["rubric"]}
    item.json("staff_save_assessment", "instructor_1", {
        "uuid": item.uuid, "levels": levels, "comments": {}, "overall_comment": "",
        "expected_version": detail.get("version") or 0})
    assert submissions_api.get_score(item.student_item("learner_1")) is not None
    assert submissions_api.get_score(item.student_item("instructor_1")) is None
