"""Relevance on round 7's writing (issues 14 and 15): claims that point at the patient's own
experience, and the concern told with a word in the middle. Each kind both ways (a positive
and a near-miss negative), in English and Spanish where the kind exists in both."""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def judged(text, scenario="anxiety-withdrawal"):
    sc = load_scenario(scenario)
    return next(c for c in evaluate(text, RUBRIC, sc).criteria if c.id == "relevant").outcome


# Knowing what the patient is going through, an intensifier or a pronoun in between: a weak
# claim (the middle level alone), not knowing what they mean about something else.
def test_knowing_what_the_patient_goes_through_en():
    assert judged("I totally get what you're going through.") == "partial"
    assert judged("I totally get what you mean about the food.") == "not_met"


def test_knowing_what_the_patient_goes_through_es():
    assert judged("Yo sé lo que tú estás pasando.") == "partial"
    assert judged("Sé exactamente cómo te sientes.") == "partial"
    assert judged("Yo sé lo que tú estás cocinando.") == "not_met"


# Sameness said of the writer's own past self with no noun after it: a strong claim.
def test_sameness_of_the_writers_past_self_en():
    assert judged("I was exactly the same a few years ago, and breathing slowly helped me.") == "met"
    assert judged("I ate the same breakfast a few years ago, and breathing slowly helped me.") == "not_met"


def test_sameness_of_the_writers_past_self_es():
    assert judged("Eso mismo me pasó a mí hace unos años, y respirar despacio me ayudó.") == "met"
    assert judged("Yo estaba igual hace unos años, y respirar despacio me ayudó.") == "met"
    assert judged("Eso mismo me dijo mi madre hace unos años, y respirar despacio me ayudó.") == "not_met"
    assert judged("Yo estaba en la misma oficina hace unos años, y respirar despacio me ayudó.") == "not_met"


# "Done that myself": a reference to what the patient told, not "done that course myself".
def test_done_that_myself_en():
    assert judged("I have done that myself, and it got easier.", "hopelessness") == "met"
    assert judged("I have done that course myself, and it got easier.", "hopelessness") == "partial"


# Keeping away from people told as not leaving one's home (only negated), or as not wanting to
# run into anyone.
def test_not_leaving_home_en():
    assert judged("A few years ago I wouldn't leave my flat for weeks, and breathing slowly "
                  "helped me.") == "met"
    assert judged("A few years ago I had to leave my flat for weeks, and breathing slowly "
                  "helped me.") == "not_met"


def test_not_running_into_anyone_es():
    assert judged("Hace unos años no quería cruzarme con nadie, y respirar despacio me ayudó.") == "met"
    assert judged("Hace unos años quería cruzarme el país en moto, y respirar despacio me ayudó.") == "not_met"


def test_avoidance_as_what_could_not_be_faced_en():
    assert judged("I couldn't face the staff kitchen at work, my heart would race walking past it.") == "met"
    assert judged("I couldn't find the staff kitchen at work, my heart would race walking past it.") == "partial"


# Lost hope with a pronoun in the middle, or the "never" at the end; belief given up.
def test_hopelessness_with_a_word_in_between_es():
    assert judged("A los veinte no le veía futuro a nada, y hablar con una amiga me ayudó.",
                  "hopelessness") == "met"
    assert judged("A los veinte le veía futuro a todo, y hablar con una amiga me ayudó.",
                  "hopelessness") == "not_met"
    assert judged("Sentía que de ese hueco no iba a salir nunca, y hablar con una amiga me ayudó.",
                  "hopelessness") == "met"
    assert judged("Sentía que no iba a salir de viaje, y hablar con una amiga me ayudó.",
                  "hopelessness") == "not_met"


def test_belief_given_up_en():
    assert judged("When my dad was sick I stopped believing things would get better, and walking "
                  "helped me.", "hopelessness") == "met"
    assert judged("When my dad was sick I believed things would get better, and walking helped me.",
                  "hopelessness") != "met"



# Understanding backed by a moment of the writer's own ("I do understand, because once I …") is a
# strong claim; backed by what the patient said, it stays the weak "I understand".
def test_understanding_grounded_in_the_writers_moment_en():
    assert judged("I do understand, because once I had to start over in a new town.",
                  "group-reluctance") == "met"
    assert judged("I do understand, because you told me about it yesterday.",
                  "group-reluctance") == "partial"


def test_understanding_grounded_in_the_writers_moment_es():
    assert judged("Te entiendo perfectamente, porque a mí me costó mucho el primer año en la ciudad.",
                  "group-reluctance") == "met"
    assert judged("Te entiendo perfectamente, porque me lo explicaste ayer.",
                  "group-reluctance") == "partial"

# A scenario's context written in the draft's language lends its own words in Spanish as in
# English, matched on a crude stem ("salía" ~ "sale", "habitaciones" ~ "habitación"); its
# function and scene words ([stopwords]) and the patient's name lend none.
def _with_context(text, context, keywords=("soledad", "tristeza")):
    from disclosure_xblock.rubric import Scenario
    sc = Scenario(key="ctx-es", patient="Lucía", keywords=keywords, context=context)
    return next(c for c in evaluate(text, RUBRIC, sc).criteria if c.id == "relevant")


_CONTEXT_ES = ("Lucía lleva una semana en la unidad. No sale de su habitación, no baja al comedor "
               "y dice que no quiere ver a nadie.")
_CONTEXT_EN = ("Lucy has been on the unit for a week. She does not leave her room, skips the "
               "dining room and says she does not want to see anyone.")


def test_context_words_in_spanish():
    found = _with_context("Hace unos años no salía de mi habitación y no bajaba al comedor.", _CONTEXT_ES)
    assert found.outcome == "met"
    assert "habitación" in [e.text for e in found.evidence]
    assert _with_context("Hace unos años me mudé de ciudad y empecé a trabajar de noche.",
                         _CONTEXT_ES).outcome == "not_met"


def test_context_patient_name_and_stopwords_lend_nothing_es():
    assert _with_context("Me encantaban las luces de la ciudad cada noche de la semana.",
                         _CONTEXT_ES).outcome == "not_met"


def test_context_in_another_language_lends_only_its_groups():
    # An English context gives a Spanish draft no words of its own (only synonym groups).
    assert _with_context("Hace unos años pinté mi habitación.", _CONTEXT_EN).outcome == "not_met"
    assert _with_context("Hace unos años pinté mi habitación.", _CONTEXT_ES).outcome == "partial"
    assert _with_context("A few years ago I painted my room.", _CONTEXT_EN).outcome == "partial"
