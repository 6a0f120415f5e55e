"""
Which language a draft is written in, decided from the draft itself (not the page's locale).

Function words ("the", "and", "que", "pero" …) are the most reliable sign in a few words: each
language's list is ``lexicons/<code>/language.txt`` (English: ``lexicons/language.txt``),
section ``[function_words]``; words both languages share ("a", "me", "no") are in neither.
Spanish letters and marks (ñ, accents, ¿ ¡) count for Spanish. A draft with too little to go
on, or too even a mix, is undecided: the engine then says it cannot judge it rather than
judging it in the wrong language.
"""
from __future__ import annotations

import functools
from collections import Counter
from typing import NamedTuple

from .lexicons import DEFAULT_LANGUAGE, LANGUAGES, folded_words, localized
from .phrases import WORD_RE, fold

# Letters and marks only Spanish uses among the languages read: each counts as one function word.
_SPANISH_MARKS = frozenset("\u00f1\u00bf\u00a1\u00e1\u00e9\u00ed\u00f3\u00fa")
MARK_LANGUAGE = "es"
# A draft this short with no sign of either language is judged in the page's language: it
# is too short to be judged on content anyway (the length criterion speaks).
SHORT_WORDS = 6
# The leading language must have at least this share of the signs (else "too mixed").
DOMINANCE = 0.7
MIN_SIGNS = 2


class Decision(NamedTuple):
    """``language`` is a code from lexicons.LANGUAGES, or None when undecided (``reason``)."""

    language: str | None
    reason: str          # "signs", "short", "no_signs", "mixed", "other", "given"
    counts: dict


@functools.lru_cache(maxsize=None)
def function_words():
    """{language: frozenset of accent-folded function words}."""
    return {language: folded_words(localized("language", language), "function_words")
            for language in LANGUAGES}


def detect(text, fallback=DEFAULT_LANGUAGE):
    """The Decision for draft ``text``.

    ``fallback`` (the page's language, when the engine reads it) is used for short drafts
    with no sign either way.
    """
    text = "" if text is None else str(text)
    lists = function_words()
    counts = {language: 0 for language in lists}
    others = folded_words("language", "other_languages")
    lowered = text.lower()
    norms = WORD_RE.findall(lowered if lowered.isascii() else fold(lowered))
    # Each distinct word is looked up once, weighed by how often it occurs.
    occurrences = Counter(norms)
    distinct = occurrences.keys()
    other = sum(occurrences[norm] for norm in distinct & others)
    for language, members in lists.items():
        counts[language] += sum(occurrences[norm] for norm in (distinct & members) - others)
    marks = 0 if lowered.isascii() else sum(1 for ch in lowered if ch in _SPANISH_MARKS)
    if marks:
        counts[MARK_LANGUAGE] += min(marks, max(2, len(norms) // 4))  # a few accents weigh, not dominate
    total = sum(counts.values())
    fallback = fallback if fallback in lists else DEFAULT_LANGUAGE
    if total < MIN_SIGNS:
        if len(norms) < SHORT_WORDS or (total and len(norms) < 2 * SHORT_WORDS):
            best = max(counts, key=counts.get) if total else fallback
            return Decision(best, "short", counts)
        return Decision(None, "no_signs", counts)
    best = max(counts, key=counts.get)
    if other >= counts[best]:
        return Decision(None, "other", counts)
    if counts[best] < DOMINANCE * total:
        return Decision(None, "mixed", counts)
    return Decision(best, "signs", counts)


def page_language(code):
    """The draft language a page's locale suggests ("es-419" -> "es"), or the default."""
    base = str(code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE
