"""Cues added after the second blind held-out set (heldout2.jsonl) showed them missing; each is
checked both ways (a look-alike that must not fire), with sentences that are not from the sets."""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def feedback(text, criterion, scenario="anxiety-withdrawal"):
    sc = load_scenario(scenario) if scenario else None
    return next(c for c in evaluate(text, RUBRIC, sc).criteria if c.id == criterion)


@pytest.mark.parametrize("text, scenario, expected", [
    # Bodily signs of anxiety and withdrawal situations, without the scenario's words.
    ("At my first job my heart would pound whenever a stranger spoke to me.", "anxiety-withdrawal", "met"),
    ("My hands used to shake at parties, so I stayed home most weekends.", "anxiety-withdrawal", "met"),
    ("I once felt sure everyone at work was judging me, and my chest got tight.", "anxiety-withdrawal", "met"),
    ("My heart was set on a new bike that summer.", "anxiety-withdrawal", "not_met"),
    # Hopelessness in plain words.
    ("After the move everything felt impossible and I was really low for months.", "hopelessness", "met"),
    ("The recipe seemed easy and the oven was low.", "hopelessness", "not_met"),
])
def test_relevance_concepts(text, scenario, expected):
    assert feedback(text, "relevant", scenario).outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("I used to dread mornings at work. It took months, but I'm okay now.", "met"),
    ("I used to dread mornings at work. That choice was the best decision I made.", "met"),
    ("I used to dread mornings at work. It was not okay.", "partial"),
    # Mild present struggles.
    ("I used to hate crowds and I still don't love them, to be honest.", "not_met"),
    ("I've been dealing with nerves for a while now.", "not_met"),
    ("I struggled with worry since my teens.", "not_met"),
    # A present "helps" after the struggle is managing, not a turn; a real turn still counts.
    ("I'm still working on it, but a walk helps.", "not_met"),
    ("I'm still working on it, but over time it got easier.", "partial"),
])
def test_resolution_cues(text, expected):
    assert feedback(text, "resolved").outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("I leaned on my brother and things felt possible again.", "met"),
    ("Forcing myself out for a walk each day slowly lifted my mood.", "met"),
    ("I started running and the panic took the edge off less and less, and I climbed out.", "met"),
    ("I was nervous and I'm okay now.", "partial"),
    ("I leaned on the railing and waited.", "partial"),
    ("I was nervous about the bus.", "not_met"),
])
def test_coping_cues(text, expected):
    assert feedback(text, "coping_hope").outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("I was nervous once too. You really need to get out of your room.", "not_met"),
    ("I know the feeling of dreading a crowded room.", "not_met"),
    ("I know that feeling, Jamie.", "not_met"),
    ("I still get nervous, but now I know the feeling passes.", "met"),
    ("A walk helped me. You might find that helps, or not.", "partial"),
    # "just" after we/I is an offer, not an order; after you it is an order.
    ("I was anxious once. We can just sit together if you like.", "met"),
    ("I was anxious once. I could just listen, if that helps.", "met"),
    ("I was anxious once. Just talk to others at lunch.", "not_met"),
])
def test_minimizing_cues(text, expected):
    assert feedback(text, "no_minimizing").outcome == expected


@pytest.mark.parametrize("text, expected", [
    ("There was a time I wanted to end it all.", "not_met"),
    ("I thought about ending it back then.", "not_met"),
    ("I used to purge after meals.", "not_met"),
    ("I was ending my shift when it hit me.", "met"),
    ("At the end of it all, a walk helped.", "met"),
])
def test_boundary_cues(text, expected):
    assert feedback(text, "boundaries").outcome == expected
