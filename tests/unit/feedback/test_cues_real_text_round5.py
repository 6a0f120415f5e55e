"""Fifth real-text round (issue 14): kinds of minimizing and patient focus in everyday chat
writing, each tested both ways (a positive and a near miss) in English and Spanish.

Every sentence here is our own (none is from the ESConv corpus, whose texts stay out of the
repository).
"""
import pytest

from tests.unit.feedback.cue_helpers import criterion, notes


SAMENESS = "claims to know their experience"


# --- no_minimizing: a claim of understanding said as a sentence of its own ---------------------

@pytest.mark.parametrize("text, language, claim", [
    ("Okay, I understand. Moving to a new city took me a year to settle.", "en", "I understand"),
    ("I get it. My first winter alone was long, and the choir kept me going.", "en", "I get it"),
    ("Oh, I know. My first months at the plant were lonely.", "en", "I know"),
    ("Vale, lo entiendo. Mudarme de ciudad me costó un año entero.", "es", "lo entiendo"),
    ("Te comprendo. Mi primer invierno solo fue muy largo.", "es", "Te comprendo"),
])
def test_understanding_said_alone_is_a_sameness_claim(text, language, claim):
    found = criterion(text, "no_minimizing", language)
    assert found.outcome == "not_met"
    assert (claim, SAMENESS) in notes(found)


@pytest.mark.parametrize("text, language", [
    # Near misses: the same words that go on to tell the writer's own story in the same
    # sentence, a negated one, and a report of someone else's understanding.
    ("I understand, I went through a lonely year after moving and the choir kept me going.", "en"),
    ("I didn't understand. Later the choir helped me see it.", "en"),
    ("My sister told me she could relate. The choir helped me too.", "en"),
    ("Te entiendo, yo pasé un año solo después de mudarme y el coro me ayudó.", "es"),
    ("No lo entendía. Más tarde el coro me ayudó a verlo.", "es"),
])
def test_understanding_that_goes_on_or_is_negated_is_no_claim(text, language):
    found = criterion(text, "no_minimizing", language)
    assert (SAMENESS not in [note for _t, note in notes(found)])


# --- no_minimizing: "I know it's tough" claims to know how hard it is ---------------------------

@pytest.mark.parametrize("text, language, claim", [
    ("I know it is really tough to start over somewhere new.", "en", "know it is really tough"),
    ("I know this can be so frustrating.", "en", "know this can be so frustrating"),
    ("Sé que es muy duro empezar de cero en otro sitio.", "es", "Sé que es muy duro"),
    ("Entiendo que puede ser agotador.", "es", "Entiendo que puede ser agotador"),
])
def test_knowing_how_hard_it_is_is_a_sameness_claim(text, language, claim):
    found = criterion(text, "no_minimizing", language)
    assert found.outcome == "not_met"
    assert (claim, SAMENESS) in notes(found)


@pytest.mark.parametrize("text, language", [
    # Near misses: the writer's own past ("it was hard for me"), a negated or doubting "know",
    # the patient's "you know", and a Spanish impersonal "se" that is not "sé".
    ("I know it was hard for me back then, and walking helped.", "en"),
    ("I don't know if it is hard for you.", "en"),
    ("You know it's tough, and walking helped me.", "en"),
    ("No sé si es difícil para ti.", "es"),
    ("Cuando se está tan mal, caminar me ayudó.", "es"),
])
def test_own_past_negation_or_another_subject_is_no_claim(text, language):
    found = criterion(text, "no_minimizing", language)
    assert (SAMENESS not in [note for _t, note in notes(found)])


# --- patient_focus: a closing question typed without its question mark -------------------------

@pytest.mark.parametrize("text, language", [
    ("After the move I felt cut off too. Have you tried the group at the library.", "en"),
    ("After the move I felt cut off too, and a walking group helped. So do you want to talk "
     "about it", "en"),
    ("Después de mudarme también me sentí aislado. Has probado el grupo de la biblioteca.", "es"),
    ("Después de mudarme también me sentí aislado. Y qué opinas tú", "es"),
])
def test_a_question_without_its_mark_hands_the_focus_back(text, language):
    assert criterion(text, "patient_focus", language).outcome == "met"


@pytest.mark.parametrize("text, language", [
    # Near misses: a "what you need" statement and a Spanish perfect that states, not asks.
    ("After the move I felt cut off too. What you need is a group like that.", "en"),
    ("Después de mudarme también me sentí aislado. Ha sido duro para ti.", "es"),
])
def test_a_statement_that_opens_like_a_question_does_not(text, language):
    assert criterion(text, "patient_focus", language).outcome == "partial"


# --- no_minimizing: "just" + verb told as the writer's own past is no order ---------------------

@pytest.mark.parametrize("text", [
    "Back then I tended to keep quiet at the canteen and just smile at people.",
    "In my first month I learned to just breathe through the morning meeting.",
])
def test_just_in_the_writers_own_past_is_no_directive(text):
    found = criterion(text, "no_minimizing")
    assert "tells the patient what to do" not in [note for _t, note in notes(found)]


@pytest.mark.parametrize("text", [
    # Near misses: the same words said to the patient, and a bare order.
    "I think you should just smile at people.",
    "I was shy too. Just smile at people and it gets easier.",
])
def test_just_said_to_the_patient_is_still_a_directive(text):
    found = criterion(text, "no_minimizing")
    assert found.outcome == "not_met"
    assert "tells the patient what to do" in [note for _t, note in notes(found)]


# --- no_minimizing: "maybe" + a modal in a sentence to the patient is a soft suggestion ---------

@pytest.mark.parametrize("text, language", [
    ("The choir helped me. Maybe a group like that could help you too.", "en"),
    ("The choir helped me. Perhaps they can put you in touch with other parents.", "en"),
    ("El coro me ayudó. Quizás un grupo así puede servirte a ti también.", "es"),
    ("El coro me ayudó. Tal vez ellos puedan ponerte en contacto con otras familias.", "es"),
])
def test_maybe_with_a_modal_to_the_patient_is_a_soft_suggestion(text, language):
    found = criterion(text, "no_minimizing", language)
    assert found.outcome == "partial"
    assert "suggestion" in [note for _t, note in notes(found)]


@pytest.mark.parametrize("text, language", [
    # Near misses: tentative framing with "be", the writer's own "maybe I could", and a
    # "maybe" that speaks of no one.
    ("The choir helped me. Maybe it could be different for you.", "en"),
    ("The choir helped me. Maybe I could have joined sooner.", "en"),
    ("The choir helped me. Maybe the timing could have been better.", "en"),
    ("El coro me ayudó. Quizás podría ser distinto para ti.", "es"),
])
def test_framing_or_the_writers_own_maybe_is_no_suggestion(text, language):
    assert criterion(text, "no_minimizing", language).outcome == "met"
