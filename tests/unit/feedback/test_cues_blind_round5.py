"""Blind round 5 (issues 14 and 15): each new kind of cue both ways, in English and Spanish.

Coping told as what happened (what the writer names as what helped, a person who helped, a
change that came with time), and what makes a draft read as unresolved. Every sentence here
is our own; none is from the blind sets or from ESConv.
"""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def judged(text, cid, scenario="anxiety-withdrawal"):
    result = evaluate(text, RUBRIC, load_scenario(scenario))
    return next(c for c in result.criteria if c.id == cid)


def outcome(text, cid, scenario="anxiety-withdrawal"):
    return judged(text, cid, scenario).outcome


# --- coping: what the writer names as what helped is the step ------------------------------

@pytest.mark.parametrize("text", [
    "A few winters ago I hid from everyone. What got me through was a Thursday choir. How "
    "are the evenings for you?",
    "Years ago I dreaded the ward. What really helped me was keeping a seat by the window. "
    "What is it like for you?",
])
def test_a_cleft_names_the_step(text):
    assert outcome(text, "coping_hope") == "met"


def test_a_medicine_named_as_what_helped_is_no_step_to_model():
    # Near miss: the cleft names a medicine, so the outcome stands alone (partial).
    text = ("A few winters ago I hid from everyone. What got me through was a higher dose of "
            "sertraline. How are the evenings for you?")
    finding = judged(text, "coping_hope")
    assert finding.outcome == "partial"
    assert any("sertraline" in e.text for e in finding.evidence)


def test_a_deity_named_as_what_saved_is_no_concrete_step():
    text = ("A few winters ago I hid from everyone. What saved me was giving it all to God. "
            "How are the evenings for you?")
    assert outcome(text, "coping_hope") == "partial"


def test_the_subject_of_a_helping_verb_is_the_step():
    text = ("When I started here I ate alone every shift. The evening pottery classes saved "
            "me. How are you finding the ward?")
    finding = judged(text, "coping_hope")
    assert finding.outcome == "met"
    assert any("pottery" in e.text for e in finding.evidence)


def test_a_person_who_only_helped_is_not_yet_a_step():
    # Near miss: "my brother helped" names who, not what was done.
    text = "When I started here I ate alone every shift. My brother helped. How are you finding the ward?"
    assert outcome(text, "coping_hope") == "partial"


# --- coping: a person who helped, told as what they did with the writer --------------------

@pytest.mark.parametrize("text", [
    "After the move I stayed in my flat for weeks. A coworker kept inviting me to the canteen "
    "and after a while I felt at home there. How is it for you?",
    "After the move I stayed in my flat for weeks. My cousin came with me to the first "
    "meetup, which helped. How is it for you?",
])
def test_a_person_who_helped_is_a_step(text):
    assert outcome(text, "coping_hope") == "met"


def test_nobody_inviting_the_writer_is_no_step():
    text = "After the move I stayed in my flat for weeks and nobody invited me anywhere. How is it for you?"
    assert outcome(text, "coping_hope") == "not_met"


# --- coping: a change that came with time is the outcome ------------------------------------

def test_a_gradual_change_after_the_step_is_an_outcome():
    text = ("In my first job I shook before every meeting. A mentor taught me to count my "
            "breaths, and bit by bit I spoke up again. What is that like for you?")
    assert outcome(text, "coping_hope") == "met"


def test_the_step_alone_is_half_of_coping():
    # Near miss: the same step with no change told.
    text = ("In my first job I shook before every meeting. A mentor taught me to count my "
            "breaths. What is that like for you?")
    assert outcome(text, "coping_hope") == "partial"


# --- coping: look-alikes of a step and of an outcome ---------------------------------------

def test_sleep_lost_or_shared_is_no_step():
    text = ("When my marriage ended we stopped sleeping together and later I felt better. "
            "How are you doing?")
    assert outcome(text, "coping_hope", "hopelessness") == "partial"


def test_sleep_as_a_routine_is_a_step():
    text = "When my marriage ended I kept a regular sleep time and later I felt better. How are you doing?"
    assert outcome(text, "coping_hope", "hopelessness") == "met"


def test_offering_to_listen_is_no_step_of_the_writer():
    text = "I came out of a dark year once and it got easier. Or I can just listen, if you like?"
    assert outcome(text, "coping_hope", "hopelessness") == "partial"


def test_listening_to_others_is_a_step():
    text = "I came out of a dark year once. I listened to others in a group and it got easier. How are you?"
    assert outcome(text, "coping_hope", "hopelessness") == "met"


def test_a_relative_who_passed_is_no_outcome():
    text = "After my grandpa passed I hardly left the house. How are you today?"
    assert outcome(text, "coping_hope", "hopelessness") == "not_met"


def test_a_worry_that_passed_is_an_outcome():
    text = "Years ago I hardly left the house, and the worry passed. How are you today?"
    assert outcome(text, "coping_hope", "hopelessness") == "partial"


# --- resolution: a change with time, an ending told as a fact --------------------------------

@pytest.mark.parametrize("text", [
    "When I joined the unit I kept to myself. After a few months I was cooking with the "
    "others. How is it going for you?",
    "When I joined the unit I kept to myself. I took the late breaks with the team and it "
    "was better. How is it going for you?",
])
def test_a_change_with_time_resolves(text):
    assert outcome(text, "resolved") == "met"


def test_the_past_few_months_are_no_turn():
    # Near miss: "over the past few months" reaches to now, it tells no change.
    text = "Over the past few months at that job I dreaded Mondays. How is it going for you?"
    assert outcome(text, "resolved") == "partial"


# --- resolution: what makes a draft read as unresolved --------------------------------------

@pytest.mark.parametrize("text", [
    "I've had this worry since school and it never really goes away. How are you?",
    "Honestly I don't think I ever got out of it. How are you?",
    "I've tried all sorts with my sleep and nothing works. How are you?",
    "I go for a swim most days but it doesn't really help. How are you?",
    "I still don't really like big rooms full of people. How are you?",
])
def test_a_struggle_that_goes_on_is_not_resolved(text):
    assert outcome(text, "resolved") == "not_met"


@pytest.mark.parametrize("text", [
    "I had this worry in school and it went away eventually. How are you?",
    "Honestly I got out of it in the end. How are you?",
    "I tried all sorts with my sleep and a walk at dusk worked. How are you?",
])
def test_a_struggle_that_ended_is_resolved(text):
    assert outcome(text, "resolved") == "met"


# --- Spanish -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hace años no salía de casa y lo que más me sirvió fue apuntarme a un coro. ¿Cómo lo "
    "llevas tú?",
    "Hace años no salía de casa. Me ayudó escribir tres cosas buenas cada noche. ¿Cómo lo "
    "llevas tú?",
    "Hace años no salía de casa. Me ayudó mucho la natación de los martes. ¿Cómo lo llevas tú?",
])
def test_es_what_helped_is_named_as_the_step(text):
    assert outcome(text, "coping_hope") == "met"


def test_es_a_medicine_named_as_what_helped_is_partial():
    text = ("Hace años no salía de casa y lo que me salvó fue la sertralina. ¿Cómo lo llevas "
            "tú?")
    assert outcome(text, "coping_hope") == "partial"


def test_es_helped_to_feel_is_no_step():
    # Near miss: "me ayudó a sentirme …" tells the outcome, not what was done.
    text = "Hace años no salía de casa. Me ayudó a sentirme mejor. ¿Cómo lo llevas tú?"
    assert outcome(text, "coping_hope") == "partial"


def test_es_a_person_who_helped_is_a_step():
    text = ("Cuando llegué al barrio me encerraba. Una vecina me acompañaba al mercado y así "
            "fui perdiendo el miedo. ¿Cómo es para ti?")
    assert outcome(text, "coping_hope") == "met"


def test_es_nobody_going_with_the_writer_is_no_step():
    text = "Cuando llegué al barrio me encerraba y nadie me acompañaba. ¿Cómo es para ti?"
    assert outcome(text, "coping_hope") == "not_met"


def test_es_hope_lost_is_no_outcome():
    text = "Yo también perdí la esperanza una vez. ¿Cómo estás?"
    assert outcome(text, "coping_hope", "hopelessness") == "not_met"


def test_es_a_resigned_ending_is_hopeless():
    text = ("Tuve una temporada muy gris. Probé a caminar y a escribir, pero la verdad uno se "
            "acostumbra y ya. ¿Cómo estás?")
    assert outcome(text, "coping_hope", "hopelessness") == "not_met"


def test_es_years_with_a_trouble_is_ongoing():
    text = "Yo llevo años con ansiedad y no se me quita. ¿Cómo estás?"
    assert outcome(text, "resolved") == "not_met"


def test_es_years_without_it_is_resolved():
    # Near miss: "llevo años sin …" tells it ended.
    text = "Antes me daban ataques de ansiedad, y ya llevo años sin ellos. ¿Cómo estás?"
    assert outcome(text, "resolved") == "met"


def test_es_a_change_told_as_a_fact_resolves():
    text = "Yo pensaba que el grupo no era para mí. Luego fui y me encantó. ¿Qué te frena a ti?"
    assert outcome(text, "resolved", "group-reluctance") == "met"


# --- resolution: a present perfect that reaches up to now -----------------------------------

def test_a_present_perfect_with_a_recency_marker_is_ongoing():
    text = "I've been on edge all week about the move and I can't settle. How are you?"
    assert outcome(text, "resolved") == "not_met"


def test_a_present_perfect_with_a_step_that_helps_is_not_ongoing():
    # Near miss: the same shape with a step and a change in the sentence.
    text = "I've been walking at lunch this week and it helped me settle. How are you?"
    assert outcome(text, "resolved") != "not_met"


def test_a_present_perfect_without_recency_is_a_past_experience():
    text = "I've been that nervous before, years ago, and it got easier. How are you?"
    assert outcome(text, "resolved") == "met"


# --- coping: a low point that turned is no bleak ending --------------------------------------

def test_almost_giving_up_is_no_bleak_ending():
    text = "Back then slow breathing got me through the course, though twice I nearly gave up."
    assert outcome(text, "coping_hope", "hopelessness") == "met"


def test_giving_up_at_the_end_is_bleak():
    # Near miss: the same ending without "nearly".
    text = "Back then slow breathing got me through the course, though in the end I gave up."
    assert outcome(text, "coping_hope", "hopelessness") == "not_met"


def test_a_bleak_phrase_that_turns_in_its_sentence_is_no_ending():
    text = ("Last spring nothing worked for my sleep, but then a friend taught me to breathe "
            "slowly and it got easier.")
    assert outcome(text, "coping_hope", "hopelessness") == "met"


def test_es_almost_giving_up_is_no_bleak_ending():
    text = ("Aquel año las charlas con una tutora me ayudaron con el curso, aunque casi tiré "
            "la toalla.")
    assert outcome(text, "coping_hope", "hopelessness") == "met"


def test_es_giving_up_at_the_end_is_bleak():
    text = ("Aquel año las charlas con una tutora me ayudaron con el curso, aunque al final "
            "tiré la toalla.")
    assert outcome(text, "coping_hope", "hopelessness") == "not_met"
