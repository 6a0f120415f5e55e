"""A scenario's relevance concepts: its keywords widened by the synonym groups of
``lexicons/relevance.txt``, with weights.

Its own module because both the shared cue index (base.Context) and the relevance detector
need it, and the detector needs base.
"""
from __future__ import annotations

import functools

from ..lexicons import DEFAULT_LANGUAGE, LANGUAGES, patterns, synonym_groups, words
from ..phrases import compile_pattern, fold, match_at

CORE_KEYWORDS = 3
_CUE_SECTIONS = ("link_strong", "link", "feeling")


def _group_of(kw_words, folded_words):
    """The synonym group a keyword belongs to, looked up in every language's groups (a
    designer may write "ansiedad" or "anxiety"): its name, or None."""
    for language in LANGUAGES:
        candidate = kw_words if language == DEFAULT_LANGUAGE else folded_words
        for name, members in synonym_groups(language).items():
            if any(match_at(p, candidate, 0) == len(candidate) - 1 for p in members if len(candidate)):
                return name
    return None


@functools.lru_cache(maxsize=64)
def keywords_in(keywords, language=DEFAULT_LANGUAGE):
    """The keywords written in ``language``, to quote back to the learner (all when none is).

    A keyword is another language's when it has accents or only that language's synonym
    groups know it ("ansiedad"); a scenario may list both languages' keywords.
    """
    def other(keyword):
        words = [w for w in keyword.lower().split() if w != "*"]
        folded = [fold(w) for w in words]
        if not keyword.isascii():
            return True
        english = any(match_at(p, words, 0) == len(words) - 1
                      for members in synonym_groups().values() for p in members if words)
        return not english and _group_of(words, folded) is not None
    chosen = tuple(k for k in keywords if other(k) == (language != DEFAULT_LANGUAGE))
    return chosen or tuple(keywords)


@functools.lru_cache(maxsize=64)  # keyed by the scenario's keyword tuple; read-only afterwards
def concepts(keywords, language=DEFAULT_LANGUAGE):
    """((concept key, pattern) entries, {concept key: weight}) for a scenario's keywords.

    Concept keys start with "rel." so they sit beside the cue sections in one index. The
    synonyms come from the draft language's groups; outside English, patterns are folded.
    """
    groups = synonym_groups(language)
    weak = words("relevance", "weak") | words("relevance", "weak", "es")
    entries, weights, seen_groups = [], {}, set()
    for position, keyword in enumerate(keywords):
        source = keyword if language == DEFAULT_LANGUAGE else " ".join(fold(w) for w in keyword.lower().split())
        own = compile_pattern(source)
        if own is None:
            continue
        kw_words = [w for w in keyword.lower().split() if w != "*"]
        concept = f"rel.kw:{keyword.lower()}"
        name = _group_of(kw_words, [fold(w) for w in kw_words])
        if name is not None:
            concept = f"rel.group:{name}"
            if name not in seen_groups:  # several keywords of one group: its members once
                seen_groups.add(name)
                entries.extend((concept, p) for p in groups.get(name, ()))
        entries.append((concept, own))
        if position < CORE_KEYWORDS:
            weight = 2.0
        elif keyword.lower() in weak:
            weight = 0.5
        else:
            weight = 1.0
        weights[concept] = max(weights.get(concept, 0.0), weight)
    entries.extend(("rel.exclude", p) for p in patterns("relevance", "exclude", language))
    for section in _CUE_SECTIONS:
        entries.extend((f"rel.{section}", p) for p in patterns("relevance", section, language))
    return tuple(entries), weights
