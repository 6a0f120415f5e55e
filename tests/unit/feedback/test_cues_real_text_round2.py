"""Second real-text round (issue 14): each new kind of cue both ways, and the guarantees that
obvious cases are never wrong.

Every sentence here is our own (none is from the ESConv corpus, whose texts stay out of the
repository).
"""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import Scenario, load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")
# A scenario whose keywords say little and whose context text says what the patient faces.
MOVE = Scenario(key="new-city", patient="Robin", keywords=("settling in",),
                context="Robin moved to the city for treatment and says: \"I have no friends "
                        "here, the weekends are empty and I miss my neighbourhood.\"")
MOVE_NO_CONTEXT = Scenario(key="new-city", patient="Robin", keywords=("settling in",))


def criterion(text, cid, scenario="anxiety-withdrawal"):
    if isinstance(scenario, str):
        scenario = load_scenario(scenario)
    return next(c for c in evaluate(text, RUBRIC, scenario).criteria if c.id == cid)


def outcome(text, cid, scenario="anxiety-withdrawal"):
    return criterion(text, cid, scenario).outcome


# --- relevance: the scenario's context text ---------------------------------------------------

CONTEXT_DRAFT = ("When I moved here I had no friends either and my weekends felt empty. Joining "
                 "a running club slowly changed that. How are your weekends going, Robin?")


def test_context_words_make_a_draft_relevant():
    found = criterion(CONTEXT_DRAFT, "relevant", MOVE)
    assert found.outcome == "met"
    quoted = {e.text.lower() for e in found.evidence}
    assert {"friends", "weekends"} & quoted  # the evidence quotes the shared words


def test_without_context_the_same_draft_is_not_credited_for_them():
    assert outcome(CONTEXT_DRAFT, "relevant", MOVE_NO_CONTEXT) != "met"


def test_context_words_inside_advice_earn_nothing():
    # Near miss: the context's words appear only in what the patient is told to do.
    text = "You should make friends at the weekend. Call your neighbourhood centre."
    assert outcome(text, "relevant", MOVE) == "not_met"


def test_stop_words_shared_with_the_context_earn_nothing():
    # Near miss: "here", "says", "have" are in the context but say nothing about it.
    text = "I have worked here for years and I say hello to everyone. How are you, Robin?"
    assert outcome(text, "relevant", MOVE) == "not_met"


def test_context_is_read_once_and_deterministically():
    first = criterion(CONTEXT_DRAFT, "relevant", MOVE)
    second = criterion(CONTEXT_DRAFT, "relevant", MOVE)
    assert first == second


@pytest.mark.parametrize("text, expected", [
    # The patient's hopelessness in other words.
    ("A few years ago I couldn't see a way out, and every morning felt the same. A short walk "
     "each day slowly changed that. How are your mornings, Jamie?", "met"),
    ("There was a winter I felt trapped and nothing would get better. Small goals helped me "
     "climb out. What is one small thing for you today, Jamie?", "met"),
    # Near miss: the writer's own other trouble, sharing only a feeling word.
    ("A few years ago I was stressed about my debts and my shop was failing. Making a budget "
     "helped. How are you, Jamie?", "not_met"),
])
def test_hopelessness_paraphrases(text, expected):
    assert outcome(text, "relevant", "hopelessness") == expected


@pytest.mark.parametrize("text, expected", [
    # A way through a hard time, told as the writer's own, with no other trouble: loosely related.
    ("I talked to a friend every evening and it helped me a lot.", "partial"),
    # Near miss: someone else took the step.
    ("My uncle talked to a friend every evening.", "not_met"),
])
def test_own_coping_story_is_loosely_related(text, expected):
    assert outcome(text, "relevant", MOVE_NO_CONTEXT) == expected


# --- no_minimizing: everyday sameness, blanket reassurance, orders, "you can" -----------------

@pytest.mark.parametrize("text, expected", [
    ("I do understand, I was lonely on the ward once too.", "not_met"),
    ("I know how lonely that can be. Walking helped me.", "not_met"),
    ("I feel the same about crowds. Walking helped me.", "not_met"),
    # Near misses: the writer cannot know; or "understand" is about something else.
    ("I don't understand exactly what it's like for you. Walking helped me.", "met"),
    ("I came to see that walking helped me most.", "met"),
])
def test_everyday_sameness(text, expected):
    assert outcome(text, "no_minimizing") == expected


@pytest.mark.parametrize("text, expected", [
    ("Everyone has bad days, Sam. Walking helped me.", "not_met"),
    ("It's totally normal, and things will change soon.", "not_met"),
    # Near miss: everyone's way being different is respectful framing, not a blanket claim.
    ("Everyone has a different path. Walking helped me; what helps you?", "met"),
])
def test_blanket_reassurance(text, expected):
    assert outcome(text, "no_minimizing") == expected


@pytest.mark.parametrize("text, expected", [
    ("I was anxious in groups once. You just have to show up and smile.", "not_met"),
    ("I was anxious once. Just remember that it passes.", "not_met"),
    # Near miss: "just" as "only", in the writer's own story.
    ("I was anxious once and I just remembered to breathe. How is it for you?", "met"),
])
def test_bare_just_orders(text, expected):
    assert outcome(text, "no_minimizing") == expected


@pytest.mark.parametrize("text, expected", [
    ("Walking helped me. You can definitely benefit from a short walk too.", "partial"),
    ("Walking helped me. Could you try a short walk on the unit?", "partial"),
    # Near miss: an open question about the patient, not a suggestion.
    ("Walking helped me. Could you tell me what helps you?", "met"),
])
def test_suggestions_told_as_what_the_patient_can_do(text, expected):
    assert outcome(text, "no_minimizing") == expected


# --- coping told as what happened --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("When I was anxious I would relax with a book every night, and it was a lifesaver.", "met"),
    ("I had friends I could talk to, and it made it easier.", "met"),
    # Near miss: nothing was done and nothing improved.
    ("When I was anxious I stayed in my room every night.", "not_met"),
])
def test_coping_as_what_happened(text, expected):
    assert outcome(text, "coping_hope") == expected


# --- boundaries: trauma in everyday words ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I was anxious for years after I had to get a restraining order against my ex.", "not_met"),
    ("After my miscarriage I stopped seeing people for months.", "not_met"),
    # Near miss: an ordinary past with nothing sensitive in it.
    ("After my move I stopped seeing people for months, and walking helped.", "met"),
])
def test_trauma_in_everyday_words(text, expected):
    assert outcome(text, "boundaries") == expected


# --- one episode -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # Two current troubles of the writer's own, in a short draft.
    ("I'm still anxious around people, honestly. My marriage is falling apart. My landlord "
     "wants to evict us too. How are you?", "partial"),
    # Near miss: one trouble, told as one moment that passed.
    ("I was anxious around people once, and walking with a friend slowly helped. How are you finding it here?", "met"),
])
def test_two_unrelated_troubles_are_not_one_episode(text, expected):
    assert outcome(text, "brief") == expected


# --- obvious cases are never wrong --------------------------------------------------------------

OVERSHARES = (
    "I'm anxious around people too. Right now I'm drowning in debt, my knee injury means I "
    "can't work, and I take 50 mg of sertraline every morning. What helps you?",
    "Honestly I still get panic attacks. I'm on 20 mg of Prozac and I drink most nights to "
    "sleep. My divorce is dragging on. Do you feel like that?",
    "I know anxiety. I was sexually assaulted in college and I still have flashbacks, and my "
    "boyfriend and I fight about it every week. How are you doing?",
    "I was anxious once. My whole life fell apart: I lost my job, my wife left, the bank took "
    "the house, my son stopped talking to me, I started drinking again, my doctor doubled my "
    "medication, my father died that spring, I moved three times, I gained forty pounds, and I "
    "still cannot sleep most nights. Every day is a struggle and I still feel like nothing will "
    "change for me. What about you?",
)


@pytest.mark.parametrize("text", OVERSHARES)
def test_an_overshare_is_never_met_on_brief_or_boundaries(text):
    for cid in ("brief", "boundaries"):
        assert outcome(text, cid) != "met", cid


IMPERATIVE_ENDINGS = (
    "I was anxious around people once, and walking with a friend helped. Try to go to the group.",
    "When I was new here I kept to myself, and a routine helped me. Go talk to the other patients.",
    "I used to avoid people too, but one friend made it easier. Just keep going, Jamie.",
    "I was nervous in groups once and it got easier with time. Start with one session.",
    "There was a time I felt the same, and breathing helped me. You should just give it a shot.",
    "I was anxious once, and talking to a friend helped. Be brave and join in.",
)


@pytest.mark.parametrize("text", IMPERATIVE_ENDINGS)
def test_an_imperative_ending_is_never_met_on_focus_or_minimizing(text):
    for cid in ("patient_focus", "no_minimizing"):
        assert outcome(text, cid) != "met", cid
