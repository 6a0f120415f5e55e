"""Relevance: does the learner's experience touch the scenario patient's own concern?

Scenario keywords are widened with the synonym groups of ``lexicons/relevance.txt``. Each
concept found counts once, more when it is one of the scenario's first three keywords (the
designer lists the central concern first), less for everyday words ("help", "people"), and
half when it sits outside a sentence about the writer.
"""
from __future__ import annotations

import functools

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from ..lexicons import patterns, synonym_groups, words
from ..phrases import compile_pattern, match_at
from .base import Finding

CORE_KEYWORDS = 3
MET_SCORE = 2.0
PARTIAL_SCORE = 0.5


@functools.lru_cache(maxsize=64)  # keyed by the scenario's keyword tuple; read-only afterwards
def concepts(keywords):
    """((concept key, pattern) entries, {concept key: weight}) for a scenario's keywords.

    Concept keys start with "rel." so they sit beside the cue sections in one index.
    """
    groups = synonym_groups()
    weak = words("relevance", "weak")
    entries, weights = [], {}
    for position, keyword in enumerate(keywords):
        own = compile_pattern(keyword)
        if own is None:
            continue
        kw_words = [w for w in keyword.lower().split() if w != "*"]
        concept = f"rel.kw:{keyword.lower()}"
        for name, members in groups.items():
            if any(match_at(p, kw_words, 0) == len(kw_words) - 1 for p in members if len(kw_words)):
                concept = f"rel.group:{name}"
                entries.extend((concept, p) for p in members)
                break
        entries.append((concept, own))
        if position < CORE_KEYWORDS:
            weight = 2.0
        elif keyword.lower() in weak:
            weight = 0.5
        else:
            weight = 1.0
        weights[concept] = max(weights.get(concept, 0.0), weight)
    entries.extend(("rel.exclude", p) for p in patterns("relevance", "exclude"))
    return tuple(entries), weights


def detect(ctx):
    scenario = ctx.scenario
    if scenario is None or not scenario.keywords:
        return Finding(PARTIAL, (), _(
            "There is no scenario to compare with, so relevance could not be judged; this "
            "middle level is a placeholder, not a verdict."), neutral=True)
    _entries, weights = concepts(tuple(scenario.keywords))
    a = ctx.analysis
    hits = ctx.hits
    excluded = set()
    for first, last in hits.get("rel.exclude", ()):
        excluded.update(range(first, last + 1))
    score = 0.0
    spans, found = [], []
    for concept, weight in weights.items():
        best = None
        for first, last in hits.get(concept, ()):
            if first in excluded or last in excluded or a.quoted[first]:
                continue
            value = weight if a.first_person(a.sent_of[first]) else weight / 2
            if best is None or value > best[0]:
                best = (value, (first, last))
        if best is not None:
            score += best[0]
            spans.append(ctx.span(best[1], _("connects to the scenario")))
            found.append((best[1][0], ctx.words(best[1])))
    found.sort()
    quoted = quote_list([w for _pos, w in found])
    patient = ctx.patient or _("the patient")
    if score >= MET_SCORE:
        return Finding(MET, tuple(spans), _(
            "Words such as {words} tie your experience to {patient}'s situation.",
            words=quoted, patient=patient))
    if score >= PARTIAL_SCORE:
        return Finding(PARTIAL, tuple(spans), _(
            "Only {words} links to what {patient} is facing; say more plainly how your "
            "moment resembles theirs.", words=quoted, patient=patient))
    return Finding(NOT_MET, (), _(
        "Nothing here echoes {patient}'s concern (for example {keywords}); choose a moment "
        "closer to it.", patient=patient, keywords=quote_list(scenario.keywords)))
