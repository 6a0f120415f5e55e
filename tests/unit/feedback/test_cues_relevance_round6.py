"""Relevance not over-credited (issues 14 and 15, sixth round): each kind both ways (a positive
and a near-miss negative), in English and Spanish where the kind exists in both."""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def judged(text, scenario="anxiety-withdrawal"):
    sc = load_scenario(scenario)
    return next(c for c in evaluate(text, RUBRIC, sc).criteria if c.id == "relevant").outcome


# Nerves before a test or a performance are another anxiety than the patient's: loose.
def test_performance_nerves_are_loose_en():
    assert judged("I got really anxious before my driving test and my voice shook.") == "partial"
    assert judged("I got really anxious around new people and my voice shook.") == "met"


def test_performance_nerves_are_loose_es():
    assert judged("Me daba ansiedad antes de cada presentación en la universidad.") == "partial"
    assert judged("Me daba ansiedad estar con gente y me quedaba en mi cuarto.") == "met"


def test_hopelessness_after_a_failed_test_stays_the_concern():
    assert judged("I felt hopeless for months after I failed my nursing exam.", "hopelessness") == "met"


# The concern's feeling word told about a trouble of another domain (a car, a sports team, a
# move into a shared home) is no link at all.
def test_far_domain_car_en():
    assert judged("I felt hopeless when I couldn't fix my car for weeks.", "hopelessness") == "not_met"
    assert judged("I felt hopeless for weeks and couldn't get out of bed.", "hopelessness") == "met"


def test_far_domain_car_es():
    assert judged("Me puse muy ansiosa cuando me quedé sin coche un mes.") == "not_met"
    assert judged("Me puse muy ansiosa cuando tuve que estar con gente nueva.") == "met"


def test_far_domain_team_es():
    assert judged("Yo también perdí la esperanza con mi equipo favorito el año pasado.",
                  "hopelessness") == "not_met"
    assert judged("Yo también perdí la esperanza el año pasado y no quería levantarme.",
                  "hopelessness") == "met"


def test_doubt_about_moving_in_en():
    assert judged("I had doubts about moving in with my partner, but we talked it through.",
                  "group-reluctance") == "not_met"
    assert judged("I had doubts about joining a group, but I talked it through.",
                  "group-reluctance") == "met"


def test_doubt_about_moving_in_es():
    assert judged("Yo también tenía dudas cuando me fui a vivir con mi novio.",
                  "group-reluctance") == "not_met"
    assert judged("Yo también tenía dudas antes de ir al grupo.", "group-reluctance") == "met"


# A group chat is not a group session.
def test_group_chat_is_not_the_group_en():
    assert judged("I used to hate the group chat at work, it never stopped buzzing.",
                  "group-reluctance") == "not_met"
    assert judged("I used to hate the group at first, I never wanted to talk.", "group-reluctance") == "met"


def test_group_chat_is_not_the_group_es():
    assert judged("Odiaba el chat de grupo de mi trabajo, no paraba de sonar.",
                  "group-reluctance") == "not_met"
    assert judged("Odiaba el grupo al principio y no quería hablar.", "group-reluctance") == "met"


# Everyday low spirits ("bummed") are a loose link.
def test_bummed_is_a_loose_link():
    assert judged("I was bummed when my team lost the final.", "hopelessness") == "partial"
    assert judged("I was busy when my team lost the final.", "hopelessness") == "not_met"


# "Been there." with the "I've" left out is the writer's claim, a weak one.
def test_elided_been_there_is_a_weak_claim():
    assert judged("Been there. It gets easier with time.", "hopelessness") == "partial"
    assert judged("My sister has been there. It gets easier with time.", "hopelessness") == "not_met"


# An exercise class is not a group session.
def test_exercise_class_is_not_the_group():
    assert judged("I was nervous to join a yoga class at first.", "group-reluctance") == "partial"
    assert judged("I was nervous to join a therapy class at first.", "group-reluctance") == "met"


# Hopelessness told as indifference or an empty future, in Spanish.
def test_hopelessness_as_indifference_es():
    assert judged("Hubo un tiempo en que todo me daba lo mismo y no salía de casa.", "hopelessness") == "met"
    assert judged("Hubo un tiempo en que cocinaba lo mismo y no salía de casa.", "hopelessness") == "not_met"
    assert judged("Pasé un año en que la vida no me guardaba nada bueno.", "hopelessness") == "met"
    assert judged("Pasé un año en que mi tía no me guardaba el secreto.", "hopelessness") == "not_met"
