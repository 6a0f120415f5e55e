"""Spanish drafts: language detection, the reading of Spanish text, and each Spanish cue kind
(a positive case and a near-miss that must not fire), judged through the real engine."""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback.detectors import Context
from disclosure_xblock.feedback.language import detect, page_language
from disclosure_xblock.feedback.text import Analysis
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")
ANXIETY = load_scenario("anxiety-withdrawal")
GROUP = load_scenario("group-reluctance")
HOPE = load_scenario("hopelessness")

GOOD = ("Hace unos años yo también me ponía muy nerviosa con la gente y me encerraba en mi cuarto. "
        "Me ayudó respirar despacio y, con el tiempo, se volvió más fácil. "
        "¿Qué es lo que más te cuesta a ti?")


def outcomes(text, scenario=ANXIETY, language="en"):
    result = evaluate(text, RUBRIC, scenario, language=language)
    return {c.id: c.outcome for c in result.criteria}, result


def outcome(criterion, text, scenario=ANXIETY):
    return outcomes(text, scenario)[0][criterion]


# --- language detection -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (GOOD, "es"),
    ("I used to feel anxious around people too, and slow breathing helped. What is it like for you?", "en"),
    # Phone typing: no accents, no opening marks, "q", "tb".
    ("yo tb pase x algo asi, la gente me daba ansiedad y me encerraba. q te ayudaria a ti?", "es"),
    ("yo tambien me aislaba cuando la ansiedad me ganaba y no queria ver a nadie", "es"),
    # Spanglish that is mostly one language is read as that language.
    ("Yo también pasé por eso, me daba mucha ansiedad estar con la gente, pero con el tiempo "
     "se volvió más fácil, you know. ¿Qué te ayuda a ti?", "es"),
    ("I was so nervous at first, pero then it got easier when I started breathing slowly and "
     "talking to one person. What helps you?", "en"),
])
def test_detects_the_drafts_language(text, expected):
    assert detect(text).language == expected


def test_short_drafts_follow_the_page_and_accents_decide():
    assert detect("ok", fallback="es").language == "es"
    assert detect("ok").language == "en"
    assert detect("").language == "en"
    assert detect("Ánimo, Sam.").language == "es"  # the accent is a sign, even in two words


@pytest.mark.parametrize("text, reason", [
    ("Zorp blarg quux fnord wibble, grok snarf plugh xyzzy frob.", "no_signs"),
    ("I felt muy nervioso when I went al grupo, pero poco a poco it got better and I could talk", "mixed"),
    ("Je me sentais seul et triste pendant des mois, mais la marche m'a aidé.", "other"),
])
def test_undecided_drafts_say_why(text, reason):
    decision = detect(text)
    assert decision.language is None and decision.reason == reason


def test_page_language_codes():
    assert page_language("es-419") == "es" and page_language("es_MX") == "es"
    assert page_language("fr") == "en" and page_language(None) == "en"


# --- reading Spanish text ---------------------------------------------------------------------

def test_sentences_keep_opening_marks_and_questions_are_seen_without_either_mark():
    a = Analysis("Me ayudó caminar. ¿Y tú? ¡Qué bien! como te sientes tu? ¿Qué te ayudaría", "es")
    assert [a.sentence_text(i) for i in range(len(a.sentences))] == [
        "Me ayudó caminar.", "¿Y tú?", "¡Qué bien!", "como te sientes tu?", "¿Qué te ayudaría"]
    assert [a.ends_with_question(i) for i in range(5)] == [False, True, False, True, True]


def test_words_are_folded_and_offsets_stay_in_the_original():
    a = Analysis("Pasé un año difícil, señora.", "es")
    assert a.norms == ["pase", "un", "ano", "dificil", "senora"]
    assert a.text[a.starts[3]:a.ends[3]] == "difícil"


def test_abbreviations_and_closing_guillemets():
    a = Analysis("La Dra. Ruiz me dijo «respira». Y funcionó.", "es")
    assert len(a.sentences) == 2


@pytest.mark.parametrize("text, expected", [
    ("Tuve una época muy difícil.", True),        # pronoun dropped: a listed verb form
    ("Empecé a salir con una compañera.", True),  # accented preterite
    ("Aquí la gente es amable.", False),           # "-í" that is not a verb
    ("La gente era amable y el grupo ayudaba.", True),  # "era" is first or third person: read as the writer's
])
def test_first_person_without_a_pronoun(text, expected):
    assert Analysis(text, "es").first_person(0) is expected


def test_negation_in_spanish():
    a = Analysis("nada me ayudaba", "es")
    assert a.negated(2)
    a = Analysis("no dormía, pero caminar me ayudó", "es")
    assert not a.negated(a.norms.index("ayudo"))


# --- each criterion's Spanish cues, both ways -------------------------------------------------

def test_a_good_spanish_draft_meets_every_criterion():
    found, result = outcomes(GOOD)
    assert result.language == "es"
    assert set(found.values()) == {"met"}, found


def test_relevance_spanish_words_and_a_different_trouble():
    assert outcome("relevant", GOOD) == "met"
    off_topic = ("Hace dos años me lesioné la espalda jugando fútbol y con fisioterapia me recuperé. "
                 "¿Cómo estás hoy?")
    assert outcome("relevant", off_topic) != "met"


def test_designer_keywords_in_either_language():
    from disclosure_xblock.rubric.model import Scenario
    spanish_keywords = Scenario(key="x", patient="Ana", keywords=("ansiedad", "gente"))
    english = "I used to feel so anxious and nervous around people. Slow breathing helped. And you?"
    assert outcome("relevant", english, spanish_keywords) == "met"  # "ansiedad" finds "anxious"
    english_keywords = Scenario(key="y", patient="Ana", keywords=("anxiety", "people"))
    assert outcome("relevant", GOOD, english_keywords) == "met"      # "anxiety" finds "nerviosa"


@pytest.mark.parametrize("text, expected", [
    (GOOD, "met"),
    ("Yo también me pongo muy ansiosa con la gente y todavía me cuesta salir. ¿Y tú?", "not_met"),
    ("Hace unos años me daba mucha ansiedad estar con gente y me encerraba. ¿Qué sientes tú?", "partial"),
    # Near-miss: "estos días" asked about the patient is not the writer's ongoing struggle.
    ("Cuando era joven me encerraba por la ansiedad; poco a poco se me pasó. "
     "¿Cómo te has sentido tú estos días?", "met"),
])
def test_resolution(text, expected):
    assert outcome("resolved", text) == expected


@pytest.mark.parametrize("text, expected", [
    (GOOD, "met"),
    ("Hace años me daba ansiedad la gente. Nada me ayudaba y pasaba los días sola. ¿Y tú?", "not_met"),
    ("Me daba ansiedad la gente, y la verdad nunca se quita del todo, uno aprende a vivir con eso.",
     "not_met"),
    # Near-miss: "a lo mejor" is "maybe", not an outcome.
    ("A lo mejor a ti te pasa algo parecido a lo que me pasaba con la gente. ¿Qué sientes?", "not_met"),
])
def test_coping_and_hope(text, expected):
    assert outcome("coping_hope", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Me ayudó caminar con una amiga y poco a poco me sentí mejor. ¿Y tú?", "met"),
    ("Me ayudó caminar y poco a poco me sentí mejor. como te sientes tu?", "met"),
    ("Me ayudó caminar y poco a poco me sentí mejor. ¿Qué te ayudaría a ti", "met"),
    ("Me ayudó caminar y poco a poco me sentí mejor. Cuéntame cómo lo vives.", "met"),
    # The name as an opening greeting is not a turn to the patient (the Spanish rounds label
    # "Jamie, yo …" ending on "yo" not met); the name said to them later is (seventh round).
    ("Jamie, a mí me ayudó caminar. Yo salí adelante así.", "not_met"),
    ("A mí me ayudó caminar, Jamie. Yo salí adelante así.", "partial"),
    ("Me ayudó caminar y poco a poco me sentí mejor. Yo salí adelante así.", "not_met"),
])
def test_patient_focus(text, expected):
    assert outcome("patient_focus", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sé exactamente lo que sientes. Me ayudó caminar. ¿Y tú?", "not_met"),
    ("No sé exactamente lo que sientes, pero a mí me ayudó caminar. ¿Y tú?", "met"),  # negated
    ("Por lo menos estás aquí. Me ayudó caminar. ¿Y tú?", "not_met"),
    ("A todos nos pasa. Me ayudó caminar.", "not_met"),
    ("Tienes que salir más. Me ayudó caminar.", "not_met"),
    ("Usted debe salir más. A mí me ayudó caminar.", "not_met"),
    ("A mí me ayudó caminar. Probá respirar contando hasta cuatro.", "not_met"),  # voseo imperative
    ("A mí me ayudó caminar. Salga a caminar un rato.", "not_met"),              # usted imperative
    ("No te preocupes, vas a estar bien. A mí me ayudó caminar.", "not_met"),    # false reassurance
    ("A mí me ayudó caminar. Quizás podrías probar eso. ¿Qué opinas?", "partial"),
    # Near-misses: "Hace unos años" and "Mire," look like imperatives; "si necesitas" is no order.
    ("Hace unos años a mí me ayudó caminar. ¿Y tú?", "met"),
    ("Mire, a mí me ayudó caminar. ¿Qué piensa usted?", "met"),
    ("A mí me ayudó caminar. Si necesitas algo, avísale a tu enfermera.", "met"),
])
def test_no_minimizing(text, expected):
    assert outcome("no_minimizing", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Me recetaron sertralina y me ayudó. ¿Y tú?", "not_met"),
    ("Me dieron 50 mg al día y me ayudó. ¿Y tú?", "not_met"),
    ("Cuando te den de alta te paso mi número. ¿Te parece?", "not_met"),
    ("Me ayudó hablar. No le digas a nadie lo que te conté.", "not_met"),
    ("Te cuento esto porque eres el único que me entiende.", "not_met"),
    ("Lo que me salvó fue conocer a Cristo; si le abres tu corazón a Dios, él te ayudará.", "not_met"),
    ("Cuando me divorcié me costó levantarme, pero caminar me ayudó. ¿Y tú?", "partial"),
    # Near-misses: keeping the boundary, and one's own faith as a personal step.
    ("No te puedo dar mi número, pero aquí estoy para escucharte. ¿Y tú?", "met"),
    ("A mí me ayudó rezar un rato antes de entrar. ¿Qué te ayuda a ti?", "met"),
])
def test_boundaries(text, expected):
    assert outcome("boundaries", text) == expected


def test_contact_offer_raises_the_contact_flag():
    _found, result = outcomes("Si quieres, escríbeme cuando salgas. Me ayudó hablar.")
    assert "contact_details" in [flag.kind for flag in result.red_flags]
    _found, result = outcomes("No te puedo dar mi número, pero me ayudó hablar. ¿Y tú?")
    assert "contact_details" not in [flag.kind for flag in result.red_flags]


def test_two_current_troubles_are_a_second_episode():
    text = ("Yo todavía tengo muchas deudas con el banco. Además estoy pasando por mi divorcio. "
            "Me ayudó caminar. ¿Y tú?")
    assert outcome("brief", text) == "partial"
    assert outcome("brief", GOOD) == "met"


def test_group_and_hopelessness_scenarios_read_spanish():
    group = ("La primera vez que fui a un grupo pensaba que no iba a servir de nada. Escuchar a los "
             "demás me hizo sentir menos sola y con el tiempo me animé a hablar. ¿Qué te frena a ti?")
    assert set(outcomes(group, GROUP)[0].values()) == {"met"}
    hope = ("Hubo un tiempo en que no le veía sentido a levantarme y pasaba el día en la cama. Me "
            "propuse una meta chiquita cada día y poco a poco volví a tener ganas. ¿Cómo estás hoy?")
    assert set(outcomes(hope, HOPE)[0].values()) == {"met"}


# --- messages ---------------------------------------------------------------------------------

def test_messages_in_the_pages_language_quotes_keep_their_marks():
    result = evaluate(GOOD, RUBRIC, ANXIETY, language="es")
    focus = next(c for c in result.criteria if c.id == "patient_focus")
    assert "\u201c\u00bfQu\u00e9 es lo que m\u00e1s te cuesta a ti?\u201d" in focus.message
    assert focus.message.startswith("Le devuelves")  # tú, not usted
    english_page = evaluate(GOOD, RUBRIC, ANXIETY, language="en")
    assert english_page.language == "es"  # a Spanish draft on an English page is read as Spanish
    assert next(c for c in english_page.criteria if c.id == "patient_focus").message.startswith("You")


def test_an_unreadable_draft_is_not_scored_and_says_so():
    result = evaluate("Zorp blarg quux fnord wibble, grok snarf plugh xyzzy frob.", RUBRIC, ANXIETY,
                      language="es")
    assert result.language is None
    judged = {c.id: c.outcome for c in result.criteria}
    # Length reads no language, so "brief" is still judged by its word count; the rest is not.
    assert judged.pop("brief") == "partial"
    assert set(judged.values()) == {None}
    assert all(not c.automatic for c in result.criteria if c.id != "brief")
    assert result.score == next(c.points for c in result.criteria if c.id == "brief")
    other = next(c for c in result.criteria if c.id == "resolved")
    assert "ingl\u00e9s" in other.message.lower()  # said in the page's language


def test_the_draft_language_can_be_given():
    english_reading = evaluate(GOOD, RUBRIC, ANXIETY, draft_language="en")
    assert english_reading.language == "en"
    assert evaluate(GOOD, RUBRIC, ANXIETY, draft_language="es-MX").language == "es"


def test_context_asks_cues_by_name_and_gets_the_drafts_language():
    ctx = Context("Me ayudó respirar despacio.", None, "es")
    assert ctx.cues("coping.strategy") and ctx.cues("coping.outcome")
    assert not Context("Me ayudó respirar despacio.", None, "en").cues("coping.strategy")
