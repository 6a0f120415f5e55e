"""Each criterion's message reads as one short, correct paragraph: the level's message and the
check's explanation never say the same sentence twice, a length miss says which way it misses,
evidence is named for what it is, and quoted lists are joined as the language joins a list."""
from __future__ import annotations

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback import i18n as engine_i18n
from disclosure_xblock.feedback.engine import _one_paragraph, _sentences
from disclosure_xblock.scenarios import load_exercise

EXERCISE = load_exercise("anxiety-withdrawal")
LONG = ("When I started working on this ward I also felt anxious about being around groups of people, "
        "and for a while I avoided the staff room at lunch. Slow breathing before I walked in and "
        "sitting with one colleague I trusted helped me, and it slowly got easier over a few months. "
        "What feels hardest for you about joining the group sessions right now?")
# Short, but it tells something of the writer's past ("I was scared once"): the length is the
# gap. A short verdict with nothing of the writer's (VERDICT) is the concern level instead.
SHORT = "I know how you feel, I was scared once. You should just go."
VERDICT = "I know how you feel. You should just go to the group, it's easy."
SPECIFICS = ("I was on Paxil 20mg for my anxiety and my psychiatrist said it was panic disorder. "
             "You should try it too, it fixed everything. I know exactly how you feel.")
DRAFTS = (LONG, SHORT, SPECIFICS, "Me too. I was anxious once but it's no big deal, just relax.",
          "I felt nervous at my first job too. Talking to a friend helped. How are you feeling?")


@pytest.fixture(autouse=True)
def real_catalogues():
    engine_i18n.translations.cache_clear()
    yield
    engine_i18n.translations.cache_clear()


def by_id(text, language="en"):
    return {c.id: c for c in evaluate(text, EXERCISE.rubric, EXERCISE.scenario, language=language).criteria}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text", DRAFTS)
def test_no_sentence_is_said_twice_in_a_criterion_message(text, language):
    for criterion in by_id(text, language).values():
        cores = [s.rstrip(".!?").casefold() for s in _sentences(criterion.message)]
        for i, core in enumerate(cores):
            for j, other in enumerate(cores):
                assert i == j or not other.startswith(core), (criterion.id, criterion.message)


def test_a_repeated_level_sentence_gives_way_to_the_specific_one():
    level = "Some words tell the patient what to do. Offer your experience as one possibility instead."
    explanation = "“You should” tells the patient what to do. Offer your experience as one possibility instead, for example “that may be different”."
    assert _one_paragraph(level, explanation) == (
        "Some words tell the patient what to do. " + explanation)
    assert _one_paragraph("Met.", "") == "Met."


def test_a_short_draft_is_told_it_is_short_and_a_long_one_that_it_is_long():
    short, long_ = by_id(SHORT)["brief"], by_id(LONG)["brief"]
    assert short.level == long_.level == 1
    assert "long" not in short.message.casefold() and short.message.startswith("Only 13 words")
    assert long_.message.startswith("64 words") and long_.message.count("15 to 50") == 1
    # the words past the target are the target's, not a limit (submitting allows up to 120)
    assert [e.note for e in long_.evidence] == ["beyond the target length"]


def test_a_short_verdict_that_shares_nothing_is_told_so():
    brief = by_id(VERDICT)["brief"]
    assert brief.level == 0 and "does not share an experience of your own" in brief.message


def test_each_quote_is_named_for_what_it_is():
    message = by_id(SHORT)["no_minimizing"].message
    assert "“know how you feel” claims to know their experience." in message
    assert "“You should” and “just go” tell the patient what to do." in message
    assert "“You should” claims" not in message and "“just go” claims" not in message


def test_quoted_lists_are_joined_with_the_conjunction_and_the_verb_agrees():
    boundaries = by_id(SPECIFICS)["boundaries"].message
    assert "“Paxil” and “20mg” (medication detail) are more than" in boundaries
    relevant = by_id(LONG)["relevant"].message
    assert "“also”, “anxious” and “people”" in relevant


def test_spanish_joins_lists_with_y():
    boundaries = by_id(SPECIFICS, "es")["boundaries"].message
    assert "“Paxil” y “20mg”" in boundaries and " and " not in boundaries
    assert "“You should” y “just go”" in by_id(SHORT, "es")["no_minimizing"].message
