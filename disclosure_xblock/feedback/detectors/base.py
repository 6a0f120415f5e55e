"""What every detector gets (the analysed draft and the scenario) and what it returns."""
from __future__ import annotations

import functools
from typing import NamedTuple

from ..i18n import Msg
from ..lexicons import DEFAULT_LANGUAGE, LexiconIndex, built_once, cue_entries, split_scan
from ..safety import shared_entries
from ..text import Analysis
from .concepts import concepts


class Finding(NamedTuple):
    """A detector's judgement: an outcome, the words behind it, and why (a Msg).

    ``neutral`` marks an outcome whose level message would mislead (given for lack of
    information, such as no scenario to compare with, or a length check that knows which way
    the draft misses): only the explanation is shown.
    """

    outcome: str
    spans: tuple = ()          # (start char, end char, note Msg)
    explanation: Msg | None = None
    neutral: bool = False


# Segments of a draft's cue scan, in the order its hits are given: the lexicon cues, the
# scenario's relevance concepts, the entries other modules share (safety cues, learned layer).
CUE_SEGMENT, SCENARIO_SEGMENT, SHARED_SEGMENT = 0, 1, 2


@built_once()  # one per language: every draft in it scans this
def _lexicon_index(language=DEFAULT_LANGUAGE):
    """Every lexicon cue in ``language``, with the safety cues' and the learned layer's entries
    (safety.shared_entries), so that one pass finds every cue of a draft whose words are their
    own folded forms (for any other draft, the shared entries' hits are left unread)."""
    return LexiconIndex(segments=((CUE_SEGMENT, cue_entries(language)), (SHARED_SEGMENT, shared_entries())))


@built_once(maxsize=64)  # keyed by the keyword tuple: cheap to hash, unlike the entries
def _index(keywords, language=DEFAULT_LANGUAGE):
    """The cue index for a draft in ``language`` on a scenario with ``keywords``: the lexicons'
    index joined with one of the scenario's relevance concepts (some hundred cues, built in
    milliseconds; indexed anew with the lexicons' twenty thousand, each new scenario cost a
    second of CPU in every server process, and its threads waited for it)."""
    if not keywords:
        return _lexicon_index(language)
    own = LexiconIndex(segments=((SCENARIO_SEGMENT, concepts(keywords, language)[0]),))
    return LexiconIndex.joined(_lexicon_index(language), own)


class Context:
    """One draft being evaluated: its analysis, the scenario, and every lexicon cue in it."""

    __slots__ = ("analysis", "scenario", "hits", "language", "parts", "_cache")

    def __init__(self, text, scenario=None, language=DEFAULT_LANGUAGE):
        # ``language`` is the draft's: the one place detectors get their cues' language from.
        self.language = language
        self.analysis = a = Analysis(text, language)
        self.scenario = scenario
        keywords = tuple(scenario.keywords) if scenario is not None and scenario.keywords else ()
        # The safety cues and the learned layer read the folded words: when they are the draft's
        # words (always outside English, and for an English draft with no accent) one scan finds
        # their cues too; ``parts`` holds them by tag (safety.cue_scan / safety.scan read it).
        hits, parts = split_scan(_index(keywords, language).scan(a.norms, a.sent_of))
        self.hits, self.parts = hits, (parts if a.folded == a.norms else None)
        self._cache = {}

    def local(self, english, key):
        """A detector's built-in English word set, or section ``key`` of the draft language's
        grammar file (lexicons/<code>/grammar.txt) when the draft is in another language."""
        if self.language == DEFAULT_LANGUAGE:
            return english
        return self.analysis.grammar.get(key, frozenset())

    def cached(self, key, compute):
        """Run ``compute(self)`` once per draft (a detector may serve several criteria)."""
        if key not in self._cache:
            self._cache[key] = compute(self)
        return self._cache[key]

    @property
    def patient(self):
        return self.scenario.patient if self.scenario is not None and self.scenario.patient else ""

    def patient_names(self):
        if self.scenario is None:
            return frozenset()
        return frozenset(name.lower() for name in self.scenario.names for name in name.split())

    def cues(self, key, own=True, negation=True):
        """Hits of lexicon section ``key`` ("file.section") as (first, last) word indexes.

        ``own`` drops quoted or reported words (``"quoted"``: quoted words only, for cues
        that may be told about someone else); ``negation`` drops negated cues.
        """
        a = self.analysis
        found = []
        for first, last in self.hits.get(key, ()):
            if own and (a.quoted[first] or (own is True and a.reported(first))):
                continue
            if negation and a.negated(first):
                continue
            found.append((first, last))
        return found

    def negated_cues(self, key):
        """Hits of ``key`` that a negator cancels (kept to credit "I can't know exactly …")."""
        a = self.analysis
        return [(f, l) for f, l in self.hits.get(key, ())
                if not a.quoted[f] and a.negated(f)]

    def words(self, hit):
        first, last = hit
        a = self.analysis
        return a.text[a.starts[first]:a.ends[last]]

    def span(self, hit, note):
        first, last = hit
        a = self.analysis
        return (a.starts[first], a.ends[last], note)
