"""Studio authoring through the real workbench: the studio_* handlers, then what learners see."""
import copy
import json

import pytest
from lxml import etree

from disclosure_xblock.exercise import TAG, Exercise
from disclosure_xblock.rubric import DEFAULT_PRESET, load_preset
from disclosure_xblock.scenarios import library_olx, load_exercise

from .helpers import STRONG_DRAFT, Workbench, embedded_json

pytestmark = pytest.mark.django_db(transaction=True)

DESIGNER = "instructor_1"  # course staff: learners are refused (403)


@pytest.fixture
def exercise_block(workbench, request):
    """A fresh anxiety-withdrawal exercise of its own (the demo course stays untouched)."""
    return Workbench.from_olx(f"studio_{request.node.name[:40]}", library_olx("anxiety-withdrawal"))


def studio_data(response):
    """The exercise JSON studio_view embeds for the editor."""
    return embedded_json(response, "dx-studio-")


def learner_args(response):
    return embedded_json(response, "dx-init-")


def saved_exercise(block):
    """The block's fields as the editor reads them back."""
    return studio_data(block.view(DESIGNER, "studio_view"))


def block_olx(block):
    """What a course export writes for the block (the block's own add_xml_to_node)."""
    from workbench.runtime import WorkbenchRuntime  # noqa: PLC0415

    xblock = WorkbenchRuntime(DESIGNER).get_block(block.usage_id)
    node = etree.Element(TAG)
    xblock.add_xml_to_node(node)
    return node


def edited(block):
    edit = copy.deepcopy(saved_exercise(block))
    brief = edit["rubric"]["criteria"][0]
    brief["label"] = "Short and sweet"
    brief["checks"].append({"type": "phrases", "params": {
        "mode": "forbid", "phrases": ["breathing"], "on_fail": "not_met"}})
    edit["scenario"]["prompt"] = "Write three sentences to Jamie about a time you felt anxious."
    edit["display_name"] = "Anxiety practice (edited)"
    return edit


# --- the editor renders ----------------------------------------------------------------------------

def test_studio_view_renders_the_editor_with_the_saved_exercise(exercise_block):
    response = exercise_block.view(DESIGNER, "studio_view")
    assert response.status_code == 200
    html = response.content.decode()
    assert studio_data(response) == load_exercise("anxiety-withdrawal").to_dict()
    for needle in ('data-action="save"', 'data-action="cancel"', "xblock-actions", "DisclosureStudio",
                   'data-input="scenario.prompt"', "Try a draft", "studio.js", "studio.css"):
        assert needle in html, needle


# --- saving ----------------------------------------------------------------------------------------

def test_a_saved_edit_reaches_the_learner_view(exercise_block):
    answer = exercise_block.json("studio_save", DESIGNER, {"exercise": edited(exercise_block)})
    assert answer["saved"] is True and not answer.get("warning")
    learner = exercise_block.view("learner_1")
    html = learner.content.decode()
    assert "Anxiety practice (edited)" in html
    assert "Write three sentences to Jamie" in html
    rubric = learner_args(learner)["rubric"]
    assert rubric[0]["label"] == "Short and sweet"
    assert saved_exercise(exercise_block)["rubric"]["criteria"][0]["checks"][-1]["params"]["phrases"] == [
        "breathing"]
    # the learner's own feedback now uses the edited rubric
    feedback = exercise_block.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})["feedback"]
    brief = next(c for c in feedback["criteria"] if c["id"] == "brief")
    assert brief["label"] == "Short and sweet" and brief["level"] == 0


@pytest.mark.parametrize("change, field", [
    (lambda e: e["scenario"].update(prompt=""), "scenario/prompt"),
    (lambda e: e["rubric"]["criteria"][1].update(id="brief"), "criterion[brief]"),
    (lambda e: e["rubric"]["criteria"][0]["levels"][1].update(points=""), "criterion[brief]/level[2]"),
    (lambda e: e.update(min_words=300, max_words=100), "min_words"),
    # the preset's brief has two checks (word count, one episode) and the edit adds a third
    (lambda e: e["rubric"]["criteria"][0]["checks"].append(
        {"type": "phrases", "params": {"mode": "forbid", "phrases": ["ju*st"]}}), "criterion[brief]/check[4]"),
    (lambda e: e["rubric"]["criteria"][1]["checks"][0]["params"].update(name="vibes"),
     "criterion[relevant]/check[1]"),
])
def test_a_refused_save_names_the_field_and_changes_nothing(exercise_block, change, field):
    before = saved_exercise(exercise_block)
    edit = edited(exercise_block)
    change(edit)
    response = exercise_block.call("studio_save", DESIGNER, {"exercise": edit})
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["field"] == field
    assert body["error"] and body["errors"][0]["field"] == field and body["errors"][0]["input"]
    # nothing of the edit was written, not even its valid parts
    assert saved_exercise(exercise_block) == before
    assert "Anxiety practice (edited)" not in exercise_block.view("learner_1").content.decode()


@pytest.mark.parametrize("raw, status", [("{not json", 400), ("[1, 2]", 400), ('{"exercise": 5}', 400)])
def test_malformed_requests_are_refused(exercise_block, raw, status):
    before = saved_exercise(exercise_block)
    assert exercise_block.call("studio_save", DESIGNER, raw=raw).status_code == status
    assert exercise_block.call("studio_save", DESIGNER, method="get").status_code == 405
    assert saved_exercise(exercise_block) == before


def test_saving_after_learners_submitted_warns(exercise_block):
    exercise_block.json("submit", "learner_1", {"text": STRONG_DRAFT})
    answer = exercise_block.json("studio_save", DESIGNER, {"exercise": edited(exercise_block)})
    assert answer["saved"] is True
    assert "new feedback only" in answer["warning"]
    assert "Learners have already submitted" in exercise_block.view(DESIGNER, "studio_view").content.decode()


# --- try a draft -----------------------------------------------------------------------------------

def test_try_draft_uses_the_unsaved_rubric_and_saves_nothing(exercise_block):
    before = saved_exercise(exercise_block)
    answer = exercise_block.json("studio_try_draft", DESIGNER,
                                 {"exercise": edited(exercise_block), "text": STRONG_DRAFT})
    brief = next(c for c in answer["feedback"]["criteria"] if c["id"] == "brief")
    assert brief["label"] == "Short and sweet" and brief["level"] == 0
    assert any("breathing" in e["text"].lower() for e in brief["evidence"])
    # exactly what a learner gets from the same exercise
    learner = exercise_block.json("get_feedback", "learner_1", {"text": STRONG_DRAFT})["feedback"]
    assert saved_exercise(exercise_block) == before
    unsaved_view = exercise_block.json("studio_try_draft", DESIGNER, {"exercise": before, "text": STRONG_DRAFT})
    assert unsaved_view["feedback"] == learner


def test_try_draft_refuses_an_invalid_exercise_or_an_empty_draft(exercise_block):
    edit = edited(exercise_block)
    edit["scenario"]["prompt"] = ""
    response = exercise_block.call("studio_try_draft", DESIGNER, {"exercise": edit, "text": STRONG_DRAFT})
    assert response.status_code == 400 and json.loads(response.content)["field"] == "scenario/prompt"
    response = exercise_block.call("studio_try_draft", DESIGNER,
                                   {"exercise": edited(exercise_block), "text": "  "})
    assert response.status_code == 400 and json.loads(response.content)["field"] == "text"


# --- starting points and export --------------------------------------------------------------------

def test_library_blank_and_preset_starting_points(exercise_block):
    assert exercise_block.json("studio_library", DESIGNER, {"key": "hopelessness"})["exercise"] == \
        load_exercise("hopelessness").to_dict()
    blank = exercise_block.json("studio_library", DESIGNER, {"key": "blank"})["exercise"]
    assert blank["scenario"]["prompt"] == "" and blank["rubric"]["preset"] == DEFAULT_PRESET
    assert exercise_block.json("studio_library", DESIGNER, {"preset": DEFAULT_PRESET})["rubric"] == \
        load_preset(DEFAULT_PRESET).to_dict()
    assert exercise_block.call("studio_library", DESIGNER, {"key": "../../etc"}).status_code == 400


def test_olx_round_trip_after_edits_through_the_handlers(exercise_block):
    edit = edited(exercise_block)
    edit["rubric"]["criteria"].append({
        "id": "warmth", "label": "Warm tone", "description": "",
        "levels": [{"points": 0, "label": "No", "message": "Cold."}, {"points": 2, "label": "Yes", "message": ""}],
        "checks": []})
    edit["rubric"]["criteria"].insert(0, edit["rubric"]["criteria"].pop(2))
    edit.update(grading_mode="instructor", max_feedback_requests=0, weight=3, allow_resubmission=True)
    exercise_block.json("studio_save", DESIGNER, {"exercise": edit})
    saved = Exercise.from_dict(saved_exercise(exercise_block))
    exported = block_olx(exercise_block)
    assert Exercise.from_olx(exported) == saved
    preview = exercise_block.json("studio_export_olx", DESIGNER, {"exercise": saved.to_dict()})["olx"]
    assert Exercise.from_olx_string(preview) == saved
    # import the export as a new block: the learner sees the same exercise
    copy_block = Workbench.from_olx("studio_reimported", etree.tostring(exported, encoding="unicode"))
    assert saved_exercise(copy_block) == saved.to_dict()


@pytest.mark.parametrize("handler", ["studio_save", "studio_try_draft", "studio_library", "studio_export_olx"])
def test_learners_cannot_call_the_authoring_handlers(exercise_block, handler):
    before = saved_exercise(exercise_block)
    payload = {"exercise": edited(exercise_block), "text": STRONG_DRAFT, "key": "blank"}
    assert exercise_block.call(handler, "learner_1", payload).status_code == 403
    assert saved_exercise(exercise_block) == before
