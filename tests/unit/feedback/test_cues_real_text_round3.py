"""Third real-text round (issue 14): kinds of error found on one half of the tune part of the
real-text labels, each tested both ways (a positive and a near miss).

Every sentence here is our own (none is from the ESConv corpus, whose texts stay out of the
repository).
"""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def criterion(text, cid, scenario="anxiety-withdrawal", language="en"):
    found = evaluate(text, RUBRIC, load_scenario(scenario), draft_language=language)
    return next(c for c in found.criteria if c.id == cid)


def outcome(text, cid, scenario="anxiety-withdrawal", language="en"):
    return criterion(text, cid, scenario, language).outcome


# --- minimizing: sympathy ("sorry to hear") is not reported speech ------------------------------

def test_a_claim_after_sorry_to_hear_is_the_writers_own():
    text = "I'm so sorry to hear it, I know how lonely that gets. What has the week been like?"
    found = criterion(text, "no_minimizing")
    assert found.outcome == "not_met"
    assert any("know how lonely" in e.text for e in found.evidence)


def test_an_order_after_sad_to_hear_is_still_an_order():
    assert outcome("Sad to hear that - you should just rest more.", "no_minimizing") == "not_met"


def test_words_someone_else_said_stay_reported():
    # Near miss: "hear" that reports another person's words is still reported speech.
    text = ("When I was anxious I used to hear people say you should just relax, and it never "
            "helped. Walking with a friend did. How is it for you?")
    assert outcome(text, "no_minimizing") == "met"


# --- coping: a concrete step offered as advice is one of the two ------------------------------

def test_a_step_offered_as_advice_is_partial_coping():
    text = "Some evenings are hard. Maybe try slow breathing before bed?"
    found = criterion(text, "coping_hope")
    assert found.outcome == "partial"
    assert any("breathing" in e.text for e in found.evidence)


def test_advice_without_a_concrete_step_names_no_coping():
    # Near miss: an order with no step in it names neither a strategy nor an outcome.
    assert outcome("Some evenings are hard. You should think about it more.", "coping_hope") == "not_met"


# --- coping: the writer took the step they suggest; a plain good verdict; the means "by …" ----

def test_a_suggested_step_the_writer_took_is_their_coping():
    text = "Maybe a counsellor could help with the worry? I did it myself and it was great."
    found = criterion(text, "coping_hope")
    assert found.outcome == "met"
    assert {"a counsellor", "it was great"} <= {e.text for e in found.evidence}


def test_a_suggested_step_alone_is_not_the_writers_coping():
    # Near miss: the same suggestion without "I did it" names a step, not an outcome of theirs.
    assert outcome("Maybe a counsellor could help with the worry?", "coping_hope") == "partial"


def test_the_means_after_by_is_a_step():
    text = "I was anxious for months and I got through it by baking bread every weekend."
    found = criterion(text, "coping_hope")
    assert found.outcome == "met"
    assert any(e.text == "baking" for e in found.evidence)


def test_by_in_advice_or_without_an_activity_is_no_step():
    # Near misses: "by" before a non-activity, and "by …ing" in an order to the patient.
    assert outcome("I was anxious for months, by the evening mostly.", "coping_hope") == "not_met"
    assert outcome("You should calm down by breathing slowly.", "coping_hope") != "met"


def test_spanish_own_step_and_verdict():
    text = "¿Quizás un terapeuta te podría ayudar? Yo lo hice y fue genial."
    assert outcome(text, "coping_hope", language="es") == "met"
    assert outcome("¿Quizás un terapeuta te podría ayudar?", "coping_hope", language="es") == "partial"


# --- resolution: a "we" that includes the writer shares something, in general terms ------------

def test_a_we_that_includes_the_writer_is_not_nothing_of_their_own():
    assert outcome("We can only hope the next season is kinder to us.", "resolved") == "partial"
    assert outcome("Nos toca esperar que la próxima temporada sea mejor.", "resolved",
                   language="es") == "partial"


def test_no_person_at_all_or_a_we_that_generalizes_shares_nothing():
    # Near misses: no one speaks; "it happens to all of us" speaks for the patient.
    assert outcome("Stay strong, it gets better!", "resolved") == "not_met"
    assert outcome("Come on, it happens to all of us.", "resolved") == "not_met"
    assert outcome("Ánimo, a todos nos pasa.", "resolved", language="es") == "not_met"


# --- coping: an activity kept up ("I've been …ing") is a step -------------------------------------

def test_an_activity_kept_up_is_a_step():
    found = criterion("Since the move I've been baking bread on Sundays with my neighbour.", "coping_hope")
    assert found.outcome == "partial"
    assert any(e.text == "baking" for e in found.evidence)


def test_a_struggle_kept_up_is_no_step():
    # Near misses: a struggle or a state after "I've been" is not something the writer does about it.
    assert outcome("Since the move I've been struggling with the quiet evenings.", "coping_hope") == "not_met"
    assert outcome("Since the move I've been feeling out of place.", "coping_hope") == "not_met"


# --- minimizing: tentative imperatives, proposals, "you need" + a thing, promised success -------

def test_maybe_before_a_bare_imperative_is_a_soft_suggestion():
    found = criterion("I found evenings hard too. Maybe call your sister tonight.", "no_minimizing")
    assert found.outcome == "partial"
    assert any(e.text.lower().startswith("maybe") for e in found.evidence)
    assert outcome("Perhaps just try a short walk after dinner.", "no_minimizing") == "partial"
    assert outcome("Quizás llama a tu hermana esta noche.", "no_minimizing", language="es") == "partial"


def test_maybe_before_a_statement_is_no_suggestion():
    # Near misses: "maybe" that hedges a statement, a bare imperative without it (an order).
    assert outcome("Maybe it was the winter, but I felt low for weeks.", "no_minimizing") == "met"
    assert outcome("Call your sister tonight.", "no_minimizing") == "not_met"


def test_a_proposal_is_soft_and_praise_for_the_patients_plan_is_not():
    assert outcome("It might be a good idea to write the worries down.", "no_minimizing") == "partial"
    # Near miss: praising the patient's own plan proposes nothing.
    assert outcome("That's a good idea to write them down. How did it go?", "no_minimizing") == "met"


def test_you_need_a_thing_is_a_directive():
    assert outcome("I was lonely too. You need someone you can count on.", "no_minimizing") == "not_met"
    assert outcome("Me sentí sola también. Necesitas a alguien de confianza.", "no_minimizing",
                   language="es") == "not_met"


def test_asking_what_the_patient_needs_is_no_directive():
    # Near miss: a question about what they need, or a need of the writer's.
    assert outcome("I was lonely too. What do you need most right now?", "no_minimizing") != "not_met"


def test_promising_the_patients_success_is_reassurance():
    found = criterion("It was hard for me as well, but I know you can get through this!", "no_minimizing")
    assert found.outcome == "not_met"
    assert outcome("Fue duro para mí también, pero sé que puedes con esto.", "no_minimizing",
                   language="es") == "not_met"


def test_hope_told_of_the_writer_is_no_promise():
    # Near miss: the writer's own outcome is not a promise about the patient's.
    text = "It was hard for me as well, and I didn't know I could get through it, but I did."
    assert outcome(text, "no_minimizing") == "met"


# --- resolution: a struggle told as over ("used to") with a step of the writer's own ----------

def test_used_to_with_an_own_step_is_resolved():
    text = "I used to dread weekends alone, and I would phone a friend every Saturday."
    found = criterion(text, "resolved")
    assert found.outcome == "met"
    assert any(e.text == "used to" for e in found.evidence)
    es = "Yo solía temer los fines de semana a solas, y llamaba a una amiga cada sábado."
    assert outcome(es, "resolved", language="es") == "met"


def test_used_to_without_a_step_or_with_advice_is_partial():
    # Near misses: "used to" alone is past without an ending; a step the patient is told to
    # take is not how the writer's story ended.
    assert outcome("I used to dread weekends alone.", "resolved") == "partial"
    assert outcome("I used to dread weekends alone. You should phone a friend.", "resolved") == "partial"


# --- resolution: a present habit that handles a recurring difficulty ---------------------------

def test_a_habit_that_handles_a_difficulty_is_resolved():
    found = criterion("When I feel low on a Sunday, a long walk helps me a lot.", "resolved")
    assert found.outcome == "met"
    assert any(e.text.lower() == "when i feel" for e in found.evidence)
    # Spanish lists few present-tense outcomes ("me ayuda" alone read a current struggle as
    # resolved on our own Spanish set); here "cuando me" is also a past cue, so this checks
    # the outcome, not which rule reached it.
    es = "Cuando me siento mal un domingo, caminar un rato ya no me cuesta tanto y me siento mejor."
    assert outcome(es, "resolved", language="es") == "met"


def test_a_habit_without_a_difficulty_or_an_outcome_is_partial():
    # Near misses: what helps with no difficulty named; a difficulty with no outcome.
    assert outcome("A long walk on Sundays helps me a lot.", "resolved") == "partial"
    assert outcome("When I feel low on a Sunday, I go for a long walk.", "resolved") != "met"


# --- boundaries: one's own medication named by what it treats ---------------------------------

def test_medication_named_by_its_condition_is_a_medication_specific():
    found = criterion("Years ago my doctor gave me anxiety medicine and it helped.", "boundaries")
    assert found.outcome == "not_met"
    es = "Hace años el médico me dio pastillas para la ansiedad y me ayudaron."
    assert outcome(es, "boundaries", language="es") == "not_met"


def test_medication_in_general_is_a_mild_detail():
    # Near miss: medication mentioned with no condition named is the middle level.
    assert outcome("Years ago medication was part of what helped me.", "boundaries") == "partial"


# --- coping: an insight the writer came to is a hopeful outcome ---------------------------------

def test_an_insight_told_as_learned_is_a_hopeful_outcome():
    text = "At university I felt everyone else had a plan, but I later realised most people were unsure too."
    found = criterion(text, "coping_hope")
    assert found.outcome == "partial"
    assert any("later realised" in e.text for e in found.evidence)
    es = "En la facultad sentía que todos tenían un plan, pero luego me di cuenta de que no."
    assert outcome(es, "coping_hope", language="es") == "partial"


def test_an_insight_denied_is_no_outcome():
    # Near miss: negated, it names nothing learned.
    text = "At university I felt everyone else had a plan, and I never learned that it was not so."
    assert outcome(text, "coping_hope") == "not_met"
