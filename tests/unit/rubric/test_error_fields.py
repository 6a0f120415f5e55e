"""RubricError names the wrong setting as data (``field``), so the Studio editor marks the
right input whatever the message says."""
import pytest

from disclosure_xblock import authoring
from disclosure_xblock.rubric import Criterion, RubricError, Scenario
from disclosure_xblock.rubric.checks import validate_check_params

LEVELS = [{"points": 0, "label": "No", "message": "m"}, {"points": 2, "label": "Yes", "message": "m"}]


def _criterion(**changes):
    data = {"id": "brief", "label": "Brief", "levels": LEVELS, "checks": []}
    data.update(changes)
    return data


@pytest.mark.parametrize("data, path, field", [
    (_criterion(id="Bad Id"), "criterion[Bad Id]", "id"),
    (_criterion(label=""), "criterion[brief]", "label"),
    (_criterion(levels=LEVELS[:1]), "criterion[brief]", "levels"),
    (_criterion(checks="x"), "criterion[brief]", "checks"),
    (_criterion(levels=[LEVELS[0], {**LEVELS[1], "points": "lots"}]), "criterion[brief]/level[2]", "points"),
    (_criterion(levels=[LEVELS[0], {**LEVELS[1], "label": "x" * 201}]), "criterion[brief]/level[2]", "label"),
    (_criterion(checks=[{"type": "nope", "params": {}}]), "criterion[brief]/check[1]", "type"),
    (_criterion(checks=[{"type": "detector", "params": {"name": "nope"}}]), "criterion[brief]/check[1]", "name"),
    (_criterion(checks=[{"type": "phrases", "params": {"mode": "require", "phrases": ["in*side"]}}]),
     "criterion[brief]/check[1]", "phrases"),
    (_criterion(checks=[{"type": "word_count", "params": {"met_min": 5, "met_max": 9, "partial_min": 6}}]),
     "criterion[brief]/check[1]", "partial_min"),
    (_criterion(checks=[{"type": "word_count", "params": {"met_min": 5}}]), "criterion[brief]/check[1]", "met_max"),
])
def test_a_criterion_error_names_its_path_and_field(data, path, field):
    with pytest.raises(RubricError) as caught:
        Criterion.from_dict(data, "criterion[1]")
    assert (caught.value.path, caught.value.field) == (path, field)


@pytest.mark.parametrize("data, field", [
    ({"prompt": "p", "patient": "x" * 101}, "patient"),
    ({"prompt": "p", "allowed_names": 5}, "allowed_names"),
    ({"prompt": "p", "keywords": ["x" * 101]}, "keywords"),
    ({"prompt": ""}, "prompt"),
])
def test_a_scenario_error_names_its_field(data, field):
    with pytest.raises(RubricError) as caught:
        Scenario.from_dict(data, require_prompt=True)
    assert (caught.value.path, caught.value.field) == ("scenario", field)


def test_the_editor_marks_the_input_from_the_field_not_the_wording():
    reworded = RubricError("criterion[brief]/check[2]", "Bitte prüfen Sie diese Wörter", "phrases")
    assert authoring._criterion_input(0, reworded, {}) == "criteria.0.checks.1.phrases"
    level = RubricError("criterion[brief]/level[1]", "zu lang", "message")
    assert authoring._criterion_input(3, level, {}) == "criteria.3.levels.0.message"
    scenario = RubricError("scenario", "demasiado largo", "allowed_names")
    assert authoring._input_for_path(scenario, {}) == "scenario.allowed_names"


def test_a_check_error_without_a_path_still_names_its_field():
    with pytest.raises(RubricError) as caught:
        validate_check_params("phrases", {"mode": "sometimes", "phrases": ["a"]})
    assert caught.value.field == "mode"
