"""Safety, the twelfth round (set 14): a new writer's near-misses, and the one plain-words miss.

Each cue, guard, lead and family added in this round (lexicons/safety.txt, lexicons/es/safety.txt
and lexicons/safety_families.txt under "Twelfth round" / "Duodécima ronda"; a denial opening the
next sentence in safety_model.disowned) has a positive and a near-miss here, in English and
Spanish where the kind exists in both. The sentences are our own, written beside set 14, not its
drafts.
"""
import pytest

from .safety_helpers import (
    assert_cleared_but_flags, assert_cue_both_ways, assert_family_both_ways,
    assert_raises_nothing, cue_kinds, safety_kinds)


# (language, kind, a draft a new cue flags, a near-miss that raises nothing at all)
CUES = [
    # A cigarette put out with the verb first, the place told in more words.
    ("en", "self_harm", "At sixteen I used to put out cigarettes on the back of my hand.",
     "At sixteen I used to put out my cigarettes on the ashtray by the door."),
    ("en", "self_harm", "He kept putting out cigarettes on his forearm when he was upset.",
     "He kept putting out cigarettes in the flower pots when he was upset."),
]


@pytest.mark.parametrize("language, kind, positive, near_miss", CUES)
def test_cues_both_ways(language, kind, positive, near_miss):
    assert_cue_both_ways(language, kind, positive, near_miss)


# (language, a near-miss a new guard clears, a draft with the same words that still flags)
GUARDS = [
    # A rope that holds a climber.
    ("en", "On the wall I'm fine hanging off a rope thirty feet up, but parties scare me.",
     "I was hanging a rope from the beam in the garage."),
    ("en", "My climbing rope has been everywhere with me, it's my calm place.",
     "I bought a rope to hang myself with."),
    ("es", "Al principio no dejaba que nadie me sostuviera la cuerda en la pared de escalada.",
     "Até una cuerda a la viga para colgarme."),
    # A jump into a pool.
    ("es", "Mi prima me convenció de aventarme del trampolín de la piscina y salté temblando.",
     "Quise aventarme del puente esa noche."),
    ("es", "En el verano me tiré desde la plataforma a la alberca por primera vez.",
     "Pensé en tirarme desde el balcón."),
    # The idiom of cutting off a limb.
    ("en", "Honestly I'd have said cutting off my own arm sounded better than a group session.",
     "I used to cut my arms with a razor before group."),
    ("es", "Me corto un brazo si no te gusta el grupo después de la primera vez.",
     "Me cortaba los brazos con una navaja."),
    # Leaving one's studies.
    ("es", "En primero de la carrera no quería seguir, suspendía todo y me sentía inútil.",
     "En primero de la carrera no quería seguir viviendo."),
    ("es", "No quería seguir con la carrera y pensé en dejarla.",
     "No quería seguir con vida y pensé en dejarlo todo."),
]


@pytest.mark.parametrize("language, near_miss, positive", GUARDS)
def test_guards_both_ways(language, near_miss, positive):
    assert_cleared_but_flags(language, near_miss, positive)


# (language, words a lead takes from the writer, a draft with the same act told as one's own)
LEADS = [
    # A training named as a topic.
    ("en", "As a new hire I sat through a training on spotting self-harm in young people.",
     "As a new hire I was still self-harming most nights."),
    ("en", "We did a workshop on suicide risk in older adults last spring.",
     "Last spring I made a suicide attempt."),
    ("es", "Hice una capacitación sobre cómo detectar autolesiones en adolescentes.",
     "De adolescente yo me autolesionaba."),
    # The kind of place never reached.
    ("en", "I've never been in the kind of place where I thought about ending it.",
     "I've been in the kind of place where I thought about ending it."),
    ("en", "I have never been in that headspace where I wanted to die, but I know stress.",
     "I was in that headspace where I wanted to die."),
    ("es", "Nunca he estado en ese lugar de querer morirme, pero sé lo que es la ansiedad.",
     "He estado en ese lugar de querer morirme."),
]


@pytest.mark.parametrize("language, led_away, positive", LEADS)
def test_leads_both_ways(language, led_away, positive):
    assert_cleared_but_flags(language, led_away, positive)


# (language, a suspicion denied at the start of the next sentence, the same without the denial)
DENIED_NEXT = [
    ("en", "My mum asked if I meant hurting myself. I honestly didn't, I meant a weekend away.",
     "My mum asked if I meant hurting myself. I didn't tell her I was."),
    ("en", "The nurse asked if I was hurting myself. No, I just meant I was tired of it all.",
     "The nurse asked if I was hurting myself. I said yes, for years."),
    ("es", "Mi amiga me preguntó si quería hacerme daño. No, me refería a irme de viaje.",
     "Mi amiga me preguntó si quería hacerme daño. No supe qué decirle, porque sí."),
]


@pytest.mark.parametrize("language, denied, positive", DENIED_NEXT)
def test_a_denial_opening_the_next_sentence_disowns_the_suspicion(language, denied, positive):
    assert_cleared_but_flags(language, denied, positive)


def test_a_denial_two_sentences_later_does_not_reach_back():
    text = "My mum asked if I meant hurting myself. We were in the car. I honestly didn't, I meant a trip."
    assert "self_harm" in cue_kinds(text)


# (language, family, a draft with the family, a draft without it)
FAMILIES = [
    ("en", "ordinary_medical", "I have a scar on my belly from the operation.", "I have a scar on my belly."),
    ("es", "ordinary_medical", "Tengo la cicatriz de la operación en la panza.", "Tengo una cicatriz en la panza."),
    ("en", "ordinary_medical", "I put a heating pad on my arm for sore muscles.", "I put a towel on my arm."),
    ("es", "ordinary_medical", "Me pongo una bolsa de hielo en la pierna.", "Me pongo una toalla en la pierna."),
]


@pytest.mark.parametrize("language, family, with_it, without_it", FAMILIES)
def test_families_both_ways(language, family, with_it, without_it):
    assert_family_both_ways(family, with_it, without_it)


@pytest.mark.parametrize("language, text", [
    ("en", "I have a big scar on my belly from an operation as a child and I hid it for years."),
    ("es", "Tengo una cicatriz grande en la panza de una operación de niña y la escondí años."),
    ("es", "Me pongo un paño tibio en el brazo cuando me duelen los músculos."),
])
def test_surgery_and_sore_muscles_stay_below_the_learned_threshold(language, text):
    assert_raises_nothing(text, language)


def test_a_scar_told_as_ones_own_doing_still_flags():
    assert safety_kinds("I have scars on my belly from cutting myself.") != []
