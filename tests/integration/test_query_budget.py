"""
How many SQL statements a learner's feedback and submit round trips send (real workbench runtime,
real edx-submissions tables), so that a change adding queries to the hot paths fails here rather
than slipping into the peer comparison (benchmarks/peer_comparison.py) unnoticed. The counts are
pinned, not capped: a change that saves a statement updates them here (and says why it is safe).

The workbench's own field store reads and writes one state row per field access; the LMS reads
a learner's row once per request. So the budgets count the statements on every other table (the
grading app's, edx-submissions', savepoints), and separately require that neither handler writes
the learner's state row: the feedback count and history live in the grading app's tables, and
submit stores nothing in user_state.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from disclosure_xblock.grading.models import FeedbackEntry, SubmissionRecord

from .helpers import STRONG_DRAFT, Workbench

SCENARIO = "disclosure_exercise.0"


def _state_table():
    """The state table's name as the database quotes it ("…" on SQLite, `…` on MySQL)."""
    return connection.ops.quote_name("workbench_xblockstate")

# Statements on tables other than the workbench's state table, per round trip (inside the test's
# transaction, so atomic blocks show as SAVEPOINT / RELEASE SAVEPOINT, each counted).
FIRST_FEEDBACK = 5    # allowance read; savepoint, allowance INSERT, entry INSERT, release
LATER_FEEDBACK = 6    # allowance read; savepoint, conditional UPDATE, entry INSERT, count read, release
# Submit: record and history reads; savepoint, record INSERT, the student item's INSERT-or-skip,
# create_submission's 3 (the item by key, the item by pk, the submission INSERT), uuid UPDATE, release.
FIRST_SUBMIT = 10
REPEAT_SUBMIT = 1     # the record read: a double click answers from the record


@pytest.fixture
def bench(workbench):
    bench = Workbench(SCENARIO)
    assert bench.view("budget_warmup").status_code == 200
    return bench


def _round_trip(bench, handler, user, text):
    with CaptureQueriesContext(connection) as captured:
        response = bench.call(handler, user, {"text": text})
    assert response.status_code == 200, response.content[:300]
    sql = [query["sql"] for query in captured.captured_queries]
    state_writes = [s for s in sql if _state_table() in s and s.lstrip().upper().startswith(("UPDATE", "DELETE"))]
    return _without_state_statements(sql), state_writes


def _without_state_statements(sql):
    """``sql`` without the state table's statements and the savepoints that wrapped only them
    (the workbench's get_or_create of a learner's first state row)."""
    out, table = [], _state_table()
    for statement in sql:
        if table in statement:
            continue
        if statement.startswith("RELEASE SAVEPOINT") and out and out[-1] == statement[len("RELEASE "):]:
            out.pop()
            continue
        out.append(statement)
    return out


def test_feedback_round_trips_stay_within_their_query_budget(bench):
    first, first_writes = _round_trip(bench, "get_feedback", "budget_1", STRONG_DRAFT)
    later, later_writes = _round_trip(bench, "get_feedback", "budget_1", STRONG_DRAFT + " Take your time.")
    assert len(first) == FIRST_FEEDBACK, "\n".join(first)
    assert len(later) == LATER_FEEDBACK, "\n".join(later)
    assert first_writes == [] and later_writes == []  # no user_state write for an ordinary request
    assert FeedbackEntry.objects.count() == 2  # and the work was done


def test_submit_round_trips_stay_within_their_query_budget(bench):
    _round_trip(bench, "get_feedback", "budget_2", STRONG_DRAFT)
    after_feedback, writes = _round_trip(bench, "submit", "budget_2", STRONG_DRAFT)
    fresh, fresh_writes = _round_trip(bench, "submit", "budget_3", STRONG_DRAFT)
    repeat, repeat_writes = _round_trip(bench, "submit", "budget_3", STRONG_DRAFT)
    assert len(after_feedback) == FIRST_SUBMIT, "\n".join(after_feedback)
    assert len(fresh) == FIRST_SUBMIT, "\n".join(fresh)
    assert len(repeat) == REPEAT_SUBMIT, "\n".join(repeat)
    assert writes == [] and fresh_writes == [] and repeat_writes == []
    # Exactly once, with the history graders get, however few statements it took.
    records = SubmissionRecord.objects.filter(anonymous_id__in=[
        bench.student_item(user)["student_id"] for user in ("budget_2", "budget_3")])
    assert records.count() == 2
    assert [len(r.draft_history) for r in records.order_by("id")] == [1, 0]
