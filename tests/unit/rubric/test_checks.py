"""Check parameters: normalised when valid, refused with the offending field named when not."""
import pytest

from disclosure_xblock.rubric.checks import (
    CHECK_TYPES, DETECTORS, MAX_PHRASE_WORDS, MAX_PHRASES, MAX_WORDS_BOUND, validate_check_params,
    validate_phrase,
)
from disclosure_xblock.rubric.detectors import NAMES
from disclosure_xblock.rubric.errors import RubricError
from disclosure_xblock.rubric.model import Check


def refused(check_type, params):
    with pytest.raises(RubricError) as info:
        validate_check_params(check_type, params, "criterion[x]/check[1]")
    assert info.value.path == "criterion[x]/check[1]"
    return info.value.field


def test_word_count_defaults_the_partial_range_to_the_met_range():
    assert validate_check_params("word_count", {"met_min": "40", "met_max": 120}) == {
        "met_min": 40, "met_max": 120, "partial_min": 40, "partial_max": 120}
    assert validate_check_params("word_count", {"met_min": 40, "met_max": 120, "partial_min": 20,
                                                "partial_max": 160})["partial_max"] == 160


@pytest.mark.parametrize("params, field", [
    ({"met_max": 10}, "met_min"),
    ({"met_min": 10, "met_max": 5}, "met_min"),
    ({"met_min": 10, "met_max": 20, "partial_min": 12}, "partial_min"),
    ({"met_min": 10, "met_max": 20, "partial_max": 15}, "partial_min"),
    ({"met_min": True, "met_max": 20}, "met_min"),
    ({"met_min": "ten", "met_max": 20}, "met_min"),
    ({"met_min": 0, "met_max": MAX_WORDS_BOUND + 1}, "met_max"),
])
def test_word_count_refusals(params, field):
    assert refused("word_count", params) == field


def test_phrases_normalise_and_default():
    params = validate_check_params("phrases", {"phrases": "  I  felt \n\n how are you\n"})
    assert params == {"mode": "require", "phrases": ["I felt", "how are you"], "on_fail": "not_met",
                      "min_count": 1}
    forbid = validate_check_params("phrases", {"mode": "forbid", "phrases": ["calm down"], "on_fail": "partial"})
    assert forbid == {"mode": "forbid", "phrases": ["calm down"], "on_fail": "partial"}


@pytest.mark.parametrize("params, field", [
    ({"mode": "maybe", "phrases": ["a b"]}, "mode"),
    ({"phrases": 3}, "phrases"),
    ({"phrases": ["  "]}, "phrases"),
    ({"phrases": ["x"] * (MAX_PHRASES + 1)}, "phrases"),
    ({"phrases": ["hello"], "on_fail": "ignore"}, "on_fail"),
    ({"phrases": ["hello"], "min_count": 2}, "min_count"),
    ({"phrases": ["hello"], "min_count": 0}, "min_count"),
])
def test_phrase_refusals(params, field):
    assert refused("phrases", params) == field


@pytest.mark.parametrize("phrase", [
    "", "x" * 101, " ".join(["w"] * (MAX_PHRASE_WORDS + 1)), "* *", "fe*lt", "ab*",
])
def test_phrase_language_refusals(phrase):
    with pytest.raises(RubricError) as info:
        validate_phrase(phrase, "p")
    assert info.value.field == "phrases"


def test_phrase_language_accepts_wildcards():
    assert validate_phrase("feel*  * better", "p") == "feel* * better"


def test_detector_names_come_from_the_one_registry():
    assert DETECTORS == NAMES and DETECTORS
    assert validate_check_params("detector", {"name": DETECTORS[0]}) == {"name": DETECTORS[0]}
    assert refused("detector", {"name": "mind_reader"}) == "name"


def test_unknown_type_names_the_type_field():
    assert refused("regex", {}) == "type"
    assert "regex" not in CHECK_TYPES


def test_check_model_validates_and_hashes_by_value():
    a = Check.from_dict({"type": "phrases", "params": {"phrases": ["I felt"]}})
    b = Check.from_dict({"type": "phrases", "params": {"phrases": "I felt"}})
    assert a == b and hash(a) == hash(b)
    with pytest.raises(RubricError):
        Check.from_dict({"type": "phrases", "params": "I felt"})
