"""Cues added after the blind held-out set showed them missing; each also checked the other way
(a look-alike that must not fire), with sentences that are not the held-out drafts."""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback.privacy import scan
from disclosure_xblock.feedback.text import Analysis
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def feedback(text, criterion, scenario="anxiety-withdrawal"):
    sc = load_scenario(scenario) if scenario else None
    return next(c for c in evaluate(text, RUBRIC, sc).criteria if c.id == criterion)


@pytest.mark.parametrize("text, expected", [
    ("Me too. Crowds used to scare me and breathing helped. What is it like for you?", "not_met"),
    ("Same here, I was nervous about people and a walk helped. How about you?", "not_met"),
    ("I felt the same way back then, and talking to a friend helped. What helps you?", "not_met"),
    # "me too" inside a sentence, "same" not at a sentence start: not a sameness claim.
    ("Slow breathing helped me too when I was nervous. What helps you?", "met"),
    ("I was nervous in the same room every week, and breathing helped. What about you?", "met"),
    ("It gets better, I promise you. I was anxious once.", "not_met"),
    ("Just take a deep breath. I used to panic too.", "not_met"),
    ("Why don't you try sitting with one person? It helped me.", "partial"),
    ("I was scared of the dining hall once. Why don't you want to go in?", "met"),
    ("I was anxious once. Maybe ask your team about it?", "partial"),
])
def test_minimizing_cues(text, expected):
    assert feedback(text, "no_minimizing").outcome == expected


def test_opener_evidence_is_exact():
    text = "Same here. I was anxious around people and walking helped. What about you?"
    finding = feedback(text, "no_minimizing")
    assert [(e.text, text[e.start:e.end]) for e in finding.evidence] == [("Same here", "Same here")]


@pytest.mark.parametrize("text, expected", [
    ("i was in a bad place too but i got through it. how are u doing today?", "met"),
    ("i was anxious once. u got this!!", "partial"),
])
def test_text_speak_you(text, expected):
    assert feedback(text, "patient_focus").outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("Years ago I felt hopeless, and volunteering at a food bank gave me a reason to get up.", "met"),
    ("Back then I wrote three good things down every night and the hope came back.", "met"),
    ("I was scared of my first group, but it ended up being ok.", "partial"),  # outcome, no step
    ("I tried walking and journaling, and nothing made much difference.", "not_met"),
])
def test_coping_cues(text, expected):
    assert feedback(text, "coping_hope", "hopelessness").outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("I was nervous about group at first, but it ended up being fine.", "met"),
    ("When I felt hopeless, a daily routine turned my life around.", "met"),
    ("Honestly it's been rough lately and I'm still figuring it out.", "not_met"),
    ("I tried everything back then. Some things just don't get better.", "not_met"),
])
def test_resolution_cues(text, expected):
    assert feedback(text, "resolved", "group-reluctance").outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("I was lonely once. My personal email is on my badge if you need it.", "not_met"),
    ("After a breakup I started sleeping around, and therapy helped.", "not_met"),
    ("When you leave, we could keep in touch with me texting you.", "not_met"),
    # The writer's own contacts are not contact with the patient.
    ("I joined a group years ago and I still keep in touch with two people from it.", "met"),
])
def test_boundary_cues(text, expected):
    assert feedback(text, "boundaries").outcome == expected


def test_plural_weekday_is_not_a_name():
    assert scan(Analysis("Walking with my aunt on Sundays helped me.")) == []
    assert scan(Analysis("I walked with Rosa on Sundays."))[0][0] == "name"
