"""A scenario's relevance concepts: its keywords widened by the synonym groups of
``lexicons/relevance.txt``, with weights.

Its own module because both the shared cue index (base.Context) and the relevance detector
need it, and the detector needs base.
"""
from __future__ import annotations

import functools

from ..language import detect as detect_language
from ..lexicons import DEFAULT_LANGUAGE, LANGUAGES, LexiconIndex, built_once, patterns, synonym_groups, words
from ..phrases import compile_pattern, fold, inflections, match_at
from ..text import Analysis

CORE_KEYWORDS = 3
_CUE_SECTIONS = ("link_strong", "link", "feeling", "state", "other", "far", "far_public", "far_state",
                "performance", "performance_state",
                 "not_trouble", "wish", "compare")


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


# --- the scenario's context text --------------------------------------------------------------
# A designer's context ("Jamie says: what's the point of getting up?") names the concern in
# words the keyword list may not repeat. Its content words and the synonym groups it mentions
# widen the concepts, at a lower weight than the designer's own keywords.

_SUFFIXES = ("ies", "ing", "ed", "es", "ly", "s")
# Spanish endings of number, gender, the usual tenses and derived nouns, longest first: "salía"
# ~ "salir" ~ "saliendo", "comidas" ~ "comida". Crude like the English one; what matters is that
# a context word and a draft word meet on the same stem.
# (Words are accent-folded by then: "salía" reads "salia".)
_SUFFIXES_ES = ("amientos", "imientos", "amiento", "imiento", "aciones", "iciones", "acion", "icion",
                "mente", "abamos", "iamos", "ando", "iendo", "aron", "ieron", "aban", "ian", "aba",
                "ado", "ada", "ido", "ida", "ados", "adas", "idos", "idas", "ar", "er", "ir", "es",
                "as", "os", "ia", "a", "o", "e", "s")
_SUFFIXES_ES = tuple(sorted(set(_SUFFIXES_ES), key=len, reverse=True))


def stem(word, language=DEFAULT_LANGUAGE):
    """A crude stem, the same for a context word and a draft word ("worries" ~ "worried")."""
    if language != DEFAULT_LANGUAGE:
        return _stem_es(word)
    word = word.split("'", 1)[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)] + ("y" if suffix == "ies" else "")
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]  # "stopped" -> "stopp" -> "stop"
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


@functools.lru_cache(maxsize=4096)  # a word's stem never changes
def _stem_es(word):
    """The Spanish stem of a folded word ("comidas" -> "com", "salia" -> "sal")."""
    for suffix in _SUFFIXES_ES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


@built_once(maxsize=len(LANGUAGES))
def _group_index(language=DEFAULT_LANGUAGE):
    return LexiconIndex(tuple((f"rel.group:{name}", p)
                              for name, members in synonym_groups(language).items() for p in members))


def group_hits(norms, sent_of=None, language=DEFAULT_LANGUAGE):
    """{"rel.group:<name>": [(first, last), …]} for every synonym group in ``norms``."""
    return _group_index(language).scan(norms, sent_of)


@functools.lru_cache(maxsize=256)  # one per scenario context and language; read-only afterwards
def context_terms(context, language=DEFAULT_LANGUAGE):
    """(content-word stems, the word forms that have one of them, synonym group keys) that a
    scenario's context text mentions, read as ``language``. The forms let a draft's words be
    checked with one set look-up each; only a word found there is stemmed. Outside English the
    forms are the context's own (folded) words, and a draft word is matched by its stem."""
    a = Analysis(context, language)
    stop = words("relevance", "stopwords", language)
    stems = frozenset(stem(n, language) for n in a.norms
                      if n not in stop and len(n) > 2 and n.isalpha() and stem(n, language) not in stop)
    forms = set()
    for n in a.norms:
        if stem(n, language) in stems:
            forms.add(n)
    if language == DEFAULT_LANGUAGE:
        for word in stems:
            forms.update(form for form in inflections(word) if stem(form) in stems)
    return stems, frozenset(forms), frozenset(group_hits(a.norms, a.sent_of, language))


@functools.lru_cache(maxsize=256)  # one per scenario context; read-only afterwards
def context_language(context):
    """The language a scenario's context text is written in (English when undecided)."""
    return detect_language(context).language or DEFAULT_LANGUAGE


@built_once(maxsize=256)  # one per (context groups, keyword concepts, language); read-only
def context_group_index(groups, taken, language=DEFAULT_LANGUAGE):
    """The index of the synonym groups a context mentions that the keywords do not bring, with
    the members of the draft's language (group names are shared across languages)."""
    members = synonym_groups(language)
    wanted = [key for key in sorted(groups - taken) if key[len("rel.group:"):] in members]
    if not wanted:
        return None
    return LexiconIndex(tuple((key, p) for key in wanted for p in members[key[len("rel.group:"):]]))


# --- the patient asks about the writer's own experience ----------------------------------------
# A context whose patient asks the staff member "have you ever…?", "how did you cope?" makes a
# first-person answer about the patient's concern by construction ("I actually have").


@built_once(maxsize=1)
def _asked_index():
    return LexiconIndex(tuple(("asked", p) for p in patterns("relevance", "asked")))


@functools.lru_cache(maxsize=256)  # one per scenario context; read-only afterwards
def context_asks(context):
    """True when the last sentence of a scenario's context asks the staff member about their
    own experience. Contexts are read as English (a designer's Spanish context is not yet)."""
    if not context:
        return False
    a = Analysis(context)
    if not a.sentences:
        return False
    last = len(a.sentences) - 1
    found = _asked_index().scan(a.norms, a.sent_of).get("asked", ())
    return a.ends_with_question(last) and any(a.sent_of[first] == last for first, _end in found)
