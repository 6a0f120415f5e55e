"""
Features for a learned layer over ``relevant`` (issues 14 and 15): measured, not shipped.

The same kind of layer as coping_model.py (an ordinal logistic regression over what the
detectors already find, trained by scripts/train_outcome.py on our own labelled drafts only),
with features that are relative to the scenario, so that they carry across scenarios and
writers: no feature names a scenario's own keyword or group.

- ``o:relevant=OUTCOME`` and ``s:relevant:NOTE``: the relevance detector's level and the spans it
  quoted, by note ("connects to the scenario", "ties your experience to theirs", "a different
  trouble", "a way through a hard time");
- ``c:KIND``, ``c:KIND:story`` / ``:first`` / ``:last`` / ``:fp``: a concept the draft shares
  with the scenario, by kind (``core``: one of the designer's first keywords, ``kw``: another,
  ``weak``: an everyday one, ``ctxgroup`` / ``ctxword``: the context's synonym group or word),
  and where it sits (in a first-person sentence, the first or last sentence); ``cn:N`` how many
  concepts are shared (1, 2, 3+);
- ``g:other``: a synonym group of a trouble the scenario does not name;
- ``k:rel.SECTION`` (``n:`` negated, ``q:`` in a question, ``first:`` / ``last:``): a cue of
  the relevance lexicon's own sections (likeness claims, other and far troubles, feeling words,
  wishes) and of the episode lexicon (the writer's own other topic); ``also`` a sharing marker
  in a first-person sentence;
- ``w:WORD``: the draft's words, only as an experiment (``--words``).

The evaluation is in docs/real_text.md ("A learned layer for relevance").
"""
from __future__ import annotations

from disclosure_xblock.feedback.detectors import relevance
from disclosure_xblock.feedback.detectors.concepts import concepts

CONCEPT_PREFIXES = ("rel.kw:", "rel.group:", "rel.ctx:")
KEY_PREFIXES = ("rel.", "episode.own_topic")
MIN_WORD = 3


def cue_finding(ctx):
    """The relevance detector's Finding, once per draft."""
    return ctx.cached(("detector", "relevance"), relevance.detect)


def _kind(concept, weight):
    if concept.startswith("rel.ctx:"):
        return "ctxword"
    if weight >= 2.0:
        return "core"
    if weight <= relevance.WEAK_WEIGHT:
        return "weak"
    return "kw"


def features(ctx, words=False):
    """{feature: (start char, end char) of its first occurrence, or None} for one draft."""
    a = ctx.analysis
    found = {}

    def add(name, span):
        if name not in found:
            found[name] = span

    def chars(hit):
        return (a.starts[hit[0]], a.ends[hit[1]])

    finding = cue_finding(ctx)
    add(f"o:relevant={finding.outcome}", None)
    for start, end, note in finding.spans:
        add(f"s:relevant:{getattr(note, 'msgid', 'span')}", (start, end))
    if ctx.language != "en":
        add("es", None)
    scenario = ctx.scenario
    if scenario is None or not scenario.keywords:
        return found
    _entries, weights = concepts(tuple(scenario.keywords), ctx.language)
    more_hits, more_weights = relevance._context_concepts(ctx, weights)
    hits = {**ctx.hits, **more_hits}
    weights = {**weights, **more_weights}
    last_sentence = len(a.sentences) - 1
    shared = 0
    for concept in sorted(weights):
        own = [h for h in hits.get(concept, ()) if not a.quoted[h[0]]]
        if not own:
            continue
        shared += 1
        kind = _kind(concept, weights[concept])
        if concept.startswith("rel.ctx:") or concept in more_hits:
            kind = "ctxword" if concept.startswith("rel.ctx:") else "ctxgroup"
        add("c:" + kind, chars(own[0]))
        for hit in own:
            sentence = a.sent_of[hit[0]]
            if a.first_person(sentence):
                add(f"c:{kind}:fp", chars(hit))
            if sentence == 0:
                add(f"c:{kind}:first", chars(hit))
            if sentence == last_sentence:
                add(f"c:{kind}:last", chars(hit))
            if a.ends_with_question(sentence):
                add(f"c:{kind}:q", chars(hit))
    if shared:
        add(f"cn:{min(shared, 3)}", None)
    for key in sorted(ctx.hits):
        if key.startswith("rel.group:") and key not in weights and key not in more_hits:
            own = [h for h in ctx.hits[key] if not a.quoted[h[0]] and a.first_person(a.sent_of[h[0]])]
            if own:
                add("g:other", chars(own[0]))
    for key in sorted(ctx.hits):
        if not key.startswith(KEY_PREFIXES) or key.startswith(CONCEPT_PREFIXES) or key == "rel.exclude":
            continue
        for hit in ctx.cues(key, own="quoted", negation=False):
            sentence = a.sent_of[hit[0]]
            if a.ends_with_question(sentence):
                add("q:" + key, chars(hit))
                continue
            if a.negated(hit[0]):
                add("n:" + key, chars(hit))
                continue
            add("k:" + key, chars(hit))
            if a.first_person(sentence):
                add("fp:" + key, chars(hit))
            if sentence == last_sentence:
                add("last:" + key, chars(hit))
            if sentence == 0:
                add("first:" + key, chars(hit))
    also = ctx.local(relevance._ALSO, "also")
    for k, norm in enumerate(a.norms):
        if norm in also and not a.quoted[k] and a.first_person(a.sent_of[k]) and not a.negated(k):
            add("also", chars((k, k)))
            break
    if words:
        for k, norm in enumerate(a.norms):
            if len(norm) >= MIN_WORD and norm.isalpha() and not a.quoted[k]:
                add("w:" + norm, chars((k, k)))
    return found
