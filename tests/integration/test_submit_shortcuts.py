"""
Submit's shortcuts (issue 11, item 8) keep what submit guarantees.

- The learner's edx-submissions student item is made by one INSERT that skips a duplicate,
  before ``create_submission`` (which then reads it instead of validating and creating it): the
  submission must hang on that item, an item that exists must be reused, and values too wide for
  its columns must still be refused, not stored.
- The hot reads (the latest record, the newest history entries, the feedback allowance) run SQL
  compiled once (grading/compiled.py): they must give the same rows as the ORM, bind each value
  to its own column, and stay right after the first call.
"""
import pytest
from submissions import api as sub_api
from submissions.models import StudentItem, Submission

from disclosure_xblock.grading import api, drafts, learner
from disclosure_xblock.grading.errors import GradingError
from disclosure_xblock.grading.models import FeedbackAllowance, FeedbackEntry, SubmissionRecord

from .grading_fixtures import ctx_for, submit_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_first_submit_makes_the_student_item_its_submission_hangs_on():
    state = submit_as("learner_1")
    item = ctx_for("learner_1").student_item()
    assert list(StudentItem.objects.values("student_id", "course_id", "item_id", "item_type")) == [item]
    assert [s["uuid"] for s in sub_api.get_submissions(item)] == [state["uuid"]]
    assert Submission.objects.get(uuid=state["uuid"]).student_item == StudentItem.objects.get()
    assert SubmissionRecord.objects.get().uuid == state["uuid"]


def test_submit_reuses_a_student_item_that_already_exists():
    existing = StudentItem.objects.create(**ctx_for("learner_1").student_item())
    state = submit_as("learner_1")
    assert StudentItem.objects.count() == 1
    assert Submission.objects.get(uuid=state["uuid"]).student_item_id == existing.pk


def test_values_too_wide_for_the_student_item_are_refused_not_stored():
    # item_type is 100 characters in edx-submissions (our record does not keep it): the shortcut
    # must leave such a value to create_submission's validation, which refuses it.
    with pytest.raises(GradingError) as raised:
        submit_as("learner_1", item_type="x" * 101)
    assert raised.value.status == 503
    assert not StudentItem.objects.exists() and not Submission.objects.exists()
    assert not SubmissionRecord.objects.exists()  # the whole submit rolled back


def test_compiled_record_read_gives_the_orm_record_of_its_own_learner_and_item():
    submit_as("learner_1")
    submit_as("learner_2")
    submit_as("learner_1", item_id="block-v1:other+type@disclosure_exercise+block@ex2")
    for user, overrides in (("learner_1", {}), ("learner_2", {}),
                            ("learner_1", {"item_id": "block-v1:other+type@disclosure_exercise+block@ex2"})):
        ctx = ctx_for(user, **overrides)
        fast = learner.current_record(ctx, with_released=False)
        orm = SubmissionRecord.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id,
                                              anonymous_id=ctx.identity.anonymous_id).get()
        assert fast.pk == orm.pk
        assert {f.attname: getattr(fast, f.attname) for f in SubmissionRecord._meta.concrete_fields} == \
            {f.attname: getattr(orm, f.attname) for f in SubmissionRecord._meta.concrete_fields}
    assert learner.current_record(ctx_for("learner_3"), with_released=False) is None


def test_compiled_history_and_allowance_reads_match_the_tables():
    ctx = ctx_for("learner_1")
    state = {"state_attempts": 0, "attempts_zeroed": False, "sync": None}
    assert api.feedback_usage(ctx, **state) == (0, False)
    for n in range(drafts.MAX_ENTRIES + 2):
        api.record_feedback(ctx, limit=0, **state, text=f"draft {n}", word_count=2,
                            result={"score": n, "max_score": 9, "levels": {"a": 1}}, started=n > 0)
    api.record_feedback(ctx_for("learner_2"), limit=0, **state, text="other", word_count=1,
                        result={"score": 0}, started=False)
    history = api.feedback_history(ctx)
    newest = list(FeedbackEntry.objects.filter(anonymous_id=ctx.identity.anonymous_id).order_by("id"))
    assert [h["text"] for h in history] == [e.text for e in newest][-drafts.MAX_ENTRIES:]
    assert [h["text"] for h in history][-1] == f"draft {drafts.MAX_ENTRIES + 1}"
    assert history[-1]["score"] == drafts.MAX_ENTRIES + 1 and history[-1]["levels"] == {"a": 1}
    assert history[-1]["at"] == drafts.format_at(newest[-1].created_at)
    used = FeedbackAllowance.objects.get(anonymous_id=ctx.identity.anonymous_id).used
    assert api.feedback_usage(ctx, **state) == (used, True) == (drafts.MAX_ENTRIES + 2, True)
    assert api.feedback_usage(ctx_for("learner_2"), **state) == (1, True)


def test_compiled_record_read_takes_the_latest_attempt():
    uuid = submit_as("learner_1")["uuid"]
    api.return_for_revision(ctx_for("instructor_1", allow_resubmission=True), uuid, comment="Again")
    second = submit_as("learner_1", text="A new and better version of my short disclosure here.")
    record = learner.current_record(ctx_for("learner_1"), with_released=False)
    assert (record.attempt, record.uuid, record.is_current) == (2, second["uuid"], True)


def test_a_compiled_read_refuses_a_build_that_drops_a_parameter_and_keeps_constants():
    from disclosure_xblock.grading.compiled import Compiled

    dropped = Compiled("test_dropped", SubmissionRecord, ("course_id", "item_id"),
                       lambda **key: SubmissionRecord.objects.filter(course_id=key["course_id"])[:1])
    with pytest.raises(ValueError):
        dropped.models(course_id="c", item_id="i")
    submit_as("learner_1")
    current = Compiled("test_current", SubmissionRecord, ("anonymous_id",), lambda **key: (
        SubmissionRecord.objects.filter(**key, is_current=True).values_list("attempt", "is_current")))
    anonymous_id = ctx_for("learner_1").identity.anonymous_id
    assert [tuple(row) for row in current.rows(anonymous_id=anonymous_id)] in ([(1, True)], [(1, 1)])
    assert current.rows(anonymous_id="nobody") in ([], ())
