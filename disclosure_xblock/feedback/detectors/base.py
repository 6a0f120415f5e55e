"""What every detector gets (the analysed draft and the scenario) and what it returns."""
from __future__ import annotations

import functools
from typing import NamedTuple

from ..i18n import Msg
from ..lexicons import DEFAULT_LANGUAGE, built_once, cue_index, split_scan
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


@built_once(maxsize=64)  # keyed by the keyword tuple: cheap to hash, unlike the entries
def _index(keywords, language=DEFAULT_LANGUAGE, shared=False):
    """The cue index for a scenario's keywords (its relevance concepts added), in ``language``;
    ``shared``: with the safety cues' and the learned layer's entries too (safety.shared_entries),
    for a draft whose words are their own folded forms, so one pass finds every cue."""
    extra = tuple(concepts(keywords, language)[0]) if keywords else ()
    return cue_index(extra + shared_entries() if shared else extra, language)


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
        shared = a.folded == a.norms
        hits = _index(keywords, language, shared).scan(a.norms, a.sent_of)
        self.hits, self.parts = split_scan(hits) if shared else (hits, None)
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
