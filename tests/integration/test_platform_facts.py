"""What the LMS and Studio do that the stock workbench hides (issue 12, items 4-8).

Each fact is reproduced with the real workbench runtime and real tables, the way the platform
presents it: Studio's unit preview (every author has the anonymous id 'student', no staff flag;
the dev user ``studio_author``), the LMS's read-only authored fields (its LmsFieldData wraps
content and settings in XBlock's ReadOnlyFieldData), a handler the block does not have (the
runtime logs the block's repr), and a signed-in user who is not enrolled (``stranger_1``).
"""
import json
import logging

import pytest
from submissions.models import Score, StudentItem, Submission
from webob import Request
from workbench.models import XBlockState
from workbench.runtime import WorkbenchRuntime
from xblock.field_data import ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope

from disclosure_xblock.block import DisclosureXBlock
from disclosure_xblock.grading.models import SubmissionRecord
from disclosure_xblock.scenarios import library_olx

from .helpers import STRONG_DRAFT, Workbench, embedded_json

pytestmark = pytest.mark.django_db(transaction=True)

AUTHOR = "studio_author"     # anonymous id 'student', no staff flag: Studio's unit preview
STRANGER = "stranger_1"      # signed in, not enrolled
PREVIEW_NOTE = "submissions and grading run in the LMS"


@pytest.fixture
def bench(workbench, request):
    return Workbench.from_olx(f"facts_{request.node.name[:40]}", library_olx("anxiety-withdrawal"))


def written_rows(user):
    """Everything a learner's action can write: submissions, scores, grading rows, the user's
    block state. (The workbench's store creates an empty '{}' row when a field is merely read.)"""
    states = XBlockState.objects.filter(user_id=user).exclude(state="{}").order_by("pk")
    return (StudentItem.objects.count(), Submission.objects.count(), Score.objects.count(),
            SubmissionRecord.objects.count(), list(states.values("scope_id", "state")))


# --- 4. Studio shows author_view -------------------------------------------------------------

def studio_preview_view(block_class):
    # cms/djangoapps/contentstore/preview.py: AUTHOR_VIEW if the block has one, else STUDENT_VIEW.
    return "author_view" if getattr(block_class, "has_author_view", False) else "student_view"


def test_studio_renders_the_author_view_which_says_submitting_is_in_the_lms(bench):
    view = studio_preview_view(DisclosureXBlock)
    assert view == "author_view"
    response = bench.view(AUTHOR, view)
    assert response.status_code == 200
    assert PREVIEW_NOTE in response.content.decode()
    assert embedded_json(response, "dx-init-")["preview"] is True


# --- 5. the preview writes nothing -----------------------------------------------------------

def test_preview_as_studio_calls_it_writes_no_submission_score_grading_row_or_state(bench):
    before = written_rows(AUTHOR)
    # A runtime that previews with student_view gets the preview too.
    assert PREVIEW_NOTE in bench.view(AUTHOR).content.decode()

    feedback = bench.json("get_feedback", AUTHOR, {"text": STRONG_DRAFT})
    assert feedback["preview"] is True and feedback["feedback"]["criteria"]
    assert feedback["feedback_requests_used"] == 0
    for handler in ("submit", "save_draft", "learner_state"):
        response = bench.call(handler, AUTHOR, {"text": STRONG_DRAFT})
        assert response.status_code == 403, (handler, response.content)
        assert "preview" in json.loads(response.content)["error"]
    assert written_rows(AUTHOR) == before
    # The LMS's grading panel lists nothing for the preview's shared id.
    assert bench.json("staff_summary", "instructor_1", {})["submitted"] == 0


# --- 6. studio_save where authored fields are read-only --------------------------------------

def lms_block(usage_id, user):
    """The block as the LMS binds it: LmsFieldData's scopes, authored ones read-only."""
    runtime = WorkbenchRuntime(user)
    stored = runtime.get_block(usage_id)
    data = stored._field_data  # pylint: disable=protected-access
    authored = ReadOnlyFieldData(data)
    lms_field_data = SplitFieldData({
        Scope.content: authored, Scope.settings: authored, Scope.parent: authored,
        Scope.children: authored, Scope.user_state_summary: data, Scope.user_state: data,
        Scope.user_info: data, Scope.preferences: data,
    })
    return runtime, runtime.construct_xblock_from_class(DisclosureXBlock, stored.scope_ids,
                                                        field_data=lms_field_data)


def test_course_staff_saving_the_editor_inside_the_lms_get_a_clear_403(bench):
    editor = embedded_json(bench.view("instructor_1", "studio_view"), "dx-studio-")
    editor["display_name"] = "Edited from the LMS"
    runtime, block = lms_block(bench.usage_id, "instructor_1")
    request = Request.blank("/", method="POST", body=json.dumps({"exercise": editor}).encode(),
                            content_type="application/json")
    response = runtime.handle(block, "studio_save", request)  # the runtime saves after it, too
    assert response.status_code == 403
    assert "Studio" in json.loads(response.body)["error"]
    assert WorkbenchRuntime("instructor_1").get_block(bench.usage_id).display_name != "Edited from the LMS"
    # Where authored fields are writable (Studio, the workbench), the same edit saves.
    assert bench.json("studio_save", "instructor_1", {"exercise": editor})
    assert WorkbenchRuntime("instructor_1").get_block(bench.usage_id).display_name == "Edited from the LMS"


# --- 7. no learner text in the block's repr or any log line ----------------------------------

SECRET = "Zanzibar-quokka: when my brother was in hospital I felt anxious around groups too."


def test_learner_text_stays_out_of_the_repr_and_every_log_line(bench, caplog):
    caplog.set_level(logging.DEBUG)
    draft = f"{SECRET} Slow breathing and small steps helped me. What feels hardest for you, Jamie?"
    bench.json("save_draft", "learner_1", {"text": draft})
    bench.json("get_feedback", "learner_1", {"text": draft})
    bench.json("submit", "learner_1", {"text": draft})
    block = WorkbenchRuntime("learner_1").get_block(bench.usage_id)
    assert "Zanzibar" in block.draft  # the state really holds the text
    assert "Zanzibar" not in repr(block) and "Zanzibar" not in str(block)
    assert str(bench.usage_id) in repr(block)

    # An unknown handler: the runtime raises NoSuchHandlerError with the block's repr, and the
    # LMS logs it (Django logs the 500 with its traceback here).
    bench.client.raise_request_exception = False
    response = bench.call("no_such_handler", "learner_1", {})
    assert response.status_code >= 400
    assert any("no_such_handler" in (r.getMessage() + str(r.exc_info)) for r in caplog.records)
    assert "Zanzibar" not in caplog.text
    assert "Zanzibar" not in response.content.decode(errors="replace")


# --- 8. signed in but not enrolled -----------------------------------------------------------

def test_a_signed_in_user_who_is_not_enrolled_cannot_save_ask_or_submit(bench):
    before = written_rows(STRANGER)
    for handler in ("save_draft", "get_feedback", "submit", "learner_state"):
        response = bench.call(handler, STRANGER, {"text": STRONG_DRAFT})
        assert response.status_code == 403, (handler, response.content)
        assert "Enroll" in json.loads(response.content)["error"]
    assert written_rows(STRANGER) == before
    # An enrolled learner does all of it.
    assert bench.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})["feedback"]
    assert bench.json("submit", "learner_1", {"text": STRONG_DRAFT})["submission"]
