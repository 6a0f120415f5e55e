"""Professional boundaries: no sensitive specifics, no contact outside care, no burdening.

Content cues (medication, substances, self-harm, trauma, intimate detail) count even when
negated or quoted: naming them at all is the specific. Speech-act cues (sharing contact
details, secrecy, special-relationship claims) count only in the learner's own, un-negated
words: "I can't give you my number" keeps the boundary.
"""
from __future__ import annotations


from ... import patterns
from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, ngettext, quote_count, quote_list
from ..safety import cue_scan
from .base import Finding
from .episode import current_troubles

# "50 mg", "0.5mg", "20 milligrams": a dose is a medication specific.
_DIGIT_RE = patterns.compile(r"\d")
DOSE_RE = patterns.compile(r"\b\d++(?:[.,]\d++)?\s?(?:mg|mcg|µg|milligrams?|ml)\b", patterns.IGNORECASE)

SEVERE_CONTENT = (
    ("boundaries.medication", _("medication detail")),
    ("boundaries.substance", _("substance use")),
    ("boundaries.trauma", _("trauma detail")),
    ("boundaries.intimate", _("intimate detail")),
)
SEVERE_ACTS = (
    ("boundaries.contact_details", _("contact outside care")),
    ("boundaries.contact", _("contact outside care")),
    ("boundaries.burdening", _("asks the patient to carry something")),
    ("boundaries.special_relationship", _("special-relationship claim")),
    ("boundaries.political", _("political opinion")),
    ("boundaries.religion", _("promotes a religion")),
    ("boundaries.promotion", _("promotes a service")),
)
# An opinion stays an opinion when negated ("what doesn't help is this government …").
_OPINIONS = frozenset(("boundaries.political",))
# A confidence is the writer's own even after a telling verb ("You're the only one I've told,
# so keep this between us"): only quoted words are left out of these.
_OWN = {"boundaries.burdening": "quoted", "boundaries.special_relationship": "quoted"}
# Safety content named by a cue (safety.py, every language) is severe too; it also raises a red
# flag. The learned layer's flags (safety_model.py) route the draft to an instructor without
# cutting the score: they are a safety net, not a reviewed judgement.
SAFETY_NOTES = {"self_harm": _("self-harm or suicide"), "suicide": _("self-harm or suicide"),
                "overdose": _("substance use")}
MILD = (
    ("boundaries.diagnosis", _("diagnosis label")),
    ("boundaries.mild_medication", _("treatment detail")),
    ("boundaries.relationship", _("private relationship detail")),
)


def dose_spans(text):
    if not _DIGIT_RE.search(text):
        return []
    return [(m.start(), m.end()) for m in DOSE_RE.finditer(text)]


def _scenario_words(ctx):
    """Word indexes where the scenario's own concern is named (its relevance concepts)."""
    found = set()
    for key, hits in ctx.hits.items():
        if key.startswith(("rel.kw:", "rel.group:")):
            for first, last in hits:
                found.update(range(first, last + 1))
    return found


def detect(ctx):
    severe, words, notes = [], [], []
    for key, note in SEVERE_CONTENT:
        for hit in ctx.cues(key, own=False, negation=False):
            severe.append(ctx.span(hit, note))
            words.append(ctx.words(hit))
            notes.append(note)
    text = ctx.analysis.text
    for kind, spans in ctx.cached("safety_cues", lambda c: cue_scan(c.analysis, c.parts)).items():
        for start, end in spans:
            severe.append((start, end, SAFETY_NOTES[kind]))
            words.append(text[start:end])
            notes.append(SAFETY_NOTES[kind])
    for start, end in dose_spans(text):
        severe.append((start, end, SEVERE_CONTENT[0][1]))
        words.append(text[start:end])
        notes.append(SEVERE_CONTENT[0][1])
    a = ctx.analysis
    contact_in = [a.sent_of[f] for f, _l in ctx.cues("boundaries.contact")]
    times = {f for f, _l in ctx.hits.get("boundaries.contact_time", ())}
    for key, note in SEVERE_ACTS:
        for hit in ctx.cues(key, own=_OWN.get(key, True), negation=key not in _OPINIONS):
            sentence = a.sent_of[hit[0]]
            if (hit[0] in times and contact_in.count(sentence) == 1
                    and a.ends_with_question(sentence) and not a.first_person(sentence)):
                # "What do you want to do after you leave here?" asks about the patient's own
                # plans: a time after care alone, with nobody of the writer's, offers no contact.
                continue
            severe.append(ctx.span(hit, note))
            words.append(ctx.words(hit))
            notes.append(note)
    mild, mild_words, mild_notes = [], [], []
    shared = _scenario_words(ctx)
    now = {a.sent_of[f] for f, _l in ctx.cues("boundaries.relationship_now", own=False)}
    for key, note in MILD:
        for hit in ctx.cues(key, own=False, negation=False):
            if key == "boundaries.relationship" and hit[0] in shared:
                continue  # a breakup told to a patient facing one is the shared experience
            if key == "boundaries.relationship" and a.sent_of[hit[0]] in now:
                # A breakup that still hurts now is intimate life going on, not a past occasion.
                severe.append(ctx.span(hit, SEVERE_CONTENT[3][1]))
                words.append(ctx.words(hit))
                notes.append(SEVERE_CONTENT[3][1])
                continue
            mild.append(ctx.span(hit, note))
            mild_words.append(ctx.words(hit).lower())
            mild_notes.append(note)
    if severe:
        severe.sort(key=lambda s: s[0])
        return Finding(NOT_MET, tuple(severe[:4]) + tuple(mild[:2]), ngettext(
            "{words} ({kind}) is more than a patient should hear from staff. Keep the story "
            "to the feeling and what helped.",
            "{words} ({kind}) are more than a patient should hear from staff. Keep the story "
            "to the feeling and what helped.", quote_count(words), words=quote_list(words), kind=notes[0]))
    distinct = list(dict.fromkeys(mild_words))
    if len({note.msgid for note in mild_notes}) >= 2:  # two kinds of specifics (a label and a treatment detail)
        return Finding(NOT_MET, tuple(mild[:4]), _(
            "Several specifics ({words}) add up to more than the moment needs. Leave labels "
            "and treatment details out.", words=quote_list(distinct)))
    troubles = current_troubles(ctx)
    if troubles and not distinct:
        return Finding(PARTIAL, tuple(ctx.span(h, _("another trouble")) for h in troubles[:3]), _(
            "Several current troubles of your own ({words}) ask the patient to carry your "
            "worries. Share one past moment instead.",
            words=quote_list(ctx.words(h) for h in troubles)))
    if distinct:
        return Finding(PARTIAL, tuple(mild[:2]), ngettext(
            "{words} ({kind}) is more specific than needed; describing the feeling is enough.",
            "{words} ({kind}) are more specific than needed; describing the feeling is enough.",
            quote_count(distinct), words=quote_list(distinct), kind=mild_notes[0]))
    return Finding(MET, (), _("No sensitive specifics, and nothing asks the patient to look after you."))
