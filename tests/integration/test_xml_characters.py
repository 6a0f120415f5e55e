"""Text that OLX cannot hold is refused at save, and export cannot fail on stored text.

Before: studio_save accepted NUL, ESC, vertical tab and U+FFFE in the prompt, context or a
criterion label, and studio_export_olx and the course export then failed ("All strings must
be XML compatible"), so the course could not be exported.
"""
import copy
import json

import pytest
from lxml import etree

from disclosure_xblock.exercise import TAG, Exercise
from disclosure_xblock.scenarios import library_olx

from .helpers import Workbench
from .test_studio_handlers import DESIGNER, block_olx, saved_exercise

pytestmark = pytest.mark.django_db(transaction=True)

BAD = ["\u0000", "\u000b", "\u001b", "\ufffe", "\uffff", "\u0008", "\u000c", "\u001f"]
WHERE = [
    (("scenario", "prompt"), "scenario.prompt"),
    (("scenario", "context"), "scenario.context"),
    (("display_name",), "display_name"),
    (("exemplar",), "exemplar"),
    (("scenario", "keywords", 0), "scenario.keywords.0"),
    (("rubric", "criteria", 0, "label"), "criteria.0.label"),
    (("rubric", "criteria", 0, "levels", 1, "message"), "criteria.0.levels.1.message"),
]


@pytest.fixture
def block(workbench, request):
    return Workbench.from_olx(f"xmlchars_{request.node.name[:40]}", library_olx("anxiety-withdrawal"))


def with_text(exercise, where, text):
    exercise = copy.deepcopy(exercise)
    target = exercise
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = text
    return exercise


# Each character in one place, and each place with one character (not every pair: slow).
CASES = [(char, *WHERE[k % len(WHERE)]) for k, char in enumerate(BAD)] + [
    (BAD[(k + 3) % len(BAD)], *place) for k, place in enumerate(WHERE)]


@pytest.mark.parametrize("char, where, editor_input", CASES)
@pytest.mark.parametrize("handler", ["studio_save", "studio_export_olx"])
def test_a_character_xml_cannot_hold_is_refused_naming_the_field(block, handler, char, where, editor_input):
    original = saved_exercise(block)
    exercise = with_text(original, where, f"Some text{char} here")
    response = block.call(handler, DESIGNER, {"exercise": exercise})
    assert response.status_code == 400, (response.status_code, response.content[:300])
    answer = json.loads(response.content)
    field = ".".join(str(p) for p in where)
    assert answer["field"] == field
    assert answer["errors"][0]["input"] == editor_input
    assert field in answer["error"] and f"U+{ord(char):04X}" in answer["error"], answer["error"]
    assert saved_exercise(block) == original  # nothing saved
    etree.tostring(block_olx(block))  # and the course still exports


def test_a_lone_surrogate_is_refused_naming_the_field(block):
    raw = json.dumps({"exercise": {"scenario": {"prompt": "x"}}}).replace('"x"', '"\\ud800"').encode()
    answer = json.loads(block.call("studio_save", DESIGNER, raw=raw).content)
    assert answer["field"] == "exercise.scenario.prompt"


def test_tab_and_line_breaks_stay_allowed(block):
    exercise = with_text(saved_exercise(block), ("scenario", "prompt"), "Line one\n\tLine two\r\nthree")
    block.json("studio_save", DESIGNER, {"exercise": exercise})
    assert "Line one\n\tLine two" in saved_exercise(block)["scenario"]["prompt"]
    olx = block.json("studio_export_olx", DESIGNER, {"exercise": exercise})["olx"]
    assert "Line one\n\tLine two" in olx


def test_text_stored_before_the_check_still_exports(block):
    """Content saved before save refused these characters: export drops them instead of failing."""
    from workbench.runtime import WorkbenchRuntime  # noqa: PLC0415

    xblock = WorkbenchRuntime(DESIGNER).get_block(block.usage_id)
    stored = xblock.exercise.to_dict()
    stored["display_name"] = "Anxiety\u001b practice"
    stored["scenario"]["prompt"] = "Write\u0000 to Jamie\ufffe about a time\u000b you felt anxious."
    stored["rubric"]["criteria"][0]["label"] = "Brief\ud800 and focused"
    stored["exemplar"] = "I felt\u0001 that way too."
    xblock.display_name = stored["display_name"]
    xblock.scenario = stored["scenario"]
    xblock.rubric = stored["rubric"]
    xblock.exemplar = stored["exemplar"]
    xblock.save()

    node = etree.Element(TAG)
    WorkbenchRuntime(DESIGNER).get_block(block.usage_id).add_xml_to_node(node)  # the course export
    olx = etree.tostring(node, encoding="unicode")
    again = Exercise.from_olx_string(olx)  # and it imports back
    assert again.display_name == "Anxiety practice"
    assert again.scenario.prompt == "Write to Jamie about a time you felt anxious."
    assert again.rubric.criteria[0].label == "Brief and focused"
    assert again.exemplar == "I felt that way too."
