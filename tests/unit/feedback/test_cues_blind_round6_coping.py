"""Blind round 6 (issues 14 and 15): each new kind of cue both ways, in English and Spanish.

Coping told as what happened (the way out, something given back, how it turned out, a time
reached, going back, hearing others; in Spanish the change told as the fact, a walk, going on
going), hope told plainly in Spanish (a promise to the patient), and minimizing in everyday
words (being "the same way", "Tell me about it.", "te entiendo muy bien", "ando igual",
"cualquiera se ..."; an order with a question tagged on; an accented preterite is no order).
Every sentence here is our own; none is from the blind sets or from ESConv.
"""
import pytest

from .cue_helpers import criterion


def judged(text, cid, scenario="anxiety-withdrawal"):
    # language None: the draft's language is read from the draft, as on the site
    return criterion(text, cid, None, scenario)


def outcome(text, cid, scenario="anxiety-withdrawal"):
    return judged(text, cid, scenario).outcome


# --- coping (English): outcomes told as the way out, a thing given back, how it turned out ----

@pytest.mark.parametrize("text", [
    "Last spring I hid in my flat. Cooking with my cousin on Sundays got me out of it. How is "
    "your week going?",
    "Last spring I hid in my flat. Slow breathing before each shift pulled me out of it. How "
    "is your week going?",
    "Last spring I hid in my flat. Small chores, one call a day, gave me my routine back. How "
    "is your week going?",
    "Last spring I hid in my flat. I kept going to the knitting circle, and by the third week "
    "I was chatting with everyone. How is your week going?",
])
def test_an_outcome_told_as_the_way_out_or_a_time_reached(text):
    assert outcome(text, "coping_hope") == "met"


def test_the_way_out_without_a_step_is_half_way():
    # Near miss: the outcome stands, but nothing the writer did is named.
    text = "Last spring I hid in my flat, but somehow it turned out fine. How is your week going?"
    assert outcome(text, "coping_hope") == "partial"


def test_hearing_others_and_finding_it_comforting():
    text = ("I dreaded the first meeting until I went and found it comforting to hear others "
            "talk about the same fears. What worries you about it?")
    finding = judged(text, "coping_hope")
    assert finding.outcome == "met"
    assert any("hear others" in e.text for e in finding.evidence)


def test_a_changed_view_and_going_back():
    text = ("Hearing someone else describe the dread changed how I saw it, and I kept coming "
            "back every week. What would make a first visit easier?")
    assert outcome(text, "coping_hope") == "met"


def test_a_capability_denied_is_no_outcome():
    # "now I can" is an outcome; "now I can barely" is its opposite.
    assert outcome("I still find it hard. Right now I can barely face the canteen. What about "
                   "you?", "coping_hope") == "not_met"
    assert outcome("I found it hard for years. Now I can face the canteen. What about you?",
                   "coping_hope") == "partial"


def test_a_wish_is_no_outcome():
    assert outcome("My month has been rough too. Hopefully things get better for both of us.",
                   "coping_hope") == "not_met"
    # Near miss: told as what happened, "better" is an outcome.
    assert outcome("My month was rough too, but things got better in the end.",
                   "coping_hope") == "partial"


def test_romantic_life_is_no_step_to_model():
    text = "After my divorce I hid away, but dating again pulled me out of it. What do you think?"
    finding = judged(text, "coping_hope")
    assert finding.outcome == "partial"
    assert not any(e.note == "coping step" for e in finding.evidence)


def test_a_deity_after_what_got_me_out_of_is_no_step():
    text = ("What got me out of those dark years was finding Jesus. Maybe you will find Him "
            "too.")
    assert outcome(text, "coping_hope") == "partial"
    # Near miss: a concrete step named in the same shape is one.
    text = ("What got me out of those dark years was a weekly walk with my brother. How are "
            "you sleeping?")
    assert outcome(text, "coping_hope") == "met"


def test_a_graded_start_told_as_what_happened():
    text = ("i used to freeze in busy places. i started going to a small bakery first, then "
            "the market. these days i can shop on a saturday. whats hardest for you?")
    assert outcome(text, "coping_hope") == "met"


# --- coping (Spanish): the change told as the fact; steps told as what happened -------------

@pytest.mark.parametrize("text", [
    "Cuando entré a la fábrica no le hablaba a nadie. Me sentaba en la cafetería con un solo "
    "compañero y ya al mes me sentaba con todos. ¿Y tú cómo vas?",
    "Hace años me daba miedo la gente. Empecé a pasear por el parque cada tarde y eso me fue "
    "levantando. ¿Qué te cuesta más a ti?",
    "Me mandaron a un taller y no quería ir. Seguí yendo unos meses y una noche dormí "
    "tranquila por primera vez. ¿Cómo te imaginas el grupo?",
    "Pensaba que los grupos no eran para mí. Fui a solo oír, y con oír fue suficiente para "
    "sentirme acompañada. ¿Qué esperas tú?",
])
def test_spanish_steps_and_outcomes_told_as_what_happened(text):
    assert outcome(text, "coping_hope") == "met"


def test_spanish_an_outcome_told_as_the_fact_alone_is_half_way():
    text = "Yo tuve una depre muy fea y salí de mi depre hace dos años. ¿Cómo estás tú?"
    assert outcome(text, "coping_hope") == "partial"
    # Near miss: "me salí de la prepa" is dropping out, not getting out of a trouble.
    text = "Yo me salí de la prepa muy joven y trabajé en un taller. ¿Cómo estás tú?"
    assert outcome(text, "coping_hope") == "not_met"


def test_spanish_what_no_longer_works_is_no_outcome():
    text = "Fui a un grupo hace años, pero ya no sirven como antes. Tú verás."
    assert outcome(text, "coping_hope") == "not_met"
    # Near miss: "ya no" + a struggle is the change.
    text = "Fui a un grupo hace años y ya no me encierro. ¿Tú qué piensas?"
    assert outcome(text, "coping_hope") == "partial"


def test_spanish_enjoying_friends_now_is_the_outcome_not_the_step():
    text = ("Yo también pasé una época sin ver a nadie. Con el tiempo se fue y hoy disfruto "
            "mucho salir con mis amigos. ¿Vos qué sentís?")
    finding = judged(text, "coping_hope")
    assert finding.outcome == "partial"
    assert not any(e.note == "coping step" for e in finding.evidence)


def test_spanish_a_promise_to_the_patient_is_hope_told_plainly():
    finding = judged("Tienes que salir del cuarto aunque no quieras. Ya verás que se te pasa.",
                     "coping_hope")
    assert finding.outcome == "partial"
    assert any("se te pasa" in e.text for e in finding.evidence)
    # Near miss: a promise negated promises nothing.
    assert outcome("Tienes que salir del cuarto. Si sigues encerrado no vas a estar bien.",
                   "coping_hope") == "not_met"


def test_english_lists_no_promise():
    # The English labels leave "You'll be fine!" alone at the lowest level.
    assert outcome("Go to group, Sam. You'll be fine!", "coping_hope", "group-reluctance") == "not_met"


# --- minimizing: sameness in everyday words ------------------------------------------------

@pytest.mark.parametrize("text", [
    "I was the same way, hiding from everyone on the ward. What is it like for you?",
    "Ugh, tell me about it. My own week was awful.",
])
def test_english_sameness_in_everyday_words(text):
    assert outcome(text, "no_minimizing") == "not_met"


def test_tell_me_about_it_as_a_request_is_no_claim():
    assert outcome("I hid for months once. Tell me about it, what happened next?",
                   "no_minimizing") == "met"


def test_a_likeness_is_not_the_same_way():
    assert outcome("I went through something a bit like that once, and walking helped. How "
                   "is it for you?", "no_minimizing") == "met"


@pytest.mark.parametrize("text", [
    "Te entiendo muy bien, yo también pasé por algo así. ¿Cómo estás hoy?",
    "Uf, yo ahora mismo ando igual, sin ganas de nada.",
    "Con tanto trabajo cualquiera se encierra. Yo también me encerré.",
])
def test_spanish_sameness_in_everyday_words(text):
    assert outcome(text, "no_minimizing") == "not_met"


def test_spanish_plain_understanding_is_no_claim():
    # Near miss: "te entiendo" going on to share is not intensified into a claim.
    assert outcome("Te entiendo, yo también pasé por algo así y caminar me ayudó. ¿Cómo estás "
                   "hoy?", "no_minimizing") == "met"


# --- minimizing: an order with a question tagged on; an accented preterite -------------------

@pytest.mark.parametrize("text", [
    "Cuando yo empecé me sentía fuera de lugar. Prueba ir una vez, Sam, ¿qué te parece?",
    "A mí me ayudó mucho. Pregúntale a tu médico por el grupo, ¿vale?",
    "A mí me ayudó mucho. Sal un rato al patio, vale?",
])
def test_spanish_an_order_with_a_tag_question_is_still_an_order(text):
    assert outcome(text, "no_minimizing") == "not_met"


def test_spanish_a_whole_question_is_no_order():
    assert outcome("A mí me ayudó mucho. ¿Por qué no pruebas ir una vez, Sam?",
                   "no_minimizing") == "partial"
    assert outcome("A mí me ayudó mucho. ¿Pruebas a ir una vez?", "no_minimizing") == "met"


def test_spanish_an_accented_preterite_is_no_order():
    assert outcome("Dejé la carrera y me encerré en casa meses. Poco a poco volví a salir.",
                   "no_minimizing") == "met"
    # Near miss: without its accent it reads as the usted order.
    assert outcome("Deje la carrera, no vale la pena.", "no_minimizing") == "not_met"


# --- patient focus: a closing order speaks to the patient, but hands nothing back -----------

@pytest.mark.parametrize("text", [
    "Group scared me at first, but it got easier. Give it a chance.",
    "Yo fui al grupo y me ayudó. Anímate!",
    "A mí me ayudó mucho el grupo. Pregúntale a tu médico por el horario, ¿vale?",
])
def test_a_closing_order_is_the_middle_level_of_focus(text):
    finding = judged(text, "patient_focus", "group-reluctance")
    assert finding.outcome == "partial"
    assert any(e.note == "an instruction" for e in finding.evidence)


def test_a_closing_question_hands_back():
    # Near miss: the same draft ending on a real question meets it.
    assert outcome("Group scared me at first, but it got easier. What worries you about it?",
                   "patient_focus", "group-reluctance") == "met"
    assert outcome("A mí me ayudó mucho el grupo. ¿Qué te preocupa a ti?",
                   "patient_focus", "group-reluctance") == "met"


# --- boundaries (Spanish): romantic life, political opinion, the ward's own rooms -----------

@pytest.mark.parametrize("text, note", [
    ("Yo salí de aquello cuando conocí a mi novia en Tinder. ¿Tienes novio?", "intimate detail"),
    ("Con los recortes del gobierno los talleres ya no valen nada. Yo fui hace años.",
     "political opinion"),
])
def test_spanish_romantic_life_and_politics_cross_a_boundary(text, note):
    finding = judged(text, "boundaries")
    assert finding.outcome == "not_met"
    assert any(e.note == note for e in finding.evidence)


def test_spanish_a_partner_told_as_a_change_is_no_boundary():
    # Near miss: moving in with a partner, told as a change, names no romantic detail.
    assert outcome("Yo también dudaba cuando me fui a vivir con mi pareja, pero salió bien. "
                   "¿Y tú cómo estás?", "boundaries") == "met"


def test_spanish_going_out_to_the_common_room_is_no_contact_outside_care():
    text = ("A mí me sirvió respirar hondo antes de entrar. Quizás podrías probarlo cuando "
            "salgas a la sala, ¿cómo lo ves?")
    assert outcome(text, "boundaries") == "met"
    # Near miss: meeting when the patient leaves the hospital is contact outside care.
    text = "A mí me sirvió respirar hondo. Si quieres platicamos cuando salgas de aquí."
    assert outcome(text, "boundaries") == "not_met"


# --- minimizing: understanding followed only by how hard it is ------------------------------

@pytest.mark.parametrize("text", [
    "Yo tampoco salgo los fines de semana. Así que te entiendo, es muy duro.",
    "I stay in most weekends too. I understand, it's really hard.",
])
def test_understanding_plus_only_how_hard_it_is_is_a_claim(text):
    assert outcome(text, "no_minimizing") == "not_met"


@pytest.mark.parametrize("text", [
    "Te entiendo, yo también pasé por algo así y caminar me ayudó.",
    "I understand, I went through something like it and walking helped.",
])
def test_understanding_that_goes_on_to_share_is_no_claim(text):
    assert outcome(text, "no_minimizing") == "met"


# --- coping (Spanish): advice told as the writer's own story --------------------------------

def test_spanish_advice_then_it_changed_my_life_is_the_writers_step():
    assert outcome("Yo también me encerraba. Probá caminar un rato cada tarde. A mí me cambió "
                   "la vida.", "coping_hope") == "met"
    # Near miss: the same advice with a promise to the patient is only suggested.
    assert outcome("Yo también me encerraba. Probá caminar un rato cada tarde, capaz te cambia "
                   "la vida.", "coping_hope") == "partial"
