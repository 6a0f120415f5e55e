"""Patient focus: does the draft end by handing the conversation back to the patient?

The last sentence decides: a question to the patient, an invitation with "you"/their name,
asking permission, or tentative framing ("it may be different for you") meets it. A "you"
elsewhere is partial; a draft that never turns to the patient is not met.

Only partial, though it speaks to the patient: a closing instruction or encouragement ("Give it
a chance.", "¡Ánimo!"), a tag that asks for agreement ("…, ¿vale?"), a question that asks for a
yes to a plan ("Are you coming?", "¿qué perdés?") and a closing that crosses a boundary (a
contact offer, a secret, a question about the patient's medication or vote). The patient's name
as an opening greeting ("Jamie, yo …") is not yet a turn to them.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding
from .minimizing import imperatives


def _in_sentence(hits, first, last):
    return [hit for hit in hits if first <= hit[0] < last]


# Words that may stand before a question typed without its mark ("So have you tried …").
_QUESTION_LEADS = frozenset(("so", "and", "but", "also", "ok", "okay", "well", "then", "y",
                             "entonces", "pero", "bueno", "vale", "oye", "tu", "usted"))


def _unmarked_question(ctx, first, last):
    """The last sentence asks without its question mark: it opens (after a lead word) with a
    ``focus.question_opener`` cue ("have you tried …", "qué opinas")."""
    norms = ctx.analysis.norms
    k = first
    while k < last - 1 and norms[k] in _QUESTION_LEADS:
        k += 1
    return any(f == k for f, _l in ctx.cues("focus.question_opener", negation=False))


# Boundary cues that, in the closing sentence, make it a request the patient should not get
# from staff (a secret, an opinion, a pitch for a service or a faith). An offer of contact is
# ``focus.outside_offer``, per language: the rounds label it differently (see focus.txt).
_CROSSING = ("boundaries.burdening", "boundaries.special_relationship", "boundaries.political",
             "boundaries.religion", "boundaries.promotion")
# Cues in the closing sentence that speak to the patient even with no "you" in them.
_SPOKEN_TO = ("boundaries.contact_details", "boundaries.contact", "boundaries.burdening",
              "boundaries.special_relationship")


def _greeting_name(ctx, names):
    """The word index of the patient's name when it opens the draft as a greeting ("Jamie, yo
    …", "Mira Jamie, …": a ``focus.greeting`` word may stand before it), else None."""
    a = ctx.analysis
    leads = {f for f, _l in ctx.hits.get("focus.greeting", ())}
    k = 0
    while k < len(a.norms) - 1 and k in leads:
        k += 1
    if (a.norms[k] in names and a.sent_of[k] == 0 and k + 1 < len(a.norms)
            and a.text[a.ends[k]:a.starts[k + 1]].strip().startswith(",")):
        return k
    return None


def _closing_tag(ctx, index):
    """How sentence ``index`` ends on a ``focus.question_tag`` ("…, ¿vale?", "…, ok?"): "tail"
    when the tag closes it in a clause of its own, "alone" when the tag is the whole sentence
    ("¿Le parece?"), else None."""
    a = ctx.analysis
    first, last, _s, _e = a.sentences[index]
    for f, l in ctx.hits.get("focus.question_tag", ()):
        if l == last - 1 and first <= f:
            if f == first:
                return "alone"
            if a.clause_of[f] != a.clause_of[f - 1]:
                return "tail"
    return None


def detect(ctx):
    a = ctx.analysis
    patient = ctx.patient or _("the patient")
    if not a.sentences:
        return Finding(NOT_MET, (), _("There is no sentence to judge yet."))
    second = a.grammar["second_person"]
    names = ctx.patient_names()
    set_phrases = {k for f, l in ctx.hits.get("focus.not_address", ()) for k in range(f, l + 1)}
    greeting = _greeting_name(ctx, names) if names else None
    addressing = [k for k, norm in enumerate(a.norms)
                  if (norm in second or norm.split("'")[0] in names) and not a.quoted[k]
                  and k not in set_phrases and k != greeting]
    index = len(a.sentences) - 1
    tag = _closing_tag(ctx, index)
    if tag == "alone" and index > 0:
        # "¿Le parece?" asks about the sentence before: that one closes the draft.
        tag_first = a.sentences[index][0]
        addressing.append(tag_first)
        index -= 1
    first, last, start, end = a.sentences[index]
    if tag == "alone":
        end = a.sentences[-1][3]
    # A verb in the patient's person speaks to them with no "tú" ("Si quieres, platicamos",
    # "Deberías pedir lo mismo"): in the closing sentence it counts as a "you".
    addressing += [f for f, _l in _in_sentence(ctx.cues("focus.verb_address", negation=False),
                                               first, last)]
    in_last = [k for k in addressing if first <= k < last]
    question = a.ends_with_question(index) or _unmarked_question(ctx, first, last)
    if tag == "tail":
        # "Ya verás que te va a encantar, ¿vale?": asks for agreement, not an open question.
        question = False
        addressing.append(last - 1)
    first_person_words = a.grammar["first_person"]
    only_me = all(a.norms[k] not in second for k in range(first, last)) and any(
        a.norms[k] in first_person_words for k in range(first, last))
    invitation = _in_sentence(ctx.cues("focus.invitation", negation=False), first, last)
    direct = _in_sentence(ctx.cues("focus.direct_invitation", negation=False), first, last)
    tentative = _in_sentence(ctx.cues("focus.tentative", negation=False), first, last)
    permission = _in_sentence(ctx.cues("focus.permission", negation=False), first, last)
    advice = _in_sentence(ctx.cues("minimizing.soft_suggestion") + ctx.cues("minimizing.directive"),
                          first, last)
    playing_down = _in_sentence(ctx.cues("minimizing.minimizing"), first, last)
    if (advice or playing_down) and not question:
        # "You might want to ask …", "Al menos ahí tienes con quien hablar": tentative or
        # talking words in advice or in a playing-down are not an invitation.
        invitation, tentative = [], []
    ending = (start, end, _("how the draft ends"))
    ending_words = quote_list([a.text[start:end].strip()], limit=1)
    # An order to close on ("Take long walks.", "Anímate!") is not handing the conversation
    # back, but it does speak to the patient: the middle level, "you" or not (the labels of
    # every round agree). A question tagged onto it ("Pregúntale a tu médico, ¿vale?") leaves
    # it an order: imperatives() finds an order in a question only before such a tag.
    ordered = _in_sentence(imperatives(ctx), first, last)
    if ordered:
        k = ordered[0][0]
        return Finding(PARTIAL, (
            (a.starts[k], a.ends[k], _("an instruction")), ending), _(
            "The draft closes with an instruction ({words}), which leaves {patient} nothing "
            "to answer. End with an open question or an invitation instead.",
            patient=patient, words=ending_words))
    crossing = _in_sentence([hit for key in _CROSSING for hit in ctx.cues(key)]
                            + ctx.cues("focus.boundary_question", negation=False)
                            + ctx.cues("focus.outside_offer"), first, last)
    handed_back = question and (in_last or not only_me) or permission
    invited = direct or (in_last and (invitation or tentative))
    if crossing and (handed_back or invited):
        return Finding(PARTIAL, (ctx.span(crossing[0], _("crosses a boundary")), ending), _(
            "The draft closes with {ending}, an offer or a question that steps outside the care "
            "relationship. End with an open question about how {patient} is doing instead.",
            ending=ending_words, patient=patient))
    if question and (in_last or not only_me) and _in_sentence(
            ctx.cues("focus.pitch_question", negation=False), first, last):
        return Finding(PARTIAL, (ending,), _(
            "The draft closes with {ending}, which asks {patient} for a yes to your plan rather "
            "than about them. End with an open question about how they see it.",
            ending=ending_words, patient=patient))
    if handed_back:
        return Finding(MET, (ending,), _(
            "Ending with {ending} hands the conversation back to {patient}.",
            ending=ending_words, patient=patient))
    if invited:
        return Finding(MET, (ending,), _(
            "Closing with {ending} invites {patient} to respond in their own way.",
            ending=ending_words, patient=patient))
    # Encouragement, an offer or a "we" that holds the patient in the closing sentence speaks to
    # them with no "you" word ("¡Ánimo!", "Si quiere le paso mi whatsapp", "Let's both try").
    spoken_to = [hit[0] for hit in _in_sentence(
        [hit for key in _SPOKEN_TO for hit in ctx.cues(key)]
        + ctx.cues("focus.encouragement", negation=False)
        + ctx.cues("focus.shared_we", negation=False), first, last)]
    # Asking permission anywhere ("Would it help to hear how it went for me?") turns to the
    # patient, though a story told after it no longer hands the conversation back.
    spoken_to += [f for f, _l in ctx.cues("focus.permission", negation=False)]
    addressing = sorted(set(addressing + spoken_to))
    if addressing:
        k = addressing[-1]
        return Finding(PARTIAL, ((a.starts[k], a.ends[k], _("mentions the patient")), ending), _(
            "You speak to {patient} ({words}), but the last sentence does not invite them to "
            "answer. Try ending with an open question, such as \u201cWhat has it been like for "
            "you?\u201d", patient=patient, words=quote_list([a.text[a.starts[k]:a.ends[k]]])))
    return Finding(NOT_MET, (ending,), _(
        "The draft ends with {ending} and never turns to {patient}. Finish with a question "
        "or an invitation to them.", ending=ending_words, patient=patient))
