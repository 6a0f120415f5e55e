"""Blind round 3 (issue 15): each new kind of cue both ways, in English and Spanish.

Every sentence here is our own; none is from the blind sets or from ESConv.
"""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def outcome(text, cid, scenario="anxiety-withdrawal", language=None):
    kwargs = {"language": language} if language else {}
    result = evaluate(text, RUBRIC, load_scenario(scenario), **kwargs)
    return next(c for c in result.criteria if c.id == cid).outcome


# --- resolution and coping: an outcome told as the change itself --------------------------

@pytest.mark.parametrize("text", [
    "Years ago I froze at every party. A neighbour kept inviting me and one evening I noticed "
    "I was joking around again. How are evenings for you?",
    "I hated the first meeting I went to. I listened the whole time and something clicked "
    "that night. What do you picture about group?",
    "When I moved here I knew nobody. Signing up for a choir made all the difference. "
    "What is it like for you?",
])
def test_an_outcome_told_as_the_change_is_a_resolution(text):
    assert outcome(text, "resolved") == "met"


def test_a_past_with_no_change_is_still_partial():
    # Near miss: "again" with no change ("I was alone again"), no turn.
    text = "Years ago I froze at every party and after each one I was alone again. How are you?"
    assert outcome(text, "resolved") == "partial"


def test_a_step_and_a_change_told_as_facts_meet_coping():
    text = ("Back then I could not face the ward. Writing three good things down each night "
            "and a short walk at lunch, and now I enjoy my shifts. How are you finding it?")
    assert outcome(text, "coping_hope") == "met"


def test_a_change_with_no_step_is_half_of_coping():
    # Near miss: the change is told, no step is named.
    text = "I was terrified of groups once and now I love them. What worries you about it?"
    assert outcome(text, "coping_hope", "group-reluctance") == "partial"


def test_healthcare_is_not_healing():
    # "heal*" used to find "healthcare": a word about the system is no hopeful outcome.
    text = "I work in healthcare and the news about it makes me tired. How are you today?"
    assert outcome(text, "coping_hope") == "not_met"


def test_a_present_struggle_with_a_degree_word_is_ongoing():
    text = "I feel pretty anxious myself these weeks and I barely leave the flat. How are you?"
    assert outcome(text, "resolved") == "not_met"


def test_a_past_limit_is_not_ongoing():
    # Near miss: "I barely left" is the past.
    text = ("Last winter I barely left the flat. Calling my sister every evening helped, and "
            "it got easier. How are you?")
    assert outcome(text, "resolved") == "met"


def test_a_struggle_after_when_in_a_handled_habit_is_not_ongoing():
    text = ("A few years ago crowds scared me. I still use slow breathing when I get nervous, "
            "and now I enjoy going out. How do crowds feel for you?")
    assert outcome(text, "resolved") == "met"


def test_a_struggle_after_when_with_nothing_handling_it_is_ongoing():
    # Near miss: no step and no turn in the sentence: the struggle is today's.
    text = "I shake all day when I get nervous at work. How are you?"
    assert outcome(text, "resolved") == "not_met"


# --- minimizing: sameness about a named feeling, promises about the patient ----------------

@pytest.mark.parametrize("text", [
    "I know exactly what lonely feels like. Walking every morning helped me. How are you?",
    "I used to hide in my room too. Talking to a friend helped. So yeah I get it.",
    "I was shy once and a club helped me. You'll find your crowd too, Jamie.",
])
def test_sameness_and_promises_are_the_concern_level(text):
    assert outcome(text, "no_minimizing") == "not_met"


def test_not_knowing_the_feeling_is_respectful():
    # Near miss: the same words negated.
    text = ("I don't know exactly what lonely feels like for you. Walking helped me once. "
            "How are you?")
    assert outcome(text, "no_minimizing") == "met"


# --- brief: a short verdict that shares nothing -------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Chin up Jamie, at least you have your family!", "en"),
    ("Same here, I'm exactly like that, I get it.", "en"),
    ("Tranquila, a todos nos pasa alguna vez, ya se te quita.", "es"),
])
def test_a_short_verdict_is_the_concern_level_of_brief(text, language):
    assert outcome(text, "brief", "hopelessness", language) == "not_met"


@pytest.mark.parametrize("text,language", [
    # Near misses: short, but with a past of the writer's, or an open question.
    ("Crowds scared me once too, and it passed.", "en"),
    ("What has been the hardest part of today for you?", "en"),
    ("A mí también me costó al principio, y se pasó.", "es"),
])
def test_a_short_draft_with_something_shared_is_partial(text, language):
    assert outcome(text, "brief", "hopelessness", language) == "partial"


# --- Spanish ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hace años me daba pánico hablar en público. Empecé a preparar notas y me fue genial. "
    "¿Cómo lo vives tú?",
    "De joven no quería ver a nadie. Un día fui a un taller y me sorprendió lo bien que me "
    "sentí. ¿Qué te preocupa a ti?",
    "Yo tampoco creía en la terapia hasta que encontré una psicóloga con la que hablar. "
    "¿Qué piensas tú?",
])
def test_es_an_outcome_told_as_the_change_is_a_resolution(text):
    assert outcome(text, "resolved", language="es") == "met"


def test_es_a_past_with_no_change_is_partial():
    # Near miss: "me fue" without how it went.
    text = "Hace años me daba pánico hablar en público y me fui de la clase. ¿Cómo lo vives tú?"
    assert outcome(text, "resolved", language="es") == "partial"


@pytest.mark.parametrize("text", [
    "Ay, últimamente no duermo y ando de malas con todos. ¿Y tú cómo estás?",
    "Pues yo también me siento así estos días, no le veo sentido a nada. ¿Y tú?",
])
def test_es_an_everyday_present_struggle_is_ongoing(text):
    assert outcome(text, "resolved", "hopelessness", "es") == "not_met"


def test_es_a_struggle_after_cuando_in_a_handled_habit_is_not_ongoing():
    text = ("Hace unos años me costaba salir. Todavía uso la respiración lenta cuando me pongo "
            "nerviosa, y ahora ya disfruto las reuniones. ¿Qué sientes tú?")
    assert outcome(text, "resolved", language="es") == "met"


def test_es_small_goals_of_any_size_are_a_step():
    text = ("Pasé una época sin ganas de nada. Me puse metas muy pequeñas cada mañana y poco a "
            "poco mejoré. ¿Cómo estás tú?")
    assert outcome(text, "coping_hope", "hopelessness", "es") == "met"


def test_es_dating_is_not_a_coping_step():
    # Near miss: "saliendo con alguien" is dating, not "lo superé saliendo".
    text = "Cuando me dejaron lo pasé mal. Ahora estoy saliendo con alguien y muy bien. ¿Y tú?"
    assert outcome(text, "coping_hope", "hopelessness", "es") == "partial"


@pytest.mark.parametrize("text", [
    "Yo pasé por algo así y me ayudó caminar. Así que somos dos, ¿eh?",
    "Me costó mucho al principio, pero hablar me ayudó. Tú y yo nos entendemos.",
    "A mí me ayudó mucho hablar con alguien. Llámame cuando quieras hablar.",
    "A mí me ayudó la terapia. Pídele a tu médico que te mande con alguien.",
])
def test_es_complicity_and_clitic_orders_are_the_concern_level(text):
    assert outcome(text, "no_minimizing", language="es") == "not_met"


def test_es_telling_of_a_call_is_not_an_order():
    # Near miss: the writer's own past call, not an order to the patient.
    text = "A mí me ayudó mucho llamar a una amiga cada noche. ¿Tú con quién hablas?"
    assert outcome(text, "no_minimizing", language="es") == "met"


@pytest.mark.parametrize("text", [
    "Yo pasé lo mismo en mi primer trabajo y escribir me ayudó. ¿Cómo lo llevas tú?",
    "A mí me ayudó caminar cada tarde. Vas a salir de esto, te lo aseguro.",
])
def test_es_same_thing_happened_and_promises_are_the_concern_level(text):
    assert outcome(text, "no_minimizing", language="es") == "not_met"


def test_es_a_promise_negated_is_not_a_promise():
    # Near miss: "no te lo puedo asegurar" says the writer cannot promise.
    text = "A mí me ayudó caminar cada tarde, aunque no te lo puedo asegurar para ti. ¿Y tú?"
    assert outcome(text, "no_minimizing", language="es") != "not_met"


@pytest.mark.parametrize("text,language", [
    ("Years ago I hid at home, and walking helped. Honestly this government makes it worse "
     "for all of us. How are you?", "en"),
    ("Hace años no salía y caminar me ayudó. Con este gobierno todo cuesta más. ¿Y tú?", "es"),
])
def test_a_political_opinion_is_a_boundaries_concern(text, language):
    assert outcome(text, "boundaries", "hopelessness", language) == "not_met"


def test_the_word_government_in_a_plain_fact_is_not_an_opinion():
    # Near miss: a job named, no opinion about a government.
    text = "Years ago I worked for a government office and felt alone; a walking group helped. How are you?"
    assert outcome(text, "boundaries", "hopelessness") == "met"


def test_a_step_only_tried_after_used_to_is_no_resolution():
    text = ("I used to dread the day room, and I tried slow breathing and a short walk before it. "
            "How is the day room for you?")
    assert outcome(text, "resolved") == "partial"


def test_a_step_kept_up_after_used_to_is_a_resolution():
    # Near miss: the same step told as what the writer did, not only tried.
    text = ("I used to dread the day room, and I would take a short walk before it. "
            "How is the day room for you?")
    assert outcome(text, "resolved") == "met"


def test_es_a_step_only_tried_is_no_resolution():
    text = ("Antes ya no salía de casa y probé la respiración lenta y caminar un poco. "
            "¿Cómo estás tú?")
    assert outcome(text, "resolved", language="es") != "met"
