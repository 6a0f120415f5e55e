"""
The feedback history as append-only rows in the grading app's tables (real workbench runtime,
real test database): what the learner view shows, what graders get at submit, the LMS's
"delete learner state", and learners whose history older versions kept in user_state.
"""
import json

import pytest

from disclosure_xblock.grading.drafts import MAX_ENTRIES
from disclosure_xblock.grading.learner import current_record
from disclosure_xblock.grading.models import FeedbackAllowance, FeedbackEntry

from .helpers import STRONG_DRAFT, Workbench, embedded_json

SCENARIO = "disclosure_exercise.0"


@pytest.fixture
def bench(workbench):
    return Workbench(SCENARIO)


def _state_row(user):
    from workbench.models import XBlockState

    return XBlockState.objects.get(scope="usage", user_id=user, tag="disclosure_exercise")


def _init(bench, user):
    return embedded_json(bench.view(user), "dx-init-")


def test_each_feedback_request_appends_a_row_and_the_state_row_stays_small(bench):
    drafts = [STRONG_DRAFT, STRONG_DRAFT + " I am here to listen.", STRONG_DRAFT + " Take your time."]
    for text in drafts:
        bench.json("get_feedback", "hist_1", {"text": text})
    rows = list(FeedbackEntry.objects.order_by("id").values_list("text", flat=True))
    assert rows == drafts
    init = _init(bench, "hist_1")
    assert [h["word_count"] for h in init["history"]] == [len(t.split()) for t in drafts]
    assert all("text" not in h for h in init["history"])
    assert init["draft"] == drafts[-1] and init["last_feedback_text"] == drafts[-1]
    assert init["feedback_requests_used"] == 3
    state = json.loads(_state_row("hist_1").state)
    assert "feedback_history" not in state and "attempts" not in state  # the count is in the table
    # Graders get the same history, read from the table when the learner submits.
    bench.json("submit", "hist_1", {"text": drafts[-1]})
    record = current_record(_ctx(bench, "hist_1"))
    assert [entry["text"] for entry in record.draft_history] == drafts


def _ctx(bench, user):
    from disclosure_xblock.grading.context import Identity, ItemContext
    from devserver.services import dev_anonymous_id

    return ItemContext.for_student_item(course_id=bench.course_id(), item_id=str(bench.usage_id),
                                        item_type="disclosure_exercise",
                                        identity=Identity(anonymous_id=dev_anonymous_id(user)))


def test_an_older_versions_user_state_history_is_kept_and_moved_to_the_table(bench):
    bench.json("save_draft", "legacy_1", {"text": "x"})  # creates the learner's state row
    row = _state_row("legacy_1")
    legacy = [{"at": f"2026-01-0{i + 1}T10:00:00.000+00:00", "text": f"old draft {i}", "word_count": 3,
               "score": 4, "max_score": 20, "levels": {}, "privacy_passed": True, "red_flags": []}
              for i in range(2)]
    row.state = json.dumps({**json.loads(row.state), "feedback_history": legacy, "attempts": 2})
    row.save()
    init = _init(bench, "legacy_1")
    assert [h["at"] for h in init["history"]] == [e["at"] for e in legacy]
    assert init["feedback_requests_used"] == 2
    # Their next request carries the count on and lands after the old entries; the list leaves
    # the state row, and copying it again (a racing request) duplicates nothing.
    answer = bench.json("get_feedback", "legacy_1", {"text": STRONG_DRAFT})
    assert answer["feedback_requests_used"] == 3
    texts = list(FeedbackEntry.objects.order_by("id").values_list("text", flat=True))
    assert texts == ["old draft 0", "old draft 1", STRONG_DRAFT]
    assert not json.loads(_state_row("legacy_1").state).get("feedback_history")
    from disclosure_xblock.grading.drafts import import_legacy

    import_legacy(_ctx(bench, "legacy_1"), legacy)
    assert FeedbackEntry.objects.count() == 3


def test_the_history_keeps_the_newest_entries_up_to_one_cap(bench, settings):
    from disclosure_xblock.grading import drafts

    ctx = _ctx(bench, "cap_1")
    for i in range(MAX_ENTRIES + 4):
        drafts.record(ctx, limit=0, state_attempts=0, attempts_zeroed=False, sync={}, text=f"draft {i}",
                      word_count=2, result={})
    history = drafts.history(ctx)
    assert len(history) == MAX_ENTRIES == FeedbackEntry.objects.count()
    assert history[0]["text"] == "draft 4" and history[-1]["text"] == f"draft {MAX_ENTRIES + 3}"


def test_delete_learner_state_removes_the_history_and_the_allowance(bench):
    from workbench.runtime import WorkbenchRuntime

    bench.json("get_feedback", "clear_1", {"text": STRONG_DRAFT})
    bench.json("get_feedback", "clear_2", {"text": STRONG_DRAFT})
    item = bench.student_item("clear_1")
    block = WorkbenchRuntime("instructor_1").get_block(bench.usage_id)
    block.clear_student_state(user_id=item["student_id"], course_id=item["course_id"],
                              item_id=item["item_id"], requesting_user_id="instructor_1")
    assert not FeedbackEntry.objects.filter(anonymous_id=item["student_id"]).exists()
    assert not FeedbackAllowance.objects.filter(anonymous_id=item["student_id"]).exists()
    assert FeedbackEntry.objects.count() == 1 == FeedbackAllowance.objects.count()  # clear_2 keeps theirs


def test_a_stale_request_after_a_used_reset_does_not_reset_again(bench):
    """The LMS writes a request's whole state snapshot back: one read after the reset but
    before another request used it carries the old marker; the epoch check refuses it."""
    from disclosure_xblock.grading import drafts

    ctx = _ctx(bench, "reset_1")
    for i in range(5):
        _entry, used, write = drafts.record(ctx, limit=5, state_attempts=0, attempts_zeroed=False, sync={},
                                            text="d", word_count=1, result={})
        assert (used, write) == (i + 1, None)  # ordinary requests write nothing to user_state
    with pytest.raises(drafts.LimitReached):
        drafts.record(ctx, limit=5, state_attempts=0, attempts_zeroed=False, sync={}, text="d",
                      word_count=1, result={})
    # The LMS's reset right after a grant waits for the quiet time (nothing written meanwhile).
    with pytest.raises(drafts.LimitReached):
        drafts.record(ctx, limit=5, state_attempts=0, attempts_zeroed=True, sync={}, text="d",
                      word_count=1, result={})
    FeedbackAllowance.objects.update(last_granted_at=None)  # the reset comes later
    assert drafts.used(ctx, state_attempts=0, attempts_zeroed=True, sync={}) == 0
    _entry, used, sync = drafts.record(ctx, limit=5, state_attempts=0, attempts_zeroed=True, sync={},
                                       text="d", word_count=1, result={})
    assert (used, sync) == (1, {"epoch": 1, "used": 1})
    FeedbackAllowance.objects.update(last_granted_at=None)
    # A stale snapshot (attempts 0, the old marker) asks again: counted in the new epoch, no
    # second reset, and the state is repaired.
    _entry, used, repair = drafts.record(ctx, limit=5, state_attempts=0, attempts_zeroed=True, sync={},
                                         text="d", word_count=1, result={})
    assert (used, repair) == (2, {"epoch": 1, "used": 2})
    # A brand-new learner's default 0 is not a reset.
    assert drafts.reset_pending(False, {"epoch": 0, "used": 3}) is None


def test_a_reset_from_before_the_tables_is_used_once(bench):
    """A state reset by the LMS before this version (explicit 0, no marker, no allowance row)."""
    from disclosure_xblock.grading import drafts

    ctx = _ctx(bench, "reset_2")
    _entry, used, sync = drafts.record(ctx, limit=5, state_attempts=0, attempts_zeroed=True, sync={},
                                       text="d", word_count=1, result={})
    assert (used, sync) == (1, {"epoch": 0, "used": 1})  # the mark is cleared at once
    FeedbackAllowance.objects.update(last_granted_at=None)
    _entry, used, sync = drafts.record(ctx, limit=5, state_attempts=1, attempts_zeroed=False, sync=sync,
                                       text="d", word_count=1, result={})
    assert (used, sync) == (2, None)


def test_a_stale_first_request_hint_still_counts_against_the_row(bench):
    """``started=False`` (the block's early read saw no allowance row) while a racing first
    request made it meanwhile: the direct INSERT fails as a whole and the request is counted
    against that row, never past the limit, and no entry is lost or doubled."""
    from disclosure_xblock.grading import drafts

    ctx = _ctx(bench, "hint_1")
    assert drafts.usage(ctx, state_attempts=0, attempts_zeroed=False, sync={}) == (0, False)
    for i in range(3):
        _entry, used, write = drafts.record(ctx, limit=3, state_attempts=0, attempts_zeroed=False, sync={},
                                            text=f"d{i}", word_count=1, result={}, started=False)
        assert (used, write) == (i + 1, None)
    with pytest.raises(drafts.LimitReached):
        drafts.record(ctx, limit=3, state_attempts=0, attempts_zeroed=False, sync={}, text="late",
                      word_count=1, result={}, started=False)
    assert drafts.usage(ctx, state_attempts=0, attempts_zeroed=False, sync={}) == (3, True)
    assert list(FeedbackEntry.objects.filter(anonymous_id=ctx.identity.anonymous_id)
                .order_by("id").values_list("text", flat=True)) == ["d0", "d1", "d2"]
