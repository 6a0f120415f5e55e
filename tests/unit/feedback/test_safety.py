"""Safety red flags: self-harm, suicide and overdose in plain English and Spanish, both ways.

The cases are tests/data/safety_own_{en,es}.jsonl: for each kind of cue (an act, a method, a
euphemism, an attempt, a relative's death …) a positive and a near-miss negative.
"""
import json
from pathlib import Path

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback import flags as flag_kinds
from disclosure_xblock.feedback import safety
from disclosure_xblock.feedback.text import Analysis, fold
from disclosure_xblock.rubric import load_preset

DATA = Path(__file__).resolve().parents[2] / "data"
RUBRIC = load_preset("appropriate-self-disclosure")
SAFETY = {"self_harm", "suicide", "overdose"}


def cases(language):
    with open(DATA / f"safety_own_{language}.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [pytest.param(row, id=f"{row['id']}-{row['note']}") for row in rows]


def safety_kinds(text, language="en"):
    return [flag.kind for flag in evaluate(text, RUBRIC, language=language).red_flags if flag.kind in SAFETY]


@pytest.mark.parametrize("row", cases("en") + cases("es"))
def test_own_cases_both_ways(row):
    # The reviewed cues are exact on our own cases, both ways; the whole engine (cues and the
    # learned layer) flags every positive with its kind.
    analysis = Analysis(row["text"])
    cues = list(safety.cue_scan(analysis))
    if row["red_flag"]:
        assert row["red_flag"] in cues, row["text"]
        assert row["red_flag"] in safety_kinds(row["text"], row["language"]), row["text"]
    else:
        assert cues == [], row["text"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_learned_layer_keeps_false_alarms_on_our_near_misses_under_a_tenth(language):
    # The learned layer reads concepts, so a near-miss that holds two of them ("I hung the
    # laundry off the balcony") may flag: the issue's bound is a rate, <= 0.10 per language.
    negatives = [p.values[0] for p in cases(language) if not p.values[0]["red_flag"]]
    alarms = [r["text"] for r in negatives if safety_kinds(r["text"], language)]
    assert len(alarms) / len(negatives) <= 0.10, alarms


def test_the_own_sets_are_big_enough_and_balanced():
    for language, minimum in (("en", 60), ("es", 30)):
        rows = [p.values[0] for p in cases(language)]
        positives = [r for r in rows if r["red_flag"]]
        assert len(rows) >= minimum
        assert 0.4 <= len(positives) / len(rows) <= 0.6
        assert {r["red_flag"] for r in positives} == SAFETY


def test_spanish_cues_run_whatever_the_page_language():
    # A crisis must not be missed because the page is in English (or the reverse).
    assert safety_kinds("Intenté quitarme la vida hace años.", "en") == ["suicide"]
    assert safety_kinds("I used to cut myself when I was fifteen.", "es") == ["self_harm"]


def test_accents_are_folded_and_spans_point_into_the_original_text():
    text = "Cuando era joven me lastimaba a propósito."
    result = evaluate(text, RUBRIC, language="es")
    flag = next(f for f in result.red_flags if f.kind == "self_harm")
    for evidence in flag.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert "a propósito" in [e.text for e in flag.evidence]
    # The same without accents, as people type.
    assert safety_kinds("cuando era joven me lastimaba a proposito", "es") == ["self_harm"]
    assert fold("propósito") == "proposito" and fold("año") == "ano" and fold("plain") == "plain"
    assert Analysis("Quité la vida").folded == ["quite", "la", "vida"]


def test_several_kinds_each_with_their_own_evidence():
    text = "I took a whole bottle of pills because I wanted to die."
    result = evaluate(text, RUBRIC)
    by_kind = {flag.kind: [e.text for e in flag.evidence] for flag in result.red_flags}
    # An overdose told with its intent is an attempt too: its words are suicide evidence as well.
    assert by_kind["suicide"] == ["took a whole bottle of pills", "wanted to die"]
    assert by_kind["overdose"] == ["took a whole bottle of pills"]
    accidental = evaluate("I took a whole bottle of pills by mistake once.", RUBRIC)
    assert [flag.kind for flag in accidental.red_flags] == ["overdose"]
    assert [flag.kind for flag in result.red_flags][:2] == ["suicide", "overdose"]  # gravest first


def test_safety_content_fails_the_boundaries_criterion_too():
    result = evaluate("I used to hurt myself on purpose, and it got better with help.", RUBRIC)
    assert next(c for c in result.criteria if c.id == "boundaries").outcome == "not_met"


def test_support_is_needed_for_safety_kinds_only():
    assert evaluate("My brother took his own life.", RUBRIC).needs_support
    contact = evaluate("Text me at 555-123-4567 any time.", RUBRIC)
    assert contact.red_flags and not contact.needs_support


def test_kind_labels_and_old_records():
    assert flag_kinds.label("self_harm").msgid == "Self-harm"
    # Before flag scheme 2, "self_harm" meant self-harm or suicide.
    old = {"score": 3, "red_flags": [{"kind": "self_harm"}]}
    assert flag_kinds.scheme_of(old) == 1
    assert flag_kinds.label("self_harm", flag_kinds.scheme_of(old)).msgid == "Self-harm or suicide"
    new = evaluate("I wanted to die.", RUBRIC).to_dict()
    assert flag_kinds.scheme_of(new) == flag_kinds.SCHEME
    assert flag_kinds.label("unknown") is None


# The cues of the second round are combinations (an act x a body part, a tool x a body part, a
# height x a jump, a death x a drug): every pairing counts, not only the sentences written.
@pytest.mark.parametrize("verb", ["slice", "carved", "scratching", "burnt", "gouged", "punched"])
@pytest.mark.parametrize("body", ["thighs", "forearm", "stomach", "ankles"])
def test_an_injury_verb_on_any_body_part_is_self_harm(verb, body):
    assert "self_harm" in safety_kinds(f"Back in school I {verb} my {body} when it got bad.")
    # The same act told as an accident does not count.
    assert safety_kinds(f"I {verb} my {body} on the fence by accident.") == []


@pytest.mark.parametrize("tool", ["razor", "knife", "lighter", "glass"])
def test_a_tool_put_to_the_body_is_self_harm(tool):
    assert "self_harm" in safety_kinds(f"I used to take a {tool} to my arms.")


@pytest.mark.parametrize("height", ["bridge", "roof", "balcony", "overpass", "cliff"])
def test_jumping_off_a_height_is_suicide_but_crossing_it_is_not(height):
    assert "suicide" in safety_kinds(f"I wanted to jump off the {height} that night.")
    assert safety_kinds(f"We drove to the {height} and back to get lunch.") == []
    assert safety_kinds("We walked over the bridge and the overpass to get lunch.") == []


@pytest.mark.parametrize("drug", ["fentanyl", "heroin", "pills", "painkillers"])
def test_a_death_named_by_its_drug_is_an_overdose_and_an_illness_is_not(drug):
    assert "overdose" in safety_kinds(f"My uncle died from {drug} when I was ten.")
    assert safety_kinds("My uncle died from cancer when I was ten.") == []


@pytest.mark.parametrize("phrase", ["social suicide", "career suicide", "academic suicide"])
def test_figurative_suicide_is_no_flag(phrase):
    assert safety_kinds(f"Skipping that meeting felt like {phrase}.") == []


def test_negation_reaches_across_thinking_and_wanting():
    assert safety_kinds("I never thought about hurting myself.") == []
    assert safety_kinds("I never wanted to kill myself.") == []
    # Without the negator the same words count.
    assert safety_kinds("I thought about hurting myself.") == ["self_harm"]


@pytest.mark.parametrize("altura", ["puente", "azotea", "balcón", "edificio"])
def test_spanish_a_height_with_the_idea_of_jumping_is_suicide(altura):
    assert "suicide" in safety_kinds(f"Me subí al {altura} con la idea de tirarme.", "es")
    assert safety_kinds(f"Cruzamos el {altura} para ir a comer.", "es") == []


@pytest.mark.parametrize("droga", ["fentanilo", "heroína", "sobredosis"])
def test_spanish_a_death_named_by_its_drug_is_an_overdose(droga):
    assert "overdose" in safety_kinds(f"Mi primo murió de {droga} el año pasado.", "es")
    assert safety_kinds("Mi primo murió de cáncer el año pasado.", "es") == []


# --- fifth round: each new cue and guard both ways, in its language -------------------------

def cue_kinds(text):
    return sorted(safety.cue_scan(Analysis(text)))


# (language, kind, a draft the cue flags, a near-miss that raises nothing at all)
FIFTH_ROUND_CUES = [
    ("en", "suicide", "Last spring I had a plan, a real one, and a date circled.",
     "Last spring I had a plan for the garden, and it worked."),
    ("en", "suicide", "My family would have been fine if I wasn't in it, that's what I believed.",
     "The meeting would have been fine if I wasn't late, that's what I believed."),
    ("en", "suicide", "I was so tired of being alive that I stopped eating.",
     "I was so tired of being alone that I joined a choir."),
    ("en", "suicide", "That autumn I wasn't planning on being around for Christmas.",
     "That autumn I wasn't planning on going home for Christmas."),
    ("en", "suicide", "In the ambulance I kept asking why I was still alive.",
     "In the ambulance I kept asking where my phone was."),
    ("en", "suicide", "At night I'd read about ways to die on my phone.",
     "At night I'd read about ways to sleep better on my phone."),
    ("en", "self_harm", "In my teens I got into the blade thing and hid it for years.",
     "In my teens I got into the guitar thing and played for years."),
    ("en", "self_harm", "My sister noticed the cuts I had made on my ankles.",
     "My sister noticed the cookies I had made for the party."),
    ("en", "overdose", "After the breakup I necked a strip of painkillers with cider.",
     "After the breakup I necked a pint of cider with a friend."),
    # Guards: the idiom stays quiet, the act beside it still counts.
    ("en", "self_harm", "When it got bad I started cutting myself again.",
     "When it got bad I started cutting everyone off again."),
    ("en", "suicide", "There were weeks I thought about suicide every day.",
     "At practice the coach made us run suicides every day."),
    ("en", "suicide", "That night I meant to jump off the bridge.",
     "On holiday we jumped off a cliff into the sea and laughed all day."),
    ("en", "suicide", "I felt like jumping off a bridge, and I mean it.",
     "Speaking up in group, it felt like jumping off a cliff, and then it got easier."),
    ("en", "suicide", "By then I had tried to hang myself in the garage, and my brother came in.",
     "By then I was hanging by a thread at work, so I asked for help."),
    ("en", "suicide", "I shot myself in the stomach when I was nineteen.",
     "Night shifts shot my nerves for a while, so I asked for days."),
    # The foot idiom is guarded, any other part of the body is not.
    ("en", "suicide", "I shot myself in the chest when I was nineteen.",
     "I really shot myself in the foot in that interview."),
    ("en", "overdose", "She took an overdose of her pills that winter.",
     "I had an overdose of sugar at the party and felt sick."),
    ("en", "self_harm", "I cut my arms with a kitchen knife on purpose.",
     "I accidentally cut my hand while I was cooking."),
    ("en", "suicide", "Back then I wanted to be dead.",
     "Group used to bore me to death until someone made me laugh."),
    ("en", "suicide", "I wanted to hang myself that night.",
     "At first I would just hang out alone in my room."),
    ("en", "suicide", "Every night I prayed that God would let me die in my sleep.",
     "Every night I prayed that God would let me pass my exams."),
    ("en", "suicide", "I begged God to please take me, every single night.",
     "I begged my boss to please take me off nights."),
    ("en", "suicide", "On the way to work I hoped I'd get hit by a truck.",
     "On the way to work I hoped I'd get a seat on the train."),
    ("en", "overdose", "I hid my tablets for a month and then took them all at once.",
     "I hid my exam notes for a month and then read them all at once."),
    ("en", "suicide", "I told my sister I wouldn't be around much longer.",
     "I told my sister I wouldn't be around much on Sundays."),
    ("en", "suicide", "Everyone would be better if I was gone, I thought.",
     "Everyone would be better if I was early, I thought."),
    ("en", "overdose", "For a month I hoarded my antidepressants in a sock.",
     "For a month I hoarded my receipts in a sock."),
    ("en", "suicide", "I wrote a goodbye note to my mum and hid it.",
     "I wrote a goodbye card to my team when I retired."),
    ("en", "suicide", "That month I gave away all my things and stopped eating.",
     "I gave away all my books when I moved abroad."),
    ("en", "self_harm", "Some nights I held a razor against my thigh in the bathroom.",
     "Some nights I held a hot water bottle against my stomach in bed."),
    ("en", "suicide", "I thought about walking into the sea and never coming home.",
     "On the first warm day we were walking into the sea for a swim."),
    ("en", "suicide", "At nineteen I didn't expect to be around at twenty.",
     "At nineteen I didn't expect to be a nurse at twenty."),
    ("en", "suicide", "I once checked how high the bridge was on my phone.",
     "I once checked how long the bridge was on my phone."),
    ("en", "suicide", "I was at the end of my rope, and that night I tried to hang myself.",
     "I was at the end of my rope with my job, so I talked to a counselor."),
    # A patient's words, reported unquoted, and a job on a psychiatric ward: no one's crisis here.
    ("en", "suicide", "When my brother told me he wanted to die, I called our mum.",
     "When a patient told me she wanted to die, I asked my supervisor what to say."),
    ("en", "suicide", "After my attempt I spent two weeks on the psych ward.",
     "My first rotation was on the psych ward and I was scared of saying the wrong thing."),
    ("en", "suicide", "I drove out to the cliffs one night, meaning to drive off them.",
     "I drove out to the cliffs one night to watch the stars."),
    ("en", "overdose", "I took the whole lot with a bottle of wine.",
     "I took the whole family to the beach."),
    ("en", "self_harm", "I scratched my arms until they bled.",
     "My cat scratched my arm when I gave her a bath."),
    ("en", "self_harm", "I burned my arm with a lighter on purpose.",
     "I burned the toast and cried, it felt like nothing went right."),
    ("en", "suicide", "I wanted to hang myself that winter.",
     "In my first group I hung back by the door the whole hour."),
    ("es", "suicide", "Hubo un año que no me quería quedar en este mundo.",
     "Hubo un año que no me quería quedar en esa ciudad."),
    ("es", "suicide", "Me pasaba las noches leyendo formas de morir.",
     "Me pasaba las noches leyendo formas de cocinar arroz."),
    ("es", "suicide", "Desperté en el hospital y no entendía por qué seguía viva.",
     "Desperté en el hospital y no entendía por qué estaba ahí, era una alergia."),
    ("es", "suicide", "Estaba cansada de estar viva y no se lo decía a nadie.",
     "Estaba cansada de estar sola y se lo dije a mi hermana."),
    ("es", "suicide", "Una madrugada me quedé en las vías, esperando que pasara el tren.",
     "Una madrugada me quedé en el andén, esperando el último tren a casa."),
    ("es", "suicide", "Tenía un plan ya hecho y una fecha en el calendario.",
     "Tenía un plan de estudio y una agenda en el calendario."),
    ("es", "self_harm", "Mi madre vio los cortes que me hice en las piernas.",
     "Mi madre vio los dibujos que me hice en la libreta."),
    # Guards.
    ("es", "overdose", "Mi primo tuvo una sobredosis de heroína.",
     "En ese trabajo tuve una sobredosis de reuniones y de gente."),
    ("es", "suicide", "Pensé en matarme muchas veces ese invierno.",
     "En la sala de espera mataba el tiempo con el celular."),
    ("es", "suicide", "Ese año quería matarme y no se lo conté a nadie.",
     "Me mataba la vergüenza antes de hablar en el grupo."),
    ("es", "suicide", "Quería desaparecer para siempre, no solo de las fiestas.",
     "Quería desaparecer del mapa un tiempo, sin teléfono ni redes."),
    ("es", "suicide", "Pensé en acabar con todo aquella noche.",
     "Pensé en acabar con lo del grupo y no volver más."),
    ("es", "self_harm", "Me corté los brazos con una navaja a propósito.",
     "Cocinando me corté la mano con un cuchillo y me dieron puntos."),
    ("es", "self_harm", "Me corté la muñeca cuando estaba sola.",
     "Me corté el dedo sin querer con el abrelatas."),
    ("es", "suicide", "Me quise tirar del puente esa noche.",
     "Me tiré en paracaídas el verano pasado y me sentí viva."),
    ("es", "suicide", "Le rogaba a Dios que me dejara morir dormida.",
     "Le rogaba a mi jefa que me dejara salir antes."),
    ("es", "suicide", "Le rogaba a Dios que me llevara con él.",
     "Le rogaba a mi hermano que me llevara al cine."),
    ("es", "overdose", "Me tomé todo el frasco de pastillas y me acosté.",
     "Me tomé todo el café y me fui a trabajar."),
    ("es", "overdose", "Una noche me tomé una caja de somníferos con vino.",
     "Una noche me tomé una caja de galletas con leche."),
    ("es", "overdose", "Junté pastillas y me las tomé todas de golpe.",
     "Junté fotos y me las llevé todas a casa."),
    ("es", "suicide", "Pensaba que mi familia estaría mejor si yo no estuviera.",
     "Pensaba que mi familia estaría mejor si yo no trabajara tanto."),
    ("es", "overdose", "Guardaba las pastillas del mes para tomarlas todas juntas.",
     "Guardaba las fotos del mes para verlas todas juntas."),
    ("es", "suicide", "Me pegué un tiro en el pecho a los veinte años.",
     "Era para pegarse un tiro lo aburrida que era esa reunión."),
    ("es", "suicide", "Escribí una carta de despedida a mi madre y la escondí.",
     "Escribí una carta de despedida a mis compañeros cuando me jubilé."),
    ("es", "self_harm", "Algunas noches tenía el cuchillo contra la muñeca en la cocina.",
     "Algunas noches tenía la bolsa de agua caliente contra la barriga."),
    ("es", "suicide", "Pensaba en meterme al mar y no volver a casa.",
     "Pensaba en ir al mar el domingo con mis primas."),
    ("es", "suicide", "De joven no pensaba llegar a los treinta, de verdad.",
     "De joven pensaba llegar a los treinta con hijos, de verdad."),
    ("es", "suicide", "Llegué a mirar qué altura tenía el puente.",
     "Llegué a mirar qué horario tenía el tren."),
    ("es", "suicide", "Cuando mi hermano me dijo que se quería morir, llamé a mi madre.",
     "Cuando una paciente me dijo que se quería morir, le pregunté a mi supervisora."),
    ("es", "overdose", "Mi primo murió de una sobredosis el año pasado.",
     "En urgencias veo sobredosis cada semana y todavía me afecta."),
    ("es", "suicide", "Pensé en chocar el coche para que pareciera un accidente.",
     "Pensé en pintar el coche para que pareciera nuevo."),
    ("es", "overdose", "Un día me tomé todas juntas y me llevaron a urgencias.",
     "Un día me tomé todas las vacaciones juntas y viajé."),
    ("es", "overdose", "Me di un atracón de pastillas y me tuvieron que hacer un lavado.",
     "Me di un atracón de series y me quedé dormida en el sofá."),
    ("es", "suicide", "Me quería morir de verdad, no de vergüenza.",
     "Me quería morir de los nervios antes de hablar en grupo."),
    ("es", "suicide", "Pensé que lo mejor era matarme y no se lo dije a nadie.",
     "Esa presentación me mató, de verdad, terminé agotada."),
    ("es", "self_harm", "Me arañaba los brazos hasta sangrar.",
     "Mi gato me arañó el brazo cuando lo bañé."),
    ("es", "suicide", "En ese grupo me quería ir de este mundo.",
     "En ese grupo me quería ir corriendo, pero me quedé."),
    ("es", "suicide", "Quería matarme cuando perdí el trabajo.",
     "En la facultad me mataba a estudiar y casi no salía."),
]




# --- sixth round (set 6): cues without the filler, frames, guards; each both ways -----------

# (language, kind, a draft the cue flags, a near-miss that raises nothing at all)
SIXTH_ROUND_CUES = [
    ("en", "suicide", "I kept praying every night that God would just take me in my sleep.",
     "I kept praying every night that God would keep my mother safe."),
    ("en", "suicide", "Some nights I hoped I would die in my sleep, that someone would take me in my sleep.",
     "Some nights I slept badly and woke up tired."),
    ("en", "suicide", "I prayed over and over that God would let me go.",
     "I prayed over and over that God would let me go home safe."),
    ("en", "suicide", "Some nights I wished a car would just hit me.",
     "Some nights I wished a car would just stop for me in the rain."),
    ("en", "self_harm", "in my first year i was cutting pretty much every night.",
     "in my first year i was cooking pretty much every night."),
    ("en", "self_harm", "I scratched my arms until they bled when I panicked.",
     "I rubbed my arms until they were warm again."),
    ("es", "suicide", "Llegué a desear que me pasara algo, que me atropellara un carro y ya.",
     "Tenía miedo de que me atropellara un carro al cruzar la avenida."),
    ("es", "self_harm", "Yo me golpeaba cuando me sentía inútil.",
     "Yo me caía mucho cuando aprendía a patinar."),
    ("es", "self_harm", "Me rascaba los brazos hasta que sangraban.",
     "Me rascaba los brazos por las picaduras."),
    ("es", "suicide", "Le pedía a Dios todas las noches que me llevara mientras dormía.",
     "Le pedía a Dios todas las noches que me llevara a casa con bien."),
    ("es", "suicide", "Quería que un camión me llevara por delante y ya.",
     "Quería que un camión me llevara la mudanza y ya."),
]




# (language, a harmless setting that overrules the cue of its sentence, the same cue kept because
# the sentence also holds an intent, "on purpose" or the act by its name, its kind)
FRAMES_BOTH_WAYS = [
    ("en", "Cut myself once slicing onions but that's about it.",
     "Cut myself on purpose once while slicing onions, and hid it.", "self_harm"),
    ("en", "After my surgery I had to take a bunch of pills every day, antibiotics exactly as prescribed.",
     "After my surgery I took a bunch of pills at once to make it stop.", "overdose"),
    ("en", "After surgery I took a bunch of pills as prescribed.",
     "My brother overdosed on his pain pills after surgery.", "overdose"),
    ("es", "Me corté una vez picando cebolla, nada más.",
     "Me corté a propósito picando cebolla, y lo escondí.", "self_harm"),
    ("es", "Después de la operación tuve que tomar un montón de pastillas, antibióticos y tal.",
     "Después de la operación tomé un montón de pastillas para no despertar.", "overdose"),
    # [unframed]: everything at once, a hoard, keep the cue in the same setting.
    ("en", "I had to take a whole bunch of pills after my knee surgery, as my doctor told me.",
     "After my surgery I took a bunch of pills at once.", "overdose"),
    ("en", "After surgery I took a bunch of pills as prescribed.",
     "After my surgery I saved up the pills and then took a bunch of pills.", "overdose"),
    ("es", "Después de la operación me tomaba un montón de pastillas, como me las recetaron.",
     "Después de la operación me tomé un montón de pastillas de una vez.", "overdose"),
]


@pytest.mark.parametrize("language, framed, kept, kind", FRAMES_BOTH_WAYS,
                         ids=[f"{row[0]}-{i}" for i, row in enumerate(FRAMES_BOTH_WAYS)])
def test_a_harmless_frame_overrules_a_self_harm_or_overdose_cue_in_its_sentence(language, framed, kept, kind):
    assert cue_kinds(framed) == [], framed
    assert safety_kinds(framed, language) == [], framed
    assert kind in cue_kinds(kept), kept


def test_a_frame_never_overrules_a_suicide_cue_nor_a_cue_in_another_sentence():
    assert "suicide" in cue_kinds("While cooking I thought I want to kill myself.")
    assert "self_harm" in cue_kinds("I cut myself with a razor. Later I was chopping onions for dinner.")
    assert "self_harm" in cue_kinds("Me corté con una navaja. Después estuve picando cebolla.")


# (language, a figurative or sporting use a guard names, the real disclosure beside it)
SIXTH_ROUND_GUARDS = [
    ("en", "I used to get hung up on what everyone thought of me and I'd just stay home.",
     "I tried to hang myself in the garage."),
    ("en", "At the climbing gym, learning to trust the rope taught me to trust myself.",
     "I bought a rope to hang myself."),
    ("en", "Jump rope in the mornings helped with the anxiety.",
     "I kept a noose in my closet for months."),
    ("es", "saltar la cuerda en las mañanas me ayudo un monton con la ansiedad.",
     "Compré una cuerda para ahorcarme."),
    ("es", "Tenía una cuerda para saltar y la usaba todas las mañanas.",
     "Tenía una cuerda escondida para ahorcarme."),
    ("es", "Me daba tanta ansiedad patear un penal que me quería morir, jaja.",
     "Me daba tanta tristeza todo que me quería morir de verdad."),
]


@pytest.mark.parametrize("language, guarded, real", SIXTH_ROUND_GUARDS,
                         ids=[f"{row[0]}-{i}" for i, row in enumerate(SIXTH_ROUND_GUARDS)])
def test_sixth_round_guards_both_ways(language, guarded, real):
    assert safety_kinds(guarded, language) == [], guarded
    assert "suicide" in safety_kinds(real, language), real


# --- seventh round (set 7): guarded disclosures without a method word, general forms ------------

# (language, kind, a draft the cue flags, a near-miss that raises nothing at all, cue or model)
SEVENTH_ROUND_CUES = [
    ("en", "suicide", "For a long time I honestly didn't see the point in staying alive.",
     "For a long time I honestly didn't see the point in staying late at work."),
    ("en", "suicide", "Some nights I'd lie awake looking up how many of something it would take.",
     "Some nights I'd lie awake looking up how many hours it would take to drive home."),
    ("en", "suicide", "After my dad died I just wanted to be with him again.",
     "After my dad moved away I just wanted to visit him in the summer."),
    ("en", "suicide", "Driving home I'd think about just turning the wheel and going over the rail.",
     "Driving home I'd keep turning the radio up to stay awake."),
    ("es", "suicide", "Cuando murió mi papá, yo quería irme con él.",
     "Cuando se mudó mi papá, yo quería irme con él de viaje."),
    ("es", "suicide", "Buscaba en las noches cuántas harían falta.",
     "Calculaba en las noches cuántas horas harían falta para terminar."),
    ("es", "suicide", "Durante meses no le veía sentido a seguir viva.",
     "Durante meses no le veía sentido a seguir en esa carrera."),
    ("es", "overdose", "Un tiempo antes me había pasado de pastillas y terminé en la guardia.",
     "Un tiempo antes me había pasado de copas y terminé cantando."),
    ("es", "overdose", "Mi hermano se puso hasta atrás con unas pastillas y casi se nos va.",
     "Mi hermano se puso hasta atrás de trabajo y casi no viene."),
    ("en", "suicide", "There was one night when I had it all figured out, where and how, and I called my aunt.",
     "There was one night when I finally figured out where and how to park, and I called my aunt."),
    ("es", "suicide", "Lo tenía todo pensado, dónde y cómo, y llamé a mi tía.",
     "Ya tenía pensado dónde y cómo llegar a la casa de mi tía."),
]


EIGHTH_ROUND_CUES = [
    ("en", "suicide", "For most of college I was sucidal and nobody knew.",
     "For most of college I was stressed and nobody knew."),
    ("en", "suicide", "At sixteen I kept thinking about unaliving myself.",
     "At sixteen I kept thinking about unlocking the car myself."),
    ("es", "suicide", "Tenía ideas de no querer vivir casi todos los días.",
     "No quería vivir con mi papá, así que me mudé con mi tía."),
    ("es", "suicide", "Ese invierno me daba lo mismo vivir o morir.",
     "Ese invierno me daba lo mismo ganar o perder."),
    ("es", "suicide", "Le pedía que un camión me atropellara de camino a casa.",
     "Tenía miedo de que un camión me atropellara al cruzar."),
    ("es", "overdose", "Mi tío se tomó doble dosis de sus pastillas y acabó en urgencias.",
     "Mi tío se tomó un doble café y acabó en la oficina."),
]


# Ninth round (sets 9 and 10): misspelled "kill", the habit named for the person, going too far
# with a drug in the infinitive and by street names; and figures of speech that read as cues:
# "bit by bit", a comparison with poison, burnout, pain that is a feeling, cutting as reducing,
# advice to the reader, "me mata el tráfico" (any subject after the verb), a harmless
# "sobredosis", a negator across "tuve ideas de", a pet's scratch.
NINTH_ROUND_CUES = [
    ("en", "suicide", "Back in school I wanted to kil myself most days.",
     "Back in school I wanted to skip class most days."),
    ("en", "self_harm", "In high school I was a cutter, and nobody knew.",
     "In high school I was a waiter, and nobody knew."),
    ("en", "self_harm", "I bit my arm until it bled that winter.",
     "Bit by bit that winter got easier."),
    ("en", "suicide", "I drank rat poison that winter.",
     "Criticism was like poison for me that winter."),
    ("en", "self_harm", "I burned myself with a lighter at my last job.",
     "I burned out at my last job."),
    ("en", "self_harm", "After he left I kept hurting myself for months.",
     "After he left it hurt for months."),
    ("en", "self_harm", "I cut myself most nights that year.",
     "I cut down on coffee most nights that year."),
    ("en", "self_harm", "I cut myself after the move.",
     "I cut a few old friends off after the move."),
    ("es", "overdose", "Casi no lo cuento por pasarme con las pepas en un concierto.",
     "Llegué tarde por pasarme con el trabajo esa semana."),
    ("es", "overdose", "Una vez me pasé con la merca y terminé en la guardia.",
     "Una vez me pasé con la sal y terminé tirando la sopa."),
    ("es", "suicide", "Una noche quise matarme y llamé a mi hermana.",
     "Me mataba el ruido de la calle cada noche."),
    ("es", "overdose", "Mi primo tuvo una sobredosis de heroína ese verano.",
     "Mi primo tomó una sobredosis de mate ese verano."),
    ("es", "self_harm", "Tuve ideas de hacerme daño durante meses.",
     "Nunca tuve ideas de hacerme daño, solo cansancio."),
    ("es", "self_harm", "Me rasguñaba los brazos hasta sangrar.",
     "El gato me rasguñaba cuando lo bañaba."),
    # Others' suspicion the writer denies in the same sentence (safety.disowned); either alone
    # keeps the cue.
    ("en", "self_harm", "Everyone assumed I was fine, but I was cutting myself every night.",
     "My teachers assumed I was hurting myself because of my sleeves, but I never did."),
    ("en", "suicide", "I wanted to kill myself but I never did anything about it.",
     "Some people thought I was suicidal because I was so quiet, but I wasn't."),
    ("es", "self_harm", "Mis papás pensaban que yo estaba bien, pero me cortaba todas las noches.",
     "Mis papás pensaban que yo me cortaba por la manga larga, pero nunca lo hice."),
]


# Tenth round (set 11): leads that take the next words from the writer (a denial said before
# what it denies, a case others may raise, a topic: safety_model.led), "never" as typed in a
# chat, "me mató de los nervios" and "muerto de miedo", part of a pack, pills by their number,
# medicines by their names, past the dose in a prescribed setting, scalding, hair in clumps,
# throwing oneself under a train with "echar"; and the near-misses beside them.
TENTH_ROUND_CUES = [
    ("en", "suicide", "For a while I was in a place where I wanted to end my life.",
     "I've never been in a place where I wanted to end my life, so I won't pretend to know."),
    ("en", "suicide", "It got to the point where I wanted to die.",
     "It never got to the point where I wanted to die, thankfully."),
    ("en", "self_harm", "Back then I was that low, I was hurting myself every week.",
     "I was never that low, just worn out and lonely."),
    ("en", "suicide", "Last year I wanted to die most days.",
     "In training we learned that if a patient says they want to die we tell the nurse in charge."),
    ("en", "suicide", "When I came to group I finally told them I had tried to kill myself.",
     "If someone tells you they want to kill themselves, stay with them and get help."),
    ("en", "suicide", "At my first meeting I talked about my suicide attempt.",
     "Some people worry group will be all about suicide or cutting, but mine was about stress."),
    ("en", "suicide", "i wanted to kill myself back then",
     "i nvr wanted to kill myself, i just wanted a break"),
    ("en", "self_harm", "My mum used to hold her hands under scalding water on purpose when she was low.",
     "I scalded my hand on the kettle making tea."),
    ("en", "self_harm", "I pulled my hair out in clumps when I was anxious.",
     "I was pulling my hair out over that deadline."),
    ("en", "overdose", "One night I swallowed half a bottle of tylenol.",
     "I took half a bottle of cough syrup for my cold, as the label said."),
    ("en", "overdose", "I took twenty pills and lay down.",
     "I took fifteen pills a day after the transplant."),
    ("en", "overdose", "I took too many pills and passed out.",
     "I took too many breaks and fell behind, but I caught up."),
    ("en", "overdose", "After my surgery I took a bunch of pills, way more than I was supposed to.",
     "After my surgery I had to take a bunch of pills every day, exactly as prescribed."),
    ("es", "self_harm", "Llegué al punto de pensar en hacerme daño.",
     "Nunca he llegado a pensar en hacerme daño, pero sí tuve una etapa triste."),
    ("es", "suicide", "Llegué a ese punto de querer morirme.",
     "No estaba tan mal como para querer morirme, pero sí triste."),
    ("es", "suicide", "Ese invierno yo quería morirme.",
     "Si un paciente te dice que quiere morir, avisas a la enfermera."),
    ("es", "suicide", "yo pensé en matarme muchas veces",
     "yo nunk pensé en matarme ni nada de eso eh"),
    ("es", "suicide", "Una noche quise matarme.",
     "La primera sesión de grupo me mató de los nervios."),
    ("es", "suicide", "Mi hermano se quitó la vida y yo quedé muerto por dentro.",
     "Antes de hablar estaba muerto de miedo."),
    ("es", "overdose", "La semana pasada me tomé media caja de orfidales para no pensar.",
     "La semana pasada me tomé media hora para no pensar."),
    ("es", "overdose", "Mezclé el trago con las pastillas para el dolor que me habían formulado, "
                       "me tomé muchas más de la cuenta y casi me muero.",
     "Tomé las pastillas para el dolor que me habían formulado, ni una más."),
    ("es", "overdose", "Me tomé como quince pastillas de golpe.",
     "Tomo quince pastillas al día por el trasplante."),
    ("es", "overdose", "Me tomé una caja de pastillas para dormir.",
     "Me tomé una caja de pastillas de menta en el viaje."),
    ("es", "suicide", "Pensé en echarme a las vías del metro.",
     "Pensé en echarme una siesta después del metro."),
]


# Eleventh round (set 12 and own probes): slang for killing oneself ("offed", "topped", "did
# himself in"), a cigarette put out with the place in more words, a whole pack with its owner
# between, a handful of antidepressants, pills by a hedged number, a month's supply at once,
# stitches on the wrists, a kitchen word aimed at the body, chat spellings ("wana die", "2 die",
# "s/h", "kiero morir", "sewer slide"), "quitarse de en medio" in the past and the subjunctive,
# found hanged (es); guards: cutting corners, topping oneself up, "me corté la coleta", burnout,
# a telephone one is "colgado" from, leading a topic with "brings up" / "alguna vez … algo".
ELEVENTH_ROUND_CUES = [
    ("en", "suicide", "Last spring my brother offed himself.",
     "Before the night shift my brother topped himself up with coffee."),
    ("en", "suicide", "My dad did himself in when I was twelve.",
     "I did myself in at the gym yesterday, so I'm sore."),
    ("en", "self_harm", "When I was 19 I'd stub my cigarettes out on the back of my hand.",
     "I stubbed my cigarette out on the ashtray and went back inside."),
    ("en", "overdose", "At seventeen I swallowed a whole box of my mum's sleeping tablets.",
     "At seventeen I ate a whole box of my mum's chocolates."),
    ("en", "overdose", "She had taken a fistful of her antidepressants.",
     "She had started her antidepressants again and felt better."),
    ("en", "overdose", "My friend took like fifteen tylenol.",
     "My friend took like fifteen photos of the view."),
    ("en", "overdose", "I took my whole month of meds in one night.",
     "I picked up my whole month of meds at the pharmacy."),
    ("en", "self_harm", "After the stitches on my wrists healed I started going to group.",
     "After the stitches on my knee healed I started running again."),
    ("en", "self_harm", "I went through a phase of slicing my legs with razor blades.",
     "I went through a phase of slicing onions for the whole family."),
    ("en", "self_harm", "I cut myself for a long time and my anxiety got worse.",
     "I cut corners on looking after myself for a long time and my anxiety got worse."),
    ("en", "self_harm", "In group I finally brought up that I wanted to hurt myself.",
     "If anyone ever brings up something heavy, like wanting to hurt themselves, the leaders know what to do."),
    ("en", "suicide", "i wana die every nite back then", "i wanna die laughing at this video"),
    ("en", "suicide", "i wanted 2 die in 9th grade", "i wanted 2 dye my hair in 9th grade"),
    ("en", "suicide", "i thought about sewer slide a lot in 10th grade",
     "we went down the water slide a lot in 10th grade"),
    ("en", "self_harm", "i was doing s/h for about 3 years", "the s/h fee on that order was high"),
    ("es", "suicide", "Empecé a ir al grupo después de que mi hermano se quitara de en medio.",
     "Me quité de en medio para que discutieran ellos solos."),
    ("es", "suicide", "A mi hermano lo encontraron colgado en el garaje.",
     "Lo encontré colgado del teléfono otra vez."),
    ("es", "self_harm", "A los 19 me apagaba los cigarros en el dorso de la mano.",
     "Apagué el cigarro en el cenicero y volví a entrar."),
    ("es", "overdose", "Mi amiga se tomó un puñado de sus antidepresivos.",
     "Mi amiga volvió a tomar sus antidepresivos y está mejor."),
    ("es", "overdose", "La semana pasada me tomé como quince acetaminofenes de una vez.",
     "Me tomo un acetaminofén cuando me duele la cabeza."),
    ("es", "overdose", "Me tomé diez paracetamoles de golpe.",
     "Tomo diez paracetamoles al día desde la operación."),
    ("es", "overdose", "Me tomé la medicación de todo el mes en una noche.",
     "Recogí la medicación de todo el mes en la farmacia."),
    ("es", "self_harm", "Cuando se me curaron los puntos de las muñecas empecé a ir al grupo.",
     "Me pusieron puntos en la rodilla después del partido de fútbol."),
    ("es", "self_harm", "Me corté los brazos a los quince.",
     "Me corté la coleta después de veinte años en el mismo trabajo."),
    ("es", "self_harm", "Me quemaba los brazos con el encendedor.",
     "Me quemé en el trabajo y me tomé tres meses."),
    ("es", "self_harm", "En el grupo conté que tenía ganas de lastimarme.",
     "Si alguna vez alguien comenta algo fuerte, como ganas de lastimarse, los coordinadores saben qué hacer."),
    ("es", "suicide", "kiero morir, eso pensaba todos los días", "kiero morir de la risa con este video"),
    ("es", "suicide", "me kería matar cuando tenía 15", "me quería matricular cuando tenía 15"),
    # An accident named in the sentence is a frame for the stitches; a shot at the basket is sport.
    ("en", "self_harm", "I got stitches on my wrist after the night I cut it.",
     "I got stitches on my wrist after I fell off my skateboard."),
    ("es", "self_harm", "Me pusieron puntos en la muñeca después de cortármela.",
     "Me pusieron puntos en la muñeca después de caerme de la bici."),
    ("es", "suicide", "Mi tío se pegó un tiro en la cabeza.", "Le pegué un tiro a la canasta y entró."),
]


def test_a_denial_lead_reaches_only_the_words_it_denies():
    # The lead covers its bridge words and the words right after them, not a later clause:
    # telling no one of the act is no denial of it.
    assert cue_kinds("I never got to the point where I told anyone I cut myself.") == ["self_harm"]
    assert cue_kinds("Nunca llegué a contarle a nadie que me cortaba.") == ["self_harm"]
    # "didn't see the point of being alive" names no place reached: a disclosure, not a lead.
    assert "suicide" in safety_kinds("I didn't see the point of being alive, and I looked up ways to do it.")


# Every round's cue pairs, one test: the cue raises its kind through the whole engine; the
# near-miss raises no cue and nothing at all (the learned layer included).
ROUND_CUES = [(name, row) for name, rows in (("fifth", FIFTH_ROUND_CUES), ("sixth", SIXTH_ROUND_CUES),
                                              ("seventh", SEVENTH_ROUND_CUES), ("eighth", EIGHTH_ROUND_CUES),
                                              ("ninth", NINTH_ROUND_CUES), ("tenth", TENTH_ROUND_CUES),
                                              ("eleventh", ELEVENTH_ROUND_CUES))
              for row in rows]


@pytest.mark.parametrize("language, kind, positive, near_miss", [row for _name, row in ROUND_CUES],
                         ids=[f"{name}-{row[0]}-{row[1]}-{i}" for i, (name, row) in enumerate(ROUND_CUES)])
def test_each_rounds_cues_and_guards_both_ways(language, kind, positive, near_miss):
    assert kind in cue_kinds(positive), positive
    assert kind in safety_kinds(positive, language), positive
    assert cue_kinds(near_miss) == [], near_miss
    assert safety_kinds(near_miss, language) == [], near_miss
