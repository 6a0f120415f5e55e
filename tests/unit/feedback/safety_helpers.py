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
