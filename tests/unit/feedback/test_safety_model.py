"""The learned safety layer (feedback/safety_model.py): features, scoring, training, both ways.

The features are checked directly (they do not depend on the weights); the shipped model is
checked on drafts no cue names, a positive and a near-miss for each family of concepts; the
training script must give back the committed weights from the committed data.
"""
import sys
from pathlib import Path

import pytest

from disclosure_xblock.feedback import evaluate, safety, safety_model
from disclosure_xblock.feedback.text import Analysis
from disclosure_xblock.rubric import load_preset

ROOT = Path(__file__).resolve().parents[3]
RUBRIC = load_preset("appropriate-self-disclosure")


def features(text):
    return safety.model_features(Analysis(text))


def model_flag(text):
    """(kind, evidence text) when the learned layer, not a cue, flags ``text``; else None."""
    analysis = Analysis(text)
    assert safety.cue_scan(analysis) == {}, "a cue names this draft: not a test of the model"
    raised = safety.scan(analysis)
    if not raised:
        return None
    (kind, [(start, end)]), = raised.items()
    return kind, text[start:end]


# --- features ------------------------------------------------------------------------------

def test_families_and_their_sentence_pairs():
    found = features("I took a handful of pills. Later I went to the beach.")
    assert {"f:ingest", "f:quantity", "f:drug"} <= set(found)
    assert "p:drug+quantity" in found and "p:drug+ingest" in found
    # Families in different sentences make no pair.
    found = features("I took the bus. The pills were for my mother.")
    assert "f:drug" in found and "f:ingest" in found and "p:drug+ingest" not in found


def test_features_carry_the_sentence_they_come_from():
    found = features("Work was hard. I stood on the roof of the building at night.")
    assert found["f:height"] == {1}


def test_a_negated_family_is_its_own_feature():
    found = features("I never wanted to cut my arm.")
    assert "n:harm_act" in found and "f:harm_act" not in found
    assert "f:harm_act" in features("I wanted to cut my arm.")


def test_an_idiom_guard_hides_the_families_inside_it():
    found = features("I was killing myself laughing at the party.")
    assert "c:guard" in found and "f:selfkill" not in found


def test_words_other_people_said_in_quotes_are_left_out():
    found = features("Patients sometimes say 'I want to die' to me.")
    assert "f:death" not in found
    # Someone close to the writer saying them is their crisis: the family counts.
    assert "f:death" in features("My brother kept saying 'I want to die' that winter.")


def test_accents_are_folded_in_families_too():
    assert "f:aftermath" in features("Terminé en cuidados intensivos.")
    assert "f:aftermath" in features("Termine en cuidados intensivos.")


def test_the_number_of_features_is_bounded_whatever_the_length():
    # Features are families and their pairs, so a longer draft adds sentences to a feature, not
    # new features: the score is a sum over at most families + pairs + negations look-ups.
    sentence = "I took a whole bottle of pills and the paramedics found me on the floor of the roof. "
    short, long = features(sentence), features(sentence * 400)
    families = len(safety_model.family_names())
    assert len(long) == len(short) <= 2 * families + families * (families - 1) // 2 + 1
    assert max(len(s) for s in long.values()) == 400


# --- the shipped model, both ways, per family of concepts -----------------------------------

# (family, a draft no cue names that the learned layer flags with this kind, a near-miss)
BOTH_WAYS = [
    ("height + edge", "suicide",
     "One night I went up to the roof of my building and stood at the edge for a long time.",
     "I went up to the roof of our building to watch the fireworks."),
    ("drug + quantity + ICU", "overdose",
     "I once took a whole box of my oxys and woke up in the ICU.",
     "My dad was in the ICU for a week with pneumonia."),
    ("drug + alcohol + revive", "overdose",
     "My dad mixed his painkillers with whiskey and the paramedics found him on the floor.",
     "I took my sleeping tablets as prescribed and slowly felt better."),
    ("plan + letters", "suicide",
     "Tenía todo listo y una carta para mi hermana en la mesa.",
     "Tomé los somníferos como me los recetó el médico."),
    ("tool + body + mark", "self_harm",
     "When I was fourteen I used to press a hot spoon to my forearm until it blistered.",
     "I press a warm cloth to my arm when my muscles ache."),
    ("tool + body + mark (es)", "self_harm",
     "Me apretaba una cuchara caliente contra el antebrazo hasta que salía ampolla.",
     "Subimos a la azotea para ver los fuegos artificiales."),
    ("ingest + quantity + drug + hospital", "overdose",
     "My cousin took all her mum's tablets and ended up in hospital.",
     "Mi prima terminó en el hospital por una apendicitis."),
    ("plan + drug", "suicide",
     "I kept a stash of pills in my drawer for the night I decided.",
     "I kept a bottle of wine in the cupboard for guests."),
    ("height + jump, negated", None, None,
     "I never once thought about jumping off the roof."),
    ("hyperbole", None, None,
     "I was dying of embarrassment when I had to speak in group."),
    ("accident", None, None,
     "I burned my arm on the oven while cooking dinner."),
    ("accident (es)", None, None,
     "Me quemé el brazo con el horno cocinando."),
]


@pytest.mark.parametrize("family, kind, positive, negative", BOTH_WAYS, ids=[row[0] for row in BOTH_WAYS])
def test_the_learned_layer_both_ways(family, kind, positive, negative):
    if positive is not None:
        raised = model_flag(positive)
        assert raised is not None and raised[0] == kind, (positive, raised)
    assert model_flag(negative) is None, negative


def test_the_evidence_is_the_sentence_that_weighs_most():
    text = ("I was anxious around people for years. One night I went up to the roof of my "
            "building and stood at the edge for a long time. Talking helped me.")
    kind, evidence = model_flag(text)
    assert kind == "suicide"
    assert evidence == ("One night I went up to the roof of my building and stood at the edge "
                        "for a long time.")


def test_a_learned_flag_routes_to_the_instructor_but_does_not_cut_the_score():
    # "Oxys": since the eleventh round "a whole box of my sleeping tablets" is a cue, and a drug
    # word no cue set names keeps this a test of the learned layer.
    text = "I once took a whole box of my oxys and woke up in the ICU."
    result = evaluate(text, RUBRIC)
    assert [flag.kind for flag in result.red_flags] == ["overdose"]
    assert result.needs_support
    # The boundaries criterion reads the reviewed cues only.
    assert next(c for c in result.criteria if c.id == "boundaries").outcome != "not_met"


def test_a_cue_keeps_its_own_kinds_and_evidence():
    analysis = Analysis("I used to cut my arms when I was sixteen.")
    assert safety.scan(analysis) == safety.cue_scan(analysis)


# --- scoring and the weights file -----------------------------------------------------------

def test_scoring_is_deterministic_and_a_plain_sum():
    model = safety_model.model()
    text = "I once took a whole box of my oxys and woke up in the ICU."
    found = features(text)
    expected = model.bias + sum(model.weights.get(name, 0.0) for name in found)
    assert model.score(found) == expected == model.score(features(text))
    assert 0.0 < model.probability(found) < 1.0


def test_the_weights_file_parses_both_ways():
    model = safety_model.parse("# a comment\nbias\t-1.5\nthreshold\t0.25\nf:death\t0.5\np:a+b\t-0.125\n")
    assert (model.bias, model.threshold) == (-1.5, 0.25)
    assert model.weights == {"f:death": 0.5, "p:a+b": -0.125}
    assert model.score({"f:death": {0}, "f:unknown": {0}}) == -1.0


def test_every_weight_names_a_known_family():
    families = set(safety_model.family_names())
    for name in safety_model.model().weights:
        kind, _colon, rest = name.partition(":")
        assert kind in ("f", "n", "p", "c"), name
        if kind in ("f", "n"):
            assert rest in families, name
        elif kind == "p":
            assert set(rest.split("+")) <= families, name
        else:
            assert rest == "guard", name


def test_every_kind_family_is_a_family():
    assert set(safety_model.family_kinds()) <= set(safety_model.family_names())
    assert set(safety_model.family_kinds().values()) == set(safety.KINDS)


def test_training_is_reproducible():
    # The committed weights are what the committed script gives on the committed data.
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_safety
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    text, scored, threshold = train_safety.build(train_safety.load(quiet=True))
    assert text == (ROOT / "disclosure_xblock" / "feedback" / "lexicons" / safety_model.WEIGHTS).read_text("utf-8")
    # And the threshold is the one the held-out writers allow: false alarms in budget.
    table = train_safety.figures(scored, threshold)
    cue_table = train_safety.cue_figures(scored)
    for key, (_pos, neg, _recall, alarms) in table.items():
        if neg and key[0] not in train_safety.NOT_WRITERS:
            assert alarms <= train_safety.writer_allowance(cue_table, key), key
    # Recall first: below the lowest threshold in budget some writer would be over budget, and
    # the shipped threshold (raised halfway to the weakest positive caught) catches the same
    # held-out positives as that lowest one, with no more false alarms.
    lowest = train_safety.lowest_in_budget(scored)
    lower = max((value for _doc, value in scored if round(value, 4) < lowest), default=None)
    if lower is not None:
        assert not train_safety.within_budget(train_safety.figures(scored, lower), cue_table)
    assert lowest <= threshold

    def caught(at, label):
        return [doc.id for doc, value in scored if doc.label == label and (doc.cues or value >= at)]
    assert caught(threshold, True) == caught(lowest, True)
    assert len(caught(threshold, False)) <= len(caught(lowest, False))
    # The layer is on: the threshold is a held-out score, not past the highest one.
    assert threshold <= max(value for _doc, value in scored)


def test_a_writer_whose_cues_alone_are_over_budget_does_not_switch_the_layer_off():
    # Ninth round: a writer's cue false alarms above the target left no threshold within budget,
    # and the rule then chose one above every score (the layer off for everyone).
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_safety
    finally:
        sys.path.remove(str(ROOT / "scripts"))

    class Doc:
        def __init__(self, writer, label, cues):
            self.writer, self.language, self.label, self.cues, self.ordinary = writer, "en", label, cues, False

    # Writer "a": 2 of 10 negatives flagged by cues (0.2); its positives score 1.0, negatives 0.
    scored = [(Doc("a", True, False), 1.0) for _ in range(5)]
    scored += [(Doc("a", False, k < 2), 0.0) for k in range(10)]
    scored += [(Doc("b", True, False), 0.5)] + [(Doc("b", False, False), -1.0) for _ in range(10)]
    threshold = train_safety.choose_threshold(scored)
    assert threshold == 0.5          # the lowest score adding no false alarm beyond the cues'
    assert train_safety.lowest_in_budget(scored) == 0.5   # and the weakest positive caught
    assert train_safety.writer_allowance(train_safety.cue_figures(scored), ("a", "en")) == 0.2


def test_the_threshold_sits_halfway_between_the_lowest_in_budget_and_the_weakest_positive_caught():
    # Tenth round: the lowest threshold in budget may sit far below every positive it catches;
    # the negatives in between are false alarms that buy no recall.
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_safety
    finally:
        sys.path.remove(str(ROOT / "scripts"))

    class Doc:
        def __init__(self, label, cues=False):
            self.writer, self.language, self.label, self.cues, self.ordinary = "a", "en", label, cues, False
            self.id = None

    # Positives at 1.0 and 2.0 (and one a cue flags, at -5); negatives at -1.0 (ten) and 0.0.
    scored = [(Doc(True), 1.0), (Doc(True), 2.0), (Doc(True, cues=True), -5.0), (Doc(False), 0.0)]
    scored += [(Doc(False), -1.0) for _ in range(10)]
    assert train_safety.lowest_in_budget(scored) == 0.0   # 1 of 11 negatives: within 0.10
    assert train_safety.choose_threshold(scored) == 0.5   # halfway to the weakest positive, 1.0


# --- fifth round: each new family both ways, in each language --------------------------------

# (family, language, a draft holding the family, a near-miss that does not)
FIFTH_ROUND_FAMILIES = [
    ("leave_euph", "en", "Some nights I just wanted out of all of it.",
     "Some nights I just wanted a quiet evening."),
    ("leave_euph", "es", "Algunas noches me quería ir y no volver.",
     "Algunas noches me quedaba leyendo en casa."),
    ("plan_word", "en", "I had a plan and a note ready.", "I had a sandwich ready."),
    ("plan_word", "es", "Tenía una fecha y una carta.", "Tenía una mochila y una chaqueta."),
    ("method_search", "en", "I kept looking for a painless way out.", "I kept looking for a quiet cafe."),
    ("method_search", "es", "Buscaba en internet formas de morir.", "Buscaba recetas de pan."),
    ("self_made", "en", "The marks were ones I'd made on purpose.", "The cake was one my mum baked."),
    ("self_made", "es", "Eran heridas que me hice yo.", "Eran dibujos que pintó mi hermana."),
    ("vague_act", "en", "After what I did, my mum stayed with me.", "After lunch, my mum stayed with me."),
    ("vague_act", "es", "Después de lo que hice, mi madre se quedó conmigo.",
     "Después de comer, mi madre se quedó conmigo."),
    ("leisure", "en", "We went cliff diving on vacation.", "We went to the clinic on Monday."),
    ("leisure", "es", "Me tiré al agua en vacaciones.", "Me fui a la clínica el lunes."),
    ("simile", "en", "Speaking up, it felt like falling.", "Speaking up, I was falling apart."),
    ("simile", "es", "Hablar fue como saltar al vacío.", "Hablar me costó mucho."),
    ("natural_death", "en", "My grandmother died peacefully in her sleep.", "My grandmother died last spring."),
    ("natural_death", "es", "Mi abuelo murió de viejo, en paz.", "Mi abuelo murió el año pasado."),
    ("leave_euph", "en", "I wanted to go be with my dad again.", "I wanted to go to the shops with my dad."),
    ("leave_euph", "es", "Quería reunirme con mi madre otra vez.", "Quería cenar con mi madre otra vez."),
    ("leisure", "en", "I planned every detail of the wedding.", "I planned every detail of my week."),
    ("leisure", "es", "Planeé cada detalle de la boda.", "Planeé cada detalle de la semana."),
    ("plan", "en", "I was picking songs for my own funeral.", "I was picking songs for the car."),
    ("plan", "es", "Elegía canciones para mi funeral.", "Elegía canciones para el coche."),
    ("ordinary_medical", "en", "I had my blood drawn and nearly fainted.", "I had my hair cut and nearly cried."),
    ("ordinary_medical", "es", "Me rompí la pierna jugando al fútbol.", "Me pasé la tarde en el parque."),
    ("occasion", "en", "I had the date of my exam circled.", "I had the date of my visit circled."),
    ("occasion", "es", "Tenía marcada la fecha del examen.", "Tenía marcada la fecha de la visita."),
    ("vague_act", "en", "I kept thinking how easy it would be.", "I kept thinking how nice it would be."),
    ("vague_act", "es", "Pensaba lo fácil que sería.", "Pensaba lo bonito que sería."),
    ("method_search", "en", "I checked how high it was.", "I checked how old it was."),
    ("method_search", "es", "Miré qué altura tenía.", "Miré qué hora era."),
    ("plan", "en", "At nineteen I wrote my will.", "At nineteen I wrote my thesis."),
    ("plan", "es", "A los diecinueve hice mi testamento.", "A los diecinueve hice mi tesis."),
    ("ordinary_medical", "en", "As a student I cut a cast off a kid's arm.", "As a student I cut paper for the kids."),
    ("ordinary_medical", "es", "Tuve que cortar una escayola del brazo.", "Tuve que cortar papel para los niños."),
    ("professional", "en", "On my first rotation I was nervous.", "On my first holiday I was nervous."),
    ("professional", "es", "En mi primera rotación estaba nerviosa.", "En mi primer viaje estaba nerviosa."),
    ("plan", "en", "I locked myself in the bathroom.", "I locked my bike to the rail."),
    ("plan", "es", "Me encerré en el baño.", "Me compré un baño nuevo."),
    ("revive", "es", "Me hicieron un lavado en el hospital.", "Me hicieron una foto en el hospital."),
    # Families that took new members this round.
    ("not_here", "en", "The world would go on fine if I wasn't in it.", "The world would go on fine without coffee."),
    ("not_here", "es", "No me quería quedar en este mundo.", "No me quería quedar en esa oficina."),
    ("jump", "en", "I stood there, ready to step in front of the bus.", "I stood there, ready to get on the bus."),
    ("jump", "es", "Me quedé frente a las vías, esperando que pasara.", "Me quedé en el andén leyendo."),
    ("aftermath", "en", "I woke up on a drip.", "I woke up on the sofa."),
    ("aftermath", "es", "Desperté en terapia intensiva.", "Desperté en el sofá."),
    ("ingest", "en", "I necked the lot.", "I folded the lot."),
    ("quantity", "en", "I had a load of tablets.", "I had a nap."),
    ("quantity", "es", "Tomé lo que había en el cajón.", "Ordené el cajón."),
]


def test_the_split_families_weigh_little_alone_and_much_together():
    # "woke up" and "plan" left not_here and plan for families of their own: alone they no
    # longer raise a flag (an operation, a plan for the week), with a wish or a method they do.
    assert model_flag("After my operation I woke up in the recovery room and a nurse sat with me.") is None
    assert model_flag("Planning small adventures on weekends helped me a lot.") is None
    assert model_flag("Planear cosas pequeñas los fines de semana me ayudó mucho.") is None
    raised = model_flag("I took a whole box of my oxys and woke up in the ICU, and I wanted out.")
    assert raised is not None and raised[0] == "overdose"


# --- sixth round: the weak cord family, leisure with ropes --------------------------------

SIXTH_ROUND_FAMILIES = [
    ("cord", "en", "I kept a rope in the car.", "I kept a map in the car."),
    ("cord", "es", "Guardaba una soga en el coche.", "Guardaba un mapa en el coche."),
    ("ligature", "en", "They found the noose.", "They found the rope."),
    ("ligature", "es", "Pensé en ahorcarme.", "Pensé en la soga del tendedero."),
    ("leisure", "en", "I started climbing again.", "I started going to a clinic."),
    # "tire" (me tiré) no longer reads the English "tired" as a jump.
    ("jump", "es", "Me tiré del puente.", "I woke up tired."),
    # The cue files' frames seeded into the medical counter-family.
    ("ordinary_medical", "es", "Después de la cirugía me dieron antibióticos.", "Después de la cena me dieron flores."),
    ("ordinary_medical", "en", "I was slicing onions for dinner.", "I was reading poems after dinner."),
    ("leisure", "es", "Empecé a ir al gimnasio.", "Empecé a ir a la clínica."),
]


def test_a_rope_for_sport_is_no_flag_and_a_rope_to_hang_oneself_is():
    # A rope alone still weighs near the threshold (see safety_families.txt [ligature]): the
    # guards name the sporting frame (climbing, jump rope), the hanging keeps its flag.
    assert model_flag("At the climbing gym, learning to trust the rope taught me patience.") is None
    assert model_flag("Saltar la cuerda en las mañanas me ayudó con la ansiedad.") is None
    raised = model_flag("I tied the rope to the beam in the attic and stood on the chair, ready to hang.")
    assert raised is not None and raised[0] == "suicide"


# --- seventh round (set 7): each new family entry both ways, in each language ----------------

# (family, language, a draft holding the family, a near-miss that does not). The exact "=scar"
# and "slash" forms: "scared" and "slashers" are no injury.
SEVENTH_ROUND_FAMILIES = [
    ("plan", "en", "I had it all figured out, where and how.", "I had the map, the tickets and the hotel."),
    ("plan", "es", "Sabía dónde y cómo, lo tenía pensado.", "Sabía el camino a la playa."),
    ("method_search", "en", "I kept looking up how much it would take.", "I kept looking up recipes."),
    ("method_search", "es", "Buscaba cuántas necesitaría.", "Buscaba recetas nuevas."),
    ("not_here", "en", "I didn't see the point in living.", "I didn't see the point of the film."),
    ("not_here", "es", "Quería dormirme y no despertar más.", "Quería dormirme temprano."),
    ("leave_euph", "es", "Quería irme con ella.", "Quería quedarme en casa."),
    ("leave_euph", "en", "I wanted to be with him.", "I wanted to stay home."),
    ("crash", "en", "I thought about turning the wheel.", "I thought about turning the music down."),
    ("crash", "es", "Pensé en dar un volantazo.", "Pensé en dar un paseo."),
    ("harm_act", "en", "I used to dig my nails into my arm.", "I used to paint my nails."),
    ("harm_act", "es", "Me clavaba las uñas.", "Me pintaba las uñas."),
    ("body", "en", "My palms were red.", "My shoes were red."),
    ("body", "es", "Tenía marcas en las palmas.", "Tenía marcas en el cuaderno."),
    ("overdose_word", "es", "Se había pasado de pastillas.", "Se había pasado de la parada."),
    ("quantity", "es", "Me tomé toda la caja.", "Me tomé un café."),
    ("quantity", "en", "I took the whole pack.", "I took the bus."),
    ("leisure", "en", "I love horror movies and slashers.", "I love long talks."),
    ("leisure", "es", "Voy al campo de tiro con mi papá.", "Voy al mercado con mi papá."),
    ("ordinary_medical", "es", "Tomo mi pastilla de la presión.", "Tomo mi jugo de naranja."),
    ("ordinary_medical", "en", "I take my blood pressure pill every morning.", "I take my dog out every morning."),
    ("injury_mark", "en", "I had a scar on my wrist.", "Social stuff scared me."),
    ("harm_act", "en", "I slashed my arm.", "I love slashers."),
    # Time taken is guarded out of swallowing.
    ("ingest", "en", "I took the pills.", "It took a while to drive home."),
    ("ingest", "es", "Me tomé las pastillas.", "Me tomó un rato llegar."),
]


def test_a_search_by_amount_without_a_method_word_is_flagged_and_a_recipe_is_not():
    # Set 7's misses, reworded: a search by amount, in each language (the learned layer, no cue).
    for text in ("Some nights I'd look up how much it would take, and I never told anyone.",
                 "Hubo una época en que buscaba cuántas necesitaría, y no se lo conté a nadie."):
        raised = model_flag(text)
        # "take" reads as swallowing, so the amount may be named an overdose: a red flag either way.
        assert raised is not None and raised[0] in ("suicide", "overdose"), text
    for text in ("Some nights I'd look up recipes, and I never told anyone.",
                 "Hubo una época en que buscaba recetas nuevas, y no se lo conté a nadie."):
        assert model_flag(text) is None, text


EIGHTH_ROUND_FAMILIES = [
    ("habit", "en", "Back then I would skip meals all the time.", "Last week I skipped lunch once."),
    ("habit", "es", "En la secundaria me escondía en el baño.", "Ayer me escondí del sol."),
    ("ideation", "en", "I had the urge to run away.", "I had the chance to run away."),
    ("ideation", "es", "Tenía la idea de irme lejos.", "Tenía la maleta para irme lejos."),
    ("farewell", "en", "I was saying goodbye to everyone.", "I was saying hello to everyone."),
    ("farewell", "es", "Me fui despidiendo de todos.", "Me fui acercando a todos."),
    ("not_here", "en", "I had thoughts of not wanting to live.", "I had thoughts of not wanting to cook."),
    ("not_here", "es", "Me daba igual amanecer o no.", "Me daba igual ganar o no."),
    ("routine_sleep", "en", "I slept through my alarm.", "I slept in my car."),
    ("routine_sleep", "es", "No oí el despertador.", "No oí la puerta."),
    ("body", "en", "My knuckles were split.", "My plans were split."),
    # Inflections that are other words (=word) and prefixes ending in e, both ways.
    ("selfkill", "en", "He was unaliving himself slowly.", "He was unloading the van slowly."),
    ("poison", "en", "I sat breathing the exhaust fumes.", "I sat there, exhausted."),
    ("height", "en", "I stood by the train tracks.", "I went to the staff training."),
    ("harm_act", "en", "I used to sh when I was young.", "Shes my best friend."),
    ("self", "es", "Me corté.", "El mes pasado."),
    ("negation", "es", "No me importa.", "Nos vemos."),
]


# Ninth round: street drugs, going too far with a drug in the infinitive, being revived and
# collapsing (es), misspelled "kill", "a cutter"; and the words that read everyday senses as
# families: bare "bit", "hit", "cort*" ("un paseo corto"), "corté con", "bottling up",
# "holding in", "me mataba el tráfico"; burns at home and diabetes are ordinary.
NINTH_ROUND_FAMILIES = [
    ("drug", "en", "He was using cocaine every weekend.", "He was using coconut oil every weekend."),
    ("drug", "es", "Se pasó con la merca.", "Se pasó con la mermelada."),
    ("quantity", "es", "Fue por pasarme con las pastillas.", "Fue por pasar la tarde con mis amigos."),
    ("revive", "es", "Los médicos me revivieron.", "Revivir esos recuerdos me costó."),
    ("revive", "es", "Caí redondo en la fiesta.", "Caí rendido en la cama."),
    ("selfkill", "en", "I wanted to kil myself.", "I wanted to fix myself."),
    ("selfkill", "es", "Decían que se mataba de a poco.", "Me mataba el tráfico."),
    ("harm_act", "en", "I was a cutter for years.", "I used a box cutter for years."),
    ("harm_act", "en", "I bit my arm.", "Bit by bit it got easier."),
    ("harm_act", "en", "I hit my head against the door.", "I hit snooze twice."),
    ("harm_act", "es", "Me corté los brazos.", "Dimos un paseo corto."),
    ("harm_act", "es", "Me hice un corte.", "Corté con las redes sociales."),
    ("quantity", "en", "I had a bottle of pills.", "I was bottling everything up."),
    ("aftermath", "en", "They put me on a hold.", "I was holding it all in."),
    ("ordinary_medical", "en", "I burned my hand on the stove.", "I burned my hand on purpose."),
    ("ordinary_medical", "es", "La plancha estaba muy caliente.", "La camisa estaba muy caliente."),
    ("ordinary_medical", "es", "Soy diabético.", "Soy paciente."),
]


# Tenth round (set 11): medicines by their names, part of a pack, past the dose, scalding,
# liquor by its regional names, "never" as typed in a chat, "de golpe" as an amount, leaving for
# work as an ordinary departure.
TENTH_ROUND_FAMILIES = [
    ("drug", "es", "Tenía orfidales en el cajón.", "Tenía órdenes en el cajón."),
    ("drug", "en", "I had a stash of Ativan.", "I had a stash of candy."),
    ("quantity", "es", "Me tomé media caja.", "Me tomé media hora."),
    ("quantity", "en", "I took half the bottle.", "I took half the day off."),
    ("quantity", "es", "Tomé más de la cuenta.", "Pagué la cuenta."),
    ("quantity", "es", "Me las tomé de golpe.", "Me las tomé con calma."),
    ("harm_act", "en", "She scalded her hands.", "She scolded her kids."),
    ("alcohol", "es", "Esa noche tomé aguardiente.", "Esa noche tomé agua."),
    ("negation", "es", "yo nunk pensé en eso", "yo pensé en eso"),
    ("occasion", "es", "Le escribí cuando me fui a trabajar afuera.", "Le escribí cuando me fui."),
]


# Eleventh round (set 12 and own probes): swallowing in the participle, a fist as an amount,
# stitches and being sewn up, what was swallowed as the vague act; guards that take an everyday
# "take" + amount ("it took a lot of courage") and a round of golf from the families.
ELEVENTH_ROUND_FAMILIES = [
    ("ingest", "en", "She had taken them all.", "She had talked to them all."),
    ("ingest", "es", "Se había tragado todo.", "Se había tardado todo."),
    ("quantity", "en", "I had a fistful.", "I had a fist fight."),
    ("injury_mark", "en", "The nurse stitched up my forearm.", "The nurse checked my forearm."),
    ("injury_mark", "es", "La enfermera me cosió el antebrazo.", "La enfermera me miró el antebrazo."),
    ("vague_act", "en", "I woke up after what I'd swallowed.", "I woke up after what I'd said."),
    ("vague_act", "es", "Desperté después de lo que me había tomado.", "Desperté después de lo que me había dicho."),
    ("weapon", "en", "He shot himself with a gun.", "I shot a great round of golf with my dad."),
    ("quantity", "en", "I took a lot of pills.", "It took a lot of courage to come to group."),
    ("quantity", "es", "Me tomé un montón de pastillas.", "Me tomó un montón de esfuerzo venir al grupo."),
]


# Every round's family pairs, one test: the draft holds the family, the near-miss holds no
# feature of it (neither the family alone nor a pair with it).
ROUND_FAMILIES = [(name, row) for name, rows in (("fifth", FIFTH_ROUND_FAMILIES), ("sixth", SIXTH_ROUND_FAMILIES),
                                                  ("seventh", SEVENTH_ROUND_FAMILIES),
                                                  ("eighth", EIGHTH_ROUND_FAMILIES),
                                                  ("ninth", NINTH_ROUND_FAMILIES),
                                                  ("tenth", TENTH_ROUND_FAMILIES),
                                                  ("eleventh", ELEVENTH_ROUND_FAMILIES)) for row in rows]


@pytest.mark.parametrize("family, language, positive, near_miss", [row for _name, row in ROUND_FAMILIES],
                         ids=[f"{name}-{row[0]}-{row[1]}-{i}" for i, (name, row) in enumerate(ROUND_FAMILIES)])
def test_each_rounds_families_both_ways(family, language, positive, near_miss):
    assert "f:" + family in features(positive), positive
    assert not any(name.startswith("f:" + family) for name in features(near_miss)), near_miss


def test_a_suspicion_the_writer_denies_holds_no_family():
    # Ninth round (safety.disowned): what others suspected, denied in the same sentence.
    for denied, kept in (
            ("People assumed I was hurting myself because of my sleeves, but I never did.",
             "People assumed I was fine because of my sleeves, but I was hurting myself."),
            ("Pensaban que yo me lastimaba por la manga larga, pero nunca lo hice.",
             "Pensaban que yo estaba bien, pero me lastimaba a escondidas.")):
        assert not any("harm_act" in name for name in features(denied)), denied
        assert "f:harm_act" in features(kept), kept


def test_a_lead_that_takes_the_words_from_the_writer_holds_no_family():
    # Tenth round (safety_model.led): a denial said before what it denies, and a case others
    # may raise; the same words without the lead keep their family.
    for led_away, kept in (
            ("Nunca he llegado a pensar en hacerme daño.", "He llegado a pensar en hacerme daño."),
            ("I've never been in a place where I wanted to hurt myself.",
             "I've been in a place where I wanted to hurt myself.")):
        assert not any("harm_act" in name for name in features(led_away)), led_away
        assert "f:harm_act" in features(kept), kept
    assert not any("death" in name for name in features("If a patient says they want to die, we tell the nurse."))
    assert "f:death" in features("Last year I said I want to die.")


def test_an_exam_passed_on_a_second_attempt_is_no_attempt():
    assert not any("attempt" in name for name in features("Lo pasé al segundo intento."))
    assert not any("attempt" in name for name in features("I passed on my second attempt."))
    assert "f:attempt" in features("Fue mi segundo intento.")


def test_stitches_beside_the_act_are_flagged_and_an_accident_is_not():
    # Eleventh round: being sewn up is the wound's aftermath; with the act hinted ("if I'd done it
    # myself") the learned layer flags it, an accident with a can lid is no flag.
    assert model_flag("The nurse stitched up my forearm and asked if I'd done it myself, and I had.")[0] == "self_harm"
    assert model_flag("La enfermera me cosió el antebrazo y me preguntó si me lo había hecho yo, y sí.")[0] == "self_harm"
    assert model_flag("I sliced my finger on a can lid and needed two stitches.") is None
    assert model_flag("Me corté el dedo con una lata y me pusieron dos puntos.") is None
