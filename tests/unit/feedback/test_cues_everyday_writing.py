"""Cues added after measuring the engine on real writing by strangers (issue 14).

Each kind of cue is checked both ways: a sentence that must fire and a near miss that must not.
The sentences are our own (none is from the ESConv corpus, whose texts stay out of the repo).
"""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import Scenario, load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")
JOB = Scenario(key="job-loss", patient="Alex",
               keywords=("job", "work", "laid off", "unemployed", "career", "money"))
BREAKUP = Scenario(key="breakup", patient="Alex",
                   keywords=("breakup", "broke up", "relationship", "partner", "ex"))


def criterion(text, cid, scenario="anxiety-withdrawal"):
    if isinstance(scenario, str):
        scenario = load_scenario(scenario)
    return next(c for c in evaluate(text, RUBRIC, scenario).criteria if c.id == cid)


def outcome(text, cid, scenario="anxiety-withdrawal"):
    return criterion(text, cid, scenario).outcome


# --- no_minimizing ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # Sameness claims in everyday words.
    ("I totally get how that feels. Walking helped me back then.", "not_met"),
    ("I can relate, I was shy for years until a friend helped.", "not_met"),
    ("I know how rough it is to sit alone at lunch.", "not_met"),
    ("I get where you're coming from; I hid from people too.", "not_met"),
    # Near misses: saying what one did not know, or understanding something else.
    ("I didn't understand my own nerves back then, but walking helped.", "met"),
    ("Back then I couldn't relate to anyone at work, and slow breathing helped.", "met"),
])
def test_everyday_sameness_claims(text, expected):
    assert outcome(text, "no_minimizing") == expected


@pytest.mark.parametrize("text, expected", [
    # False reassurance.
    ("I was nervous too. You'll bounce back from this in no time.", "not_met"),
    ("I was nervous too. One day you will look back and laugh about it.", "not_met"),
    ("I was nervous too, and I'm sure everything will turn out fine for you.", "not_met"),
    # Near miss: the writer's own recovery told in the past is not a promise to the patient.
    ("I was nervous too, but I bounced back after a few weeks of small walks.", "met"),
])
def test_false_reassurance(text, expected):
    assert outcome(text, "no_minimizing") == expected


@pytest.mark.parametrize("text, expected", [
    # Bare imperatives opening a sentence or closing the draft.
    ("I used to hide in my room. Try to sit with one person at lunch.", "not_met"),
    ("Go talk to the nurse about it. It helped me when I was anxious.", "not_met"),
    ("I was anxious for months and walking helped, so just keep going.", "not_met"),
    ("Don't let the worry keep you inside. I learned that slowly.", "not_met"),
    # Advice told as a story of what to do.
    ("If I were you I'd join the walking group, it helped me.", "not_met"),
    # Near misses: a noun that looks like a verb, a courtesy, a question, an offer.
    ("Sleep was hard for me when I was anxious, and breathing helped.", "met"),
    ("Walking helped me when I was anxious. Take care of yourself today.", "met"),
    ("I was anxious too. Tell me what it is like for you.", "met"),
    ("I was anxious too, and walking helped. Try it?", "met"),
])
def test_bare_imperatives(text, expected):
    assert outcome(text, "no_minimizing") == expected


def test_imperative_is_evidence_in_the_learners_text():
    text = "I was anxious for months. Take long walks."
    found = criterion(text, "no_minimizing")
    assert [e.text for e in found.evidence] == ["Take"]
    assert text[found.evidence[0].start:found.evidence[0].end] == "Take"


# --- patient_focus: an imperative ending is never met ----------------------------------------

@pytest.mark.parametrize("text, expected", [
    # An order speaks to the patient even without a "you": partly met, as every labelled round
    # (en and es, rounds 2-6) calls a closing instruction (seventh round; it was "not_met").
    ("I was anxious around people too, and breathing helped. Keep breathing slowly.", "partial"),
    ("You might feel the same, Jamie. I was anxious too. Just breathe slowly.", "partial"),
    # Tentative words inside an order are still an order, not an invitation.
    ("I was anxious around people too. Give it a go, it may be different for you.", "partial"),
    # Near miss: the same advice asked as a question, and an invitation, hand the focus back.
    ("I was anxious around people too, and breathing helped. What helps you?", "met"),
    ("I was anxious around people too, and breathing helped. Tell me what it's like for you.", "met"),
])
def test_imperative_ending_is_not_handing_back(text, expected):
    assert outcome(text, "patient_focus") == expected


# --- relevance -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # The writer says their experience is the same kind, in their own sentence.
    ("I have been through the same thing, and it was hard on me.", "met"),
    ("I lost my job too a few years ago.", "met"),
    # Near miss: someone else's experience, or a denial.
    ("My cousin says she has been through the same thing.", "not_met"),
])
def test_shared_experience_link(text, expected):
    assert outcome(text, "relevant", JOB) == expected


@pytest.mark.parametrize("text, expected", [
    # Only a feeling is shared and the story is about another trouble of the writer's own.
    ("I was so stressed about my debts last year, but a budget helped.", "not_met"),
    # Near miss: the same feeling about the scenario's own concern.
    ("I was so stressed around people last year, but slow breathing helped.", "met"),
])
def test_feeling_word_about_another_trouble(text, expected):
    assert outcome(text, "relevant") == expected


@pytest.mark.parametrize("text, expected", [
    # A scenario word inside advice is not the shared experience.
    ("You should look for work that suits you. I took up baking.", "not_met"),
    # Near miss: the same word in the writer's own story.
    ("I was out of work for a year and baking kept me going.", "met"),
])
def test_words_in_advice_earn_no_relevance(text, expected):
    assert outcome(text, "relevant", JOB) == expected


# --- resolution and coping told as what happened ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # Outcomes told as facts, without "helped".
    ("I stopped smoking five years ago, after a rough year.", "met"),
    ("I was out of work for a year, and in the end it worked out.", "met"),
    ("Years ago I hid at home for months. These days I'm in a good place.", "met"),
    # Near miss: stopping something good is not an outcome.
    ("A few years ago I stopped going outside for weeks.", "partial"),
])
def test_outcome_as_fact(text, expected):
    assert outcome(text, "resolved") == expected


@pytest.mark.parametrize("text, expected", [
    # A struggle told in the plain present is ongoing.
    ("I get anxious around people and I hate crowds.", "not_met"),
    ("Some days I can't make myself leave the house, honestly.", "not_met"),
    # Near miss: the same in the past tense is a past difficulty.
    ("I used to get anxious around people and I hated crowds.", "partial"),
])
def test_plain_present_struggle(text, expected):
    assert outcome(text, "resolved") == expected


@pytest.mark.parametrize("text, expected", [
    # Coping told as what happened, with the outcome as a fact.
    ("When I lost my job, a neighbour checked on me every day, and in the end I found a new one.", "met"),
    ("After my breakup I took up hiking with my sister, and I'm much better now.", "met"),
    ("I kept a routine when I was low, and I'm in a good place now.", "met"),
    # Near miss: the step is only advised to the patient, so it is not the writer's coping.
    ("You should take up hiking. I'm much better now.", "partial"),
])
def test_coping_as_what_happened(text, expected):
    assert outcome(text, "coping_hope") == expected


def test_advice_told_as_own_story_counts_as_coping():
    text = "Take it one day at a time. That's what I did when I was anxious, and it worked."
    assert outcome(text, "coping_hope") == "met"
    # Without the link to the writer's own story the advised step is not their coping.
    assert outcome("Take it one day at a time. I was anxious once and it worked.", "coping_hope") == "partial"


# --- boundaries ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I was anxious for years, and honestly the president is the reason for all of it.", "not_met"),
    ("I voted for the other party and felt hopeless after the election.", "not_met"),
    ("I was anxious too. You should pray about it, God has a plan.", "not_met"),
    ("I stopped taking my medication without telling my doctor and felt better.", "not_met"),
    ("I was anxious too; check out my website, it has a course on it.", "not_met"),
    ("I was anxious too. My love life was a mess back then.", "not_met"),
    ("My son has autism and I was anxious for years.", "partial"),
    # Near misses: own faith as a coping step, a partner named in passing, the scenario's breakup,
    # gardening, and seeing friends.
    ("I was anxious for years, and my faith and long walks helped me.", "met"),
    ("My husband and I walked every evening when I was anxious, and it helped.", "met"),
    ("I had a bad breakup years ago, and walking with a friend helped.", "met"),
    ("I used to weed the garden every evening when I was anxious.", "met"),
    ("When I was low I would meet up with friends in the park.", "met"),
])
def test_boundary_cues(text, expected):
    scenario = BREAKUP if "breakup" in text else "anxiety-withdrawal"
    assert outcome(text, "boundaries", scenario) == expected


def test_breakup_is_a_specific_outside_a_breakup_scenario():
    text = "I had a bad breakup years ago, and walking with a friend helped."
    assert outcome(text, "boundaries", "anxiety-withdrawal") == "partial"


# --- one episode: length and focus judged on more than words ---------------------------------

TWO_TROUBLES = ("Right now I'm dealing with debts from my old business, and it keeps me awake. On top "
                "of that my knee surgery went badly and I can't walk far. Breathing helps a bit. "
                "How are you?")


def test_two_current_troubles_are_not_one_short_episode():
    assert 15 <= len(TWO_TROUBLES.split()) <= 50
    brief = criterion(TWO_TROUBLES, "brief")
    assert brief.outcome == "partial"
    assert {e.text for e in brief.evidence} == {"debts", "my knee"}
    assert outcome(TWO_TROUBLES, "boundaries") != "met"


def test_one_past_story_with_two_topics_is_still_one_episode():
    text = ("Years ago I lost my job and then my debts piled up. A friend helped me make a budget, "
            "and it got easier. How are you?")
    assert outcome(text, "brief") == "met"


def test_an_overshare_is_never_met_on_brief_or_boundaries():
    text = ("I'm struggling with my debts right now. I also take 50 mg of sertraline for my "
            "depression. Walking helps. How are you?")
    assert outcome(text, "brief") != "met"
    assert outcome(text, "boundaries") == "not_met"


@pytest.mark.parametrize("text, expected", [
    # Look-alikes of a hopeful outcome: a death, an outcome only asked about, a noun "schedule".
    ("I was angry for months after my father passed away.", "not_met"),
    ("I was anxious once. What would make you feel more confident here?", "not_met"),
    ("My schedule is very full these weeks, so I understand.", "not_met"),
    # Near misses: the real outcome and the real step.
    ("I was angry for months, but the anger passed and walking helped.", "met"),
    ("I was anxious once, and keeping a schedule made me feel more confident.", "met"),
])
def test_outcome_look_alikes(text, expected):
    assert outcome(text, "coping_hope") == expected


@pytest.mark.parametrize("text, expected", [
    # A struggle in the present perfect has not ended.
    ("I have been having money worries at this time too.", "not_met"),
    ("I've been feeling really lonely at work, and it has been hard.", "not_met"),
    # Near miss: the present perfect of a recovery.
    ("Years ago I was low for months. I've been feeling much better since then.", "met"),
])
def test_present_perfect_struggle(text, expected):
    assert outcome(text, "resolved") == expected


@pytest.mark.parametrize("text, expected", [
    # "you" in a set phrase is not turning to the patient.
    ("I hear you. I was anxious around people for years and walking helped.", "not_met"),
    ("Thank you so much. I was anxious around people once, and breathing helped.", "not_met"),
    # Near miss: "you" that does speak to the patient.
    ("I hear you. I was anxious around people once, and it may be different for you.", "met"),
    ("I was anxious around people once, and I wonder how it is for you.", "met"),
])
def test_set_phrase_you_is_not_addressing(text, expected):
    assert outcome(text, "patient_focus") == expected


@pytest.mark.parametrize("text, expected", [
    # A weak claim pointing at the patient's situation plus a sharing marker is a strong link.
    ("I have tried it myself, and it was hard at first.", "met"),
    ("I can relate.", "partial"),
    # Near miss: someone else did it.
    ("My brother tried it last year.", "not_met"),
])
def test_combined_link(text, expected):
    assert outcome(text, "relevant", JOB) == expected
