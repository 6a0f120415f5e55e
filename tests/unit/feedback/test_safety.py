"""Safety red flags: self-harm, suicide and overdose in plain English and Spanish, both ways.

The cases are tests/data/safety_own_{en,es}.jsonl: for each kind of cue (an act, a method, a
euphemism, an attempt, a relative's death …) a positive and a near-miss negative.
"""
import json
from pathlib import Path

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback import flags as flag_kinds
from disclosure_xblock.feedback.text import Analysis, fold
from disclosure_xblock.rubric import load_preset

DATA = Path(__file__).resolve().parents[2] / "data"
RUBRIC = load_preset("appropriate-self-disclosure")
SAFETY = {"self_harm", "suicide", "overdose"}


def cases(language):
    with open(DATA / f"safety_own_{language}.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [pytest.param(row, id=f"{row['id']}-{row['note']}") for row in rows]


def safety_kinds(text, language="en"):
    return [flag.kind for flag in evaluate(text, RUBRIC, language=language).red_flags if flag.kind in SAFETY]


@pytest.mark.parametrize("row", cases("en") + cases("es"))
def test_own_cases_both_ways(row):
    raised = safety_kinds(row["text"], row["language"])
    if row["red_flag"]:
        assert row["red_flag"] in raised, row["text"]
    else:
        assert raised == [], row["text"]


def test_the_own_sets_are_big_enough_and_balanced():
    for language, minimum in (("en", 60), ("es", 30)):
        rows = [p.values[0] for p in cases(language)]
        positives = [r for r in rows if r["red_flag"]]
        assert len(rows) >= minimum
        assert 0.4 <= len(positives) / len(rows) <= 0.6
        assert {r["red_flag"] for r in positives} == SAFETY


def test_spanish_cues_run_whatever_the_page_language():
    # A crisis must not be missed because the page is in English (or the reverse).
    assert safety_kinds("Intenté quitarme la vida hace años.", "en") == ["suicide"]
    assert safety_kinds("I used to cut myself when I was fifteen.", "es") == ["self_harm"]


def test_accents_are_folded_and_spans_point_into_the_original_text():
    text = "Cuando era joven me lastimaba a propósito."
    result = evaluate(text, RUBRIC, language="es")
    flag = next(f for f in result.red_flags if f.kind == "self_harm")
    for evidence in flag.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert "a propósito" in [e.text for e in flag.evidence]
    # The same without accents, as people type.
    assert safety_kinds("cuando era joven me lastimaba a proposito", "es") == ["self_harm"]
    assert fold("propósito") == "proposito" and fold("año") == "ano" and fold("plain") == "plain"
    assert Analysis("Quité la vida").folded == ["quite", "la", "vida"]


def test_several_kinds_each_with_their_own_evidence():
    text = "I took a whole bottle of pills because I wanted to die."
    result = evaluate(text, RUBRIC)
    by_kind = {flag.kind: [e.text for e in flag.evidence] for flag in result.red_flags}
    # An overdose told with its intent is an attempt too: its words are suicide evidence as well.
    assert by_kind["suicide"] == ["took a whole bottle of pills", "wanted to die"]
    assert by_kind["overdose"] == ["took a whole bottle of pills"]
    accidental = evaluate("I took a whole bottle of pills by mistake once.", RUBRIC)
    assert [flag.kind for flag in accidental.red_flags] == ["overdose"]
    assert [flag.kind for flag in result.red_flags][:2] == ["suicide", "overdose"]  # gravest first


def test_safety_content_fails_the_boundaries_criterion_too():
    result = evaluate("I used to hurt myself on purpose, and it got better with help.", RUBRIC)
    assert next(c for c in result.criteria if c.id == "boundaries").outcome == "not_met"


def test_support_is_needed_for_safety_kinds_only():
    assert evaluate("My brother took his own life.", RUBRIC).needs_support
    contact = evaluate("Text me at 555-123-4567 any time.", RUBRIC)
    assert contact.red_flags and not contact.needs_support


def test_kind_labels_and_old_records():
    assert flag_kinds.label("self_harm").msgid == "Self-harm"
    # Before flag scheme 2, "self_harm" meant self-harm or suicide.
    old = {"score": 3, "red_flags": [{"kind": "self_harm"}]}
    assert flag_kinds.scheme_of(old) == 1
    assert flag_kinds.label("self_harm", flag_kinds.scheme_of(old)).msgid == "Self-harm or suicide"
    new = evaluate("I wanted to die.", RUBRIC).to_dict()
    assert flag_kinds.scheme_of(new) == flag_kinds.SCHEME
    assert flag_kinds.label("unknown") is None
