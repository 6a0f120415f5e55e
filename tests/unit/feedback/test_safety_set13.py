"""Safety, the set-13 round: a new writer's idioms and near-misses, and the plain words missed.

Each cue, guard, lead and family added in this round (lexicons/safety.txt, lexicons/es/safety.txt
and lexicons/safety_families.txt under "Set 13 round"; the joke leads in safety_model.led) has a
positive and a near-miss here, in English and Spanish where the kind exists in both. The
sentences are our own, written beside set 13, not its drafts.
"""
import pytest

from disclosure_xblock.feedback import safety
from disclosure_xblock.feedback.text import Analysis

from .safety_helpers import (
    assert_cleared_but_flags, assert_cue_both_ways, assert_family_both_ways,
    assert_raises_nothing, cue_kinds, features, safety_kinds)


# (language, kind, a draft a new cue flags, a near-miss that raises nothing at all)
CUES = [
    ("en", "suicide", "Some years ago I was thinking every day to finish my life.",
     "Some years ago I was thinking every day to finish my degree."),
    ("en", "suicide", "My grandfather died by his own hand when I was small.",
     "The letter was written by his own hand."),
    ("en", "overdose", "My brother drank a whole bottle of cough syrup to get high.",
     "I took a spoonful of cough syrup for my cold, as the label said."),
    ("es", "self_harm", "De adolescente me daba la cabeza contra la pared hasta marearme.",
     "Me di la cabeza contra la puerta del armario y me salió un chichón."),
    ("es", "self_harm", "En mis años más oscuros yo me hacía cortadas en la panza con una rasuradora.",
     "Me hice cortadas en las manos pelando papas en la cocina del restaurante."),
    ("es", "suicide", "Mi papá se fue por su propia mano cuando yo tenía catorce años.",
     "Mi abuela hizo el pastel por su propia mano."),
    ("es", "suicide", "Mi tío murió por mano propia cuando yo era niña.",
     "No hay que hacer justicia por mano propia."),
    ("es", "overdose", "Mi primo se tomó un frasco entero de jarabe para la tos.",
     "Tomé jarabe para la tos dos veces al día, como dice el prospecto."),
]


@pytest.mark.parametrize("language, kind, positive, near_miss", CUES)
def test_cues_both_ways(language, kind, positive, near_miss):
    assert_cue_both_ways(language, kind, positive, near_miss)


# (language, a near-miss a new guard clears, a draft with the same words that still flags)
GUARDS = [
    # "wanted out" of a job or a marriage is no wish to die; out of life it is.
    ("en", "Back when I wanted out of my old job so badly I could barely function, a friend took me to a group.",
     "I just wanted out, I didn't want to be alive anymore."),
    ("en", "I wanted out of that marriage for years before I left.",
     "I wanted out of this life and I looked up ways to do it."),
    ("es", "Quería salirme de ese trabajo como fuera.",
     "Quería irme de este mundo y busqué cómo hacerlo."),
    # A kitchen accident told by the food.
    ("en", "I've got a scar across my palm from slicing a bagel badly.",
     "I sliced my palm on purpose with a razor."),
    ("en", "I've got a scar on my thumb from cutting an avocado.",
     "I've got scars on my thighs from cutting myself."),
    # Fear of an accident.
    ("en", "I was so scared of cutting myself with the chef's knife that I chopped slowly for weeks.",
     "I was cutting myself with a knife every night."),
    ("es", "Tenía tanto miedo de cortarme con el cuchillo delante del chef que me escondía.",
     "Me cortaba los brazos con el cuchillo de la cocina cuando nadie me veía."),
    ("es", "Tenía miedo a cortarme con la mandolina, así que usaba guantes.",
     "Me cortaba los brazos con una navaja."),
    # Cut from a team.
    ("en", "I got cut from the basketball team at fourteen and felt like my life was over.",
     "After I was cut from the team I started cutting my arms."),
    ("es", "A los quince me cortaron del equipo de fútbol y sentí que me había muerto.",
     "A los quince me cortaba los brazos con una navaja."),
    # How low one felt.
    ("en", "After the breakup I felt dead inside for months.",
     "After the breakup I wanted to be dead."),
    ("es", "Hace unos años me sentía muerta por dentro con la carrera.",
     "Hace unos años me quería morir."),
    # A leap that is a decision.
    ("en", "In the end group was the easier leap.",
     "I wanted to leap from the bridge."),
    # Staff equipment and training.
    ("en", "In orientation we all did the overdose response training with the naloxone kits.",
     "They had to give me naloxone after I took too much."),
    ("es", "En la capacitación nos enseñaron a usar los kits de naloxona.",
     "Me tuvieron que poner naloxona después de tomarme todo el frasco."),
    # Climbing ropes.
    ("en", "The first time they lowered me on the rope at the climbing wall I thought I'd fall.",
     "I tied a rope to the beam in the garage."),
    ("es", "La primera vez que me colgaron de la cuerda a diez metros pensé que me iba a caer.",
     "Até una cuerda a la viga del garaje."),
    # "Like this" with its cause: a wish for change.
    ("en", "I couldn't keep living like this, with all the stress at work, so I changed jobs.",
     "I didn't want to keep living, I had the pills ready."),
    ("es", "No quería seguir viviendo así, con tanto estrés y peleas en la casa.",
     "No quería seguir viviendo, ya tenía las pastillas juntadas."),
]


@pytest.mark.parametrize("language, near_miss, positive", GUARDS)
def test_guards_both_ways(language, near_miss, positive):
    assert_cleared_but_flags(language, near_miss, positive)


# (language, words a lead takes from the writer, a draft with the same act told as one's own)
LEADS = [
    # A cleft denial.
    ("en", "It wasn't that I wanted to hurt myself, I just couldn't see the point of getting up.",
     "It wasn't just sadness, I wanted to hurt myself."),
    ("en", "It's not that I wanted to die, I was just exhausted all the time.",
     "I wanted to die, I was exhausted all the time."),
    ("es", "Nunca pensé en hacerme daño, pero sí me costaba mucho levantarme.",
     "Pensé en hacerme daño muchas veces ese año."),
    ("es", "No es que quisiera hacerme daño, solo estaba agotada.",
     "Quería hacerme daño, estaba agotada."),
    # A joke said as one.
    ("en", 'My sister used to joke "if I have to go to one more party I\'ll throw myself off a cliff".',
     "My friends joke that I'm dramatic, but I cut myself for years."),
    ("en", "My flatmate used to joke that one more exam and he'd jump off the roof.",
     "I used to joke about wanting to die, but it wasn't really a joke."),
    ("es", "Mi compañero decía, medio en broma, que prefería tirarse de un puente antes que ir a terapia.",
     "Decía en broma que me quería morir, pero no era broma."),
    ("es", "Mi hermana decía en broma que se iba a tirar del balcón si perdía su equipo.",
     "Mis amigos bromeaban mucho, pero yo me cortaba los brazos en secreto."),
    # Hyperbole by condition.
    ("en", "If I had to do one more icebreaker I'd jump out the window.",
     "I wanted to jump out the window of my flat."),
    ("es", "Yo repetía 'si no apruebo este final me mato' y mis amigas se reían.",
     "Pensé en matarme cuando reprobé el final."),
    # A laugh after the words.
    ("en", "That silence was so awkward I wanted to jump out the window, haha.",
     "That night I wanted to jump out the window."),
    ("es", "Hubo un silencio tan incómodo que me quería tirar por la ventana, jaja, de la pura pena.",
     "Esa noche me quería tirar por la ventana de mi cuarto."),
]


@pytest.mark.parametrize("language, led_away, positive", LEADS)
def test_leads_both_ways(language, led_away, positive):
    assert_cleared_but_flags(language, led_away, positive)


def test_a_joke_lead_takes_the_words_after_it_not_the_laugh_itself():
    # "lol" and "jaja" are hyperbole words of the learned layer: the joke's range is the words
    # before the laugh (and after a lead), so the hyperbole family still counts.
    assert "f:hyperbole" in features("I cut my own hair when I get anxious, it's my calming ritual lol.")
    assert "f:selfkill" not in features("Qué vergüenza, me quería matar, jaja.")


def test_a_joke_lead_stops_at_but_and_is_broken_by_meaning_it():
    assert safety.model_features(Analysis("My friends joke that I'm dramatic, but I cut my arms.")).get("f:harm_act")
    assert "suicide" in cue_kinds("I used to joke about wanting to kill myself but I meant it.")


# (language, family, a draft with the family, a draft without it)
FAMILIES = [
    ("en", "height", "He jumped from the top of the car park near campus.", "He jumped for joy near campus."),
    ("es", "height", "Se tiró desde lo alto del estacionamiento.", "Se tiró al agua en la piscina."),
    ("en", "drug", "He drank it to get high.", "He drank it to feel better."),
    ("es", "drug", "Se lo tomó para drogarse.", "Se lo tomó para dormir."),
    ("en", "aftermath", "He had a fit and the neighbours called for help.", "He had a fright and the neighbours called."),
    ("es", "aftermath", "Convulsionó en el baño.", "Se resbaló en el baño."),
    ("en", "ordinary_medical", "I had bad asthma as a kid.", "I had bad days as a kid."),
    ("es", "ordinary_medical", "De chico tuve asma fuerte.", "De chico tuve miedo."),
    ("en", "leisure", "I did a parachute jump for charity.", "I did a jump."),
    ("es", "leisure", "Hice puenting con mis primos.", "Hice un salto con mis primos."),
    ("es", "tool", "Usaba una rasuradora.", "Usaba una toalla."),
    ("es", "body", "Me dolía la panza.", "Me dolía el alma."),
]


@pytest.mark.parametrize("language, family, with_it, without_it", FAMILIES)
def test_families_both_ways(language, family, with_it, without_it):
    assert_family_both_ways(family, with_it, without_it)


@pytest.mark.parametrize("language, text", [
    ("es", "De chico tuve asma fuerte y una vez me llevaron en ambulancia porque no podía respirar."),
    ("en", "As a kid I had bad asthma and an ambulance took me in because I couldn't breathe."),
    ("en", "Signing up for group felt scarier than the parachute jump I did for charity, I thought I'd die."),
    ("es", "Hice puenting por caridad y pensé que me iba a morir."),
])
def test_illness_and_leisure_lower_the_learned_layer_below_its_threshold(language, text):
    assert_raises_nothing(text, language)


@pytest.mark.parametrize("language, text", [
    ("en", "My uncle jumped from the top of a parking garage."),
    ("es", "Mi vecino se tiró desde lo alto del estacionamiento."),
])
def test_a_jump_from_a_car_park_is_read_by_the_learned_layer(language, text):
    assert safety_kinds(text, language) == ["suicide"], text


@pytest.mark.parametrize("positive, near_miss", [
    ("Me cortaba con el cúter en el baño.", "Cortaba con el novio cada mes."),
    ("Yo me cortaba con el vidrio de una botella.", "Corté con él hace un año."),
    ("Me cortaba con el cuchillo de la cocina cuando nadie me veía.",
     "Me corté con el cuchillo picando cebolla."),
])
def test_a_guard_breaker_undoes_the_guard_accent_folding_widened(positive, near_miss):
    # "cort* con él" (breaking up) folds to "con el", which read "me cortaba con el cúter"; a blade
    # after it breaks the guard, for the cues and for the learned layer alike.
    assert cue_kinds(positive) == ["self_harm"], positive
    assert "c:guard" not in features(positive)
    assert safety_kinds(near_miss, "es") == [], near_miss


def test_a_guard_breaker_undoes_only_the_guards_inside_it():
    # The fear of an accident starts before the blade: its guard stays.
    assert safety_kinds("Tenía miedo de que me cortara con el cuchillo en la cocina.", "es") == []
