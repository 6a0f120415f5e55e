"""The public front door: evaluate()'s dict shape, scoring rules and count_words."""
import pytest

from disclosure_xblock.feedback import count_words, evaluate
from disclosure_xblock.rubric import Rubric, load_preset
from disclosure_xblock.scenarios import load_exercise

CRITERION_KEYS = {"id", "label", "level", "level_label", "points", "max_points", "met", "outcome",
                  "automatic", "message", "evidence"}


@pytest.fixture(scope="module")
def rubric():
    return load_preset("appropriate-self-disclosure")


def test_dict_shape_and_ids(rubric):
    exercise = load_exercise("group-reluctance")
    data = evaluate(exercise.exemplar, rubric, exercise.scenario).to_dict()
    assert set(data) == {"score", "max_score", "word_count", "criteria", "privacy", "red_flags",
                         "flag_scheme"}
    assert [c["id"] for c in data["criteria"]] == [
        "brief", "relevant", "resolved", "coping_hope", "patient_focus", "no_minimizing", "boundaries"]
    for criterion in data["criteria"]:
        assert set(criterion) == CRITERION_KEYS
        for evidence in criterion["evidence"]:
            assert set(evidence) == {"start", "end", "text", "note"}
    assert data["max_score"] == 20
    assert data["score"] == sum(c["points"] for c in data["criteria"])
    assert set(data["privacy"]) == {"passed", "findings"}


@pytest.mark.parametrize("key", ["anxiety-withdrawal", "group-reluctance", "hopelessness"])
def test_library_exemplars_score_high(key, rubric):
    exercise = load_exercise(key)
    result = evaluate(exercise.exemplar, rubric, exercise.scenario)
    levels = {c.id: c.outcome for c in result.criteria}
    # The exemplars model the whole rubric; "brief" may be a little over 50 words.
    assert all(outcome == "met" for cid, outcome in levels.items() if cid != "brief"), levels
    assert result.privacy_passed and not result.red_flags


def test_met_only_at_top_level(rubric):
    data = evaluate("I know exactly how you feel. You should just relax.", rubric).to_dict()
    minimizing = next(c for c in data["criteria"] if c["id"] == "no_minimizing")
    assert minimizing["outcome"] == "not_met" and minimizing["level"] == 0
    assert minimizing["met"] is False and minimizing["points"] == 0
    boundaries = next(c for c in data["criteria"] if c["id"] == "boundaries")
    assert boundaries["met"] is True and boundaries["level"] == 2 and boundaries["points"] == 3


def test_instructor_only_criterion():
    rubric = Rubric.from_dict({"criteria": [
        {"id": "warmth", "label": "Warmth", "levels": [{"points": 0}, {"points": 2}]},
        {"id": "length", "label": "Length", "levels": [{"points": 0}, {"points": 1}],
         "checks": [{"type": "word_count", "params": {"met_min": 1, "met_max": 10}}]},
    ]})
    data = evaluate("Short and kind.", rubric).to_dict()
    warmth, length = data["criteria"]
    assert warmth["automatic"] is False and warmth["level"] is None and warmth["points"] == 0
    assert warmth["outcome"] is None and "instructor" in warmth["message"].lower()
    assert length["automatic"] is True and length["met"] is True
    assert data["score"] == 1 and data["max_score"] == 3


def test_compact(rubric):
    result = evaluate("I used to feel anxious. Text me at 555-201-3344.", rubric)
    compact = result.compact()
    assert set(compact) == {"score", "max_score", "levels", "privacy_passed", "red_flags"}
    assert compact["levels"]["brief"] == 1  # 9 words: partly
    assert compact["privacy_passed"] is False
    assert "contact_details" in compact["red_flags"] and "privacy" in compact["red_flags"]


@pytest.mark.parametrize("text, expected", [
    ("", 0), ("   ", 0), ("one", 1), ("don't stop", 2), ("well-being - matters", 2),
    ("Hola, ¿qué tal?", 3), ("50 mg at 3 pm", 5), ("line\nbreak\ttab", 3),
])
def test_count_words(text, expected):
    assert count_words(text) == expected


def test_designer_messages_kept_and_explained(rubric):
    data = evaluate("I'm still struggling with anxiety right now.", rubric).to_dict()
    resolved = next(c for c in data["criteria"] if c["id"] == "resolved")
    level_message = rubric.criterion("resolved").levels[0].message
    assert resolved["message"].startswith(level_message)
    assert "\u201cstill struggling\u201d" in resolved["message"] or "struggling" in resolved["message"]
