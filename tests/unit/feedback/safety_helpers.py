"""What the safety tests of each round share: the red-flag kinds a whole draft raises, the kinds
the cues alone raise, and the learned layer's features of a draft."""
from disclosure_xblock.feedback import evaluate, safety
from disclosure_xblock.feedback.text import Analysis
from disclosure_xblock.rubric import load_preset

RUBRIC = load_preset("appropriate-self-disclosure")
SAFETY = {"self_harm", "suicide", "overdose"}


def safety_kinds(text, language="en"):
    """The safety kinds (not contact or privacy) the engine flags on ``text``, sorted."""
    return sorted(flag.kind for flag in evaluate(text, RUBRIC, language=language).red_flags
                  if flag.kind in SAFETY)


def cue_kinds(text):
    """The kinds the reviewed cues alone raise, sorted."""
    return sorted(safety.cue_scan(Analysis(text)))


def features(text):
    """The learned layer's features of ``text``."""
    return safety.model_features(Analysis(text))


# The checks every round's tables share, so each round's file holds only its sentences.

def assert_cue_both_ways(language, kind, positive, near_miss):
    """A new cue raises ``kind`` on ``positive``, alone and in the whole engine; its near-miss
    raises nothing at all."""
    assert kind in cue_kinds(positive), positive
    assert kind in safety_kinds(positive, language), positive
    assert cue_kinds(near_miss) == [], near_miss
    assert safety_kinds(near_miss, language) == [], near_miss


def assert_cleared_but_flags(language, cleared, positive):
    """A guard, lead or denial clears ``cleared``; the same words told as one's own still flag."""
    assert safety_kinds(cleared, language) == [], cleared
    assert safety_kinds(positive, language) != [], positive


def assert_family_both_ways(family, with_it, without_it):
    """The learned layer reads ``family`` in ``with_it`` and not in ``without_it``."""
    assert "f:" + family in features(with_it), with_it
    assert "f:" + family not in features(without_it), without_it


def assert_raises_nothing(text, language):
    """Neither the cues nor the learned layer flag ``text``."""
    assert safety.cue_scan(Analysis(text)) == {}
    assert safety_kinds(text, language) == [], text
