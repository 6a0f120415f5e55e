"""The cue index finds exactly what trying every cue at every word finds.

The index (lexicons.LexiconIndex) only decides which cues are tried at a word; these tests
check it against the plain reading: every cue matched from every word with phrases.match_at,
the same "keep the longest" rule, the same order of keys.
"""
from __future__ import annotations

import random

import pytest

from disclosure_xblock.feedback import lexicons, safety_model
from disclosure_xblock.feedback.lexicons import LexiconIndex, cue_entries, folded_patterns
from disclosure_xblock.feedback.phrases import compile_pattern, match_at


def _group(pattern):
    """0: keyed by its first word alone, 1: by its first two words, 2: by a prefix."""
    first = pattern.literals[0]
    second = pattern.literals[1] if len(pattern.literals) > 1 else None
    if first.prefix is not None:
        return 2
    return 1 if second is not None and second.gap == 0 and second.prefix is None else 0


def starting(entries, words):
    """{word: the cues whose first word it matches}, in the order the index promises (at one
    word, cues keyed by the first word alone, then by the first two, then by a prefix, each in
    entry order). The index keys a "word*" cue by its first three letters."""
    ordered = [entry for _rank, entry in sorted(enumerate(entries),
                                                 key=lambda item: (_group(item[1][1]), item[0]))]
    return {word: [(key, pattern) for key, pattern in ordered
                   if pattern.literals[0].matches(word)
                   and (pattern.literals[0].prefix is None or pattern.literals[0].prefix[:3] == word[:3])]
            for word in set(words)}


def plain_scan(entries, norms, sent_of=None, first_words=None):
    """Every cue tried at every word (``first_words``: ``starting(entries, …)`` for the
    draft's words)."""
    first_words = first_words or starting(entries, norms)
    hits = {}
    for start in range(len(norms)):
        for key, pattern in first_words[norms[start]]:
            end = match_at(pattern, norms, start)
            if end < 0 or (sent_of is not None and sent_of[end] != sent_of[start]):
                continue
            found = hits.setdefault(key, [])
            if found and found[-1][0] <= start and end <= found[-1][1]:
                continue
            if found and found[-1][0] == start:
                found[-1] = (start, end)
            else:
                found.append((start, end))
    return {key: found for key, found in hits.items() if found}


def _vocabulary(entries):
    words = {"the", "and", "i", "a", "que", "me", "x"}
    for _key, pattern in entries:
        for literal in pattern.literals:
            if literal.forms is not None:
                words.update(literal.forms)
            else:
                words.update((literal.prefix, literal.prefix + "ing", literal.prefix[:3] + "zz"))
    return sorted(words)


ENTRY_SETS = {
    "cues en": lambda: cue_entries("en"),
    "cues es": lambda: cue_entries("es"),
    "safety families": lambda: tuple(
        (name, p) for name in safety_model.family_names()
        for p in folded_patterns(safety_model.FAMILIES, name)),
    "safety cues": lambda: tuple(
        (section, p) for name in lexicons.SAFETY_FILES
        for section in ("suicide", "overdose", "self_harm", "purpose", "guards")
        for p in folded_patterns(name, section)),
}


@pytest.mark.parametrize("name", sorted(ENTRY_SETS))
def test_index_finds_what_every_cue_at_every_word_finds(name):
    entries = ENTRY_SETS[name]()
    index = LexiconIndex(entries)
    rng = random.Random(name)
    vocabulary = rng.sample(_vocabulary(entries), 150) + ["i", "me", "que"]
    first_words = starting(entries, vocabulary)
    compared = 0
    # At least 200 random drafts, more (up to 1,000) until they held enough cues: how many the
    # vocabulary sample yields depends on the lexicon, which grows.
    for trial in range(1000):
        if trial >= 200 and compared > 50:
            break
        norms = [rng.choice(vocabulary) for _ in range(rng.randint(1, 30))]
        sent_of = sorted(rng.randint(0, 4) for _ in norms)
        for sentences in (None, sent_of):
            expected = plain_scan(entries, norms, sentences, first_words)
            found = index.scan(norms, sentences)
            assert found == expected
            assert list(found) == list(expected)  # the keys' order too (dicts downstream keep it)
            compared += sum(len(v) for v in found.values())
    assert compared > 50  # the drafts really held cues


def test_index_keys_by_first_two_words_and_prefixes():
    entries = [(key, compile_pattern(source, allow_exact=True)) for key, source in (
        ("a", "slow breathing"), ("b", "breathing"), ("c", "talk* to"), ("d", "I * better"),
        ("e", "feel* better*"), ("f", "=me ay*"), ("g", "go"))]
    index = LexiconIndex(entries)
    norms = "i felt better after slow breathing and talking to go me ayudo feeling betterish".split()
    assert index.scan(norms) == {
        "d": [(0, 2)], "a": [(4, 5)], "b": [(5, 5)], "c": [(7, 8)], "g": [(9, 9)],
        "f": [(10, 11)], "e": [(12, 13)]}
    assert index.scan(norms) == plain_scan(entries, norms)
    # A cue never spans two sentences.
    assert "a" not in index.scan(norms, [0] * 5 + [1] * 9)


def test_a_pairs_cues_keyed_by_their_third_word_are_found_and_only_there():
    entries = [(key, compile_pattern(source, allow_exact=True)) for key, source in (
        ("a", "=se =me hace"), ("b", "=se =me * olvida"), ("c", "=se =me"))]
    index = LexiconIndex(entries)
    norms = "ya se me hace tarde y se me hizo eterno se me casi olvida".split()
    found = index.scan(norms)
    assert found == plain_scan(entries, norms)
    assert found["a"] == [(1, 3)]           # "se me hace"
    assert (6, 8) not in found.get("a", ())  # "se me hizo": the third word differs
    assert found["b"] == [(10, 13)]



def test_joined_indexes_scan_as_one_index_of_all_their_entries():
    # The draft scan's three parts (detectors/base.py): lexicon cues, a scenario's concepts
    # between them in an index of their own, shared entries (another module's keys) last.
    from disclosure_xblock.feedback.detectors.concepts import concepts  # noqa: PLC0415
    from disclosure_xblock.scenarios import load_scenario  # noqa: PLC0415

    cues = cue_entries("en")
    scenario = concepts(tuple(load_scenario("anxiety-withdrawal").keywords), "en")[0]
    shared = tuple((lexicons.shared_key("safety", section), p) for section in ("suicide", "self_harm")
                   for p in folded_patterns("safety", section))
    one = LexiconIndex(cues + scenario + shared)
    joined = LexiconIndex.joined(LexiconIndex(segments=((0, cues), (2, shared))),
                                 LexiconIndex(segments=((1, scenario),)))
    parts = [{key for key, _p in entries} for entries in (cues, scenario, shared)]
    rng = random.Random(7)
    vocabulary = rng.sample(_vocabulary(cues + scenario + shared), 200) + ["i", "me", "the"]
    compared = 0
    for _trial in range(300):
        norms = [rng.choice(vocabulary) for _ in range(rng.randint(1, 40))]
        sent_of = sorted(rng.randint(0, 4) for _ in norms)
        for sentences in (None, sent_of):
            expected = one.scan(norms, sentences)
            found = joined.scan(norms, sentences)
            assert list(found.items()) == list(expected.items())  # hits and the keys' order
            compared += len({part for key in found for part, keys in enumerate(parts) if key in keys}) > 1
    assert compared > 50  # many drafts had keys of several parts to order


def test_joined_indexes_refuse_a_key_in_two_of_them():
    entries = [("a", compile_pattern("slow breathing")), ("b", compile_pattern("walk*"))]
    with pytest.raises(ValueError):
        LexiconIndex.joined(LexiconIndex(entries), LexiconIndex(entries[1:]))
    LexiconIndex.joined(LexiconIndex(entries[:1]), LexiconIndex(entries[1:]))  # disjoint keys: fine
