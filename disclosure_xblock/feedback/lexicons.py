"""
Load the engine's lexicons: reviewed data files in ``feedback/lexicons/``.

File format (one cue per line)::

    # a comment; "#" also starts a comment after a cue
    [section]
    phrase pattern        # see phrases.py; "=word" means that exact word

Everything is read once per process (functools.lru_cache) and never mutated afterwards.
"""
from __future__ import annotations

import functools
import importlib.resources

from .phrases import compile_pattern, match_at

CUE_FILES = ("resolution", "coping", "focus", "minimizing", "boundaries")
# Sections that are plain word lists (looked up word by word), not phrase patterns.
WORD_LIST_SECTIONS = frozenset(("past_verbs",))


@functools.lru_cache(maxsize=None)
def _sections(name):
    """The raw lines of lexicon file ``name``, by section, in file order."""
    text = importlib.resources.files(__package__).joinpath("lexicons", f"{name}.txt").read_text("utf-8")
    sections = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(" ".join(line.split()))
    return {key: tuple(lines) for key, lines in sections.items()}


@functools.lru_cache(maxsize=None)
def grammar():
    """Closed word classes (negators, reporting verbs, pronouns …) as frozensets."""
    return {key: frozenset(word.lower() for line in lines for word in line.split())
            for key, lines in _sections("grammar").items()}


@functools.lru_cache(maxsize=None)
def words(name, section):
    """One section of a lexicon as a frozenset of lowercase words (no patterns)."""
    return frozenset(word.lower() for line in _sections(name).get(section, ()) for word in line.split())


@functools.lru_cache(maxsize=None)
def patterns(name, section):
    """One section of a lexicon as compiled patterns."""
    compiled = (compile_pattern(line, allow_exact=True) for line in _sections(name).get(section, ()))
    return tuple(p for p in compiled if p is not None)


@functools.lru_cache(maxsize=None)
def synonym_groups():
    """Relevance synonym groups: {group name: patterns}, from ``relevance.txt``."""
    return {key[len("group:"):]: patterns("relevance", key)
            for key in _sections("relevance") if key.startswith("group:")}


class LexiconIndex:
    """All cue patterns of the given lexicons, indexed by their first word.

    One pass over a draft's words finds every cue: each word is looked up once by its exact
    form and once by its first three letters (for ``word*`` cues).
    """

    def __init__(self, entries):
        self.exact = {}
        self.prefix = {}
        for key, pattern in entries:
            first = pattern.first
            if first.prefix is None:
                for form in first.forms:
                    self.exact.setdefault(form, []).append((key, pattern))
            else:
                self.prefix.setdefault(first.prefix[:3], []).append((key, pattern))
        self.exact = {form: tuple(items) for form, items in self.exact.items()}
        self.prefix = {head: tuple(items) for head, items in self.prefix.items()}

    def scan(self, norms):
        """{section key: [(first word, last word), …]} for every cue found in ``norms``."""
        hits = {}
        exact, prefix = self.exact, self.prefix
        for start, norm in enumerate(norms):
            candidates = exact.get(norm, ())
            extra = prefix.get(norm[:3])
            if extra:
                candidates = candidates + extra
            for key, pattern in candidates:
                end = match_at(pattern, norms, start)
                if end >= 0:
                    found = hits.setdefault(key, [])
                    # Keep the longest cue: "slow breathing" hides the "breathing" inside it.
                    if found and found[-1][0] <= start and end <= found[-1][1]:
                        continue
                    if found and found[-1][0] == start:
                        found[-1] = (start, end)
                        continue
                    found.append((start, end))
        return hits


@functools.lru_cache(maxsize=None)
def cue_index():
    """The index of every cue section of the cue lexicons, keys like ``"coping.strategy"``."""
    entries = []
    for name in CUE_FILES:
        for section in _sections(name):
            if section in WORD_LIST_SECTIONS:
                continue
            entries.extend((f"{name}.{section}", p) for p in patterns(name, section))
    return LexiconIndex(entries)


@functools.lru_cache(maxsize=None)
def vocabulary():
    """Every plain word the lexicons mention: such words are not read as a person's name."""
    found = set()
    for name in CUE_FILES + ("relevance",):
        for lines in _sections(name).values():
            for line in lines:
                for word in line.lower().replace("*", " ").replace("=", " ").split():
                    found.add(word)
    return frozenset(found)
