"""Third real-text round (issue 14): kinds of error found on one half of the tune part of the
real-text labels, each tested both ways (a positive and a near miss).

Every sentence here is our own (none is from the ESConv corpus, whose texts stay out of the
repository).
"""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def criterion(text, cid, scenario="anxiety-withdrawal", language="en"):
    found = evaluate(text, RUBRIC, load_scenario(scenario), draft_language=language)
    return next(c for c in found.criteria if c.id == cid)


def outcome(text, cid, scenario="anxiety-withdrawal", language="en"):
    return criterion(text, cid, scenario, language).outcome


# --- minimizing: sympathy ("sorry to hear") is not reported speech ------------------------------

def test_a_claim_after_sorry_to_hear_is_the_writers_own():
    text = "I'm so sorry to hear it, I know how lonely that gets. What has the week been like?"
    found = criterion(text, "no_minimizing")
    assert found.outcome == "not_met"
    assert any("know how lonely" in e.text for e in found.evidence)


def test_an_order_after_sad_to_hear_is_still_an_order():
    assert outcome("Sad to hear that - you should just rest more.", "no_minimizing") == "not_met"


def test_words_someone_else_said_stay_reported():
    # Near miss: "hear" that reports another person's words is still reported speech.
    text = ("When I was anxious I used to hear people say you should just relax, and it never "
            "helped. Walking with a friend did. How is it for you?")
    assert outcome(text, "no_minimizing") == "met"


# --- coping: a concrete step offered as advice is one of the two ------------------------------

def test_a_step_offered_as_advice_is_partial_coping():
    text = "Some evenings are hard. Maybe try slow breathing before bed?"
    found = criterion(text, "coping_hope")
    assert found.outcome == "partial"
    assert any("breathing" in e.text for e in found.evidence)


def test_advice_without_a_concrete_step_names_no_coping():
    # Near miss: an order with no step in it names neither a strategy nor an outcome.
    assert outcome("Some evenings are hard. You should think about it more.", "coping_hope") == "not_met"
