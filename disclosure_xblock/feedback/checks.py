"""Run one configured check of a criterion (word_count, phrases, detector) on a draft."""
from __future__ import annotations

import functools

from ..rubric.model import MET, NOT_MET, PARTIAL
from .detectors import DETECTORS, Finding
from .i18n import _, ngettext, quote_count, quote_list
from .phrases import WordIndex, compile_pattern, find



def run_check(check, ctx):
    """The Finding of ``check`` (a rubric Check) on the draft in ``ctx``."""
    if check.type == "word_count":
        return _word_count(check.params, ctx)
    if check.type == "phrases":
        return _phrases(check.params, ctx)
    name = check.params.get("name")
    return ctx.cached(("detector", name), DETECTORS[name])


def _word_count(params, ctx):
    n = ctx.analysis.word_count
    low, high = params["met_min"], params["met_max"]
    if low <= n <= high:
        return Finding(MET, (), ngettext(
            "{n} word: a good length for one short moment.",
            "{n} words: a good length for one short moment.", n, n=n))
    spans = ()
    if n > high:
        a = ctx.analysis
        start = a.starts[a.chunk_starts[high]]
        spans = ((start, len(a.text.rstrip()), _("beyond the target length")),)
    outcome = PARTIAL if params["partial_min"] <= n <= params["partial_max"] else NOT_MET
    if n > high:
        message = ngettext(
            "{n} word; aim for {low} to {high}. Keep one moment and cut the rest.",
            "{n} words; aim for {low} to {high}. Keep one moment and cut the rest.",
            n, n=n, low=low, high=high)
    else:
        message = ngettext(
            "Only {n} word so far; aim for {low} to {high}, enough to share one moment.",
            "Only {n} words so far; aim for {low} to {high}, enough to share one moment.",
            n, n=n, low=low, high=high)
    # The count says which way the draft misses (a level message can only guess: "a little
    # long" said to a short draft), so it stands in for the level's message.
    return Finding(outcome, spans, message, neutral=True)


@functools.lru_cache(maxsize=256)  # rubrics are immutable; compile each phrase list once
def _compiled(phrases):
    return tuple(p for p in (compile_pattern(phrase) for phrase in phrases) if p is not None)


def _phrases(params, ctx):
    a = ctx.analysis
    index = ctx.cached("word_index", lambda c: WordIndex(c.analysis.norms))
    found = []
    for pattern in _compiled(tuple(params["phrases"])):
        matches = find(pattern, index, limit=2)
        if matches:
            found.append((pattern.source, matches))
    spans = tuple((a.starts[f], a.ends[l], _("matches a listed phrase"))
                  for _src, matches in found for f, l in matches)[:6]
    texts = [a.text[a.starts[f]:a.ends[l]] for _src, matches in found for f, l in matches]
    fail = params.get("on_fail", NOT_MET)
    if params["mode"] == "forbid":
        if found:
            return Finding(fail, spans, ngettext(
                "{words} is on this exercise's list of phrases to avoid; try other words.",
                "{words} are on this exercise's list of phrases to avoid; try other words.",
                quote_count(texts), words=quote_list(texts)))
        return Finding(MET, (), _("None of the phrases to avoid appear."))
    needed = params.get("min_count", 1)
    if len(found) >= needed:
        return Finding(MET, spans, _("You use {words}, as the exercise asks.", words=quote_list(texts)))
    examples = quote_list(params["phrases"], limit=3)
    return Finding(fail, spans, ngettext(
        "The exercise looks for at least {needed} phrase such as {examples}.",
        "The exercise looks for at least {needed} phrases such as {examples}.",
        needed, needed=needed, examples=examples))
