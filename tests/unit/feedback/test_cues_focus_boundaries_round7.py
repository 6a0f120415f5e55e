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

