"""Resolution: a past challenge that was overcome, not a struggle that is still going on.

Tense is only a proxy: past markers ("used to", "back then", simple past verbs) plus a turn
("eventually", "it got easier", "what helped") meet the criterion; present habits ("I still
breathe slowly before groups") are fine; only first-person struggle cues ("I'm still
struggling", "right now I can't") count as ongoing.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding
from .coping import until_turns
from .minimizing import advice_sentences
from .tense import past_positions

_MANAGING = frozenset(("helps", "help me", "helps me", "helping", "helping me"))
# "I tried deep breathing and counting": steps only attempted (up to eight words after
# "tried") say nothing of how it turned out.
_ATTEMPT = frozenset(("tried", "trying", "try"))
# Words that make what follows the condition of a habit ("... when I get nervous").
_HABIT_CONDITION = frozenset(("when", "whenever"))
# Words that concede a rest of the struggle after an ending ("I got better, though some days
# are still hard").
_CONCESSIVE = frozenset(("though", "although", "but"))
# ... a rest, not a relapse: "though I still have bad days", not "but now I'm struggling again".
_RESIDUAL = frozenset(("still", "sometimes"))


def _asked(a, sentence):
    """A question about the patient, with no "I" in it: its outcome words are not the writer's."""
    return a.ends_with_question(sentence) and not a.first_person(sentence)


def _said_of_another(ctx, hit):
    """ "No longer" / "ya no" in a sentence that is not about the writer ("the groups no longer
    work as they did", "ya no sirven como antes") tells no change of the writer's."""
    a = ctx.analysis
    return (any(f == hit[0] for f, _l in ctx.hits.get("resolution.no_longer", ()))
            and not a.first_person(a.sent_of[hit[0]]))


def _shared(ctx):
    """ "We all find our way back": a "we" that includes the writer shares something of theirs,
    in general terms (the placeholder middle level, not the concern level)."""
    # "It happens to all of us", "we're in the same boat" speak for the patient (minimizing,
    # sameness); they share nothing of the writer's.
    general = {k for key in ("minimizing.minimizing", "minimizing.sameness")
               for f, l in ctx.hits.get(key, ()) for k in range(f, l + 1)}
    return any(h[0] not in general for h in ctx.cues("resolution.we", own="quoted", negation=False))


def _managed_habit(ctx):
    """ "Cuando me pongo nerviosa, respiro hondo y me ayuda": a present "it helps" in the
    sentence of a difficulty the writer names as recurring is how a habit turns out (the
    rubric: a present habit is fine). Read only when nothing is ongoing, so "estoy fatal,
    hablar contigo me ayuda" is not a turn."""
    managing = ctx.cues("resolution.managing", own="quoted")
    if not managing:
        return []
    a = ctx.analysis
    habit = {a.sent_of[h[0]] for h in ctx.cues("resolution.habit_when", own="quoted")}
    return [h for h in managing if a.sent_of[h[0]] in habit and not _asked(a, a.sent_of[h[0]])][:1]


def _elided_writer(a):
    """ "Been there. It gets better.": an English sentence that opens with "been" has the
    writer's "I've" left out, so the draft does share something of the writer's."""
    return a.language == "en" and any(a.norms[start] == "been" for start, *_rest in a.sentences)


def _no_longer_with_a_step(ctx):
    """ "I used to feel the same, and I would call a friend every evening": a struggle told as
    over ("used to") with a step the writer took is a resolution told without "helped"; the
    step is the evidence of how it turned out."""
    if not ctx.cues("resolution.no_longer", own="quoted"):
        return []
    a = ctx.analysis
    advice = advice_sentences(ctx)
    attempt = ctx.local(_ATTEMPT, "attempt")
    return [h for h in ctx.cues("coping.strategy", own="quoted")
            if a.sent_of[h[0]] not in advice and a.first_person(a.sent_of[h[0]])
            and not any(a.norms[k] in attempt and a.sent_of[k] == a.sent_of[h[0]]
                        for k in range(max(h[0] - 8, 0), h[0]))][:1]


def _habit_conditions(ctx, ongoing):
    """ "I still use slow breathing when I get nervous, and now I enjoy going out": a present
    struggle cue right after "when" is the condition of a habit; with a coping step or a turn
    in the same sentence it is a difficulty handled (the rubric: a present habit is fine)."""
    a = ctx.analysis
    condition = ctx.local(_HABIT_CONDITION, "habit_condition")
    handled = {a.sent_of[h[0]] for key in ("coping.strategy", "resolution.resolution",
                                           "resolution.managing")
               for h in ctx.cues(key, own="quoted")}
    return {hit for hit in ongoing
            if hit[0] > 0 and a.norms[hit[0] - 1] in condition and a.sent_of[hit[0]] in handled}


def _conceded(ctx, ongoing, resolution):
    """ "Bit by bit I recovered, though I still have bad days": an ending told first and a rest
    of the struggle conceded after it in the same sentence ("still", "todavía" by the struggle
    cue) is a mixed ending (partial), not a struggle still going on; a relapse ("but now I'm
    struggling again") is. Only the last struggle cue is read."""
    a = ctx.analysis
    first, _last = max(ongoing)
    sentence = a.sent_of[first]
    concessive = ctx.local(_CONCESSIVE, "concessive")
    residual = ctx.local(_RESIDUAL, "residual")
    if not any(a.norms[k] in residual for k in range(max(first - 3, 0), _last + 1)):
        return []
    for hit in resolution:
        if a.sent_of[hit[0]] == sentence and hit[1] < first and any(
                a.norms[k] in concessive for k in range(hit[1] + 1, first)):
            return [hit]
    return []


def _up_to_now(ctx):
    """ "I've been on edge all week": a present perfect of the writer's with a recency marker
    after it in the same sentence tells a struggle that reaches now, unless the sentence also
    names a step or a change ("I've been walking more lately and it helps")."""
    recent = ctx.cues("resolution.recent", own="quoted", negation=False)
    if not recent:
        return []
    a = ctx.analysis
    perfect = ctx.cues("resolution.perfect_now", own="quoted")
    if not perfect:
        return []
    handled = {a.sent_of[h[0]] for key in ("coping.strategy", "coping.outcome", "resolution.resolution")
               for h in ctx.cues(key, own="quoted")}
    found = []
    for first, last in perfect:
        sentence = a.sent_of[first]
        if (sentence not in handled and not a.ends_with_question(sentence)
                and any(a.sent_of[r[0]] == sentence and r[0] > last for r in recent)):
            found.append((first, last))
    return found[:1]


def detect(ctx):
    a = ctx.analysis
    ongoing = ctx.cues("resolution.ongoing", own="quoted")
    if ctx.language == "en":  # Spanish tells it in the present, listed in [ongoing]
        ongoing = ongoing + [h for h in _up_to_now(ctx) if h not in ongoing]
    if ongoing:
        habits = _habit_conditions(ctx, ongoing)
        ongoing = [hit for hit in ongoing if hit not in habits]
    look_alike = {k for f, l in ctx.hits.get("coping.not_outcome", ()) for k in range(f, l + 1)}
    # A cue inside a struggle cue ("now I'm" in "Right now I'm supposed to …") is that struggle.
    inside = {k for f, l in ongoing for k in range(f, l + 1)}
    resolution = [h for h in ctx.cues("resolution.resolution", own="quoted")
                  if h[0] not in look_alike and h[0] not in inside
                  and not _asked(a, a.sent_of[h[0]]) and not _said_of_another(ctx, h)]
    past = past_positions(ctx)
    patient = ctx.patient or _("the patient")
    if not any(a.first_person(s) for s in range(len(a.sentences))) and not _shared(ctx) \
            and not _elided_writer(a):
        return Finding(NOT_MET, (), _(
            "The draft does not share an experience of your own yet. Tell of a difficulty you "
            "have come through and what changed."))
    if ongoing:
        last_ongoing = max(first for first, _l in ongoing)
        # A present "helps" after the struggle is managing it, not a turn ("I'm still
        # working on it, but journaling helps a bit").
        later = [hit for hit in resolution if hit[0] > last_ongoing
                 and ctx.words(hit).lower() not in ctx.local(_MANAGING, "managing")]
        if not later:
            later = _conceded(ctx, ongoing, resolution)
        spans = tuple(ctx.span(hit, _("sounds ongoing")) for hit in ongoing[:3])
        words_ongoing = quote_list(ctx.words(hit) for hit in ongoing)
        if later:
            return Finding(PARTIAL, spans + (ctx.span(later[0], _("how you manage it")),), _(
                "{ongoing} suggests this is still with you, even though you also mention "
                "{turn}. A challenge that is fully behind you keeps the focus on {patient}.",
                ongoing=words_ongoing, turn=quote_list([ctx.words(later[0])]), patient=patient))
        return Finding(NOT_MET, spans, _(
            "{ongoing} sounds like something you are going through now. Choose a challenge "
            "you have come through, so {patient} does not feel they must look after you.",
            ongoing=words_ongoing, patient=patient))
    past_spans = tuple(ctx.span(hit, _("past")) for hit in past[:2])
    if not resolution:
        resolution = _managed_habit(ctx)
    if not resolution:
        resolution = _no_longer_with_a_step(ctx)
    if not resolution:
        # "I kept at it until the worry had left me": an "until" clause that tells a good end.
        resolution = [turn for _step, turn in until_turns(ctx, advice_sentences(ctx))][:1]
    if past and resolution:
        return Finding(MET, past_spans[:1] + (ctx.span(resolution[0], _("how it turned out")),), _(
            "You set it in the past ({past}) and say how it turned out ({turn}).",
            past=quote_list([ctx.words(past[0])]),
            turn=quote_list([ctx.words(resolution[0])])))
    if past:
        return Finding(PARTIAL, past_spans, _(
            "It is told in the past ({past}), but not how it ended. One short line such as "
            "\u201cwhat helped in the end was \u2026\u201d completes it.",
            past=quote_list([ctx.words(hit) for hit in past[:2]])))
    habit = [h for h in ctx.cues("resolution.habit_when", own="quoted")
             if any(a.sent_of[r[0]] == a.sent_of[h[0]] for r in resolution)]
    if resolution and habit:
        # "When I feel low, a walk helps": a present habit that handles a difficulty the writer
        # names is a challenge managed, which the rubric counts as come through.
        return Finding(MET, (ctx.span(habit[0], _("a difficulty you handle")),
                             ctx.span(resolution[0], _("how it turned out"))), _(
            "You say what you do when it is hard ({when}) and that it works ({turn}).",
            when=quote_list([ctx.words(habit[0])]), turn=quote_list([ctx.words(resolution[0])])))
    if resolution:
        return Finding(PARTIAL, (ctx.span(resolution[0], _("how it turned out")),), _(
            "You say what helps ({turn}); make clear it was a past difficulty, for example "
            "\u201cthere was a time when \u2026\u201d.", turn=quote_list([ctx.words(resolution[0])])))
    # Nothing ongoing and nothing told: the middle level, as a placeholder rather than a verdict
    # (only a current struggle is the rubric's concern).
    return Finding(PARTIAL, (), _(
        "The draft does not yet tell of a past difficulty of yours. Share one you have come "
        "through and what changed."), neutral=True)

