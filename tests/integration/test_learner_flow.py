"""The learner's path through the real workbench runtime and the real edx-submissions tables."""
import json
import threading

import pytest
from django.db import connection
from submissions import api as submissions_api

from disclosure_xblock.scenarios import library_olx

from .helpers import STRONG_DRAFT, Workbench, embedded_json

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def anxiety(workbench):
    return Workbench("disclosure_exercise.0")


def auto_exercise(name, weight=None, **extra):
    mode = 'grading_mode="auto"' + (f' weight="{weight}"' if weight is not None else "")
    olx = library_olx("anxiety-withdrawal").replace('grading_mode="auto_and_instructor"', mode)
    for key, value in extra.items():
        olx = olx.replace(f'{key}="5"', f'{key}="{value}"')
    return Workbench.from_olx(name, olx)


def init_args(response):
    """The JSON the learner view embeds for its script."""
    return embedded_json(response, "dx-init-")


def test_learner_view_renders_scenario_prompt_and_empty_state(anxiety):
    response = anxiety.view("learner_1")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jamie has been on the unit for four days" in html
    args = init_args(response)
    assert args["draft"] == "" and args["submission"] is None and args["feedback_requests_used"] == 0
    assert [c["id"] for c in args["rubric"]][:2] == ["brief", "relevant"]
    assert args["is_staff"] is False
    assert "dx-instructor" not in html


def test_draft_is_autosaved_per_learner_and_restored_on_reload(anxiety):
    saved = anxiety.json("save_draft", "learner_1", {"text": "I remember feeling this way"})
    assert saved["word_count"] == 5 and saved["saved_at"]
    assert init_args(anxiety.view("learner_1"))["draft"] == "I remember feeling this way"
    assert init_args(anxiety.view("learner_2"))["draft"] == ""


def test_feedback_is_per_criterion_counts_against_the_limit_and_is_kept_in_history(anxiety):
    answer = anxiety.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})
    feedback = answer["feedback"]
    assert [c["id"] for c in feedback["criteria"]] == [
        "brief", "relevant", "resolved", "coping_hope", "patient_focus", "no_minimizing", "boundaries"]
    assert feedback["max_score"] == 20 and feedback["privacy"]["passed"]
    assert answer["feedback_requests_used"] == 1 and answer["feedback_requests_left"] == 4
    for _ in range(4):
        anxiety.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})
    refused = anxiety.json("get_feedback", "learner_1", {"text": STRONG_DRAFT}, expect=429)
    assert "5 feedback requests" in refused["error"]
    args = init_args(anxiety.view("learner_1"))
    assert len(args["history"]) == 5 and args["feedback_requests_used"] == 5
    assert "text" not in args["history"][0]  # the view gets scores, not every old draft
    assert args["draft"] == STRONG_DRAFT
    # A reload shows the latest feedback again, on the text it was given for.
    assert args["last_feedback"] == feedback and args["last_feedback_text"] == STRONG_DRAFT


@pytest.mark.parametrize("payload, status, fragment", [
    ({"text": ""}, 400, "Write your disclosure"),
    ({"text": "Too short to count."}, 400, "write at least 15"),
    ({"text": "word " * 121}, 400, "the limit is 120"),
    ({"text": "x" * 5001}, 400, "longer than 5000 characters"),
    ({"text": 42}, 400, "must be text"),
    ({}, 400, "must be text"),
])
def test_bad_submissions_are_refused_with_a_clear_message_and_store_nothing(anxiety, payload, status, fragment):
    answer = anxiety.json("submit", "learner_1", payload, expect=status)
    assert fragment in answer["error"]
    assert submissions_api.get_submissions(anxiety.student_item("learner_1")) == []


def test_malformed_requests_get_4xx(anxiety):
    assert anxiety.call("save_draft", "learner_1", raw="{not json").status_code == 400
    assert anxiety.call("save_draft", "learner_1", raw="[1, 2]").status_code == 400
    assert anxiety.call("save_draft", "learner_1", method="get").status_code == 405
    big = json.dumps({"text": "a" * 300_000})
    assert anxiety.call("save_draft", "learner_1", raw=big).status_code == 413
    assert init_args(anxiety.view("learner_1"))["draft"] == ""


def test_a_request_without_identity_is_refused(anxiety):
    response = anxiety.client.post(f"/unauth_handler/{anxiety.usage_id}/submit/",
                                   data=json.dumps({"text": STRONG_DRAFT}), content_type="application/json")
    assert response.status_code == 403
    assert "Sign in" in json.loads(response.content)["error"]


def test_privacy_gate_blocks_submit_and_stores_nothing(anxiety):
    text = STRONG_DRAFT + " Call me at 555-867-5309 after my shift."
    answer = anxiety.json("submit", "learner_1", {"text": text}, expect=400)
    assert "identifying details" in answer["error"]
    assert answer["feedback"]["privacy"]["passed"] is False
    assert submissions_api.get_submissions(anxiety.student_item("learner_1")) == []


def test_submit_stores_one_submission_with_rubric_snapshot_for_the_learners_anonymous_id(anxiety):
    anxiety.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})
    answer = anxiety.json("submit", "learner_1", {"text": STRONG_DRAFT})
    assert answer["submission"]["text"] == STRONG_DRAFT
    assert answer["exemplar"]  # show_exemplar="after_submit"
    stored = submissions_api.get_submissions(anxiety.student_item("learner_1"))
    assert len(stored) == 1
    assert stored[0]["answer"]["text"] == STRONG_DRAFT
    assert stored[0]["answer"]["rubric_version"] and stored[0]["answer"]["rubric"]["criteria"]
    # Instructor modes: no score until an instructor grades.
    assert submissions_api.get_score(anxiety.student_item("learner_1")) is None
    # A repeated click with the same text answers the same submission; other text is refused.
    again = anxiety.json("submit", "learner_1", {"text": STRONG_DRAFT})
    assert again["submission"]["uuid"] == answer["submission"]["uuid"]
    changed = anxiety.json("submit", "learner_1", {"text": STRONG_DRAFT + " Take care."}, expect=409)
    assert changed["error"]
    assert len(submissions_api.get_submissions(anxiety.student_item("learner_1"))) == 1
    args = init_args(anxiety.view("learner_1"))
    assert args["submission"]["status"] == "submitted" and args["exemplar"]


@pytest.mark.skipif(connection.vendor == "sqlite",
                    reason="the in-memory SQLite test database locks whole tables; this runs on MariaDB, "
                           "and tests/integration/test_concurrency.py races a live server on SQLite")
def test_concurrent_double_submit_makes_one_submission(anxiety):
    _concurrent_submit(anxiety)


def _concurrent_submit(anxiety):
    # The workbench's own state store races on a learner's first row (a dev-server limit, not
    # ours), so the learner has state before the double click.
    anxiety.json("save_draft", "learner_3", {"text": STRONG_DRAFT})
    codes, uuids = [], set()

    def post():
        response = anxiety.call("submit", "learner_3", {"text": STRONG_DRAFT})
        codes.append(response.status_code)
        if response.status_code == 200:
            uuids.add(json.loads(response.content)["submission"]["uuid"])
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 200 in codes and set(codes) <= {200, 409}, codes
    assert len(submissions_api.get_submissions(anxiety.student_item("learner_3"))) == 1
    assert len(uuids) == 1


def test_auto_mode_scores_on_submit_for_the_learner_with_weight(workbench):
    bench = auto_exercise("dx-auto-weighted", weight="4.0")
    answer = bench.json("submit", "learner_1", {"text": STRONG_DRAFT})
    auto = answer["feedback"]
    score = submissions_api.get_score(bench.student_item("learner_1"))
    assert score is not None
    # Submissions scores are already weighted: the learner's fraction of the rubric, times weight.
    assert score["points_possible"] == 4
    # edx-submissions keeps whole points: the weighted fraction is rounded half up.
    assert score["points_earned"] == int(auto["score"] / auto["max_score"] * 4 + 0.5)
    state = init_args(bench.view("learner_1"))["submission"]
    assert state["score"] is not None
    assert submissions_api.get_score(bench.student_item("learner_2")) is None


def test_auto_mode_without_weight_scores_in_rubric_points(workbench):
    bench = auto_exercise("dx-auto-raw")
    auto = bench.json("submit", "learner_1", {"text": STRONG_DRAFT})["feedback"]
    score = submissions_api.get_score(bench.student_item("learner_1"))
    assert score["points_possible"] == 20 and score["points_earned"] == int(auto["score"] + 0.5)


def test_clear_student_state_removes_submission_and_score_so_the_learner_can_start_over(workbench):
    from workbench.runtime import WorkbenchRuntime

    bench = auto_exercise("dx-auto-clear")
    bench.json("submit", "learner_1", {"text": STRONG_DRAFT})
    item = bench.student_item("learner_1")
    assert submissions_api.get_score(item) is not None
    block = WorkbenchRuntime("instructor_1").get_block(bench.usage_id)
    block.clear_student_state(user_id=item["student_id"], course_id=item["course_id"],
                              item_id=item["item_id"], requesting_user_id="instructor_1")
    assert submissions_api.get_score(item) is None
    assert init_args(bench.view("learner_1"))["submission"] is None
    bench.json("submit", "learner_1", {"text": STRONG_DRAFT})
    assert submissions_api.get_score(item) is not None


STAFF_HANDLERS = ["staff_summary", "staff_list", "staff_detail", "staff_claim", "staff_save_assessment",
                  "staff_release", "staff_return", "staff_calibration", "staff_cohort"]


@pytest.mark.parametrize("handler", STAFF_HANDLERS)
def test_a_learner_calling_a_staff_handler_gets_403(anxiety, handler):
    answer = anxiety.json(handler, "learner_1", {"uuid": "x"}, expect=403)
    assert "staff" in answer["error"]


def test_a_learner_cannot_export(anxiety):
    assert anxiety.call("staff_export", "learner_1", method="get").status_code == 403


def test_the_newest_text_wins_between_autosave_and_feedback(anxiety):
    anxiety.json("save_draft", "learner_4", {"text": "first autosaved text"})
    anxiety.json("get_feedback", "learner_4", {"text": STRONG_DRAFT})
    assert init_args(anxiety.view("learner_4"))["draft"] == STRONG_DRAFT
    anxiety.json("save_draft", "learner_4", {"text": STRONG_DRAFT + " Later edit."})
    args = init_args(anxiety.view("learner_4"))
    assert args["draft"] == STRONG_DRAFT + " Later edit."
    assert args["last_feedback_text"] == STRONG_DRAFT


def test_the_submitted_text_is_the_draft_until_a_newer_autosave(anxiety):
    """Submit writes nothing to user_state: the view takes the submitted text as the draft."""
    anxiety.json("save_draft", "learner_5", {"text": "an older autosaved text"})
    anxiety.json("submit", "learner_5", {"text": STRONG_DRAFT})
    assert anxiety.json("learner_state", "learner_5")["draft"] == STRONG_DRAFT
    anxiety.json("save_draft", "learner_5", {"text": STRONG_DRAFT + " Revised."})
    assert init_args(anxiety.view("learner_5"))["draft"] == STRONG_DRAFT + " Revised."
