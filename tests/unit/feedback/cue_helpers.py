"""What the cue tests of each round share: the default rubric, one criterion's judgement of a
draft, and the evidence notes it carries."""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def criterion(text, cid, language="en", scenario="anxiety-withdrawal"):
    """The default rubric's criterion ``cid`` for ``text``, read as a draft in ``language``
    (None: the language is read from the draft, as on the site)."""
    found = evaluate(text, RUBRIC, load_scenario(scenario), draft_language=language)
    return next(c for c in found.criteria if c.id == cid)


def notes(found):
    """(quoted text, note) of each piece of evidence of a criterion's judgement."""
    return [(e.text, e.note) for e in found.evidence]
