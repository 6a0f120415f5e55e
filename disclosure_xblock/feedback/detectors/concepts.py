"""A scenario's relevance concepts: its keywords widened by the synonym groups of
``lexicons/relevance.txt``, with weights.

Its own module because both the shared cue index (base.Context) and the relevance detector
need it, and the detector needs base.
"""
from __future__ import annotations

import functools

from ..lexicons import patterns, synonym_groups, words
from ..phrases import compile_pattern, match_at

CORE_KEYWORDS = 3
_CUE_SECTIONS = ("link_strong", "link", "feeling")


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
    for section in _CUE_SECTIONS:
        entries.extend((f"rel.{section}", p) for p in patterns("relevance", section))
    return tuple(entries), weights
