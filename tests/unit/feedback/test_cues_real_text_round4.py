"""Fourth real-text round (issue 14): structural kinds of coping and resolution told as what
happened, each tested both ways (a positive and a near miss) in English and Spanish.

Every sentence here is our own (none is from the ESConv corpus, whose texts stay out of the
repository).
"""
import pytest

from tests.unit.feedback.cue_helpers import criterion, notes


# --- coping: an effort the writer keeps up ("I try to …") is a step told as what happened -------

@pytest.mark.parametrize("text, language, step", [
    ("I try to see one friend every week.", "en", "I try to see"),
    ("After that year I made sure to rest on Sundays.", "en", "I made sure to rest"),
    ("Intento ordenar mi cuarto cada mañana.", "es", "Intento ordenar"),
    ("Después de aquel año me aseguré de descansar los domingos.", "es", "me aseguré de descansar"),
])
def test_an_effort_kept_up_is_a_step(text, language, step):
    found = criterion(text, "coping_hope", language)
    assert found.outcome == "partial"
    assert (step, "coping step") in notes(found)


@pytest.mark.parametrize("text, language", [
    # Near misses: an effort to hide or to numb is no step to model; an effort the patient is
    # told to make is advice.
    ("I tried to hide it from everyone.", "en"),
    ("You should try to rest on Sundays.", "en"),
    ("Intenté esconderlo de todos.", "es"),
    ("Deberías intentar descansar los domingos.", "es"),
])
def test_an_effort_to_hide_or_an_advised_effort_is_no_step(text, language):
    found = criterion(text, "coping_hope", language)
    assert found.outcome == "not_met"
    assert not [n for n in notes(found) if n[1] == "coping step"]


# --- coping and resolution: an "until" clause that tells a good end ----------------------------

@pytest.mark.parametrize("text, language, turn", [
    ("Back then I wrote down three calm sentences and read them until the fear had passed.", "en",
     "until the fear had passed"),
    ("Cuando yo estaba nerviosa, escribía tres frases tranquilas y las leía hasta que el miedo "
     "desapareció.", "es", "hasta que el miedo desapareció"),
])
def test_an_until_clause_with_a_good_end_is_the_outcome(text, language, turn):
    coping = criterion(text, "coping_hope", language)
    assert coping.outcome == "met"
    assert (turn, "hopeful outcome") in notes(coping)
    resolved = criterion(text, "resolved", language)
    assert resolved.outcome == "met"
    assert (turn, "how it turned out") in notes(resolved)


@pytest.mark.parametrize("text, language", [
    # Near misses: a person leaving or dying is no good end; an "until" clause that starts the
    # trouble is none either; a habit told as over ("used to … until") is not the step's end.
    ("Back then I wrote down three calm sentences every night until he left.", "en"),
    ("Back then I wrote down three calm sentences every night until I lost my job.", "en"),
    ("Yo escribía tres frases tranquilas cada noche hasta que ella desapareció.", "es"),
])
def test_an_until_clause_without_a_good_end_is_no_outcome(text, language):
    coping = criterion(text, "coping_hope", language)
    assert coping.outcome == "partial"
    assert not [n for n in notes(coping) if n[1] == "hopeful outcome"]
    assert criterion(text, "resolved", language).outcome == "partial"


def test_a_death_told_with_passed_is_no_outcome():
    text = "I sat with my mother every night until she passed."
    found = criterion(text, "coping_hope")
    assert not [n for n in notes(found) if n[1] == "hopeful outcome"]
    assert criterion(text, "resolved").outcome == "partial"


def test_a_difficulty_that_passed_is_still_an_outcome():
    # Near miss of the one above: "they passed" of bad days is the good end.
    text = "I had days like this too, and I kept walking every morning until they passed."
    assert criterion(text, "resolved").outcome == "met"


# --- coping: a negated bleak phrase ("I never gave up") is not a bleak ending -------------------

@pytest.mark.parametrize("text, language", [
    ("I kept a journal and it got easier; I never gave up.", "en"),
    ("Llevé un diario y se hizo más fácil; nunca me rendí.", "es"),
])
def test_a_negated_bleak_phrase_is_no_bleak_ending(text, language):
    found = criterion(text, "coping_hope", language)
    assert found.outcome == "met"
    assert not [n for n in notes(found) if n[1] == "bleak ending"]


@pytest.mark.parametrize("text, language, bleak", [
    ("I kept a journal and it got easier for a while, but in the end I gave up.", "en", "gave up"),
    ("Llevé un diario y se hizo más fácil un tiempo, pero al final me rendí.", "es", "me rendí"),
])
def test_a_bleak_phrase_that_is_not_negated_is_still_bleak(text, language, bleak):
    found = criterion(text, "coping_hope", language)
    assert found.outcome == "not_met"
    assert (bleak, "bleak ending") in notes(found)


# --- coping: a tentative suggestion offers a step, whatever the step is -------------------------

@pytest.mark.parametrize("text, language, words", [
    ("That sounds so tiring. Have you talked to your doctor about it?", "en", "Have you talked to"),
    ("Suena agotador. ¿Has hablado con tu médico de esto?", "es", "Has hablado con"),
])
def test_a_tentative_suggestion_is_a_suggested_step(text, language, words):
    found = criterion(text, "coping_hope", language)
    assert found.outcome == "partial"
    assert (words, "suggested step") in notes(found)
    assert criterion(text, "no_minimizing", language).outcome == "partial"


@pytest.mark.parametrize("text, language", [
    # Near misses: a question about the patient's day suggests nothing.
    ("That sounds so tiring. How has your week been?", "en"),
    ("Suena agotador. ¿Cómo ha ido tu semana?", "es"),
])
def test_a_plain_question_suggests_no_step(text, language):
    assert criterion(text, "coping_hope", language).outcome == "not_met"
