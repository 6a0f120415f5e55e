"""Minimizing and lecturing: sameness claims, playing the feeling down, directives.

Negation-aware ("I can't know exactly how you feel" is respectful, not a claim) and
quotation-aware ("patients often say 'I know how you feel'" reports someone else's words).
A tentative suggestion ("you could try …") is the rubric's middle level.
"""
from __future__ import annotations

import bisect

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, ngettext, quote_count, quote_list
from ..lexicons import words as lexicon_words
from .base import Finding
from .tense import past_positions

_KINDS = (
    ("minimizing.sameness", _("claims to know their experience")),
    ("minimizing.minimizing", _("plays the feeling down")),
    ("minimizing.directive", _("tells the patient what to do")),
)


# "Sorry to hear that - I know how much it hurts": "hear" after "to" is sympathy, not someone
# else's words being reported, so what follows is the writer's own claim (English only: the
# Spanish reporting verbs are verbs of saying).
_HEARING = frozenset(("hear", "heard", "hearing"))
_REPORT_WINDOW = 5  # as Analysis.reported


def _reported(ctx, index):
    """``Analysis.reported``, except that a sympathetic "(sorry) to hear" reports nothing."""
    a = ctx.analysis
    if not a.reported(index):
        return False
    reporting = a.grammar["reporting"]
    for j in range(index - 1, max(index - _REPORT_WINDOW, 0) - 1, -1):
        if a.sent_of[j] != a.sent_of[index]:
            break
        norm = a.norms[j]
        if norm in reporting and not (norm in _HEARING and j > 0 and a.norms[j - 1] == "to"):
            return True
    return False


def own_cues(ctx, key):
    """``ctx.cues(key)``: the learner's own, un-negated words, with sympathy read as their own."""
    return [hit for hit in ctx.cues(key, own="quoted") if not _reported(ctx, hit[0])]


def _opener_hits(ctx):
    """Sameness cues that open a sentence ("Me too.", "Same here, …")."""
    sentence_starts = {first for first, _l, _s, _e in ctx.analysis.sentences}
    return [hit for hit in own_cues(ctx, "minimizing.sameness_opener") if hit[0] in sentence_starts]


# Words that may open a sentence before a claim of understanding ("Ok, I understand.").
_UNDERSTANDING_LEADS = frozenset(("ok", "okay", "oh", "yes", "yeah", "well", "and", "so", "sí",
                                  "vale", "bueno", "ya", "claro", "y", "ugh", "man", "uf", "uff",
                                  "asi", "que"))


def understanding_claims(ctx):
    """Claims of understanding told in everyday words, as sameness hits.

    "Okay, I understand." (a sentence of its own: lexicon section
    ``understanding_alone``) and "I know it's really tough" / "sé que es muy duro" (a knowing
    verb, then how hard it is: ``knowing_*`` and ``hardship_words``). Not when negated or
    reported ("I don't know if it's hard", "she said she understood").
    """
    return ctx.cached("understanding_claims", _find_understanding)


def _find_understanding(ctx):
    a = ctx.analysis
    norms = a.norms
    found = []
    starts = {first: last for first, last, _s, _e in a.sentences}
    for first, last in own_cues(ctx, "minimizing.understanding_alone"):
        k = first
        opener = first in starts
        while not opener and k > 0 and norms[k - 1] in _UNDERSTANDING_LEADS:
            k -= 1
            opener = k in starts
        nxt = last + 1
        if nxt < len(norms) and norms[nxt] == "that":  # "I understand that."
            nxt += 1
        # Only a whole sentence: "I understand, I went through …" goes on to share; but "te
        # entiendo, es muy duro" only adds how hard it is (bridge words, then a hardship word).
        hard = None
        if (nxt < len(norms) and a.sent_of[nxt] == a.sent_of[last]
                and norms[last + 1] not in lexicon_words("minimizing", "knowing_link", ctx.language)):
            hard = _only_hardship(ctx, nxt)  # a knowing link ("I know that it's hard") is read below
        alone = nxt >= len(norms) or a.sent_of[nxt] != a.sent_of[last] or hard is not None
        if opener and alone:
            found.append((first, last if hard is None else hard))
    verbs = lexicon_words("minimizing", "knowing_verbs", ctx.language)
    if not verbs.intersection(norms):
        return found
    links = lexicon_words("minimizing", "knowing_link", ctx.language)
    bridge = lexicon_words("minimizing", "knowing_bridge", ctx.language)
    hardship = lexicon_words("minimizing", "hardship_words", ctx.language)
    english = ctx.language == "en"
    taken = {k for f, l in found for k in range(f, l + 1)}
    for k, norm in enumerate(norms):
        if norm not in verbs or k in taken or a.quoted[k] or a.negated(k) or _reported(ctx, k):
            continue
        if english and "i" not in norms[max(k - 3, 0):k]:
            continue  # "you know it's hard" is no claim of the writer's
        j = k + 1
        if j >= len(norms) or norms[j] not in links:
            continue
        j += 1
        while j < len(norms) and j - k <= 6 and norms[j] in bridge:
            j += 1
        if j < len(norms) and norms[j] in hardship and a.sent_of[j] == a.sent_of[k]:
            found.append((k, j))
    return found


def _only_hardship(ctx, k):
    """When the rest of word ``k``'s sentence is only how hard it is ("…, es muy duro",
    "…, it's really hard": ``knowing_bridge`` words, then ``hardship_words`` to its end), the
    index of its last word; else None."""
    a = ctx.analysis
    bridge = lexicon_words("minimizing", "knowing_bridge", ctx.language)
    hardship = lexicon_words("minimizing", "hardship_words", ctx.language)
    sentence, seen = a.sent_of[k], None
    while k < len(a.norms) and a.sent_of[k] == sentence:
        if a.norms[k] in hardship:
            seen = k
        elif seen is not None or a.norms[k] not in bridge:
            return None
        k += 1
    return seen


_OFFER_SUBJECTS = frozenset(("we", "i"))
_MODALS = frozenset(("can", "could", "might", "may"))


def _is_offer(ctx, hit):
    """ "we can just talk", "I could just sit with you": "just" after we/I is an offer, not an order."""
    norms = ctx.analysis.norms
    k = hit[0]
    if norms[k] != "just" or k == 0:
        return False
    before = norms[k - 1]
    if before in _MODALS and k >= 2:
        before = norms[k - 2]
    return before in _OFFER_SUBJECTS


_OWN_SUBJECTS = frozenset(("i", "we"))


def _own_just(ctx, hit):
    """ "I tended to keep my head down and just smile": a "just" + verb in a sentence that tells
    the writer's own past (an "I"/"we" before it, a past verb between, no "you") is what they
    did, not an order. English only: Spanish orders are imperative forms, which carry the person."""
    if ctx.language != "en":
        return False
    a = ctx.analysis
    k = hit[0]
    if a.norms[k] != "just":
        return False
    second = a.grammar["second_person"]
    # A past verb between (tense.past_positions: a marker, a listed verb or a regular "-ed").
    past = {first for first, _l in past_positions(ctx)}
    for j in range(k - 1, -1, -1):
        if a.sent_of[j] != a.sent_of[k] or a.norms[j] in second:
            return False
        if a.norms[j] in _OWN_SUBJECTS:
            return any(m in past for m in range(j + 1, k))
    return False


# Words that may stand before a bare imperative ("So just take it slow", "And remember …").
_LEADS = frozenset(("so", "and", "just", "please", "then", "also", "well", "but", "now",
                    "really", "always", "simply", "definitely", "honestly", "ok", "okay"))
# After a sentence-opening verb-looking word, these show it is a noun subject ("Sleep was hard",
# "Exercise helped me") or a question ("Do you …").
_SUBJECT_NEXT = frozenset(("was", "is", "has", "had", "helped", "helps", "can", "could", "will",
                           "would", "made", "makes", "became", "seemed", "felt", "wasn't",
                           "isn't", "became", "got", "gets", "did", "does", "and", "or", "of",
                           "i", "you", "we", "they", "he", "she"))
# Verbs that are orders only with a particular next word ("Know that …", "Do not …").
_NEEDS_NEXT = {"know": frozenset(("that",)), "do": frozenset(("not",)),
               "don't": None, "never": None}


def _imperative_at(ctx, k, verbs, exempt_starts):
    a = ctx.analysis
    norm = a.norms[k]
    if norm not in verbs or a.quoted[k] or k in exempt_starts:
        return False
    if a.accented_preterite(k):
        # "Dejé la carrera": written with its accent, a first-person preterite folds into the
        # usted order "deje", and is what the writer did. (A vos order of an -er verb, "Comé",
        # is lost with it: much rarer in a story of one's own.)
        return False
    nxt = k + 1
    if nxt >= len(a.norms) or a.sent_of[nxt] != a.sent_of[k] or a.clause_of[nxt] != a.clause_of[k]:
        # "Listen, …", "See, I …": a discourse word, not an order; but a Spanish imperative
        # with its clitic ("Dale una oportunidad", "Anímate") may end the clause.
        return norm in ctx.local((), "imperative_alone")
    following = a.norms[nxt]
    if ctx.language != "en":
        return following not in ctx.local((), "imperative_subject_next")
    if norm in _NEEDS_NEXT:
        allowed = _NEEDS_NEXT[norm]
        if allowed is not None:
            return following in allowed
        # "Don't let it …", "Never give up": an order only when a bare verb follows.
        return following in verbs and following not in ("know", "do")
    return following not in _SUBJECT_NEXT


def imperatives(ctx):
    """Bare imperatives that open a sentence, or a clause of the closing sentence, as hits.

    "Take long walks.", "Go talk to your manager.", "… so just keep going." give an order
    without any "you should". Questions are left out ("Try it?" asks), and so are courtesies
    ("Take care", "Tell me more", "Let me know").
    """
    return ctx.cached("imperatives", _find_imperatives)


def _find_imperatives(ctx):
    a = ctx.analysis
    if not a.sentences:
        return []
    verbs = lexicon_words("minimizing", "imperative_verbs", ctx.language)
    leads = ctx.local(_LEADS, "imperative_leads")
    exempt = {first for first, _l in ctx.hits.get("minimizing.imperative_exempt", ())}
    last_sentence = len(a.sentences) - 1
    found = []
    for index, (first, last, _s, _e) in enumerate(a.sentences):
        if a.ends_with_question(index):
            # "Prueba ir una vez, ¿qué te parece?", "Try the day room, okay?": an order with a
            # question tagged on is still an order; only the words before the tag are read.
            last = _before_tag(ctx, index)
            if last is None:
                continue
        starts = [first]
        if index == last_sentence:
            starts += [k for k in range(first + 1, last) if a.clause_of[k] != a.clause_of[k - 1]]
        for k in starts:
            while k < last - 1 and a.norms[k] in leads:
                if k in exempt:
                    break
                k += 1
            if _imperative_at(ctx, k, verbs, exempt):
                found.append((k, k))
                break
    return found


def _before_tag(ctx, index):
    """For a sentence that ends as a question: the end (exclusive) of the statement before a
    question tagged onto it, or None when the whole sentence asks.

    A tag is a question opened by "¿" after the sentence's first clause ("…, ¿vale?", "…, ¿qué
    te parece?"), or a last clause of one word of lexicon section ``question_tag`` ("…, vale?"
    typed without its "¿"). English lists no tags: "Don't tell the staff, ok?" asks for secrecy,
    which our English labels leave to boundaries.
    """
    a = ctx.analysis
    first, last, start, end = a.sentences[index]
    if last - first < 3:
        return None
    opening = a.text.find("\u00bf", a.ends[first], end)
    if opening >= 0:
        k = bisect.bisect_left(a.starts, opening, first, last)
        return k if k < last and a.clause_of[k] != a.clause_of[first] else None
    if (a.norms[last - 1] in lexicon_words("minimizing", "question_tag", ctx.language)
            and a.clause_of[last - 1] != a.clause_of[last - 2]):
        return last - 1
    return None


def tentative_imperatives(ctx):
    """ "Maybe talk to your manager.", "Perhaps try a short walk.": a bare imperative after a
    tentative opener (lexicon section ``tentative_lead``) is a soft suggestion, not an order."""
    return ctx.cached("tentative_imperatives", _find_tentative)


_MODAL_REACH = 6  # words between "maybe" and its modal ("maybe a group like that could …")


def _find_tentative(ctx):
    a = ctx.analysis
    verbs = lexicon_words("minimizing", "imperative_verbs", ctx.language)
    found = []
    for first, last in own_cues(ctx, "minimizing.tentative_lead"):
        k = last + 1
        if k < len(a.norms) and a.norms[k] == "just":
            k += 1  # "maybe just call her" is the same offer
        if (k < len(a.norms) and a.sent_of[k] == a.sent_of[first]
                and a.clause_of[k] == a.clause_of[first] and _imperative_at(ctx, k, verbs, ())):
            found.append((first, k))
        else:
            modal = _tentative_modal(ctx, first, last)
            if modal is not None:
                found.append((first, modal))
    return found


def _tentative_modal(ctx, first, last):
    """ "Maybe a group like that could help you", "tal vez ellos te podrían ayudar": a tentative
    lead, then (within a few words, with no "I"/"we") a modal and a verb that is not the framing
    "be" ("maybe it could be different for you" frames, it suggests nothing), in a sentence that
    speaks to the patient. The index of the modal's verb, or None."""
    a = ctx.analysis
    norms = a.norms
    modals = lexicon_words("minimizing", "tentative_modals", ctx.language)
    sentence = a.sent_of[first]
    own = a.grammar["first_person"] | _OFFER_SUBJECTS
    for k in range(last + 1, min(last + 1 + _MODAL_REACH, len(norms) - 1)):
        if a.sent_of[k] != sentence or norms[k] in own:
            return None
        if norms[k] in modals:
            verb = k + 1
            if (a.sent_of[verb] != sentence or norms[verb] in own
                    or norms[verb] in lexicon_words("minimizing", "framing_verbs", ctx.language)):
                return None
            second = a.grammar["second_person"]
            first_word, end_word, _s, _e = a.sentences[sentence]
            if any(norms[j] in second for j in range(first_word, end_word)):
                return verb
            if ctx.language != "en" and len(norms[verb]) > 4 and norms[verb].endswith("te"):
                return verb  # "puedan ponerte en contacto": the patient is the verb's clitic
            return None
    return None


def advice_sentences(ctx):
    """Sentences that tell the patient what to do (a directive, a suggestion or an order).

    Their words are advice, not the writer's experience: they earn no relevance or coping.
    """
    return ctx.cached("advice_sentences", _find_advice_sentences)


def _find_advice_sentences(ctx):
    a = ctx.analysis
    found = set()
    for key in ("minimizing.directive", "minimizing.soft_suggestion"):
        found.update(a.sent_of[first] for first, _l in own_cues(ctx, key))
    found.update(a.sent_of[first] for first, _l in imperatives(ctx))
    found.update(a.sent_of[first] for first, _l in tentative_imperatives(ctx))
    return frozenset(s for s in found if not a.first_person(s))


def _kind_sentence(key, words):
    """One sentence per kind of finding, so each quote is named for what it is."""
    n, quoted = quote_count(words), quote_list(words)
    if key == "minimizing.sameness":
        return ngettext("{words} claims to know their experience.",
                        "{words} claim to know their experience.", n, words=quoted)
    if key == "minimizing.minimizing":
        return ngettext("{words} plays the feeling down.", "{words} play the feeling down.", n, words=quoted)
    return ngettext("{words} tells the patient what to do.", "{words} tell the patient what to do.",
                    n, words=quoted)


def detect(ctx):
    spans, words, kinds = [], [], []
    by_kind = []
    for key, note in _KINDS:
        hits = own_cues(ctx, key)
        if key == "minimizing.directive":
            offered = {k for f, l in tentative_imperatives(ctx) for k in range(f, l + 1)}
            hits = [hit for hit in hits if not _is_offer(ctx, hit) and hit[0] not in offered
                    and not _own_just(ctx, hit)]
            taken = {k for first, last in hits for k in range(first, last + 1)}
            hits = sorted(hits + [hit for hit in imperatives(ctx) if hit[0] not in taken])
        if key == "minimizing.sameness":
            taken = {k for first, last in hits for k in range(first, last + 1)}
            hits = sorted(hits + _opener_hits(ctx)
                          + [hit for hit in understanding_claims(ctx) if hit[0] not in taken])
        if hits:
            kinds.append(note)
            by_kind.append((key, [ctx.words(hit) for hit in hits]))
        for hit in hits:
            spans.append(ctx.span(hit, note))
            words.append(ctx.words(hit))
    if spans:
        return Finding(NOT_MET, tuple(spans[:4]), _(
            "{found} Offer your experience as one possibility instead, for example "
            "\u201cthat may be different for you\u201d.",
            found=tuple(_kind_sentence(key, found) for key, found in by_kind)))
    soft = sorted(set(own_cues(ctx, "minimizing.soft_suggestion")) | set(tentative_imperatives(ctx)))
    if soft:
        soft_words = [ctx.words(h) for h in soft]
        return Finding(PARTIAL, tuple(ctx.span(h, _("suggestion")) for h in soft[:2]), ngettext(
            "{words} is a suggestion. It is gentle, but sharing what helped you and asking "
            "what {patient} thinks keeps it an offer.",
            "{words} are suggestions. They are gentle, but sharing what helped you and asking "
            "what {patient} thinks keeps them offers.", quote_count(soft_words),
            words=quote_list(soft_words), patient=ctx.patient or _("the patient")))
    respectful = ctx.negated_cues("minimizing.sameness")
    if respectful:
        return Finding(MET, tuple(ctx.span(h, _("respectful")) for h in respectful[:1]), _(
            "Saying you cannot fully know ({words}) respects that their experience is their own.",
            words=quote_list(ctx.words(h) for h in respectful)))
    return Finding(MET, (), _("Nothing here claims sameness, plays the feeling down or gives orders."))
