"""Every JSON handler checks its body's declared shape: a wrong type is a 400 naming the field.

Each case here answered 500 (TypeError: unhashable type) before the schema layer.
"""
import copy
import json

import pytest

from disclosure_xblock import schema
from disclosure_xblock.block import DisclosureXBlock
from disclosure_xblock.scenarios import library_olx

from .helpers import STRONG_DRAFT, Workbench
from .test_studio_handlers import saved_exercise

pytestmark = pytest.mark.django_db(transaction=True)

STAFF = "instructor_1"


@pytest.fixture
def block(workbench, request):
    wb = Workbench.from_olx(f"schema_{request.node.name[:40]}", library_olx("anxiety-withdrawal"))
    wb.uuid = wb.json("submit", "learner_1", {"text": STRONG_DRAFT})["submission"]["uuid"]
    return wb


def test_every_json_handler_declares_its_body():
    handlers = [name for name in dir(DisclosureXBlock)
                if getattr(getattr(DisclosureXBlock, name), "_is_xblock_handler", False)]
    assert len(handlers) >= 16
    undeclared = [name for name in handlers if name != "staff_export"  # a GET download, no body
                  and not isinstance(getattr(getattr(DisclosureXBlock, name), "body_schema", None), schema.Body)]
    assert undeclared == []


def refused(block, handler, body, field, who=STAFF):
    response = block.call(handler, who, body)
    assert response.status_code == 400, (handler, body, response.status_code, response.content[:300])
    answer = json.loads(response.content)
    assert answer["field"] == field, answer
    assert field in answer["error"], answer
    return answer


@pytest.mark.parametrize("handler", ["staff_list", "staff_detail"])
@pytest.mark.parametrize("sort", [["-submitted_at"], {"by": "learner"}])
def test_sort_of_the_wrong_type(block, handler, sort):
    answer = refused(block, handler, {"uuid": block.uuid, "sort": sort}, "sort")
    assert answer["error"] == "sort must be text."


@pytest.mark.parametrize("handler, body, field", [
    ("staff_list", {"status": ["waiting"]}, "status"),
    ("staff_list", {"page": "2"}, "page"),
    ("staff_list", {"flagged": "yes"}, "flagged"),
    ("staff_claim", {"uuid": ["x"]}, "uuid"),
    ("staff_save_assessment", {"levels": {"brief": [2]}}, "levels.brief"),
    ("staff_save_assessment", {"comments": {"brief": {"a": 1}}}, "comments.brief"),
    ("staff_save_assessment", {"levels": ["brief"]}, "levels"),
    ("staff_return", {"comment": 5}, "comment"),
    ("studio_library", {"preset": ["appropriate-self-disclosure"]}, "preset"),
    ("studio_library", {"key": {"k": 1}}, "key"),
])
def test_staff_and_library_bodies(block, handler, body, field):
    refused(block, handler, {"uuid": block.uuid, **body} if handler.startswith("staff") else body, field)


def test_learner_draft_of_the_wrong_type(block):
    before = block.json("learner_state", "learner_2")
    answer = refused(block, "get_feedback", {"text": ["I felt anxious too."]}, "text", who="learner_2")
    assert answer["error"] == "The draft must be text."  # the learner knows it as the draft
    assert block.json("learner_state", "learner_2") == before  # no feedback request was counted


@pytest.mark.parametrize("handler", ["studio_save", "studio_export_olx", "studio_try_draft"])
@pytest.mark.parametrize("where, value, field, editor_input", [
    (("rubric", "preset"), ["appropriate-self-disclosure"], "exercise.rubric.preset", "rubric"),
    (("rubric", "criteria", 0, "checks", 0, "type"), ["word_count"],
     "exercise.rubric.criteria.0.checks.0.type", "criteria.0.checks.0.type"),
    (("rubric", "criteria", 1, "checks", 0, "type"), {"t": "detector"},
     "exercise.rubric.criteria.1.checks.0.type", "criteria.1.checks.0.type"),
    (("rubric", "criteria", 0, "checks", 0, "params", "met_min"), [15],
     "exercise.rubric.criteria.0.checks.0.params.met_min", "criteria.0.checks.0.met_min"),
    (("rubric", "criteria", 0, "levels", 1, "label"), {"en": "Partly"},
     "exercise.rubric.criteria.0.levels.1.label", "criteria.0.levels.1.label"),
    (("rubric", "criteria", 2), None, "exercise.rubric.criteria.2", "criteria.2"),
    (("scenario", "prompt"), ["Write"], "exercise.scenario.prompt", "scenario.prompt"),
    (("scenario", "keywords"), [["anxious"]], "exercise.scenario.keywords.0", "scenario.keywords.0"),
    (("display_name",), {"x": 1}, "exercise.display_name", "display_name"),
    (("min_words",), [15], "exercise.min_words", "min_words"),
    (("rubric",), "appropriate-self-disclosure", "exercise.rubric", "rubric"),
])
def test_nested_authoring_payloads(block, handler, where, value, field, editor_input):
    original = saved_exercise(block)
    exercise = copy.deepcopy(original)
    exercise["display_name"] = "Changed, but refused"
    target = exercise
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    answer = refused(block, handler, {"exercise": exercise, "text": STRONG_DRAFT}, field)
    assert answer["errors"] == [{"field": field, "input": editor_input, "message": answer["error"]}]
    assert saved_exercise(block) == original  # nothing was saved
