"""The designer's phrase language: words, inflections, prefixes, gaps; linear time."""
import time

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback.phrases import WordIndex, compile_pattern, find
from disclosure_xblock.feedback.text import Analysis
from disclosure_xblock.rubric import Rubric, RubricError


def matches(phrase, text):
    analysis = Analysis(text)
    pattern = compile_pattern(phrase)
    return [text[analysis.starts[f]:analysis.ends[l]] for f, l in find(pattern, WordIndex(analysis.norms))]


@pytest.mark.parametrize("phrase, text, found", [
    ("deep breath", "Deep Breaths helped.", ["Deep Breaths"]),
    ("cope", "Coping was hard.", ["Coping"]),
    ("worry", "I worried a lot.", ["worried"]),
    ("stop", "I stopped.", ["stopped"]),
    ("walk", "My walk's length", ["walk's"]),
    ("journal*", "Journaling helped.", ["Journaling"]),
    ("you should", "You really should go.", []),
    ("you * go", "You really should go.", ["You really should go"]),
    ("you * go", "You really, truly, certainly should go.", []),   # more than three words
    ("you * * go", "You really, truly, certainly should go.", ["You really, truly, certainly should go"]),
    ("calm", "Calmness", []),                                     # whole words only
    ("don't", "I don\u2019t know.", ["don\u2019t"]),                # curly apostrophe
])
def test_phrase_matching(phrase, text, found):
    assert matches(phrase, text) == found


def rule(mode, phrases, on_fail="not_met", min_count=None):
    params = {"mode": mode, "phrases": phrases, "on_fail": on_fail}
    if min_count:
        params["min_count"] = min_count
    return Rubric.from_dict({"privacy_gate": False, "criteria": [{
        "id": "rule", "label": "Rule", "levels": [{"points": 0}, {"points": 1}, {"points": 2}],
        "checks": [{"type": "phrases", "params": params}]}]})


def test_require_and_forbid_rules():
    text = "I felt nervous, and you should know slow breathing helped me."
    require = evaluate(text, rule("require", ["breath*", "journal"], min_count=1)).criteria[0]
    assert require.outcome == "met" and require.evidence[0].text == "breathing"
    require2 = evaluate(text, rule("require", ["breath*", "journal"], min_count=2)).criteria[0]
    assert require2.outcome == "not_met"
    forbid = evaluate(text, rule("forbid", ["you should"], on_fail="partial")).criteria[0]
    assert forbid.outcome == "partial" and forbid.level == 1
    assert "\u201cyou should\u201d" in forbid.message
    assert evaluate("Nothing to see.", rule("forbid", ["you should"])).criteria[0].outcome == "met"


def test_invalid_phrases_are_rejected_by_validation():
    with pytest.raises(RubricError):
        rule("require", ["a*b"])
    with pytest.raises(RubricError):
        rule("require", ["* *"])


def test_pathological_rule_and_input_are_fast():
    phrases = [" ".join(["the", "*"] * 3 + [f"x{i}"]) for i in range(50)]
    phrases += ["* the * the * the * the", "the* * the* * the* * zzz"] * 20
    text = ("the " * 1250)[:5000]
    rubric = rule("forbid", phrases[:100])
    evaluate(text, rubric)  # compile once
    start = time.perf_counter()
    result = evaluate(text, rubric)
    assert time.perf_counter() - start < 0.1
    assert result.criteria[0].outcome == "not_met"
