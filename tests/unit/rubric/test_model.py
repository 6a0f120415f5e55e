"""The rubric model on its own: levels sorted by points, validation that names the field,
round trips, the automatic outcome -> level mapping, snapshots read back leniently, and the one
points formatter."""
import pytest

from disclosure_xblock.rubric import DEFAULT_PRESET, load_preset
from disclosure_xblock.rubric.model import (
    MAX_CRITERIA, MAX_LEVELS, MET, NOT_MET, PARTIAL, Criterion, Level, Rubric, RubricError, Scenario,
    number, split_list,
)


def criterion(cid="warmth", levels=((0, "Not yet"), (2, "Met"), (1, "Partly")), checks=()):
    return {"id": cid, "label": cid.title(), "levels": [{"points": p, "label": lab} for p, lab in levels],
            "checks": list(checks)}


def test_levels_are_sorted_by_points_and_points_are_plain_numbers():
    c = Criterion.from_dict(criterion())
    assert [lvl.label for lvl in c.levels] == ["Not yet", "Partly", "Met"]
    assert [lvl.points for lvl in c.levels] == [0, 1, 2]
    assert all(isinstance(lvl.points, int) for lvl in c.levels)
    assert c.max_points == 2
    assert not c.is_automatic


@pytest.mark.parametrize("outcome, index", [(MET, 2), (PARTIAL, 1), (NOT_MET, 0)])
def test_outcome_lands_on_a_level(outcome, index):
    assert Criterion.from_dict(criterion()).level_for_outcome(outcome) == index


def test_partial_on_two_levels_is_the_bottom_one():
    two = Criterion.from_dict(criterion(levels=((0, "No"), (1, "Yes"))))
    assert two.level_for_outcome(PARTIAL) == 0


def test_level_lookup_refuses_what_is_not_an_index():
    c = Criterion.from_dict(criterion())
    assert c.level(1).label == "Partly"
    assert c.points_for(2) == 2
    for bad in (None, -1, 3, True, "1", 1.0):
        assert c.level(bad) is None and c.points_for(bad) is None


@pytest.mark.parametrize("data, field", [
    ({"id": "Bad id", "label": "x", "levels": [{"points": 0}, {"points": 1}]}, "id"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}]}, "levels"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}] * (MAX_LEVELS + 1)}, "levels"),
    ({"id": "ok", "label": "x", "levels": [{"points": 1}, {"points": 1}]}, "levels"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}, {"points": "lots"}]}, "points"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}, {"points": -1}]}, "points"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}, {"points": True}]}, "points"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}, {"points": float("nan")}]}, "points"),
    ({"id": "ok", "label": "", "levels": [{"points": 0}, {"points": 1}]}, "label"),
    ({"id": "ok", "label": "x", "levels": [{"points": 0}, {"points": 1}], "checks": "no"}, "checks"),
])
def test_a_bad_criterion_names_its_field(data, field):
    with pytest.raises(RubricError) as info:
        Criterion.from_dict(data)
    assert info.value.field == field


def test_rubric_limits_and_duplicates():
    with pytest.raises(RubricError):
        Rubric.from_dict({"criteria": []})
    with pytest.raises(RubricError):
        Rubric.from_dict({"criteria": [criterion(f"c{i}") for i in range(MAX_CRITERIA + 1)]})
    with pytest.raises(RubricError) as info:
        Rubric.from_dict({"criteria": [criterion("same"), criterion("same")]})
    assert info.value.field == "id"


def test_round_trip_version_and_arithmetic():
    rubric = load_preset(DEFAULT_PRESET)
    again = Rubric.from_dict(rubric.to_dict())
    assert again == rubric and again.version() == rubric.version()
    assert rubric.max_score == sum(c.max_points for c in rubric.criteria)
    top = {c.id: len(c.levels) - 1 for c in rubric.criteria}
    assert rubric.earned(top) == rubric.max_score
    assert rubric.earned({}) == 0
    first = rubric.criteria[0]
    assert rubric.earned({first.id: 0, "unknown": 5}) == first.levels[0].points
    assert rubric.criterion(first.id) is first
    with pytest.raises(KeyError):
        rubric.criterion("nope")


def test_a_designer_edit_changes_the_version():
    rubric = Rubric.from_dict({"criteria": [criterion()]})
    edited = Rubric.from_dict({"criteria": [criterion(levels=((0, "Not yet"), (3, "Met")))]})
    assert rubric.version() != edited.version()


def test_snapshot_reads_back_what_validation_would_now_refuse():
    snapshot = {"criteria": [
        {"id": "old", "label": "Old one", "levels": [{"points": 2, "label": "Top"}, {"points": 0.5, "label": "Low"}],
         "checks": [{"type": "detector", "params": {"name": "a_detector_since_removed"}}]},
        {"id": "bare"}, "not a criterion",
    ]}
    with pytest.raises(RubricError):
        Rubric.from_dict(snapshot)
    rubric = Rubric.from_snapshot(snapshot)
    old, bare = rubric.criteria
    assert [lvl.label for lvl in old.levels] == ["Low", "Top"]
    assert old.is_automatic and old.max_points == 2
    assert bare.label == "bare" and bare.levels == () and bare.max_points == 0
    assert rubric.max_score == 2 and rubric.earned({"old": 0, "bare": 0}) == 0.5
    assert Rubric.from_snapshot(None).criteria == ()
    preset = load_preset(DEFAULT_PRESET)
    assert Rubric.from_snapshot(preset.to_dict()) == preset


@pytest.mark.parametrize("value, digits, expected", [
    (2.0, None, 2), (1.5, None, 1.5), (1 / 3, 2, 0.33), (1 / 3, 4, 0.3333), (None, 2, None), ("3", None, 3),
])
def test_one_points_formatter(value, digits, expected):
    result = number(value, digits)
    assert result == expected and type(result) is type(expected)


def test_level_and_scenario_round_trip():
    level = Level.from_dict({"points": "2", "label": " Met ", "message": "Good"})
    assert level == Level(points=2, label="Met", message="Good")
    assert Level.from_dict(level.to_dict()) == level
    scenario = Scenario.from_dict({"patient": "Ana", "allowed_names": "Ben, Ana, ", "keywords": ["x", "x", " y "],
                                   "prompt": "Respond"}, require_prompt=True)
    assert scenario.names == ("Ana", "Ben")
    assert scenario.keywords == ("x", "y")
    assert Scenario.from_dict(scenario.to_dict()) == scenario
    with pytest.raises(RubricError) as info:
        Scenario.from_dict({"prompt": ""}, require_prompt=True)
    assert info.value.field == "prompt"
    with pytest.raises(RubricError) as info:
        Scenario.from_dict({"keywords": 5})
    assert info.value.field == "keywords"
    assert split_list(" a, b ,,a") == ("a", "b")
