"""One episode: a short draft can still tell of several current troubles at once.

Word count alone calls 49 words about debts and a failing marriage "one short moment". This
detector counts the writer's own troubles: distinct trouble topics ("my debts", "my knee",
a medication or substance specific) told in different sentences while something is still
going on. Two or more is a second episode (the rubric's middle level for ``brief``) and more
than a patient should carry (``boundaries`` reads the same count).
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding
from .minimizing import detect as minimizing_detect
from .tense import past_positions

# Under this many words a draft that tells nothing of the writer's past is a verdict, not a
# story (the default rubric's own lower bound for "met" is 15).
_SHORT = 15

_SEVERE_TOPICS = ("boundaries.medication", "boundaries.substance", "boundaries.trauma",
                  "boundaries.intimate", "boundaries.diagnosis")


def current_troubles(ctx):
    """Hits of the writer's own troubles when the draft tells of two or more (else [])."""
    return ctx.cached("current_troubles", _find)


def _find(ctx):
    a = ctx.analysis
    if not ctx.cues("resolution.ongoing", own="quoted"):
        return []  # past troubles told as one story of recovery are still one moment
    concern = set()
    for key, hits in ctx.hits.items():
        if key.startswith(("rel.kw:", "rel.group:")):
            for first, last in hits:
                concern.update(range(first, last + 1))
    topics = {}  # topic words -> first hit; one per sentence keeps one story in one place
    sentences = set()
    candidates = [(h, ctx.words(h).lower()) for h in ctx.hits.get("episode.own_topic", ())
                  if h[0] not in concern and not a.quoted[h[0]]]
    for key in _SEVERE_TOPICS:
        candidates += [(h, key) for h in ctx.cues(key, own=False, negation=False)]
    taken = set()
    for hit, topic in sorted(candidates):
        sentence = a.sent_of[hit[0]]
        # A sensitive specific (a dose, a trauma) is a trouble of another kind than an everyday
        # one in the same sentence ("I'm in debt and I take 50 mg of …"); words already counted
        # ("sexually assaulted") are not counted twice.
        place = (sentence, topic in _SEVERE_TOPICS)
        if (topic in topics or place in sentences or not a.first_person(sentence)
                or any(k in taken for k in range(hit[0], hit[1] + 1))):
            continue
        topics[topic] = hit
        sentences.add(place)
        taken.update(range(hit[0], hit[1] + 1))
    if len(topics) < 2:
        return []
    return sorted(topics.values())


def _nothing_shared(ctx):
    """ "Same here, I get it." / "Te entiendo, no es tan grave.": a short draft that is only a
    verdict (a sameness claim, a playing-down or an order) with no past, no turn, no step and no
    question shares nothing yet (the rubric's concern level of ``brief``). A short question
    ("What's been on your mind?") is an opening, and a short plain remark ("the sound of the fan
    relaxes me") is brief, not empty: both are left alone."""
    a = ctx.analysis
    if a.word_count >= _SHORT or any(a.ends_with_question(s) for s in range(len(a.sentences))):
        return False
    if ctx.cached("minimizing_finding", minimizing_detect).outcome == MET:
        return False  # no verdict: a short plain remark
    return not (past_positions(ctx) or ctx.cues("resolution.resolution", own="quoted")
                or ctx.cues("coping.strategy", own="quoted"))


def detect(ctx):
    if _nothing_shared(ctx):
        # The resolution detector's own words for the same gap (already translated).
        return Finding(NOT_MET, (), _(
            "The draft does not share an experience of your own yet. Tell of a difficulty you "
            "have come through and what changed."))
    troubles = current_troubles(ctx)
    if len(troubles) >= 2:
        return Finding(PARTIAL, tuple(ctx.span(h, _("another trouble")) for h in troubles[:3]), _(
            "This tells of several troubles of your own ({words}), not one short moment. "
            "Keep to the one closest to the patient's.",
            words=quote_list(ctx.words(h) for h in troubles)), neutral=True)  # the level's
        # own message speaks of length, which is not the problem here
    return Finding(MET, (), None)
