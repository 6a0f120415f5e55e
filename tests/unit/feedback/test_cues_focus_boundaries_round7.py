"""Patient focus and boundaries, seventh round (issues 14 and 15): each kind both ways (a
positive and a near-miss negative), Spanish first, English where the kind exists in both."""
from .cue_helpers import criterion


def boundaries(text, language="es", scenario="anxiety-withdrawal"):
    return criterion(text, "boundaries", language, scenario).outcome


# Romantic or intimate life beyond naming a partner is a concern; a past breakup named as the
# occasion stays a mild specific, and a partner named alone is none.
def test_dating_life_es():
    assert boundaries("Cuando me dejó mi novia estuve triste, pero ahora estoy saliendo con "
                      "otra y me va muy bien.") == "not_met"
    assert boundaries("Cuando me dejó mi novia estuve triste, pero caminar cada día me ayudó "
                      "a salir adelante.") == "partial"
    assert boundaries("Me fui a vivir con mi pareja y hablamos mucho las cosas.") == "met"


def test_new_partner_as_the_fix_es():
    assert boundaries("Yo salí de eso cuando conocí a mi novio en Tinder.", scenario="hopelessness") == "not_met"
    assert boundaries("Yo salí de eso cuando conocí a gente nueva en el taller.", scenario="hopelessness") == "met"


def test_intimacy_es():
    assert boundaries("Lo que me ayudó fue mi pareja, teníamos mucha intimidad.") == "not_met"
    assert boundaries("Lo que me ayudó fue mi pareja, me acompañaba a caminar.") == "met"


def test_marriage_falling_apart_now():
    assert boundaries("Yo también estoy mal, mi matrimonio se está cayendo.", scenario="hopelessness") == "not_met"
    assert boundaries("My marriage is falling apart and I can't sleep.", "en", "hopelessness") == "not_met"
    assert boundaries("My marriage was a good one and it helped me through.", "en", "hopelessness") == "met"


def test_dating_again_en():
    assert boundaries("After the breakup I was anxious, but dating again fixed everything.", "en") == "not_met"
    assert boundaries("After the breakup I was anxious, but walking every day helped.", "en") == "partial"


# A confidence ("nobody else knows") puts the patient in charge of a secret.
def test_secrecy_as_a_confidence_es():
    assert boundaries("Esto no se lo he contado a nadie del hospital: yo también me encerraba. "
                      "Me ayudó caminar.") == "not_met"
    assert boundaries("Yo también me encerraba y no hablaba con nadie. Me ayudó caminar.") == "met"


def test_keep_it_to_yourself_es():
    assert boundaries("Me ayudó respirar despacio. No se lo digas a los demás, ¿sale?") == "not_met"
    assert boundaries("Me ayudó respirar despacio. Díselo a los demás si quieres.") == "met"


def test_special_bond_es():
    assert boundaries("Me ayudó caminar cada día. Tú y yo nos entendemos.") == "not_met"
    assert boundaries("Me ayudó caminar cada día. Con el tiempo nos entendimos en el grupo.") == "met"


def test_confidence_after_a_telling_verb_en():
    assert boundaries("You're the only patient I've told, so keep this between us okay?", "en") == "not_met"
    assert boundaries("My friend told me it would pass, and it did.", "en") == "met"


# Political opinions count when negated or said in everyday words.
def test_negated_political_opinion_es():
    assert boundaries("Lo que no ayuda es que este gobierno recorte en salud mental.") == "not_met"
    assert boundaries("Lo que no ayuda es quedarse solo en el cuarto.") == "met"


def test_everyday_political_words():
    assert boundaries("Con los recortes del gobierno los grupos ya no sirven.",
                      scenario="group-reluctance") == "not_met"
    assert boundaries("I got anxious during the last election because everyone was fighting.",
                      "en") == "not_met"
    assert boundaries("I got anxious during the last exam because everyone was watching.", "en") == "met"


# One's own faith named as a step is no promotion; asking the patient to take it up is.
def test_own_faith_is_not_promotion_es():
    assert boundaries("Salí adelante poco a poco con la iglesia y mi familia.", scenario="hopelessness") == "met"
    assert boundaries("Gracias a Dios ya estoy bien.", scenario="hopelessness") == "met"
    assert boundaries("Salí adelante con la iglesia. Deberías venir un domingo.",
                      scenario="hopelessness") == "not_met"
    assert boundaries("Creo que todo el mundo debería acercarse a Dios.", scenario="hopelessness") == "not_met"


def test_faith_offered_to_the_patient_en():
    assert boundaries("Jesus can do that for you too if you let him.", "en", "hopelessness") == "not_met"
    assert boundaries("My faith helped me, and so did my sister.", "en", "hopelessness") == "met"


# "cuando salgas" is contact outside care only with its place.
def test_when_you_leave_needs_its_place_es():
    assert boundaries("Si quieres, cuando salgas del hospital nos vemos.") == "not_met"
    assert boundaries("Quizás podrías probar algo así cuando salgas a la sala.") == "met"


def focus(text, language="es", scenario="group-reluctance"):
    return criterion(text, "patient_focus", language, scenario).outcome


STORY_ES = "Yo tampoco quería ir al grupo, pero escuchar a los demás me ayudó. "
STORY_EN = "I didn't want to go to group either, but listening to the others helped me. "


# A closing order speaks to the patient but leaves nothing to answer: partly met, with or
# without a "you" in it.
def test_closing_order_is_partial():
    assert focus(STORY_ES + "Anda al grupo hoy.") == "partial"
    assert focus(STORY_EN + "Give it a chance.", "en") == "partial"
    assert focus(STORY_EN + "What worries you most about it?", "en") == "met"


# A tag that asks for agreement is no open question.
def test_tag_question_es():
    assert focus(STORY_ES + "Ya verás que te va a encantar, ¿vale?") == "partial"
    assert focus(STORY_ES + "A lo mejor podrías ir una vez a ver qué tal, ¿no?") == "met"


def test_tag_alone_points_back_es():
    assert focus(STORY_ES + "Si quieres, cuando te den de alta te paso mi número. ¿Le parece?") == "partial"
    assert focus(STORY_ES + "¿Qué te parece?") == "met"


def test_tag_question_en():
    assert focus(STORY_EN + "You'll love it, ok?", "en") == "partial"
    assert focus(STORY_EN + "Maybe you could try it, if it feels okay?", "en") == "met"


# A question that asks for a yes to a plan is half a hand-back.
def test_pitch_question_es():
    assert focus(STORY_ES + "¿Vas a venir hoy?") == "partial"
    assert focus(STORY_ES + "Probá ir una vez, dale, ¿qué perdés?") == "partial"
    assert focus(STORY_ES + "¿Tú por qué no quieres ir?") == "met"


def test_pitch_question_en():
    assert focus(STORY_EN + "You should try it, what do you have to lose?", "en") == "partial"
    assert focus(STORY_EN + "Why don't you want to go?", "en") == "met"


# A question or an offer that crosses a boundary closes only partly.
def test_boundary_question():
    assert focus(STORY_ES + "¿Tú a quién votaste?") == "partial"
    assert focus(STORY_ES + "¿Tú qué piensas del grupo?") == "met"
    assert focus(STORY_EN + "Can I pray with you?", "en") == "partial"
    assert focus(STORY_EN + "Can I tell you more about it?", "en") == "met"


def test_secret_in_the_closing_question_en():
    assert focus(STORY_EN + "Can you keep this between us?", "en") == "partial"
    assert focus(STORY_EN + "Can you tell me what worries you?", "en") == "met"


def test_contact_offer_closing_es():
    assert focus(STORY_ES + "Si quieres, te paso mi número y platicamos.") == "partial"
    assert focus(STORY_ES + "Si quieres, platicamos de eso un rato.") == "met"


# Encouragement and verbs in the patient's person speak to them without a "tú".
def test_encouragement_es():
    assert focus("A mí también me pasó, ¡ánimo!") == "partial"
    assert focus("A mí también me pasó, y salí.") == "not_met"


def test_verb_in_the_patients_person_es():
    assert focus(STORY_ES + "Deberías pedir lo mismo.") == "partial"
    assert focus(STORY_ES + "Hay que aguantar nomás.") == "not_met"


# The patient's name as an opening greeting is not yet a turn to them.
def test_greeting_name_es():
    assert focus("Sam, yo fui a un grupo hace años y no me sirvió. Yo creo que no es para todos.") == "not_met"
    assert focus("Yo fui a un grupo hace años y no me sirvió, Sam. Yo creo que no es para todos.") == "partial"


# "Tú me dices" and wanting to know how the patient is hand the conversation back.
def test_you_tell_me_es():
    assert focus(STORY_ES + "Tú me dices.") == "met"
    assert focus(STORY_ES + "Tú me gustas.") == "partial"


def test_wanting_to_know_how_they_are_es():
    assert focus(STORY_ES + "Me interesa más saber cómo estás tú.") == "met"
    assert focus(STORY_ES + "Me interesa más el grupo de los martes.") == "not_met"


# A breakup that still hurts now is intimate life going on; told as a past occasion, mild.
def test_breakup_still_going_on_es():
    assert boundaries("El año pasado me divorcié y todavía no lo supero.", scenario="hopelessness") == "not_met"
    assert boundaries("Hace años me divorcié y caminar me ayudó a salir adelante.",
                      scenario="hopelessness") == "partial"


def test_breakup_still_going_on_en():
    assert boundaries("I'm still not over the divorce, honestly.", "en", "hopelessness") == "not_met"
    assert boundaries("After my divorce years ago, walking helped me.", "en", "hopelessness") == "partial"


# A named diagnosis of one's own is a mild specific.
def test_own_named_diagnosis_es():
    assert boundaries("Yo también tuve ansiedad social en la prepa y con un taller lo superé.") == "partial"
    assert boundaries("Yo también tuve mucha ansiedad con la gente y con un taller lo superé.") == "met"


# Imperatives in the patient's person close partly, like any order.
def test_closing_imperative_in_the_patients_person_es():
    assert focus(STORY_ES + "Pregúntale al psiquiatra por el grupo.") == "partial"
    assert focus(STORY_ES + "Le pregunté al psiquiatra por el grupo.") == "not_met"


# Talking words in a playing-down are no invitation.
def test_playing_down_is_no_invitation_es():
    assert focus(STORY_ES + "Al menos ahí tienes con quien hablar.") == "partial"
    assert focus(STORY_ES + "Si quieres, ahí tienes con quien hablar.") == "met"


# A "we" that holds the patient speaks to them, though it asks nothing.
def test_shared_we():
    assert focus("I'm having a hard time myself. Let's both try to stay positive.", "en") == "partial"
    assert focus("I'm having a hard time myself. We all went out to eat.", "en") == "not_met"
    assert focus("Yo también estoy mal. Así que somos dos.") == "partial"
    assert focus("Yo también estoy mal. Así que me quedo en casa.") == "not_met"


# Asking permission first turns to the patient, though a story after it closes on the writer.
def test_permission_before_the_story_en():
    assert focus("Would it help to hear how group went for me? I was nervous, but listening "
                 "slowly helped me.", "en") == "partial"
    assert focus("Group went well for me. I was nervous, but listening slowly helped me.", "en") == "not_met"


# Sending the patient to ask for a medication is a boundary question.
def test_ask_your_doctor_for_it():
    assert focus("My doctor put me on medicine and it helped. Maybe ask your psychiatrist about it?",
                 "en", "hopelessness") == "partial"
    assert focus("Talking with someone helped me. Maybe you could talk to someone too?",
                 "en", "hopelessness") == "met"


# A time after care, alone in a question about the patient's plans, offers no contact.
def test_time_after_care_in_a_question_about_plans():
    assert boundaries("Work helped me. What do you want to do after you leave here?",
                      "en", "hopelessness") == "met"
    assert boundaries("Work helped me. Can I see you after you leave here?", "en", "hopelessness") == "not_met"
    assert boundaries("Trabajar me ayudó. ¿Qué quieres hacer cuando te den de alta?",
                      scenario="hopelessness") == "met"
    assert boundaries("Trabajar me ayudó. ¿Me visitas cuando te den de alta?", scenario="hopelessness") == "not_met"
