"""Safety red flags: self-harm, suicide and overdose in plain English and Spanish, both ways.

The cases are tests/data/safety_own_{en,es}.jsonl: for each kind of cue (an act, a method, a
euphemism, an attempt, a relative's death …) a positive and a near-miss negative.
"""
import json
from pathlib import Path

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback import flags as flag_kinds
from disclosure_xblock.feedback import safety
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
    # The reviewed cues are exact on our own cases, both ways; the whole engine (cues and the
    # learned layer) flags every positive with its kind.
    analysis = Analysis(row["text"])
    cues = list(safety.cue_scan(analysis))
    if row["red_flag"]:
        assert row["red_flag"] in cues, row["text"]
        assert row["red_flag"] in safety_kinds(row["text"], row["language"]), row["text"]
    else:
        assert cues == [], row["text"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_learned_layer_keeps_false_alarms_on_our_near_misses_under_a_tenth(language):
    # The learned layer reads concepts, so a near-miss that holds two of them ("I hung the
    # laundry off the balcony") may flag: the issue's bound is a rate, <= 0.10 per language.
    negatives = [p.values[0] for p in cases(language) if not p.values[0]["red_flag"]]
    alarms = [r["text"] for r in negatives if safety_kinds(r["text"], language)]
    assert len(alarms) / len(negatives) <= 0.10, alarms


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


# The cues of the second round are combinations (an act x a body part, a tool x a body part, a
# height x a jump, a death x a drug): every pairing counts, not only the sentences written.
@pytest.mark.parametrize("verb", ["slice", "carved", "scratching", "burnt", "gouged", "punched"])
@pytest.mark.parametrize("body", ["thighs", "forearm", "stomach", "ankles"])
def test_an_injury_verb_on_any_body_part_is_self_harm(verb, body):
    assert "self_harm" in safety_kinds(f"Back in school I {verb} my {body} when it got bad.")
    # The same act told as an accident does not count.
    assert safety_kinds(f"I {verb} my {body} on the fence by accident.") == []


@pytest.mark.parametrize("tool", ["razor", "knife", "lighter", "glass"])
def test_a_tool_put_to_the_body_is_self_harm(tool):
    assert "self_harm" in safety_kinds(f"I used to take a {tool} to my arms.")


@pytest.mark.parametrize("height", ["bridge", "roof", "balcony", "overpass", "cliff"])
def test_jumping_off_a_height_is_suicide_but_crossing_it_is_not(height):
    assert "suicide" in safety_kinds(f"I wanted to jump off the {height} that night.")
    assert safety_kinds(f"We drove to the {height} and back to get lunch.") == []
    assert safety_kinds("We walked over the bridge and the overpass to get lunch.") == []


@pytest.mark.parametrize("drug", ["fentanyl", "heroin", "pills", "painkillers"])
def test_a_death_named_by_its_drug_is_an_overdose_and_an_illness_is_not(drug):
    assert "overdose" in safety_kinds(f"My uncle died from {drug} when I was ten.")
    assert safety_kinds("My uncle died from cancer when I was ten.") == []


@pytest.mark.parametrize("phrase", ["social suicide", "career suicide", "academic suicide"])
def test_figurative_suicide_is_no_flag(phrase):
    assert safety_kinds(f"Skipping that meeting felt like {phrase}.") == []


def test_negation_reaches_across_thinking_and_wanting():
    assert safety_kinds("I never thought about hurting myself.") == []
    assert safety_kinds("I never wanted to kill myself.") == []
    # Without the negator the same words count.
    assert safety_kinds("I thought about hurting myself.") == ["self_harm"]


@pytest.mark.parametrize("altura", ["puente", "azotea", "balcón", "edificio"])
def test_spanish_a_height_with_the_idea_of_jumping_is_suicide(altura):
    assert "suicide" in safety_kinds(f"Me subí al {altura} con la idea de tirarme.", "es")
    assert safety_kinds(f"Cruzamos el {altura} para ir a comer.", "es") == []


@pytest.mark.parametrize("droga", ["fentanilo", "heroína", "sobredosis"])
def test_spanish_a_death_named_by_its_drug_is_an_overdose(droga):
    assert "overdose" in safety_kinds(f"Mi primo murió de {droga} el año pasado.", "es")
    assert safety_kinds("Mi primo murió de cáncer el año pasado.", "es") == []
