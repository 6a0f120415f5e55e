"""OLX read/write of exercises, scenarios and rubrics: round trips and specific errors."""
import pytest
from lxml import etree

from disclosure_xblock.exercise import Exercise
from disclosure_xblock.rubric import DEFAULT_PRESET, RubricError, load_preset
from disclosure_xblock.scenarios import load_exercise, scenario_keys

FULL = """
<disclosure_exercise display_name="Custom &amp; tricky ✓" grading_mode="instructor" min_words="10"
    max_words="90" max_feedback_requests="0" show_exemplar="never" weight="3" allow_resubmission="true"
    hold_staff_grades="true">
  <scenario key="custom" patient="Río" allowed_names="Río, Dr Okafor">
    <context><p>Río is <em>quiet</em> today &lt;script&gt;</p></context>
    <prompt>Share something brief.</prompt>
    <keywords>sleep, tired , night</keywords>
  </scenario>
  <rubric privacy_gate="false">
    <criterion id="length" label="Length">
      <description>Short.</description>
      <level points="0" label="No">Too long.</level>
      <level points="1.5" label="Sort of">Nearly.</level>
      <level points="4" label="Yes">Good.</level>
      <check type="word_count" met_min="10" met_max="40" partial_min="5" partial_max="60"/>
    </criterion>
    <criterion id="no_advice" label="No advice">
      <level points="0">Advice.</level>
      <level points="2">None.</level>
      <check type="phrases" mode="forbid" on_fail="partial">
        <phrase>you should</phrase><phrase>just *</phrase><phrase>calm*</phrase>
      </check>
      <check type="detector" name="minimizing"/>
    </criterion>
    <criterion id="tone" label="Warm tone (instructor)">
      <level points="0">Cold.</level>
      <level points="3">Warm.</level>
    </criterion>
  </rubric>
  <exemplar>I once found nights long too. What helps you rest?</exemplar>
</disclosure_exercise>
"""


def roundtrip(exercise):
    return Exercise.from_olx_string(exercise.to_olx_string())


@pytest.mark.parametrize("key", scenario_keys())
def test_library_exercises_round_trip_losslessly(key):
    exercise = load_exercise(key)
    again = roundtrip(exercise)
    assert again == exercise
    assert roundtrip(again).to_olx_string() == again.to_olx_string()
    # An untouched preset is exported in its short form.
    assert f'<rubric preset="{DEFAULT_PRESET}"/>' in exercise.to_olx_string()


def test_hand_written_exercise_round_trips_with_every_check_type():
    exercise = Exercise.from_olx_string(FULL)
    assert exercise.display_name == "Custom & tricky ✓"
    assert exercise.grading_mode == "instructor"
    assert exercise.weight == 3 and exercise.max_feedback_requests == 0
    assert exercise.allow_resubmission is True and exercise.hold_staff_grades is True
    assert exercise.scenario.allowed_names == ("Río", "Dr Okafor")
    assert exercise.scenario.keywords == ("sleep", "tired", "night")
    assert "<em>quiet</em>" in exercise.scenario.context
    rubric = exercise.rubric
    assert rubric.privacy_gate is False and rubric.preset is None
    assert [c.id for c in rubric.criteria] == ["length", "no_advice", "tone"]
    assert rubric.max_score == 4 + 2 + 3
    assert rubric.criterion("length").levels[1].points == 1.5
    assert rubric.criterion("tone").is_automatic is False
    phrases = rubric.criterion("no_advice").checks[0].params
    assert phrases == {"mode": "forbid", "phrases": ["you should", "just *", "calm*"], "on_fail": "partial"}
    assert roundtrip(exercise) == exercise
    assert roundtrip(roundtrip(exercise)).to_olx_string() == roundtrip(exercise).to_olx_string()


def test_edited_preset_is_exported_in_full_and_still_round_trips():
    preset = load_preset(DEFAULT_PRESET)
    data = preset.to_dict()
    data["criteria"][0]["label"] = "Short"
    exercise = load_exercise("hopelessness").with_changes(rubric=type(preset).from_dict(data))
    olx = exercise.to_olx_string()
    assert "preset=" not in olx and 'label="Short"' in olx
    assert roundtrip(exercise).rubric.criteria == exercise.rubric.criteria


def bad(olx):
    with pytest.raises(RubricError) as info:
        Exercise.from_olx_string(olx)
    return str(info.value)


def wrap(inner, attrs=""):
    return f'<disclosure_exercise {attrs}>{inner}</disclosure_exercise>'


CRIT = '<criterion id="a" label="A"><level points="0">x</level><level points="1">y</level></criterion>'


@pytest.mark.parametrize("olx, expected", [
    (wrap("", 'grading_mode="peer"'), "grading_mode"),
    (wrap('<rubric><criterion id="a" label="A"/></rubric>'), "criterion[a]: a criterion needs at least two levels"),
    (wrap(f"<rubric>{CRIT}{CRIT}</rubric>"), "criterion[a]: duplicate criterion id"),
    (wrap('<rubric><criterion id="a" label="A"><level points="lots">x</level>'
          '<level points="1">y</level></criterion></rubric>'), "points must be a number"),
    (wrap('<rubric><criterion id="a" label="A"><level>x</level><level points="1">y</level>'
          '</criterion></rubric>'), "needs a points attribute"),
    (wrap('<rubric><criterion id="Bad Id" label="A"/></rubric>'), "id must start with a lowercase letter"),
    (wrap('<rubric><criterion id="a" label="A"><level points="0">x</level><level points="1">y</level>'
          '<check type="regex" pattern="(a+)+$"/></criterion></rubric>'), "unknown check type 'regex'"),
    (wrap('<rubric><criterion id="a" label="A"><level points="0">x</level><level points="1">y</level>'
          '<check type="detector" name="magic"/></criterion></rubric>'), "unknown detector 'magic'"),
    (wrap('<rubric><criterion id="a" label="A"><level points="0">x</level><level points="1">y</level>'
          '<check type="phrases" mode="forbid"><phrase>ok*ay</phrase></check></criterion></rubric>'),
     "'*' may stand alone or end a word"),
    (wrap('<rubric><criterion id="a" label="A"><level points="0">x</level><level points="1">y</level>'
          '<check type="word_count" met_min="50" met_max="10"/></criterion></rubric>'), "met_min must not be greater"),
    (wrap('<rubric preset="no-such-rubric"/>'), "unknown preset 'no-such-rubric'"),
    (wrap("<rubric/>"), "needs <criterion> elements or a preset"),
    (wrap("<video/>"), "unexpected element <video>"),
    (wrap("<scenario/><scenario/>"), "more than one <scenario>"),
    (wrap("", 'min_words="80" max_words="20"'), "minimum word count is greater"),
    (wrap("", 'weight="heavy"'), "weight"),
    (wrap("", 'weight="2.5"'), "weight: must be a whole number of points"),
    ("<disclosure_exercise><rubric>", "not well-formed XML"),
    ("<other_block/>", "expected <disclosure_exercise>"),
])
def test_bad_olx_names_the_element_and_the_problem(olx, expected):
    assert expected in bad(olx)


def test_entities_are_not_expanded():
    olx = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<disclosure_exercise><exemplar>&x;</exemplar></disclosure_exercise>')
    exercise = Exercise.from_olx_string(olx)
    assert "root:" not in exercise.exemplar


def test_default_preset_has_the_public_criterion_ids():
    rubric = load_preset(DEFAULT_PRESET)
    assert [c.id for c in rubric.criteria] == [
        "brief", "relevant", "resolved", "coping_hope", "patient_focus", "no_minimizing", "boundaries"]
    assert rubric.max_score == 20 and rubric.privacy_gate
    assert all(c.is_automatic for c in rubric.criteria)


def test_rubric_dict_round_trip_and_version_tracks_changes():
    rubric = load_preset(DEFAULT_PRESET)
    again = type(rubric).from_dict(rubric.to_dict())
    assert again == rubric and again.version() == rubric.version()
    data = rubric.to_dict()
    data["criteria"][1]["levels"][0]["message"] = "changed"
    assert type(rubric).from_dict(data).version() != rubric.version()


def test_write_rubric_output_is_parseable_by_plain_lxml():
    node = etree.fromstring(Exercise.from_olx_string(FULL).to_olx_string())
    assert node.tag == "disclosure_exercise"
    assert [c.tag for c in node] == ["scenario", "rubric", "exemplar"]


def test_auto_grading_refuses_instructor_only_criteria():
    message = bad(wrap(f"<rubric>{CRIT}</rubric>", 'grading_mode="auto"'))
    assert "automatic grading needs an automatic check on every criterion" in message and "a" in message


def test_weight_is_optional_and_omitted_from_export_when_unset():
    exercise = load_exercise("anxiety-withdrawal")
    assert exercise.weight is None and "weight=" not in exercise.to_olx_string()
    weighted = Exercise.from_olx_string(wrap("", 'weight="1.0"'))
    assert weighted.weight == 1.0 and 'weight="1.0"' in weighted.to_olx_string()


@pytest.mark.parametrize("key", scenario_keys())
def test_library_exemplars_model_the_whole_default_rubric(key):
    from disclosure_xblock.feedback import evaluate

    exercise = load_exercise(key)
    result = evaluate(exercise.exemplar, exercise.rubric, exercise.scenario).to_dict()
    assert result["privacy"]["passed"] and not result["red_flags"]
    assert [c["id"] for c in result["criteria"] if not c["met"]] == []
