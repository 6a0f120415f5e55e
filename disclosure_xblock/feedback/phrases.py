"""
The phrase pattern language, matched in linear time over words (never a regular expression).

A pattern is words separated by spaces, matched case-insensitively on whole words:

- ``word``   the word or a simple inflection of it (s, es, ed, ing, 's; "cope" -> "coping",
             "worry" -> "worried", "stop" -> "stopped");
- ``word*``  any word starting with ``word`` (at least three letters before the star);
- ``*``      up to three words of anything (``* *`` up to six, and so on);
- ``=word``  exactly that word, no inflections (lexicon files only; designers cannot write it).

Designer rules (and scenario keywords) are matched with bit sets: one integer per literal marks
the word positions where it matches, and a shift-or step per wildcard joins them. Cost grows
with words x literals, whatever the rule, so no rule can hang the server.
"""
from __future__ import annotations

import bisect
import unicodedata
from typing import NamedTuple

from .. import patterns

# A word: letters/digits with inner apostrophes ("don't", "Sam's"). Underscore is not a letter.
WORD_RE = patterns.compile(r"[^\W_]++(?:['\u2019][^\W_]++)*+")

_NON_ASCII_RE = patterns.compile(r"[^\x00-\x7f]")

GAP_WORDS = 3  # what one "*" may skip
_VOWELS = "aeiou"


def fold(word):
    """``word`` without accents or tildes ("propósito" -> "proposito", "año" -> "ano").

    For matching only: people type Spanish without accents, so cues and drafts are compared
    folded. A folded word keeps its token's offsets, so spans still point into the original.
    """
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    # Only a non-ASCII character can be a combining mark: look at those alone (a whole draft
    # is folded at once, and most of its characters are ASCII).
    pieces, last = [], 0
    for mark in _NON_ASCII_RE.finditer(decomposed):
        if unicodedata.combining(mark.group()):
            pieces.append(decomposed[last:mark.start()])
            last = mark.end()
    if not pieces:
        return decomposed
    pieces.append(decomposed[last:])
    return "".join(pieces)


def inflections(word):
    """The forms of ``word`` that a plain pattern word also matches."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "'s"}
    if len(word) < 3 or not word.isalpha():
        return frozenset(forms)
    if word.endswith("e"):
        forms.update((word + "d", word[:-1] + "ing"))
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms.update((word[:-1] + "ies", word[:-1] + "ied"))
    if word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        forms.update((word + word[-1] + "ed", word + word[-1] + "ing"))
    return frozenset(forms)


class Literal(NamedTuple):
    """One word of a pattern: ``gap`` words of slack before it, then exact forms or a prefix."""

    gap: int
    forms: frozenset | None
    prefix: str | None

    def matches(self, norm):
        if self.prefix is not None:
            return norm.startswith(self.prefix)
        return norm in self.forms


class Pattern(NamedTuple):
    source: str
    literals: tuple

    @property
    def first(self):
        return self.literals[0]


def compile_pattern(source, allow_exact=False):
    """Compile a (validated) phrase into a Pattern; None when it has no real word."""
    literals = []
    gap = 0
    for chunk in source.lower().replace("\u2019", "'").split():
        if chunk == "*":
            gap += GAP_WORDS
            continue
        exact = allow_exact and chunk.startswith("=")
        if exact:
            chunk = chunk[1:]
        if chunk.endswith("*"):
            words = WORD_RE.findall(chunk[:-1])
            if not words:
                continue
            for word in words[:-1]:
                literals.append(Literal(gap, frozenset((word,)) if exact else inflections(word), None))
                gap = 0
            literals.append(Literal(gap, None, words[-1]))
            gap = 0
            continue
        for word in WORD_RE.findall(chunk):
            literals.append(Literal(gap, frozenset((word,)) if exact else inflections(word), None))
            gap = 0
    if not literals:
        return None
    return Pattern(source, tuple(Literal(0, lit.forms, lit.prefix) if i == 0 else lit
                                 for i, lit in enumerate(literals)))


# --- bit-set matching (designer rules, scenario keywords) ---------------------------------------

class WordIndex:
    """Per-draft lookup: for each distinct word, an integer whose bit p marks position p."""

    __slots__ = ("masks", "sorted_words")

    def __init__(self, norms):
        masks = {}
        for position, norm in enumerate(norms):
            masks[norm] = masks.get(norm, 0) | (1 << position)
        self.masks = masks
        self.sorted_words = sorted(masks)

    def mask(self, literal):
        masks = self.masks
        if literal.prefix is None:
            result = 0
            for form in literal.forms:
                bits = masks.get(form)
                if bits:
                    result |= bits
            return result
        words = self.sorted_words
        prefix = literal.prefix
        result = 0
        k = bisect.bisect_left(words, prefix)
        while k < len(words) and words[k].startswith(prefix):
            result |= masks[words[k]]
            k += 1
        return result


def find(pattern, index, limit=5):
    """Up to ``limit`` non-overlapping matches of ``pattern``: (first word, last word) pairs."""
    reach = []
    current = 0
    for j, literal in enumerate(pattern.literals):
        bits = index.mask(literal)
        if j == 0:
            current = bits
        else:
            shifted = current << 1
            spread = shifted
            for _ in range(literal.gap):  # at most 3 per "*" and 8 words: bounded work
                shifted <<= 1
                spread |= shifted
            current = spread & bits
        if not current:
            return []
        reach.append(current)
    matches = []
    last_end = -1
    ends = reach[-1]
    while ends and len(matches) < limit:
        end = (ends & -ends).bit_length() - 1
        ends &= ends - 1
        start = _trace_back(pattern, reach, end)
        if start > last_end:
            matches.append((start, end))
            last_end = end
    return matches


def _trace_back(pattern, reach, end):
    """The first word of a match ending at ``end`` (closest earlier words, greedily)."""
    position = end
    for j in range(len(pattern.literals) - 1, 0, -1):
        gap = pattern.literals[j].gap
        for q in range(position - 1, max(position - gap - 2, -1), -1):
            if reach[j - 1] >> q & 1:
                position = q
                break
    return position


# --- anchored matching (the engine's own lexicons, found through an index of first words) -------

def match_at(pattern, norms, start):
    """Last word of a match of ``pattern`` beginning at word ``start``, or -1.

    Only for the engine's own lexicon patterns (short, few wildcards): a depth-first search
    whose work is bounded by the pattern's length and gaps.
    """
    literals = pattern.literals
    if not literals[0].matches(norms[start]):
        return -1
    return _extend(literals, norms, 1, start)


def _extend(literals, norms, j, position):
    if j == len(literals):
        return position
    literal = literals[j]
    limit = min(position + 2 + literal.gap, len(norms))
    for q in range(position + 1, limit):
        if literal.matches(norms[q]):
            end = _extend(literals, norms, j + 1, q)
            if end >= 0:
                return end
    return -1
