"""Each detector on strong, weak and tricky drafts: negation, quotation, present habits."""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def outcome(text, criterion, scenario="anxiety-withdrawal"):
    sc = load_scenario(scenario) if scenario else None
    result = evaluate(text, RUBRIC, sc)
    return next(c for c in result.criteria if c.id == criterion)


# --- relevance ---------------------------------------------------------------------------------

def test_relevance_strong_weak_and_unrelated():
    assert outcome("I used to get anxious around people and kept to myself.", "relevant").outcome == "met"
    assert outcome("I felt alone for a while after I moved cities.", "relevant").outcome == "partial"
    unrelated = outcome("When I broke my ankle, physical therapy got me back on my feet.", "relevant")
    assert unrelated.outcome == "not_met" and "Jamie" in unrelated.message


def test_relevance_synonyms_reach_the_scenario_concern():
    # "on edge" is not a scenario keyword; the synonym map links it to "anxiety".
    feedback = outcome("I was on edge around other people for months back then.", "relevant")
    assert feedback.outcome == "met"
    assert any(e.text == "on edge" for e in feedback.evidence)


def test_relevance_without_scenario_is_neutral():
    feedback = outcome("I used to feel anxious around people.", "relevant", scenario=None)
    assert feedback.outcome == "partial"
    assert "no scenario" in feedback.message.lower()


def test_relevance_wish_is_not_the_concern():
    # "I hope you ..." is not about hope as the hopelessness scenario means it.
    feedback = outcome("I hope you have a nice day today and that lunch is good.", "relevant", "hopelessness")
    assert feedback.outcome == "not_met"


# --- resolution --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I used to avoid people, and over time slow breathing made it easier.", "met"),
    ("Back then I avoided everyone on my floor for a whole year.", "partial"),
    ("I'm still struggling with anxiety right now and can't face crowds.", "not_met"),
    # A present habit is fine: not an unresolved struggle.
    ("I still use slow breathing whenever I feel tense, something I learned years ago.", "met"),
    # Negated struggle means it is over.
    ("I'm not struggling with it anymore; back then small goals turned it around.", "met"),
    # No personal experience at all.
    ("Groups can feel strange at first, and lots of people find they help.", "not_met"),
])
def test_resolution(text, expected):
    assert outcome(text, "resolved").outcome == expected


def test_resolution_quotes_the_ongoing_words():
    feedback = outcome("I'm still struggling with it myself.", "resolved")
    assert "still struggl" in feedback.message
    assert any("still struggling" in e.text for e in feedback.evidence)


def test_ongoing_cue_does_not_cross_sentences():
    text = "I felt anxious back then and walking helped. Right now. I am fine."
    assert outcome(text, "resolved").outcome == "met"


# --- coping and hope ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Deep breathing and a short walk each day made a huge difference for me.", "met"),
    ("Eventually it got easier for me.", "partial"),
    ("I tried journaling for a while.", "partial"),
    ("I tried everything, walking and therapy, but nothing really helped.", "not_met"),
    ("Nothing anyone said helped, but in the end a small routine helped me a lot.", "met"),
    # An activity before "helped" counts even if the lexicon does not list it.
    ("Making a simple budget helped me a lot back then.", "met"),
])
def test_coping_hope(text, expected):
    assert outcome(text, "coping_hope").outcome == expected


def test_unsafe_coping_is_not_modelled():
    feedback = outcome("A few glasses of wine helped me relax back then.", "coping_hope")
    assert feedback.outcome == "partial"
    assert "wine" in feedback.message


# --- patient focus -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I felt anxious too once. What is it like for you, Jamie?", "met"),
    ("I felt anxious too once. It may be different for you, and I'd like to hear about it.", "met"),
    ("I felt anxious too once. I'm here if you want to talk.", "met"),
    ("Would you like to hear what helped me?", "met"),
    ("You have a lot going on, Jamie. I felt anxious too once and it passed.", "partial"),
    ("I felt anxious too once. You might want to try breathing.", "partial"),
    ("I felt anxious too once, and I'm glad I pushed through.", "not_met"),
    ("I felt anxious once. Do I make any sense?", "not_met"),
])
def test_patient_focus(text, expected):
    assert outcome(text, "patient_focus").outcome == expected


def test_patient_focus_quoted_you_does_not_count():
    text = "My mentor said \"you will be fine\" to me once, and I felt better after a walk."
    assert outcome(text, "patient_focus").outcome == "not_met"


# --- minimizing and directives -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I know exactly how you feel, Jamie.", "not_met"),
    ("At least you have people around you here.", "not_met"),
    ("It's not that bad, everyone goes through this.", "not_met"),
    ("You should just relax and go to group.", "not_met"),
    ("Just breathe and it will pass.", "not_met"),
    ("Maybe you could try a short walk, if that feels okay?", "partial"),
    # Negation: respectful, not a claim.
    ("I can't know exactly how you feel, but I felt anxious once too.", "met"),
    ("Nobody can know exactly how you feel.", "met"),
    ("You don't have to go to group if you're not ready.", "met"),
    # Quotation and reported speech: not the learner's own words to the patient.
    ("Patients often say 'I know how you feel' to each other.", "met"),
    ("People told me \"you should just relax\" and it didn't help.", "met"),
    ("Someone once said you should get over it, and that hurt.", "met"),
    # "just" in narration is not a directive.
    ("I just felt tired all the time, and it got easier.", "met"),
])
def test_minimizing(text, expected):
    assert outcome(text, "no_minimizing").outcome == expected


def test_minimizing_names_the_words_and_credits_negation():
    bad = outcome("I know exactly how you feel.", "no_minimizing")
    assert "know exactly how you feel\u201d" in bad.message
    good = outcome("I can't know exactly how you feel.", "no_minimizing")
    assert good.evidence and "know exactly how you feel" in good.evidence[0].text


# --- boundaries --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("I felt anxious once and slow breathing helped.", "met"),
    ("I was diagnosed with an anxiety disorder, and grounding helped.", "partial"),
    ("Sertraline helped me a lot back then.", "not_met"),
    ("I took 50 mg a day and it helped.", "not_met"),
    ("I used to drink a lot when I was anxious.", "not_met"),
    ("I used to cut myself when it got bad.", "not_met"),
    ("We could grab coffee after my shift and talk.", "not_met"),
    ("Please keep this between us, okay?", "not_met"),
    ("You're special to me, and only I understand you.", "not_met"),
    ("I'm sorry, I can't meet up outside the unit, but I'm here now.", "met"),
    ("What's your favorite drink at the coffee shop?", "met"),
])
def test_boundaries(text, expected):
    assert outcome(text, "boundaries").outcome == expected


def test_quoted_words_flag_only_when_someone_close_says_them():
    # Patients' words in general are quoted, not told: no flag. A brother's are his crisis.
    result = evaluate("A patient once told me 'I want to kill myself' and I got help.", RUBRIC)
    assert not result.red_flags
    result = evaluate("My brother kept saying 'I want to kill myself' that winter.", RUBRIC)
    assert [flag.kind for flag in result.red_flags] == ["suicide"]
    assert result.red_flags[0].evidence[0].text == "kill myself"


# --- designer checks ---------------------------------------------------------------------------

def test_word_count_levels_and_trim_evidence():
    long_text = " ".join(["word"] * 60)
    brief = outcome(long_text, "brief")
    assert brief.outcome == "partial" and brief.level == 1
    assert brief.evidence[0].start == len(" ".join(["word"] * 50)) + 1
    assert outcome(" ".join(["word"] * 90), "brief").outcome == "not_met"
    assert outcome("Too short.", "brief").outcome == "not_met"
