"""Minimizing and lecturing: sameness claims, playing the feeling down, directives.

Negation-aware ("I can't know exactly how you feel" is respectful, not a claim) and
quotation-aware ("patients often say 'I know how you feel'" reports someone else's words).
A tentative suggestion ("you could try …") is the rubric's middle level.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding

_KINDS = (
    ("minimizing.sameness", _("claims to know their experience")),
    ("minimizing.minimizing", _("plays the feeling down")),
    ("minimizing.directive", _("tells the patient what to do")),
)


def _opener_hits(ctx):
    """Sameness cues that open a sentence ("Me too.", "Same here, …")."""
    sentence_starts = {first for first, _l, _s, _e in ctx.analysis.sentences}
    return [hit for hit in ctx.cues("minimizing.sameness_opener") if hit[0] in sentence_starts]


_OFFER_SUBJECTS = frozenset(("we", "i"))
_MODALS = frozenset(("can", "could", "might", "may"))


def _is_offer(ctx, hit):
    """ "we can just talk", "I could just sit with you": "just" after we/I is an offer, not an order."""
    norms = ctx.analysis.norms
    k = hit[0]
    if norms[k] != "just" or k == 0:
        return False
    before = norms[k - 1]
    if before in _MODALS and k >= 2:
        before = norms[k - 2]
    return before in _OFFER_SUBJECTS


def detect(ctx):
    spans, words, kinds = [], [], []
    for key, note in _KINDS:
        hits = ctx.cues(key)
        if key == "minimizing.directive":
            hits = [hit for hit in hits if not _is_offer(ctx, hit)]
        if key == "minimizing.sameness":
            hits = sorted(hits + _opener_hits(ctx))
        if hits:
            kinds.append(note)
        for hit in hits:
            spans.append(ctx.span(hit, note))
            words.append(ctx.words(hit))
    if spans:
        return Finding(NOT_MET, tuple(spans[:4]), _(
            "{words} {kind}. Offer your experience as one possibility instead, for example "
            "\u201cthat may be different for you\u201d.",
            words=quote_list(words), kind=kinds[0]))
    soft = ctx.cues("minimizing.soft_suggestion")
    if soft:
        return Finding(PARTIAL, tuple(ctx.span(h, _("suggestion")) for h in soft[:2]), _(
            "{words} is a suggestion. It is gentle, but sharing what helped you and asking "
            "what {patient} thinks keeps it an offer.",
            words=quote_list(ctx.words(h) for h in soft), patient=ctx.patient or _("the patient")))
    respectful = ctx.negated_cues("minimizing.sameness")
    if respectful:
        return Finding(MET, tuple(ctx.span(h, _("respectful")) for h in respectful[:1]), _(
            "Saying you cannot fully know ({words}) respects that their experience is their own.",
            words=quote_list(ctx.words(h) for h in respectful)))
    return Finding(MET, (), _("Nothing here claims sameness, plays the feeling down or gives orders."))
