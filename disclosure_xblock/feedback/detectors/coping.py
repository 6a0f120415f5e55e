"""Coping and hope: a concrete, safe step that helped, and a hopeful outcome.

Both cues are negation-aware ("nothing helped" is not an outcome). A bleak cue after the last
hopeful one ("… but nothing really changes") is a hopeless ending, which the rubric rates lowest.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding


def detect(ctx):
    strategies = ctx.cues("coping.strategy")
    outcomes = ctx.cues("coping.outcome")
    hopeless = ctx.cues("coping.hopeless", negation=False)
    unsafe = ctx.cues("coping.unsafe", negation=False)
    last_outcome = max((first for first, _l in outcomes), default=-1)
    bleak_end = [hit for hit in hopeless if hit[0] > last_outcome]
    spans = tuple(ctx.span(hit, _("coping step")) for hit in strategies[:2])
    spans += tuple(ctx.span(hit, _("hopeful outcome")) for hit in outcomes[:1])
    if bleak_end:
        return Finding(NOT_MET, spans + tuple(ctx.span(h, _("bleak ending")) for h in bleak_end[:2]), _(
            "The draft ends on {words}, which may leave the listener with less hope. Finish "
            "with what helped and how things improved.",
            words=quote_list(ctx.words(h) for h in bleak_end)))
    strategy_words = quote_list(ctx.words(h) for h in strategies)
    outcome_words = quote_list(ctx.words(h) for h in outcomes)
    if strategies and outcomes:
        return Finding(MET, spans, _(
            "You name something concrete ({strategy}) and that it made a difference ({outcome}).",
            strategy=strategy_words, outcome=outcome_words))
    if outcomes:
        if unsafe:
            return Finding(PARTIAL, spans + tuple(ctx.span(h, _("not a safe strategy")) for h in unsafe[:1]), _(
                "You say things improved ({outcome}), but {unsafe} is not a step to model for a "
                "patient. Name a safe one, such as slow breathing or a short walk.",
                outcome=outcome_words, unsafe=quote_list(ctx.words(h) for h in unsafe)))
        return Finding(PARTIAL, spans, _(
            "You say things improved ({outcome}); add the concrete step that helped, such as "
            "slow breathing, a short walk or talking to someone.", outcome=outcome_words))
    if strategies:
        return Finding(PARTIAL, spans, _(
            "You name a step ({strategy}); add how it helped, for example that it got easier.",
            strategy=strategy_words))
    return Finding(NOT_MET, (), _(
        "No coping step or hopeful outcome is named yet. Say what you did that helped and how "
        "things changed."))
