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
import itertools

from ..patterns import compile as compile_regex
from .phrases import compile_pattern, fold, match_at

CUE_FILES = ("resolution", "coping", "focus", "minimizing", "boundaries", "episode")
# The safety cue files (safety.py), every language's: all run on every draft.
SAFETY_FILES = ("safety", "es/safety")
# Draft languages the engine reads. English files sit in lexicons/; another language's files
# sit in lexicons/<code>/ with the same names and sections (docs/rubric.md, "Adding a language").
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"


def localized(name, language=DEFAULT_LANGUAGE):
    """The lexicon file name for ``language``: "coping" in English, "es/coping" in Spanish."""
    return name if language == DEFAULT_LANGUAGE else f"{language}/{name}"
# Sections that are plain word lists (looked up word by word), not phrase patterns.
WORD_LIST_SECTIONS = frozenset(("past_verbs", "imperative_verbs"))


@functools.lru_cache(maxsize=None)
def _sections(name):
    """The raw lines of lexicon file ``name``, by section, in file order."""
    # ``name`` may name a language folder: "es/safety" is lexicons/es/safety.txt.
    *folders, base = name.split("/")
    text = (importlib.resources.files(__package__).joinpath("lexicons", *folders, f"{base}.txt")
            .read_text("utf-8"))
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
def grammar(language=DEFAULT_LANGUAGE):
    """Closed word classes (negators, reporting verbs, pronouns …) as frozensets.

    Another language's words are accent-folded, as its drafts' words are (text.Analysis).
    """
    if language != DEFAULT_LANGUAGE:
        return {key: folded_words(localized("grammar", language), key)
                for key in _sections(localized("grammar", language))}
    return {key: frozenset(word.lower() for line in lines for word in line.split())
            for key, lines in _sections("grammar").items()}


@functools.lru_cache(maxsize=None)
def words(name, section, language=DEFAULT_LANGUAGE):
    """One section of a lexicon as a frozenset of lowercase words (no patterns)."""
    if language != DEFAULT_LANGUAGE:
        return folded_words(localized(name, language), section)
    return frozenset(word.lower() for line in _sections(name).get(section, ()) for word in line.split())


@functools.lru_cache(maxsize=None)
def patterns(name, section, language=DEFAULT_LANGUAGE):
    """One section of a lexicon as compiled patterns (accent-folded outside English)."""
    if language != DEFAULT_LANGUAGE:
        return folded_patterns(localized(name, language), section)
    compiled = (compile_pattern(line, allow_exact=True) for line in _sections(name).get(section, ()))
    return tuple(p for p in compiled if p is not None)


_SET_RE = compile_regex(r"\{(\w++)\}")


@functools.lru_cache(maxsize=None)
def folded_lines(name, section):
    """One section's phrases with ``{set}`` references expanded and accents folded.

    A file's ``[sets]`` section defines them, one per line: ``self = myself himself herself``;
    then ``hurt {self}`` stands for ``hurt myself``, ``hurt himself`` … (every combination
    when a line names several sets). Folding (phrases.fold) lets "quité" match "quite".
    """
    sets = {}
    for line in _sections(name).get("sets", ()):
        key, _eq, members = line.partition("=")
        sets[key.strip()] = tuple(members.split())
    result = []
    for line in _sections(name).get(section, ()):
        names = _SET_RE.findall(line)
        choices = [sets.get(key, (key,)) for key in names]
        for combination in itertools.product(*choices):
            members = iter(combination)
            expanded = _SET_RE.sub(lambda _m: next(members), line)
            result.append(" ".join(fold(word) for word in expanded.lower().split()))
    return tuple(dict.fromkeys(result))


@functools.lru_cache(maxsize=None)
def folded_patterns(name, section):
    """``folded_lines`` compiled (for cues matched against ``Analysis.folded``)."""
    compiled = (compile_pattern(line, allow_exact=True) for line in folded_lines(name, section))
    return tuple(p for p in compiled if p is not None)


@functools.lru_cache(maxsize=None)
def folded_words(name, section):
    """One section of plain words, expanded and folded, as a frozenset."""
    return frozenset(word for line in folded_lines(name, section) for word in line.split())


@functools.lru_cache(maxsize=None)
def synonym_groups(language=DEFAULT_LANGUAGE):
    """Relevance synonym groups: {group name: patterns}, from ``relevance.txt``.

    Group names are shared across languages ("group:anxiety" in relevance.txt and
    es/relevance.txt), so a keyword written in either language finds the concept.
    """
    name = localized("relevance", language)
    return {key[len("group:"):]: patterns("relevance", key, language)
            for key in _sections(name) if key.startswith("group:")}


class LexiconIndex:
    """Cue patterns indexed by their first word, or first two words when both are plain.

    One pass over a draft's words finds every cue: each word is looked up by its exact form,
    by the pair it forms with the next word, and by its first three letters (``word*`` cues).
    Keying on word pairs keeps the many cues that start with "i" or "you" from being tried at
    every "I".
    """

    def __init__(self, entries):
        single, pairs, prefix = {}, {}, {}
        for key, pattern in entries:
            first = pattern.first
            second = pattern.literals[1] if len(pattern.literals) > 1 else None
            if first.prefix is not None:
                prefix.setdefault(first.prefix[:3], []).append((key, pattern))
            elif second is not None and second.gap == 0 and second.prefix is None:
                for form in first.forms:
                    for form2 in second.forms:
                        pairs.setdefault((form, form2), []).append((key, pattern))
            else:
                for form in first.forms:
                    single.setdefault(form, []).append((key, pattern))
        self.single = {k: tuple(v) for k, v in single.items()}
        self.pairs = {k: tuple(v) for k, v in pairs.items()}
        self.prefix = {k: tuple(v) for k, v in prefix.items()}
        # Words that can start a cue: a draft's other words are skipped with one set look-up.
        self.firsts = frozenset(self.single) | frozenset(first for first, _second in self.pairs)

    def scan(self, norms, sent_of=None):
        """{section key: [(first word, last word), …]} for every cue found in ``norms``.

        With ``sent_of`` (each word's sentence number) a cue never spans two sentences.
        """
        hits = {}
        single, pairs, prefix = self.single, self.pairs, self.prefix
        count = len(norms)
        firsts = self.firsts
        starters = {word for word in set(norms) if word in firsts or word[:3] in prefix}
        for start, norm in enumerate(norms):
            if norm not in starters:
                continue
            candidates = single.get(norm, ())
            if start + 1 < count:
                more = pairs.get((norm, norms[start + 1]))
                if more:
                    candidates = candidates + more
            more = prefix.get(norm[:3])
            if more:
                candidates = candidates + more
            for key, pattern in candidates:
                end = match_at(pattern, norms, start)
                if end < 0 or (sent_of is not None and sent_of[end] != sent_of[start]):
                    continue
                found = hits.get(key)
                if found is None:
                    hits[key] = [(start, end)]
                # Keep the longest cue: "slow breathing" hides the "breathing" inside it.
                elif found[-1][0] <= start and end <= found[-1][1]:
                    continue
                elif found[-1][0] == start:
                    found[-1] = (start, end)
                else:
                    found.append((start, end))
        return hits


@functools.lru_cache(maxsize=None)
def cue_entries(language=DEFAULT_LANGUAGE):
    """(section key, pattern) for every cue of the cue lexicons, keys like ``"coping.strategy"``.

    Keys never name the language: a detector asks for "coping.strategy" and gets the cues of
    the draft's language.
    """
    entries = []
    for name in CUE_FILES:
        for section in _sections(localized(name, language)):
            if section in WORD_LIST_SECTIONS or section == "sets":
                continue
            entries.extend((f"{name}.{section}", p) for p in patterns(name, section, language))
    return tuple(entries)


@functools.lru_cache(maxsize=64)  # one per scenario keyword list; immutable once built
def cue_index(extra=(), language=DEFAULT_LANGUAGE):
    """The index of every lexicon cue plus ``extra`` entries (a scenario's relevance concepts),
    so that one pass over the draft finds them all."""
    return LexiconIndex(cue_entries(language) + tuple(extra))


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
