"""Safety red flags end to end: the learner's support message and the instructor's queue."""
import json

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.grading import api
from disclosure_xblock.scenarios import library_olx

from .grading_fixtures import RUBRIC, ctx_for, feedback, submit_as
from .helpers import Workbench

pytestmark = pytest.mark.django_db(transaction=True)

SELF_HARM = ("When I was younger I used to hurt myself on purpose when things felt too big. "
             "Talking to someone helped, and it got easier. What has been hardest for you, Jamie?")
CONTACT = ("I used to feel anxious around groups too, and slow breathing helped over time. "
           "Text me at 555-123-4567 if you want. What feels hardest for you, Jamie?")


@pytest.fixture
def anxiety(workbench):
    return Workbench("disclosure_exercise.0")


def test_a_self_harm_draft_gets_the_default_support_message_in_the_learners_language(anxiety):
    answer = anxiety.json("get_feedback", "learner_1", {"text": SELF_HARM})
    assert [f["kind"] for f in answer["feedback"]["red_flags"]] == ["self_harm"]
    assert "Employee Assistance Program" in answer["feedback"]["support_message"]
    spanish_body = anxiety.client.post(
        f"/handler/{anxiety.usage_id}/get_feedback/?student=learner_2",
        data=json.dumps({"text": SELF_HARM}), content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="es").json()
    assert "Programa de Asistencia al Empleado" in spanish_body["feedback"]["support_message"]


def test_no_support_message_for_contact_flags_or_clean_drafts(anxiety):
    answer = anxiety.json("get_feedback", "learner_1", {"text": CONTACT})
    assert "contact_details" in [f["kind"] for f in answer["feedback"]["red_flags"]]
    assert "support_message" not in answer["feedback"]


def test_the_designers_support_message_is_shown_after_submit_and_on_reload(workbench):
    olx = library_olx("anxiety-withdrawal").replace(
        "</disclosure_exercise>",
        "<support_message>Call the staff wellbeing line on extension 4040.</support_message>"
        "</disclosure_exercise>")
    wb = Workbench.from_olx("safety_custom_support", olx)
    wb.json("get_feedback", "learner_1", {"text": SELF_HARM})
    answer = wb.json("submit", "learner_1", {"text": SELF_HARM})
    assert answer["feedback"]["support_message"] == "Call the staff wellbeing line on extension 4040."
    html = wb.view("learner_1").content.decode()
    assert "Call the staff wellbeing line on extension 4040." in html  # last feedback, embedded
    # The flag reached the instructor's queue, by kind and in words.
    item = wb.json("staff_list", "instructor_1", {"page": 1})["items"][0]
    assert item["red_flags"] == ["self_harm"] and item["red_flag_labels"] == ["Self-harm"]
    detail = wb.json("staff_detail", "instructor_1", {"uuid": item["uuid"]})
    flag = detail["red_flag_details"][0]
    assert flag["label"] == "Self-harm" and "hurt myself" in " ".join(flag["evidence"])


def test_old_records_read_self_harm_as_self_harm_or_suicide():
    # Stored before flag scheme 2: no "flag_scheme" key, and "self_harm" covered suicide too.
    old = feedback(flags=["self_harm"])
    assert "flag_scheme" not in old
    old_uuid = submit_as("learner_1", fb=old)["uuid"]
    new = evaluate("My brother took his own life, and I still miss him every day.", RUBRIC).to_dict()
    new_uuid = submit_as("learner_2", fb=new)["uuid"]
    ctx = ctx_for("instructor_1")
    labels = {item["uuid"]: item["red_flag_labels"] for item in api.list_submissions(ctx)["items"]}
    assert labels[old_uuid] == ["Self-harm or suicide"]
    assert labels[new_uuid] == ["Suicide"]
    assert api.submission_detail(ctx, old_uuid)["red_flag_details"][0]["label"] == "Self-harm or suicide"
