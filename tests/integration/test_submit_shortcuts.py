"""
Submit's shortcuts (issue 11, item 8) keep what submit guarantees.

- The learner's edx-submissions student item is made by one INSERT that skips a duplicate,
  before ``create_submission`` (which then reads it instead of validating and creating it): the
  submission must hang on that item, an item that exists must be reused, and values too wide for
  its columns must still be refused, not stored.
"""
import pytest
from submissions import api as sub_api
from submissions.models import StudentItem, Submission

from disclosure_xblock.grading.errors import GradingError
from disclosure_xblock.grading.models import SubmissionRecord

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
