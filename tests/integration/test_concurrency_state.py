"""
Counting, appending and releasing under real concurrency: a live gunicorn server (2 processes ×
8 threads) on a fresh SQLite file in WAL mode, or a fresh MariaDB database when the suite runs
with DISCLOSURE_DB_ENGINE=mysql (see test_concurrency.py). Requests are fired at the same
instant from separate HTTP sessions, as a hostile learner's scripts or two graders would.

- the feedback limit holds however many requests race, and the LMS's "reset attempts" (which
  sets the user_state field ``attempts`` to 0) gives exactly the limit back;
- autosave, feedback and submit racing each other lose no feedback entry and answer no 500;
- "release all" racing other releases and a grader's saves answers no 500 and releases every
  held grade exactly once.
"""
import importlib.util
import json
import os
import threading
import time
from pathlib import Path

import pytest
import requests

from devserver.services import dev_anonymous_id
from tests.integration.helpers import STRONG_DRAFT

LOAD_TEST = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"
LIMIT = 5


def _load_test_module():
    spec = importlib.util.spec_from_file_location("disclosure_load_test_state", LOAD_TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def live():
    pytest.importorskip("gunicorn")
    load = _load_test_module()
    engine = "mysql" if os.environ.get("DISCLOSURE_DB_ENGINE") == "mysql" else "sqlite"
    db = load.Database(engine, label="state").create()
    server = load.Server(db, workers=2, threads=8)
    try:
        server.start()
        usage_id = load.find_usage_id(server.url)
        yield Live(load, db, server, usage_id)
    finally:
        server.stop()
        db.drop()


class Live:
    def __init__(self, load, db, server, usage_id):
        self.load, self.db, self.server, self.usage_id = load, db, server, usage_id

    def client(self, user):
        return self.load.Client(self.server.url, self.usage_id, user, self.load.Recorder())

    def burst(self, calls):
        """Run ``[(user, handler, body)]`` at the same instant, one session each; answers in order."""
        clients = [self.client(user) for user, _handler, _body in calls]
        for client in clients:
            client.csrf()  # each session has its cookie before the gate opens
            # and a fresh connection: gunicorn closes idle keep-alive connections after 2 s.
            client.session.close()
        gate = threading.Barrier(len(calls))
        answers = [None] * len(calls)

        def one(index, client, handler, body):
            gate.wait()
            try:
                answers[index] = client.call(handler, body)
            except requests.RequestException as exc:
                answers[index] = exc

        threads = [threading.Thread(target=one, args=(i, clients[i], handler, body))
                   for i, (_user, handler, body) in enumerate(calls)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        failed = [a for a in answers if not isinstance(a, requests.Response)]
        assert not failed, failed
        return answers

    def call(self, user, handler, body=None, expect=200):
        response = self.client(user).call(handler, body or {})
        assert response.status_code == expect, (handler, response.status_code, response.text[:300])
        return response.json()

    def user_state(self, user):
        """The learner's user_state row, as the workbench stores it (scope "usage")."""
        rows = self.db.query("SELECT id, state FROM workbench_xblockstate WHERE scope = ? AND user_id = ? "
                             "AND tag = ?", ("usage", user, "disclosure_exercise"))
        assert len(rows) == 1, rows
        return rows[0][0], json.loads(rows[0][1])

    def lms_reset_attempts(self, user):
        """What the instructor dashboard's "reset attempts" does (edx-platform instructor/enrollment.py
        _reset_module_attempts): load the state JSON, set "attempts" to 0, save; nothing else."""
        row_id, state = self.user_state(user)
        state["attempts"] = 0
        assert self.db.execute("UPDATE workbench_xblockstate SET state = ? WHERE id = ?",
                               (json.dumps(state), row_id)) == 1

    def feedback_rows(self, user):
        return self.db.query("SELECT COUNT(*) FROM disclosure_grading_feedbackentry WHERE anonymous_id = ?",
                             (dev_anonymous_id(user),))[0][0]

    def server_errors(self):
        return self.server.errors()


def _statuses(answers):
    return sorted(a.status_code for a in answers)


def test_parallel_feedback_requests_never_pass_the_limit_and_an_lms_reset_gives_them_back(live):
    learner = "burst_learner"
    first = live.burst([(learner, "get_feedback", {"text": STRONG_DRAFT})] * 20)
    assert _statuses(first) == [200] * LIMIT + [429] * (20 - LIMIT), _statuses(first)
    from disclosure_xblock.grading.drafts import RESET_QUIET  # noqa: PLC0415
    used = sorted(a.json()["feedback_requests_used"] for a in first if a.status_code == 200)
    assert used == list(range(1, LIMIT + 1))  # each grant saw its own count
    second = live.burst([(learner, "get_feedback", {"text": STRONG_DRAFT})] * 10)
    assert _statuses(second) == [429] * 10
    state = live.call(learner, "learner_state")
    assert state["feedback_requests_used"] == LIMIT
    assert len(state["history"]) == LIMIT == live.feedback_rows(learner)

    time.sleep(RESET_QUIET.total_seconds())  # an instructor resets after the learner's requests
    live.lms_reset_attempts(learner)
    assert live.call(learner, "learner_state")["feedback_requests_used"] == 0
    # The first request after the reset uses it, then a burst still cannot pass the limit.
    assert live.call(learner, "get_feedback", {"text": STRONG_DRAFT})["feedback_requests_used"] == 1
    after_reset = live.burst([(learner, "get_feedback", {"text": STRONG_DRAFT})] * 20)
    assert _statuses(after_reset) == [200] * (LIMIT - 1) + [429] * (21 - LIMIT), _statuses(after_reset)
    state = live.call(learner, "learner_state")
    assert state["feedback_requests_used"] == LIMIT
    # A reset gives requests back; it never deletes what the learner already had.
    assert len(state["history"]) == 2 * LIMIT == live.feedback_rows(learner)
    # A second reset gives the limit back once more (the epoch moved on), and only once.
    time.sleep(RESET_QUIET.total_seconds())
    live.lms_reset_attempts(learner)
    assert live.call(learner, "get_feedback", {"text": STRONG_DRAFT})["feedback_requests_used"] == 1
    again = live.burst([(learner, "get_feedback", {"text": STRONG_DRAFT})] * 8)
    assert _statuses(again) == [200] * (LIMIT - 1) + [429] * (9 - LIMIT)
    assert live.db.query("SELECT used, epoch FROM disclosure_grading_feedbackallowance WHERE anonymous_id = ?",
                         (dev_anonymous_id(learner),)) == [(LIMIT, 2)]
    assert not live.server_errors()


def test_autosave_feedback_and_submit_racing_lose_no_feedback_entry(live):
    words = STRONG_DRAFT.split()
    for round_ in range(3):
        learner = f"racing_learner_{round_}"
        calls = ([(learner, "save_draft", {"text": " ".join(words[: 3 + i])}) for i in range(12)]
                 + [(learner, "get_feedback", {"text": STRONG_DRAFT})] * 4
                 + [(learner, "submit", {"text": STRONG_DRAFT})] * 4)
        answers = live.burst(calls)
        statuses = [a.status_code for a in answers]
        assert all(s < 500 for s in statuses), statuses
        assert statuses[:12] == [200] * 12
        assert statuses[12:16] == [200] * 4  # the limit is 5: every feedback request is answered
        assert statuses[16:] == [200] * 4    # one submission; the others are the same text
        state = live.call(learner, "learner_state")
        answered = {a.json()["history_entry"]["at"] for a in answers[12:16]}
        assert {entry["at"] for entry in state["history"]} == answered
        assert state["feedback_requests_used"] == 4 == live.feedback_rows(learner)
        assert state["submission"]["text"] == STRONG_DRAFT
        # The learner's state row holds the draft and a few numbers, never the history.
        _row, raw = live.user_state(learner)
        assert not raw.get("feedback_history")
        assert len(json.dumps(raw)) < len(STRONG_DRAFT) + 600, raw
    assert not live.server_errors()


def _studio_exercise(live):
    html = requests.get(f"{live.server.url}/scenario/{live.load.SCENARIO}/studio_view/?student=instructor_1",
                        timeout=60).text
    start = html.index('<script id="dx-studio-')
    start = html.index(">", start) + 1
    return json.loads(html[start:html.index("</script>", start)])


def test_release_all_racing_releases_and_grading_answers_no_500_and_releases_each_grade_once(live):
    exercise = _studio_exercise(live)
    exercise["hold_staff_grades"] = True
    live.call("instructor_1", "studio_save", {"exercise": exercise})
    learners = [f"held_learner_{i}" for i in range(12)]
    uuids = []
    for learner in learners:
        uuids.append(live.call(learner, "submit", {"text": STRONG_DRAFT})["submission"]["uuid"])

    def grade_body(uuid):
        detail = live.call("staff_1", "staff_detail", {"uuid": uuid})
        levels = {c["id"]: len(c["levels"]) - 1 for c in detail["rubric"]}
        return {"uuid": uuid, "levels": levels, "comments": {}, "overall_comment": "Held grade.",
                "expected_version": detail["version"]}

    for uuid in uuids[:6]:  # held: staff_1 is staff, not an instructor
        assert live.call("staff_1", "staff_save_assessment", grade_body(uuid))["held"] is True
    later = [grade_body(uuid) for uuid in uuids[6:]]
    calls = ([("instructor_1", "staff_release", {})] * 3 + [("instructor_2", "staff_release", {})] * 3
             + [("staff_1", "staff_save_assessment", body) for body in later])
    answers = live.burst(calls)
    statuses = [a.status_code for a in answers]
    assert statuses == [200] * len(calls), [(s, a.text[:200]) for s, a in zip(statuses, answers) if s != 200]
    released = sum(a.json()["released"] for a in answers[:6])
    assert 6 <= released <= 12  # the first six once each, plus any later grade saved before a release
    live.call("instructor_1", "staff_release", {})
    rows = live.db.query("SELECT held, released_assessment_id = latest_assessment_id, score_possible "
                         "FROM disclosure_grading_submissionrecord WHERE anonymous_id IN (%s)" %
                         ", ".join("?" * len(learners)), [dev_anonymous_id(name) for name in learners])
    assert len(rows) == 12
    assert all(not held and same and possible for held, same, possible in rows), rows
    scores = live.db.query(
        "SELECT si.student_id, COUNT(*) FROM submissions_score sc JOIN submissions_studentitem si "
        "ON sc.student_item_id = si.id WHERE sc.reset = 0 GROUP BY si.student_id")
    per_learner = dict(scores)
    assert all(per_learner.get(dev_anonymous_id(name)) == 1 for name in learners), per_learner
    assert not live.server_errors()
