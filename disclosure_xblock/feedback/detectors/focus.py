"""Patient focus: does the draft end by handing the conversation back to the patient?

The last sentence decides: a question to the patient, an invitation with "you"/their name,
asking permission, or tentative framing ("it may be different for you") meets it. A "you"
elsewhere is partial; a draft that never turns to the patient is not met.
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


def detect(ctx):
    a = ctx.analysis
    patient = ctx.patient or _("the patient")
    if not a.sentences:
        return Finding(NOT_MET, (), _("There is no sentence to judge yet."))
    second = a.grammar["second_person"]
    names = ctx.patient_names()
    set_phrases = {k for f, l in ctx.hits.get("focus.not_address", ()) for k in range(f, l + 1)}
    addressing = [k for k, norm in enumerate(a.norms)
                  if (norm in second or norm.split("'")[0] in names) and not a.quoted[k]
                  and k not in set_phrases]
    index = len(a.sentences) - 1
    first, last, start, end = a.sentences[index]
    in_last = [k for k in addressing if first <= k < last]
    question = a.ends_with_question(index) or _unmarked_question(ctx, first, last)
    first_person_words = a.grammar["first_person"]
    only_me = all(a.norms[k] not in second for k in range(first, last)) and any(
        a.norms[k] in first_person_words for k in range(first, last))
    invitation = _in_sentence(ctx.cues("focus.invitation", negation=False), first, last)
    direct = _in_sentence(ctx.cues("focus.direct_invitation", negation=False), first, last)
    tentative = _in_sentence(ctx.cues("focus.tentative", negation=False), first, last)
    permission = _in_sentence(ctx.cues("focus.permission", negation=False), first, last)
    advice = _in_sentence(ctx.cues("minimizing.soft_suggestion") + ctx.cues("minimizing.directive"),
                          first, last)
    if advice and not question:
        # "You might want to ask …": tentative words in advice are not an invitation.
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
    if question and (in_last or not only_me) or permission:
        return Finding(MET, (ending,), _(
            "Ending with {ending} hands the conversation back to {patient}.",
            ending=ending_words, patient=patient))
    if direct or (in_last and (invitation or tentative)):
        return Finding(MET, (ending,), _(
            "Closing with {ending} invites {patient} to respond in their own way.",
            ending=ending_words, patient=patient))
    if addressing:
        k = addressing[-1]
        return Finding(PARTIAL, ((a.starts[k], a.ends[k], _("mentions the patient")), ending), _(
            "You speak to {patient} ({words}), but the last sentence does not invite them to "
            "answer. Try ending with an open question, such as \u201cWhat has it been like for "
            "you?\u201d", patient=patient, words=quote_list([a.text[a.starts[k]:a.ends[k]]])))
    return Finding(NOT_MET, (ending,), _(
        "The draft ends with {ending} and never turns to {patient}. Finish with a question "
        "or an invitation to them.", ending=ending_words, patient=patient))
