"""Relevance: does the learner's experience touch the scenario patient's own concern?

Scenario keywords are widened with the synonym groups of ``lexicons/relevance.txt``. Each
concept found counts once, more when it is one of the scenario's first three keywords (the
designer lists the central concern first), less for everyday words ("help", "people"), and
half when it sits outside a sentence about the writer.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from ..lexicons import DEFAULT_LANGUAGE, words
from ..phrases import fold
from .base import Finding
from .concepts import (concepts, context_asks, context_group_index, context_language, context_terms,
                       keywords_in, stem)
from .minimizing import advice_sentences

MET_SCORE = 2.0
PARTIAL_SCORE = 0.5
# A feeling word shared on its own earns at most a loose link.
FEELING_CAP = 1.0
LINK_STRONG = 2.0
LINK_WEAK = 1.0
WEAK_WEIGHT = 0.5  # the weight of an everyday keyword (concepts.py)
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
    a = ctx.analysis
    # The context's own words are matched in the draft's language when the context is written
    # in it (a Spanish scenario's "no quiere salir de su cuarto" for a Spanish draft); an
    # English context gives a Spanish draft its synonym groups only.
    same = context_language(context) == ctx.language
    stems, forms, groups = context_terms(context, ctx.language if same else DEFAULT_LANGUAGE)
    hits, extra = {}, {}
    # A word a keyword concept already counts is not counted again.
    taken = {k for key in weights for first, last in ctx.hits.get(key, ()) for k in range(first, last + 1)}
    index = context_group_index(groups, frozenset(weights), ctx.language)
    if index is not None:
        for key, found in index.scan(a.norms, a.sent_of).items():
            hits[key], extra[key] = found, CONTEXT_GROUP
    if ctx.language != DEFAULT_LANGUAGE and not same:
        return hits, extra
    names = ctx.patient_names()
    if ctx.language == DEFAULT_LANGUAGE:
        matched = (k for k, norm in enumerate(a.norms) if norm in forms)
    else:  # Spanish: a draft word meets the context on its stem ("salia" ~ "salir"), not on
        # the patient's name's ("Lucía" is no "luces")
        names = frozenset(fold(name) for name in names)
        name_stems = frozenset(stem(name, ctx.language) for name in names)
        matched = (k for k, norm in enumerate(a.norms)
                   if norm in forms or (len(norm) > 2 and norm.isalpha()
                                        and stem(norm, ctx.language) in stems - name_stems))
    stop = words("relevance", "stopwords", ctx.language)
    for k in matched:
        norm = a.norms[k]
        if k in taken or norm in names or (ctx.language != DEFAULT_LANGUAGE and norm in stop):
            continue
        key = f"rel.ctx:{stem(norm, ctx.language)}"
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
    if a.language == "en":
        subjects = _SUBJECTS
    else:
        # Spanish drops the pronoun: "te entiendo", "todos pasamos por eso" are the writer's.
        subjects = a.grammar.get("subjects", frozenset()) | words("relevance", "writer_verbs", a.language)
    return any(a.norms[j] in subjects for j in range(k, last + 1))


def _elided_subject(a, first):
    """True for an English claim that opens its sentence without a subject ("Been there.",
    "Been through that"): the writer's own, with the "I've" left out."""
    return a.language == "en" and first == a.sentences[a.sent_of[first]][0]


def _asking_sentences(a):
    """Sentences that put a question to the patient (a question not about the writer)."""
    return {k for k in range(len(a.sentences)) if a.ends_with_question(k) and not a.first_person(k)}


def _story_sentences(a, asking, elsewhere):
    """Sentences of the writer's own story: those about the writer, and one that opens or
    continues it without naming anyone ("There was a time nothing made sense. I …", "Hubo una
    época en que no le veía sentido a nada": Spanish "veía" is the writer's as much as anyone's),
    unless it speaks to the patient or is about another matter (``elsewhere``: "groups are a
    scam, like everything this government does" beside the story is not part of it)."""
    own = {k for k in range(len(a.sentences)) if a.first_person(k)}
    second = a.grammar["second_person"]
    story = set(own)
    for k in range(len(a.sentences)):
        if k in own or k in asking or (k - 1 not in own and k + 1 not in own):
            continue
        first, last = a.sentences[k][0], a.sentences[k][1]
        if k not in elsewhere and not any(a.norms[j] in second for j in range(first, last)):
            story.add(k)
    return story


def _reflexive(a, k):
    """True for a reflexive "myself" ("notes to myself", "I forced myself"): it marks nothing
    as shared, unlike "I've been there myself"."""
    return (a.norms[k] == "myself" and k > 0
            and a.norms[k - 1] in words("relevance", "reflexive_before"))


def _said_of_the_patient(a, k, subjects):
    """True when the sharing marker at ``k`` is said of the patient ("You'll find your person
    too", "Usted también va a salir adelante"): scanning back in its clause, a "you" word comes
    before any word of the writer's."""
    clause, second = a.clause_of[k], a.grammar["second_person"]
    j = k - 1
    while j >= 0 and a.clause_of[j] == clause:
        if a.norms[j] in subjects:
            return False
        if a.norms[j] in second:
            return True
        j -= 1
    return False


def _compared(a, hits):
    """Words before "remind(s) me of" in its clause ("Group sessions remind me of my staff
    meetings", "el grupo me recuerda a las juntas del trabajo"): the scenario's thing named
    only as what the writer's own matter is likened to, outside the shared experience."""
    found = set()
    for first, _last in hits.get("rel.compare", ()):
        if a.quoted[first]:
            continue
        k = first - 1
        while k >= 0 and a.clause_of[k] == a.clause_of[first]:
            found.add(k)
            k -= 1
    return found


def _link(ctx, other_sentences=frozenset()):
    """(value, hit, loose) of the writer's own claim that their experience matches, or None.

    A strong claim ("I've been through the same") is worth a concept; a weak one ("I can
    relate", "I've tried it") or a sharing marker ("too", "also") half of one; a weak claim and
    a marker together ("I have tried it myself") make a strong one. A claim made in a sentence
    about another trouble of the writer's ("I went through the same when my girlfriend left")
    is ``loose``: the sameness is claimed, the story is not the patient's. When the patient
    asked about the writer's own experience (the scenario's context ends "have you ever…?"),
    a first sentence about the writer answers it.
    """
    a = ctx.analysis
    own = [None, None]  # strong claim, weak claim
    for slot, key in enumerate(("rel.link_strong", "rel.link")):
        for first, last in ctx.hits.get(key, ()):
            if a.quoted[first] or a.negated(first) or a.reported(first):
                continue
            if _writer_is_subject(a, first, last):
                own[slot] = (first, last)
                break
            if own[1] is None and _elided_subject(a, first):
                own[1] = (first, last)  # "Been there.": the writer's, but only a weak claim

    def result(value, hit):
        return value, hit, a.sent_of[hit[0]] in other_sentences

    if own[0] is not None:
        return result(LINK_STRONG, own[0])
    if ctx.scenario.context and context_asks(ctx.scenario.context):
        answer = next((k for k in range(len(a.sentences))
                       if a.first_person(k) and not a.ends_with_question(k)), None)
        if answer is not None:
            first, last = a.sentences[answer][0], a.sentences[answer][1] - 1
            return result(LINK_STRONG, (first, min(last, first + 3)))
    # "I felt lonely too", "I also lost my job": the writer marks the experience as shared.
    also = ctx.local(_ALSO, "also")
    writer = _SUBJECTS if a.language == "en" else (
        a.grammar.get("subjects", frozenset()) | words("relevance", "writer_verbs", a.language))
    claim = range(own[1][0], own[1][1] + 1) if own[1] is not None else ()
    marker = next(((k, k) for k, norm in enumerate(a.norms)
                   if norm in also and not a.quoted[k] and a.first_person(a.sent_of[k])
                   and not a.negated(k) and k not in claim  # "yo también" is one claim
                   and not _reflexive(a, k) and not _said_of_the_patient(a, k, writer)), None)
    if own[1] is not None:
        return result(LINK_STRONG if marker is not None else LINK_WEAK, own[1])
    return result(LINK_WEAK, marker) if marker is not None else None


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
    excluded = _covered(hits, "rel.exclude") | _compared(a, hits)
    # The clauses of a wish for the patient ("I hope you give the group a try", "ojalá vaya al
    # grupo"): see the concept loop below.
    wished = {a.clause_of[first] for first, _last in hits.get("rel.wish", ()) if not a.quoted[first]}
    feeling = _covered(hits, "rel.feeling")
    # A state any trouble can bring ("nervous", "sad", "crying in bed") counts only loosely when
    # its sentence names another trouble of the writer's ("nervous before exams").
    state = _covered(hits, "rel.state") | feeling
    advice = advice_sentences(ctx)
    asking = _asking_sentences(a)
    concept_words = set()
    for concept in weights:
        concept_words |= _covered(hits, concept)
    # A keyword in an excluded use ("reuniones de equipo", work meetings) may name the writer's
    # own trouble; a trouble word in an idiom ("knowing my business") names none.
    concept_words -= excluded
    not_trouble = _covered(hits, "rel.not_trouble")

    def own(keys):
        # A trouble that overlaps a concept word is the concern itself ("this job" where the
        # scenario is about work).
        return [hit for key in keys for hit in hits.get(key, ())
                if not a.quoted[hit[0]] and a.first_person(a.sent_of[hit[0]])
                and not any(k in concept_words or k in not_trouble for k in range(hit[0], hit[1] + 1))]
    own_trouble = own(("episode.own_topic", "rel.other", "rel.far", "rel.far_public"))
    other_sentences = {a.sent_of[hit[0]] for hit in own_trouble}
    # A trouble in another domain entirely (money, a car, politics): a feeling state told
    # about it is no link at all when nothing else is shared.
    far = own(("rel.far", "rel.far_public"))
    # A personal trouble of that kind (money, a car, a quarrel) beside the shared concern makes
    # the story about two troubles: at most loosely related. A public matter is only an aside.
    second_trouble = own(("rel.far",))
    far_sentences = {a.sent_of[hit[0]] for hit in far}
    # There even the concern's own feeling words ("anxious", "hopeless") are such states.
    far_state = state | _covered(hits, "rel.far_state")
    # Nerves before a test, a speech or an interview are another kind of anxiety than the
    # patient's: there the anxiety group's words are such states too ("anxious before exams";
    # "hopeless after failing an exam" stays the concern). The trigger counts even where it
    # holds a concept word ("hablar en público").
    performance_sentences = {a.sent_of[first] for first, _last in hits.get("rel.performance", ())
                             if not a.quoted[first] and a.first_person(a.sent_of[first])}
    performance_state = state | _covered(hits, "rel.group:anxiety") | _covered(hits, "rel.performance_state")
    story = _story_sentences(a, asking, {a.sent_of[first]
                                         for key in ("episode.own_topic", "rel.other", "rel.far",
                                                     "rel.far_public")
                                         for first, last in hits.get(key, ())
                                         if not any(k in not_trouble for k in range(first, last + 1))})
    score = feeling_score = loose_score = 0.0
    spans, found = [], []
    topical = set()
    for concept, weight in weights.items():
        best = None
        for first, last in hits.get(concept, ()):
            if first in excluded or last in excluded or a.quoted[first]:
                continue
            sentence = a.sent_of[first]
            if sentence in advice or sentence in asking or (own_trouble and a.clause_of[first] in wished):
                # A scenario word inside advice, or in the question put to the patient, is not
                # the shared experience; nor, beside a story about another trouble of the
                # writer's, one in a wish for the patient ("my commute is awful … I hope you go
                # to the group"): the wish does not make that story the patient's.
                continue
            value = weight if sentence in story else weight / 2
            if all(k in feeling for k in range(first, last + 1)):
                kind = 0
            elif (sentence in other_sentences and all(k in state for k in range(first, last + 1))) \
                    or (sentence in far_sentences and all(k in far_state for k in range(first, last + 1))) \
                    or (sentence in performance_sentences
                        and all(k in performance_state for k in range(first, last + 1))):
                kind = 1
            else:
                kind = 2
            if best is None or (kind, value) > (best[2], best[0]):
                best = (value, (first, last), kind)
        if best is not None:
            first, last = best[1]
            if best[2] == 0:
                feeling_score += best[0]
            elif best[2] == 1:
                loose_score += best[0]
            else:
                score += best[0]
                topical.update(range(first, last + 1))
            spans.append(ctx.span(best[1], _("connects to the scenario")))
            found.append((first, ctx.words(best[1])))
    topical_score = score
    # Everyday words ("helped", "talk") alone do not make the story the patient's, nor a word
    # the draft only shares with the scenario's context text.
    strong_topic = any(weights[c] > WEAK_WEIGHT for c in weights
                       if not c.startswith("rel.ctx:") and _covered(hits, c) & topical)
    loose_state = loose_score  # the concern's own state, told about another trouble
    link = _link(ctx, other_sentences)
    if link is not None:
        if link[2]:
            loose_score += link[0]
        else:
            score += link[0]
        spans.append(ctx.span(link[1], _("ties your experience to theirs")))
        found.append((link[1][0], ctx.words(link[1])))
    also = ctx.local(_ALSO, "also")
    # A "me too" marks a feeling as shared; a similarity claim ("similar issues") is more.
    me_too = link is not None and link[0] <= LINK_WEAK and any(
        a.norms[k] in also for k in range(link[1][0], link[1][1] + 1))
    if (far and not strong_topic and (link is None or link[2] or me_too)) or (
            (feeling_score or me_too) and not strong_topic and not loose_state and own_trouble
            and (link is None or me_too)):
        # The only trouble told is in another domain entirely, and only a feeling, a state or a
        # "me too" is shared with the concern; or only a feeling or a "me too" is shared, and
        # the story is about the writer's own, other trouble.
        other_topic = far or own_trouble
        return Finding(NOT_MET, (ctx.span(other_topic[0], _("a different trouble")),), _(
            "Your story is about {topic}, not what {patient} is facing; sharing a feeling "
            "such as {words} is not enough. Choose a moment closer to their concern.",
            topic=quote_list([ctx.words(other_topic[0])]), patient=ctx.patient or _("the patient"),
            words=quote_list([w for _pos, w in sorted(found)])))
    if topical_score == 0:
        score += min(feeling_score + loose_score, FEELING_CAP)
    else:
        score += feeling_score + loose_score
    found.sort()
    quoted = quote_list([w for _pos, w in found])
    patient = ctx.patient or _("the patient")
    if score >= MET_SCORE and not second_trouble:
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
