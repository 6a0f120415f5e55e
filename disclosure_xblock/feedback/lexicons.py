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
import threading

from ..patterns import compile as compile_regex
from .phrases import compile_pattern, fold

CUE_FILES = ("resolution", "coping", "focus", "minimizing", "boundaries", "episode")
# The safety cue files (safety.py), every language's: all run on every draft.
SAFETY_FILES = ("safety", "es/safety")

# One re-entrant lock for every ``built_once`` build: builds call one another, and they are rare.
_BUILD_LOCK = threading.RLock()


def built_once(maxsize=None):
    """``functools.lru_cache`` for the engine's heavy read-only builds (cue indexes), where
    threads that miss together wait for one build instead of each making their own: a
    worker's threads woken by a burst of first drafts would otherwise each pay about 2 s of CPU.
    A hit takes the lock only for the look-up."""
    def decorate(function):
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(*args, **kwargs):
            with _BUILD_LOCK:
                return cached(*args, **kwargs)
        call.cache_info = cached.cache_info
        return call
    return decorate
# Draft languages the engine reads. English files sit in lexicons/; another language's files
# sit in lexicons/<code>/ with the same names and sections (docs/rubric.md, "Adding a language").
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"


def localized(name, language=DEFAULT_LANGUAGE):
    """The lexicon file name for ``language``: "coping" in English, "es/coping" in Spanish."""
    return name if language == DEFAULT_LANGUAGE else f"{language}/{name}"
# Sections that are plain word lists (looked up word by word), not phrase patterns.
WORD_LIST_SECTIONS = frozenset(("past_verbs", "imperative_verbs", "knowing_verbs", "knowing_link",
                                "knowing_bridge", "hardship_words", "tentative_modals",
                                "framing_verbs"))


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
    """Cue patterns indexed by their first two words, so one pass over a draft finds every cue.

    A cue whose second word follows the first directly is keyed by both words, each by its
    exact forms or, for a ``word*``, by its first three letters; any other cue by its first word
    alone. At each word of the draft only the cues keyed by that word (and the next) are tried,
    so the many cues that start with "i", "me" or "que" are not tried at every "I" or "que".

    Which cues are tried at a word never changes what is found: a tried cue is matched in full
    from that word, and a cue keyed otherwise could not match there. Hits come out in the order
    the first index of this kind gave them (by word; at one word, cues keyed by the first word,
    then by the pair, then by a prefix, each in entry order), which dict order downstream keeps.
    """

    __slots__ = ("_words", "_prefixes", "keys")

    def __init__(self, entries=(), segments=None):
        """``entries``: (key, pattern) pairs. ``segments``: ((segment number, entries), …)
        instead, for an index to be ``joined`` with others: hits are then ordered as one
        index's of every segment's entries, in segment-number order, would be."""
        segments = ((0, entries),) if segments is None else segments
        # First word (exact form, or a prefix's first three letters) -> [cues keyed by it alone,
        # {next word: cues}, {next word's first three letters: cues}].
        words, prefixes = {}, {}
        keys = set()
        for segment, rank, key, pattern in ((segment, rank, key, pattern) for segment, part in segments
                                            for rank, (key, pattern) in enumerate(part)):
            keys.add(key)
            literals = tuple((lit.gap, lit.forms, lit.prefix) for lit in pattern.literals)
            first = literals[0]
            second = literals[1] if len(literals) > 1 else None
            # The order rank of the former index: cues by first word, by pair, by prefix; within
            # each, by segment, then by entry.
            rank += segment * _SEGMENT
            if first[2] is not None:
                order = 2 * _CLASS + rank
            elif second is not None and second[0] == 0 and second[2] is None:
                order = _CLASS + rank
            else:
                order = rank
            table = words if first[2] is None else prefixes
            heads = first[1] if first[2] is None else (first[2][:3],)
            # A "word*" shorter than three letters cannot be keyed by three (it is matched whole).
            if second is not None and second[0] == 0 and (second[2] is None or len(second[2]) >= 3):
                cue = (key, order, first[2], second[2], literals[2:])
                slot, nexts = (1, second[1]) if second[2] is None else (2, (second[2][:3],))
                for head in heads:
                    node = table.setdefault(head, [[], {}, {}])
                    for word in nexts:
                        node[slot].setdefault(word, []).append(cue)
            else:
                cue = (key, order, first[2], literals[1:])
                for head in heads:
                    table.setdefault(head, [[], {}, {}])[0].append(cue)
        self._words = {k: _frozen(node, False) for k, node in words.items()}
        self._prefixes = {k: _frozen(node, True) for k, node in prefixes.items()}
        self.keys = frozenset(keys)

    @classmethod
    def joined(cls, *parts):
        """One index of ``parts`` (indexes with disjoint keys, built with ``segments``): it
        finds, and orders, what one index of all their entries would, and is built from theirs
        without reading an entry again (a word's cues from each part side by side). A scenario's
        few hundred keyword cues join the lexicons' twenty thousand in milliseconds, where one
        new index of them all cost a second of CPU."""
        keys = set()
        for part in parts:
            if keys & part.keys:
                raise ValueError(f"joined indexes share keys: {sorted(keys & part.keys)[:3]}")
            keys |= part.keys
        index = cls.__new__(cls)
        index._words, index._prefixes = dict(parts[0]._words), dict(parts[0]._prefixes)
        for part in parts[1:]:
            for table, own in ((index._words, part._words), (index._prefixes, part._prefixes)):
                for head, node in own.items():
                    old = table.get(head)
                    table[head] = node if old is None else (old[0] + node[0], old[1] + node[1])
        index.keys = frozenset(keys)
        return index

    def scan(self, norms, sent_of=None):
        """{section key: [(first word, last word), …]} for every cue found in ``norms``.

        With ``sent_of`` (each word's sentence number) a cue never spans two sentences.
        """
        hits = {}
        order = {}  # key -> (first word, rank) of its first hit, to give hits their order
        count = len(norms)
        # What each distinct word of the draft may start (cues keyed by it alone, tables of cues
        # keyed by it and the next word), looked up once per word; most words start nothing.
        words, prefixes = self._words, self._prefixes
        plan = {}
        for norm in set(norms):
            entry = words.get(norm)
            prefix_node = prefixes.get(norm[:3])
            if prefix_node is not None:  # a "word*" cue: its prefix is checked once per word
                alone = tuple(cue for cue in prefix_node[0] if norm.startswith(cue[2]))
                if entry is not None:
                    alone, tables = entry[0] + alone, entry[1] + prefix_node[1]
                else:
                    tables = prefix_node[1]
                entry = (alone, tables) if alone or tables else None
            if entry is not None:
                plan[norm] = entry
        for start, norm in enumerate(norms):
            entry = plan.get(norm)
            if entry is None:
                continue
            alone, tables = entry
            found_here = []  # (key, rank, end) of each cue matched at this word
            for key, rank, _prefix, rest in alone:
                end = _rest(rest, norms, start, count) if rest else start
                if end >= 0:
                    found_here.append((key, rank, end))
            if tables and start + 1 < count:
                nxt = norms[start + 1]
                for table, second_prefix, first_prefix in tables:
                    cues = table.get(nxt[:3] if second_prefix else nxt)
                    if cues is None:
                        continue
                    for key, rank, prefix, prefix2, rest in cues:
                        if first_prefix and not norm.startswith(prefix):
                            continue
                        if second_prefix and not nxt.startswith(prefix2):
                            continue
                        end = _rest(rest, norms, start + 1, count) if rest else start + 1
                        if end >= 0:
                            found_here.append((key, rank, end))
            for key, rank, end in found_here:
                if sent_of is not None and sent_of[end] != sent_of[start]:
                    continue
                found = hits.get(key)
                if found is None:
                    hits[key] = [(start, end)]
                    order[key] = (start, rank)
                    continue
                if order[key][0] == start and rank < order[key][1]:
                    order[key] = (start, rank)
                # Keep the longest cue: "slow breathing" hides the "breathing" inside it.
                if found[-1][0] <= start and end <= found[-1][1]:
                    continue
                if found[-1][0] == start:
                    found[-1] = (start, end)
                else:
                    found.append((start, end))
        if len(hits) > 1:
            hits = {key: hits[key] for key in sorted(hits, key=order.__getitem__)}
        return hits


# Order ranks: an entry's rank within its segment, plus its segment times _SEGMENT, plus its
# class (keyed by the first word, the first two, a prefix) times _CLASS; far above any count.
_SEGMENT = 1 << 24
_CLASS = 1 << 32


def _frozen(node, first_prefix):
    """(cues keyed by the first word alone, ((cues by next word, keyed by the next word's
    prefix?, keyed by the first word's prefix?), …))."""
    alone, by_next, by_next_prefix = node
    tables = tuple(({k: tuple(v) for k, v in table.items()}, second_prefix, first_prefix)
                   for table, second_prefix in ((by_next, False), (by_next_prefix, True)) if table)
    return tuple(alone), tables


def _rest(literals, norms, position, count):
    """Last word of a match of ``literals`` (gap, forms, prefix) after word ``position``, or -1:
    ``phrases.match_at`` from its second literal on, with the words that follow directly (no
    gap, the common case) checked in a loop."""
    for j, (gap, forms, prefix) in enumerate(literals):
        if gap:
            return _search(literals, norms, j, position, count)
        position += 1
        if position >= count:
            return -1
        if (norms[position] not in forms) if prefix is None else not norms[position].startswith(prefix):
            return -1
    return position


def _search(literals, norms, j, position, count):
    """``phrases._extend`` on (gap, forms, prefix) tuples: the first match, depth first."""
    if j == len(literals):
        return position
    gap, forms, prefix = literals[j]
    for q in range(position + 1, min(position + 2 + gap, count)):
        if (norms[q] in forms) if prefix is None else norms[q].startswith(prefix):
            end = _search(literals, norms, j + 1, q, count)
            if end >= 0:
                return end
    return -1


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


# Entries another module scans on the same words (safety cues, the learned layer) join the cue
# index under a key "\x01<tag>:<key>", so one pass serves them all; ``split_scan`` parts them.
SHARED_MARK = "\x01"


def shared_key(tag, key):
    """The key of another module's entry ``key`` in a shared index (see ``split_scan``)."""
    return f"{SHARED_MARK}{tag}:{key}"


def split_scan(hits):
    """(own hits, {tag: {key: hits}}) of a scan of a shared index.

    Which cues match, and where, never depends on the other cues of an index, and each part
    keeps its keys in the order a scan of its own entries alone gives them (entries keep their
    relative order in the shared index, and a scan orders keys by first hit, then entry rank)."""
    own, parts = {}, {}
    for key, found in hits.items():
        if key[0] == SHARED_MARK:
            tag, _sep, rest = key[1:].partition(":")
            parts.setdefault(tag, {})[rest] = found
        else:
            own[key] = found
    return own, parts


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
