"""Blind round 6 (issues 14 and 15): each new kind of cue for `resolved` and `relevant` both
ways, in English and Spanish.

Endings told as plain facts or outcomes (the step that lifted the writer out of the state, a
later time told with what the writer could do by then, a return that shows the step worked),
present states that say the struggle is still on, and the look-alikes. Every sentence here is
our own; none is from the blind sets or from ESConv.
"""
import pytest

from .cue_helpers import criterion, notes


def outcome(text, cid, language="en", scenario="anxiety-withdrawal"):
    return criterion(text, cid, language, scenario).outcome


# --- resolved: the step told as what lifted the writer out of it ---------------------------

@pytest.mark.parametrize("text,language", [
    ("Two winters ago I hid in my flat for weeks. Evening swims with my cousin pulled me out "
     "of it. How are the evenings for you?", "en"),
    ("A few years ago I hid from everyone. Short walks got me out of it. How are you?", "en"),
    ("Hace dos inviernos no salía de mi piso. Las tardes de natación con mi prima me fueron "
     "sacando. ¿Cómo llevas las tardes?", "es"),
    ("Hace años salí de la depresión gracias a un taller de carpintería. ¿Cómo estás tú?", "es"),
])
def test_what_lifted_the_writer_out_is_how_it_ended(text, language):
    assert outcome(text, "resolved", language) == "met"


@pytest.mark.parametrize("text,language", [
    # Near misses: negated, and leaving a place rather than a state.
    ("Two winters ago I hid in my flat for weeks. Nothing pulled me out of it. How are the "
     "evenings for you?", "en"),
    ("Hace dos inviernos no salía de mi piso. Nada me fue sacando. ¿Cómo llevas las tardes?", "es"),
    ("Hace años salí de mi casa de madrugada sin saber adónde ir. ¿Cómo estás tú?", "es"),
])
def test_no_way_out_told_is_no_ending(text, language):
    assert outcome(text, "resolved", language) == "partial"


# --- resolved: a later time told with what the writer could do by then ----------------------

@pytest.mark.parametrize("text,language", [
    ("When I started this job I ate lunch alone in my car. I kept at it with one colleague, "
     "and by the third week I was sitting with the whole team. How is lunch for you?", "en"),
    ("Two winters ago I hid in my flat for weeks. It took a year of choir before I could sit "
     "in a crowded room again. How are the evenings for you?", "en"),
    ("Cuando entré a la fábrica comía sola en el coche. Me senté con una compañera y al poco "
     "tiempo comía con todo el equipo. ¿Cómo te va a ti?", "es"),
])
def test_a_later_time_with_what_the_writer_could_do_is_an_outcome(text, language):
    assert outcome(text, "resolved", language) == "met"


def test_a_wish_to_do_it_again_is_no_outcome():
    text = ("Two winters ago I hid in my flat for weeks. I wished every day that I could sit in "
            "a crowded room again. How are the evenings for you?")
    assert outcome(text, "resolved") == "partial"


# --- resolved: a return that shows the step worked; an emphatic ending ----------------------

@pytest.mark.parametrize("text,language", [
    ("My first group felt pointless. I kept coming back because one woman always kept me a "
     "chair. What worries you about it?", "en"),
    ("I used to skip every meeting. I tried the quiet room once, and it did get easier. How "
     "is it for you?", "en"),
    ("Al principio no quería ir al grupo. Seguí yendo cada jueves. ¿Qué te preocupa?", "es"),
])
def test_a_return_or_an_emphatic_ending_is_an_outcome(text, language):
    assert outcome(text, "resolved", language, "group-reluctance") == "met"


def test_going_back_to_the_withdrawal_is_no_return():
    text = "My first group felt pointless. I kept going back to bed every afternoon. What worries you?"
    assert outcome(text, "resolved", "en", "group-reluctance") == "partial"


# --- resolved: "no longer" / "ya no" is the writer's change only when said of the writer ----

@pytest.mark.parametrize("text,language", [
    ("The groups here no longer run the way they did, the budget got cut. I went to one years "
     "ago. Up to you.", "en"),
    ("Los talleres de aquí ya no funcionan como antes, con tantos recortes. Yo fui a uno hace "
     "años. Tú decides.", "es"),
])
def test_no_longer_said_of_something_else_is_no_ending(text, language):
    assert outcome(text, "resolved", language, "group-reluctance") == "partial"


@pytest.mark.parametrize("text,language", [
    ("I no longer dread groups: years ago I sat silent, and then I spoke up. Up to you.", "en"),
    ("Ya no me da miedo el grupo: hace años no abría la boca, y luego hablé. Tú decides.", "es"),
])
def test_no_longer_said_of_the_writer_is_an_ending(text, language):
    assert outcome(text, "resolved", language, "group-reluctance") == "met"


# --- resolved: a present state says the struggle is still on --------------------------------

@pytest.mark.parametrize("text,language", [
    ("Honestly I'm burnt out from the night shifts and I can't face anyone. How are you "
     "doing?", "en"),
    ("My month has been awful and I'm so stressed I can't sleep. How are you doing?", "en"),
    ("Me pasa lo mismo con las reuniones del trabajo, esta semana tengo otra y ya me estoy "
     "estresando.", "es"),
])
def test_a_present_state_is_ongoing(text, language):
    assert outcome(text, "resolved", language, "group-reluctance") == "not_met"


@pytest.mark.parametrize("text,language", [
    ("A few years ago I was burnt out and hid from everyone. Short walks got me out of it. How "
     "are you?", "en"),
    ("Hace años me pasaba lo mismo con las reuniones, y con el tiempo se me fue quitando.", "es"),
])
def test_the_same_state_told_in_the_past_is_not(text, language):
    assert outcome(text, "resolved", language, "group-reluctance") == "met"


def test_now_inside_a_struggle_cue_is_no_turn():
    # "Right now I'm …" is the struggle; its "now I'm" is not a change to "now".
    found = criterion("Right now I'm skipping my own group every week. I don't blame you.",
                      "resolved", "en", "group-reluctance")
    assert found.outcome == "not_met"
    assert all(note != "how you manage it" for _text, note in notes(found))



# --- resolved: a rest of the struggle conceded after the ending is a mixed ending -----------

@pytest.mark.parametrize("text,language", [
    ("Hace años no salía de la cama. Poco a poco me fui recuperando, aunque todavía hay días "
     "malos. ¿Cómo estás?", "es"),
    ("Years ago I hid in bed for months. Walking got me out of it, though I'm still "
     "struggling some days. How are you?", "en"),
])
def test_a_rest_conceded_after_the_ending_is_partial(text, language):
    assert outcome(text, "resolved", language, "hopelessness") == "partial"


@pytest.mark.parametrize("text,language", [
    # Near misses: a relapse after the ending is a struggle going on now.
    ("Years ago I hid in bed for months. Walks slowly helped, but these days I'm struggling "
     "again. How are you?", "en"),
    ("Hace años no salía de la cama. Caminar me ayudó, pero ahora estoy sin ganas otra vez. "
     "¿Cómo estás?", "es"),
])
def test_a_relapse_after_the_ending_is_ongoing(text, language):
    assert outcome(text, "resolved", language, "hopelessness") == "not_met"


# --- resolved: "Been there." is the writer's, with the "I've" left out ----------------------

def test_an_elided_been_there_shares_something_of_the_writers():
    assert outcome("Been there. It gets better.", "resolved", "en", "hopelessness") == "partial"


@pytest.mark.parametrize("text", [
    "Hang in there. It gets better.",
    "It has been a rough year for everyone. It gets better.",
])
def test_been_inside_a_sentence_is_no_elided_writer(text):
    assert outcome(text, "resolved", "en", "hopelessness") == "not_met"


# --- resolved: a worry told in the present perfect reaches now ------------------------------

@pytest.mark.parametrize("text", [
    "I have been worried about the night shifts too. How are you finding them?",
    "Honestly I've been feeling the same way about the ward. How are you finding it?",
])
def test_a_present_perfect_worry_is_ongoing(text):
    assert outcome(text, "resolved") == "not_met"


def test_the_same_worry_in_the_simple_past_is_not():
    text = ("I was worried about the night shifts too, years ago. Sitting with one nurse got me "
            "out of it. How are you finding them?")
    assert outcome(text, "resolved") == "met"


# --- resolved: the difficulty told first, its occasion after, and what pays off -------------

def test_a_handled_difficulty_told_before_its_occasion_is_met():
    text = ("I get low when the winter drags on, but I keep my morning swim and it pays off. "
            "How are you?")
    assert outcome(text, "resolved", "en", "hopelessness") == "met"


def test_a_difficulty_with_nothing_that_pays_off_is_not():
    text = "I get low when the winter drags on and nothing pays off. How are you?"
    assert outcome(text, "resolved", "en", "hopelessness") == "partial"


# --- resolved (Spanish): a present "me ayuda" in a recurring difficulty is a handled habit --

@pytest.mark.parametrize("text", [
    "Cuando me pongo nerviosa, respiro hondo y me ayuda. ¿Y tú?",
    "Cuando me siento sola, llamo a mi hermana y me sirve. ¿Y tú?",
])
def test_a_present_help_in_a_recurring_difficulty_is_met(text):
    assert outcome(text, "resolved", "es") == "met"


@pytest.mark.parametrize("text,expected", [
    # Near misses: it does not help; a struggle of now that talking eases; no difficulty named.
    ("Cuando me pongo nerviosa, respiro hondo pero no me ayuda. ¿Y tú?", "not_met"),
    ("Ahora mismo estoy fatal, hablar contigo me ayuda. ¿Y tú?", "not_met"),
    ("Respirar hondo me ayuda. ¿Y tú?", "partial"),
])
def test_a_present_help_without_a_handled_difficulty_is_not(text, expected):
    assert outcome(text, "resolved", "es") == expected


# --- resolved: short endings and present limits (round 4 read again for these kinds) -------

@pytest.mark.parametrize("text,language", [
    ("As a teenager I was painfully shy and dodged every party, and I grew out of it. How are "
     "you?", "en"),
    ("My first month here I hid at breaks. I set myself one chat a day, and a year later I "
     "was running the staff quiz. How are you?", "en"),
    ("Al principio me daba corte el grupo. Lo pasé mal y luego bien. ¿Y tú?", "es"),
])
def test_a_short_ending_told_as_a_fact_is_met(text, language):
    assert outcome(text, "resolved", language) == "met"


@pytest.mark.parametrize("text", [
    # Near misses: growing out of clothes; the end of a day is no ending.
    "As a teenager I was painfully shy and dodged every party, and I grew out of my old jeans. "
    "How are you?",
    "My first month here I hid at breaks, and by the end of the day I was wiped. How are you?",
])
def test_a_look_alike_of_a_short_ending_is_not(text):
    assert outcome(text, "resolved") == "partial"


@pytest.mark.parametrize("text,language", [
    ("Some days I still hide in the break room, honestly. How are you?", "en"),
    ("A mí lo que me estresa es el ruido de la planta, todos los días. ¿Y tú?", "es"),
    ("Me separé el año pasado y todavía no lo supero. ¿Y tú?", "es"),
])
def test_a_present_limit_is_ongoing(text, language):
    assert outcome(text, "resolved", language) == "not_met"


def test_the_same_stress_told_in_the_past_with_a_change_is_not():
    text = ("Hace años me estresaba el ruido de la planta, pero con el tiempo me acostumbré. "
            "¿Y tú?")
    assert outcome(text, "resolved", "es") == "met"


def test_a_participle_of_getting_better_is_an_ending_and_its_negation_is_not():
    assert outcome("Years ago I hid at every party, and I've gotten better at it over the years. "
                   "How are you?", "resolved") == "met"
    assert outcome("Years ago I hid at every party, and it has never gotten better. How are you?",
                   "resolved") == "partial"

# --- relevant: the concern told in other words ----------------------------------------------

@pytest.mark.parametrize("text,language,scenario", [
    ("The winter after I moved here I couldn't make myself leave the house for weeks. A "
     "neighbour's dog walks got me going again. How are the evenings for you?", "en",
     "anxiety-withdrawal"),
    ("The winter after my father died, I felt there was nothing ahead of me. Small chores each "
     "morning slowly changed that. How are you today?", "en", "hopelessness"),
    ("Hace años tuve una racha en que sentía que no valía la pena intentar nada. Caminar cada "
     "mañana me fue sacando. ¿Cómo estás?", "es", "hopelessness"),
    ("Hace años pasé una época en que todo me daba igual. Caminar con mi hermano me ayudó. "
     "¿Cómo estás?", "es", "hopelessness"),
    ("Yo salí de mi depre cuando empecé a nadar con una amiga. ¿Cómo estás?", "es", "hopelessness"),
    ("Cuando llegué a la ciudad me temblaban las manos en cada fiesta. Con el tiempo se me pasó. "
     "¿Cómo te va?", "es", "anxiety-withdrawal"),
    ("Hace años me costaba muchísimo estar rodeada de gente. Con el tiempo se me pasó. ¿Cómo te "
     "va?", "es", "anxiety-withdrawal"),
])
def test_the_concern_paraphrased_is_relevant(text, language, scenario):
    assert outcome(text, "relevant", language, scenario) == "met"


@pytest.mark.parametrize("text,language,scenario", [
    # Near misses: leaving the house as an errand, a hard time that is about someone missed.
    ("The winter after I moved here I made myself leave the house early for work. How are "
     "the evenings for you?", "en", "anxiety-withdrawal"),
    ("Hace años me costaba muchísimo estar sin mi madre. Con el tiempo se me pasó. ¿Cómo te "
     "va?", "es", "anxiety-withdrawal"),
])
def test_the_same_words_about_something_else_are_not(text, language, scenario):
    assert outcome(text, "relevant", language, scenario) != "met"


def test_not_worth_going_to_group_stays_doubt_not_hopelessness():
    # "no valía la pena ir al grupo" is doubt about the group (a concern of group-reluctance),
    # not the hopelessness that "no valía la pena intentar nada" tells.
    text = "Hace años pensaba que no valía la pena ir al grupo. ¿Qué te preocupa?"
    assert outcome(text, "relevant", "es", "hopelessness") == "partial"


# --- relevant: what the writer likens to the scenario's thing is not shared -----------------

@pytest.mark.parametrize("text,language", [
    ("Group circles remind me of my book club, which I quit. Are you coming at 3?", "en"),
    ("Our staff meetings drag on forever and my boss shouts. Are you coming to group at 3?", "en"),
    ("Los círculos del grupo me recuerdan a las juntas del trabajo, que odio. ¿Vienes a las 3?", "es"),
])
def test_a_likeness_to_the_writers_own_matter_is_not_relevant(text, language):
    assert outcome(text, "relevant", language, "group-reluctance") == "not_met"


def test_a_likeness_inside_the_shared_story_still_counts():
    text = ("I dreaded my first group circle too, it reminded me of school. I kept coming back "
            "and it got easier. Are you coming at 3?")
    assert outcome(text, "relevant", "en", "group-reluctance") == "met"
