"""Relevance: does the learner's experience touch the scenario patient's own concern?

Scenario keywords are widened with the synonym groups of ``lexicons/relevance.txt``. Each
concept found counts once, more when it is one of the scenario's first three keywords (the
designer lists the central concern first), less for everyday words ("help", "people"), and
half when it sits outside a sentence about the writer.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from ..lexicons import DEFAULT_LANGUAGE
from .base import Finding
from .concepts import concepts, context_group_index, context_terms, keywords_in, stem
from .minimizing import advice_sentences

MET_SCORE = 2.0
PARTIAL_SCORE = 0.5
# A feeling word shared on its own earns at most a loose link.
FEELING_CAP = 1.0
LINK_STRONG = 2.0
LINK_WEAK = 1.0
_ALSO = frozenset(("too", "also", "myself"))
# What the scenario's context text brings: a synonym group it mentions, and a content word the
# draft shares with it (each distinct word once), count less than the designer's keywords.
CONTEXT_GROUP = 2.0
CONTEXT_WORD = 1.0


def _context_concepts(ctx, weights):
    """({concept key: hits}, {concept key: weight}) the scenario's context text adds."""
    context = ctx.scenario.context
    if not context:
        return {}, {}
    stems, forms, groups = context_terms(context)
    a = ctx.analysis
    hits, extra = {}, {}
    # A word a keyword concept already counts is not counted again.
    taken = {k for key in weights for first, last in ctx.hits.get(key, ()) for k in range(first, last + 1)}
    index = context_group_index(groups, frozenset(weights), ctx.language)
    if index is not None:
        for key, found in index.scan(a.norms, a.sent_of).items():
            hits[key], extra[key] = found, CONTEXT_GROUP
    if ctx.language != DEFAULT_LANGUAGE:
        return hits, extra  # the context's own words are matched by English stems only
    names = ctx.patient_names()
    for k, norm in enumerate(a.norms):
        if norm not in forms or k in taken or norm in names:
            continue
        key = f"rel.ctx:{stem(norm)}"
        hits.setdefault(key, []).append((k, k))
        extra[key] = CONTEXT_WORD
    return hits, extra


def _covered(hits, key):
    return {k for first, last in hits.get(key, ()) for k in range(first, last + 1)}


_SUBJECTS = frozenset(("i", "i've", "i'm", "i'd", "ive", "im", "me", "myself", "we", "we've"))


def _writer_is_subject(a, first, last):
    """True when the writer speaks of themselves in the clause of a cue ("I've been there",
    not "my cousin has been there")."""
    clause = a.clause_of[first]
    k = first
    while k > 0 and a.clause_of[k - 1] == clause:
        k -= 1
    subjects = _SUBJECTS if a.language == "en" else a.grammar.get("subjects", frozenset())
    return any(a.norms[j] in subjects for j in range(k, last + 1))


def _link(ctx):
    """(value, hit) of the writer's own claim that their experience matches, or None.

    A strong claim ("I've been through the same") is worth a concept; a weak one ("I can
    relate", "I've tried it") or a sharing marker ("too", "also") half of one; a weak claim and
    a marker together ("I have tried it myself") make a strong one.
    """
    a = ctx.analysis
    own = [None, None]  # strong claim, weak claim
    for slot, key in enumerate(("rel.link_strong", "rel.link")):
        for first, last in ctx.hits.get(key, ()):
            if (not a.quoted[first] and not a.negated(first) and not a.reported(first)
                    and _writer_is_subject(a, first, last)):
                own[slot] = (first, last)
                break
    if own[0] is not None:
        return LINK_STRONG, own[0]
    # "I felt lonely too", "I also lost my job": the writer marks the experience as shared.
    also = ctx.local(_ALSO, "also")
    marker = next(((k, k) for k, norm in enumerate(a.norms)
                   if norm in also and not a.quoted[k] and a.first_person(a.sent_of[k])
                   and not a.negated(k)), None)
    if own[1] is not None:
        return (LINK_STRONG if marker is not None else LINK_WEAK), own[1]
    return (LINK_WEAK, marker) if marker is not None else None


def detect(ctx):
    scenario = ctx.scenario
    if scenario is None or not scenario.keywords:
        return Finding(PARTIAL, (), _(
            "There is no scenario to compare with, so relevance could not be judged; this "
            "middle level is a placeholder, not a verdict."), neutral=True)
    _entries, weights = concepts(tuple(scenario.keywords), ctx.language)
    a = ctx.analysis
    hits = ctx.hits
    more_hits, more_weights = _context_concepts(ctx, weights)
    if more_hits:
        hits = {**hits, **more_hits}
        weights = {**weights, **more_weights}
    excluded = _covered(hits, "rel.exclude")
    feeling = _covered(hits, "rel.feeling")
    advice = advice_sentences(ctx)
    score = feeling_score = 0.0
    spans, found = [], []
    topical = set()
    for concept, weight in weights.items():
        best = None
        for first, last in hits.get(concept, ()):
            if first in excluded or last in excluded or a.quoted[first]:
                continue
            sentence = a.sent_of[first]
            if sentence in advice:
                continue  # a scenario word inside advice is not the shared experience
            value = weight if a.first_person(sentence) else weight / 2
            if best is None or value > best[0]:
                best = (value, (first, last))
        if best is not None:
            first, last = best[1]
            if all(k in feeling for k in range(first, last + 1)):
                feeling_score += best[0]
            else:
                score += best[0]
                topical.update(range(first, last + 1))
            spans.append(ctx.span(best[1], _("connects to the scenario")))
            found.append((first, ctx.words(best[1])))
    topical_score = score
    link = _link(ctx)
    if link is not None:
        score += link[0]
        spans.append(ctx.span(link[1], _("ties your experience to theirs")))
        found.append((link[1][0], ctx.words(link[1])))
    if feeling_score:
        other_topic = [hit for hit in hits.get("episode.own_topic", ())
                       if hit[0] not in topical and a.first_person(a.sent_of[hit[0]])]
        if topical_score == 0 and other_topic:
            # Only a feeling is shared, and the story is about the writer's own, other trouble.
            return Finding(NOT_MET, (ctx.span(other_topic[0], _("a different trouble")),), _(
                "Your story is about {topic}, not what {patient} is facing; sharing a feeling "
                "such as {words} is not enough. Choose a moment closer to their concern.",
                topic=quote_list([ctx.words(other_topic[0])]), patient=ctx.patient or _("the patient"),
                words=quote_list([w for _pos, w in sorted(found)])))
        score += min(feeling_score, FEELING_CAP) if topical_score == 0 else feeling_score
    found.sort()
    quoted = quote_list([w for _pos, w in found])
    patient = ctx.patient or _("the patient")
    if score >= MET_SCORE:
        return Finding(MET, tuple(spans), _(
            "Words such as {words} tie your experience to {patient}'s situation.",
            words=quoted, patient=patient))
    if score >= PARTIAL_SCORE:
        return Finding(PARTIAL, tuple(spans), _(
            "Only {words} links to what {patient} is facing; say more plainly how your "
            "moment resembles theirs.", words=quoted, patient=patient))
    # No shared concern, but the writer tells a way through a hard time in their own words and
    # no other trouble of their own: loosely related, the rubric's middle level.
    steps = [hit for hit in ctx.cues("coping.strategy")
             if _writer_is_subject(a, *hit) and a.sent_of[hit[0]] not in advice]
    if steps and not any(a.first_person(a.sent_of[h[0]]) for h in hits.get("episode.own_topic", ())):
        return Finding(PARTIAL, (ctx.span(steps[0], _("a way through a hard time")),), _(
            "You share what helped you ({words}), but not a moment like {patient}'s; say how "
            "your experience resembles theirs.", words=quote_list([ctx.words(steps[0])]),
            patient=patient))
    return Finding(NOT_MET, (), _(
        "Nothing here echoes {patient}'s concern (for example {keywords}); choose a moment "
        "closer to it.", patient=patient,
        keywords=quote_list(keywords_in(tuple(scenario.keywords), ctx.language))))
