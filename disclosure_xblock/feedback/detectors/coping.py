"""Coping and hope: a concrete, safe step that helped, and a hopeful outcome.

Both cues are negation-aware ("nothing helped" is not an outcome). A bleak cue after the last
hopeful one ("… but nothing really changes") is a hopeless ending, which the rubric rates lowest.
"""
from __future__ import annotations

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding
from .minimizing import advice_sentences


# "-ing" words that are not an activity.
_NOT_ACTIVITY = frozenset(("feeling", "nothing", "something", "anything", "everything", "being",
                           "thing", "morning", "evening", "during", "going", "having", "getting",
                           "trying", "seeing", "saying", "thinking", "struggling", "wanting",
                           "bring", "spring", "king", "ring", "sing", "string", "wing", "ceiling"))
_GERUND_WINDOW = 6
_BY = frozenset(("by",))
# "-ing" words after "I've been" that tell a struggle or a state, not a step.
_NOT_PRACTICE = frozenset(("struggling", "worrying", "suffering", "crying", "hurting", "dealing",
                           "looking", "wondering", "waiting", "hoping", "missing", "stressing",
                           "fighting", "drinking", "smoking", "avoiding", "isolating", "hiding"))


def _activity_strategies(ctx, outcomes):
    """An activity named just before an outcome ("making a budget helped") is a strategy.

    Finds an "-ing" word up to six words before each outcome cue in the same sentence, so a
    concrete step the lexicon does not list still counts.
    """
    a = ctx.analysis
    found = []
    # Spanish names an activity with an infinitive or gerund ("caminando un rato me ayudó").
    endings = ("ing",) if ctx.language == "en" else tuple(ctx.local((), "activity_endings"))
    not_activity = ctx.local(_NOT_ACTIVITY, "not_activity")
    for first, _last in outcomes:
        for k in range(first - 1, max(first - _GERUND_WINDOW, 0) - 1, -1):
            if a.sent_of[k] != a.sent_of[first]:
                break
            norm = a.norms[k]
            if len(norm) > 5 and norm.endswith(endings) and norm not in not_activity:
                found.append((k, k))
                break
    return found


def _means(ctx, advice):
    """ "I paid it off by taking extra shifts": an "-ing" activity after "by" in the writer's own
    sentence is the means they used, a step the lexicon need not list."""
    a = ctx.analysis
    endings = ("ing",) if ctx.language == "en" else tuple(ctx.local((), "activity_endings"))
    by = ctx.local(_BY, "means")
    not_activity = ctx.local(_NOT_ACTIVITY, "not_activity")
    found = []
    for k in range(len(a.norms) - 1):
        norm = a.norms[k + 1]
        if (a.norms[k] in by and a.sent_of[k + 1] == a.sent_of[k] and len(norm) > 5
                and norm.endswith(endings) and norm not in not_activity and not a.quoted[k]
                and a.sent_of[k] not in advice and a.first_person(a.sent_of[k])):
            found.append((k + 1, k + 1))
    return found


def _practice(ctx, advice):
    """ "I've been taking long walks": an activity the writer has kept up is a step they take."""
    a = ctx.analysis
    endings = ("ing",) if ctx.language == "en" else tuple(ctx.local((), "activity_endings"))
    not_activity = ctx.local(_NOT_ACTIVITY, "not_activity") | ctx.local(_NOT_PRACTICE, "not_practice")
    found = []
    for _first, last in ctx.cues("coping.practice", own="quoted", negation=False):
        k = last + 1
        if k < len(a.norms) and a.sent_of[k] == a.sent_of[last] and a.sent_of[k] not in advice:
            norm = a.norms[k]
            if len(norm) > 5 and norm.endswith(endings) and norm not in not_activity:
                found.append((k, k))
    return found


# Words after "I try to" that are no step to model ("I tried to hide it").
_NOT_STEP = frozenset(("kill", "hurt", "harm", "end", "die", "cut", "hide", "avoid", "ignore",
                       "forget", "drink", "smoke", "numb", "escape", "run", "pretend"))
# Verbs that tell a difficulty ended, in an "until" clause ("until my anxiety had left me");
# after a person ("until he left", "until she passed") they tell a departure or a death.
_ENDED = frozenset(("left", "passed", "faded", "eased", "lifted", "subsided", "stopped",
                    "disappeared", "settled", "calmed", "cleared"))
_PEOPLE = frozenset(("he", "she", "they", "we", "you", "him", "her", "them"))


def _own_sentence(ctx, sentence, advice):
    """The writer's own statement: first person, not advice, not a question."""
    a = ctx.analysis
    return a.first_person(sentence) and sentence not in advice and not a.ends_with_question(sentence)


def _step_after(ctx, key, advice):
    """ "I try to call my sister": the action right after a cue of ``key`` (the writer's
    effort) is a step the writer took."""
    a = ctx.analysis
    not_step = ctx.local(_NOT_STEP, "not_step")
    found = []
    for first, last in ctx.cues(key, own="quoted"):
        k = last + 1
        if (k < len(a.norms) and a.sent_of[k] == a.sent_of[last] and a.norms[k] not in not_step
                and _own_sentence(ctx, a.sent_of[k], advice)):
            found.append((first, k))
    return found


def until_turns(ctx, advice):
    """ "I said them over and over until the worry had left me": an own sentence whose "until"
    clause tells a good end (an outcome cue, or an ending verb that is not a person leaving)
    tells how it ended. Returns (words before "until", the until clause's turn) pairs.

    Coping and resolution both ask; the answer depends only on whether ``advice`` is empty
    (coping passes none when the writer names an own step), so it is computed once per draft."""
    return ctx.cached(("until_turns", bool(advice)), lambda c: _find_until_turns(c, advice))


def _find_until_turns(ctx, advice):
    # "until" opens the clause that tells how the step ended (lexicon section coping.until);
    # most drafts have none, so nothing else is built for them.
    untils = ctx.cues("coping.until", own="quoted", negation=False)
    if not untils:
        return []
    a = ctx.analysis
    ended = ctx.local(_ENDED, "ended")
    people = ctx.local(_PEOPLE, "people")
    # Only an outcome: "until I realised I needed help" is an insight that ends a bad habit,
    # and "I used to skip it until …" tells the habit, not a step.
    look_alike = {k for f, l in ctx.hits.get("coping.not_outcome", ()) for k in range(f, l + 1)}
    good = {f for f, _l in ctx.cues("coping.outcome", own="quoted") if f not in look_alike}
    habits = {a.sent_of[f] for f, _l in ctx.cues("resolution.no_longer", own="quoted")}
    pairs = []
    for k, last in untils:
        start = a.sentences[a.sent_of[k]][0]
        if (k == start or not _own_sentence(ctx, a.sent_of[k], advice) or a.negated(k - 1)
                or a.sent_of[k] in habits or last + 1 >= len(a.norms)):
            continue
        clause = a.clause_of[last + 1]
        end = last + 1
        while end < len(a.norms) and a.clause_of[end] == clause and a.sent_of[end] == a.sent_of[k]:
            end += 1
        turn = next((j for j in range(last + 1, end) if j in good or a.norms[j] in ended), None)
        # "... until she passed", "until he left": a person's departure or death, not an ending.
        if (turn is not None and not a.negated(turn)
                and not any(a.norms[j] in people for j in range(last + 1, turn))):
            pairs.append(((max(k - 3, start), k - 1), (k, turn)))
    return pairs


# Words before a noun that make it a thing or person named ("the meetings", "my sister").
_DETERMINERS = frozenset(("the", "my", "a", "an", "our", "this", "that", "these", "those",
                          "one", "some", "his", "her"))
# Possessives name a person ("my aunt helped"): someone helping is not yet a concrete step
# (what they did with the writer is: "my aunt called every morning", in the lexicon).
_POSSESSIVES = frozenset(("my", "our", "his", "her"))
# Words that may sit between a helping verb and what helped (Spanish "me ayudó mucho un grupo").
_HELP_FILLERS = frozenset(())
_NAMED_WINDOW = 4
_ALMOST = frozenset(("almost", "nearly"))


def _blocked(ctx):
    """Word indexes a named step may not hold: a look-alike, or what _not_concrete finds."""
    return _not_concrete(ctx) | {k for f, l in ctx.hits.get("coping.not_strategy", ())
                                 for k in range(f, l + 1)}


def _not_concrete(ctx):
    """Word indexes of a medicine, a substance or a deity: named as what helped, no step to
    model ("what saved me was sertraline", "lo que me salvó fue conocer a Cristo")."""
    return {k for key in ("coping.unsafe", "coping.not_concrete", "boundaries.medication",
                          "boundaries.substance")
            for f, l in ctx.hits.get(key, ()) for k in range(f, l + 1)}


def _named_steps(ctx, advice):
    """What the writer names as what helped is the step they took, whatever it is.

    Three shapes: after a cleft ("what helped was having someone to call", "lo que me sacó
    fue hacer ejercicio"); as the subject of a helping verb ("the meetings saved me", "my
    coach got me back out there"); and, in Spanish, after the verb ("me ayudó preguntar",
    "me sirvió mucho un grupo de apoyo"). Returns (steps, the cleft / helping-verb hits, the
    clefts that name something unsafe)."""
    a = ctx.analysis
    negators = a.grammar["negators"]
    determiners = ctx.local(_DETERMINERS, "determiners")
    fillers = ctx.local(_HELP_FILLERS, "help_fillers")
    possessives = ctx.local(_POSSESSIVES, "possessives")
    blocked = _blocked(ctx)
    unsafe = _not_concrete(ctx)
    steps, turns, unsafe_named = [], [], []

    def own(first):
        s = a.sent_of[first]
        return s not in advice and not a.ends_with_question(s)

    # A cleft carries no negation of its own ("lo que me ayudó fue …" after "no tenía ganas
    # de nada y" is not negated): only a negator inside it counts.
    for first, last in ctx.cues("coping.cleft", own="quoted", negation=False):
        if not own(first) or any(a.norms[k] in negators or a.norms[k].endswith("n't")
                                 for k in range(first, last + 1)):
            continue
        k = last + 1
        while k < len(a.norms) and a.sent_of[k] == a.sent_of[first] and a.norms[k] in determiners:
            k += 1
        clause_end = k
        while clause_end < len(a.norms) and a.clause_of[clause_end] == a.clause_of[min(k, len(a.norms) - 1)]:
            clause_end += 1
        if k >= len(a.norms) or a.sent_of[k] != a.sent_of[first]:
            continue
        turns.append((first, last))
        if any(j in unsafe for j in range(k, clause_end)):
            unsafe_named.append((k, clause_end - 1))
        elif not any(j in blocked for j in range(k, clause_end)):
            steps.append((last + 1, k))
    for first, last in ctx.cues("coping.helped_by", own="quoted"):
        if not own(first):
            continue
        found = None
        # Before the verb: a determiner and a noun in the same clause ("my aunt really helped").
        for j in range(first - 1, max(first - _NAMED_WINDOW, 0) - 1, -1):
            if a.clause_of[j] != a.clause_of[first]:
                break
            if (a.norms[j] in determiners and a.norms[j] not in possessives and j + 1 < first
                    and j + 1 not in blocked):
                found = (j, first - 1)
                break
        if found is None and ctx.language != "en":
            # After it (Spanish puts the subject last): an infinitive or a determiner and noun.
            k = last + 1
            while k < len(a.norms) and a.norms[k] in fillers:
                k += 1
            endings = tuple(ctx.local((), "activity_endings"))
            not_activity = ctx.local(_NOT_ACTIVITY, "not_activity")
            if k < len(a.norms) and a.sent_of[k] == a.sent_of[first] and k not in blocked:
                norm = a.norms[k]
                if len(norm) > 4 and norm.endswith(endings) and norm not in not_activity:
                    found = (k, k)
                elif norm in determiners and k + 1 < len(a.norms) and a.sent_of[k + 1] == a.sent_of[k]:
                    found = (k, k + 1)
        if found is not None:
            steps.append(found)
            turns.append((first, last))
    return steps, turns, unsafe_named


def _asked(a, sentence):
    """A question about the patient, with no "I" in it: its outcome words are not the writer's."""
    return a.ends_with_question(sentence) and not a.first_person(sentence)


def detect(ctx):
    a = ctx.analysis
    # A step the patient is told to take is advice, not the writer's own coping.
    advice = () if ctx.cues("coping.own_step") else advice_sentences(ctx)
    strategies = [h for h in ctx.cues("coping.strategy", own="quoted") if a.sent_of[h[0]] not in advice]
    # An outcome asked about ("What would make you feel more confident?") or a look-alike
    # ("my father passed away") is not the writer's hopeful outcome.
    look_alike = {k for f, l in ctx.hits.get("coping.not_outcome", ()) for k in range(f, l + 1)}
    outcomes = [h for h in ctx.cues("coping.outcome", own="quoted")
                if h[0] not in look_alike and not _asked(a, a.sent_of[h[0]])]
    # A look-alike of a step ("sleep with", "I can just listen") is not one, however found.
    not_step = {k for f, l in ctx.hits.get("coping.not_strategy", ()) for k in range(f, l + 1)}

    def steps(found):
        return [h for h in found if h[0] not in not_step] if not_step else found

    strategies = steps(strategies)
    # What the writer names as what helped ("what got me through was my sister"): a step, and
    # the helping words an outcome. A medicine or a deity named so caps the level at partial.
    named, named_turns, unsafe_named = _named_steps(ctx, advice)
    if not strategies:
        strategies = named
    if not outcomes:
        outcomes = named_turns
    if not strategies and outcomes:
        strategies = steps(_activity_strategies(ctx, outcomes))
    if not strategies:
        strategies = steps(_means(ctx, advice) + _practice(ctx, advice))
    if not strategies:
        # What the writer made an effort to do ("I try to call my sister") is a step told as
        # what happened, with no technique named.
        strategies = steps(_step_after(ctx, "coping.effort", advice))
    if not outcomes:
        # How a step ended, told in an "until" clause; the clause before it is not taken as the
        # step ("I felt awful until I changed teams" tells a state, not what was done).
        outcomes = [turn for _step, turn in until_turns(ctx, advice)]
    # A bleak phrase that is negated ("I never gave up", "try not to give up") is not bleak;
    # the phrases that carry their own negation ("nothing helped") start with it.
    hopeless = [h for h in ctx.cues("coping.hopeless", own="quoted", negation=False)
                if not a.negated(h[0])]
    if hopeless:
        # What nearly happened did not ("I almost gave up"); a low point that turns later in
        # its sentence ("nothing worked, but then …") is not where the draft ends.
        almost = ctx.local(_ALMOST, "almost")
        turns = [f for f, _l in ctx.cues("coping.turn", own="quoted", negation=False)]
        hopeless = [h for h in hopeless
                    if not any(a.norms[j] in almost for j in range(max(h[0] - 2, 0), h[0]))
                    and not any(f > h[1] and a.sent_of[f] == a.sent_of[h[0]] for f in turns)]
    unsafe = ctx.cues("coping.unsafe", negation=False) + unsafe_named
    # A bleak ending: a bleak cue after every hopeful one, in the last two sentences.
    last_positive = max((first for first, _l in outcomes + strategies), default=-1)
    closing = max(len(a.sentences) - 2, 0)
    bleak_end = [hit for hit in hopeless if hit[0] > last_positive and a.sent_of[hit[0]] >= closing]
    spans = tuple(ctx.span(hit, _("coping step")) for hit in strategies[:2])
    spans += tuple(ctx.span(hit, _("hopeful outcome")) for hit in outcomes[:1])
    if bleak_end:
        return Finding(NOT_MET, spans + tuple(ctx.span(h, _("bleak ending")) for h in bleak_end[:2]), _(
            "The draft ends on {words}, which may leave the listener with less hope. Finish "
            "with what helped and how things improved.",
            words=quote_list(ctx.words(h) for h in bleak_end)))
    strategy_words = quote_list(ctx.words(h) for h in strategies)
    outcome_words = quote_list(ctx.words(h) for h in outcomes)
    if strategies and outcomes and unsafe_named:
        return Finding(PARTIAL, spans + tuple(ctx.span(h, _("not a safe strategy")) for h in unsafe_named[:1]), _(
            "You say things improved ({outcome}), but {unsafe} is not a step to model for a "
            "patient. Name a safe one, such as slow breathing or a short walk.",
            outcome=outcome_words, unsafe=quote_list(ctx.words(h) for h in unsafe_named[:1])))
    if strategies and outcomes:
        return Finding(MET, spans, _(
            "You name something concrete ({strategy}) and that it made a difference ({outcome}).",
            strategy=strategy_words, outcome=outcome_words))
    if outcomes:
        if unsafe:
            return Finding(PARTIAL, spans + tuple(ctx.span(h, _("not a safe strategy")) for h in unsafe[:1]), _(
                "You say things improved ({outcome}), but {unsafe} is not a step to model for a "
                "patient. Name a safe one, such as slow breathing or a short walk.",
                outcome=outcome_words, unsafe=quote_list(ctx.words(h) for h in unsafe)))
        return Finding(PARTIAL, spans, _(
            "You say things improved ({outcome}); add the concrete step that helped, such as "
            "slow breathing, a short walk or talking to someone.", outcome=outcome_words))
    if strategies:
        return Finding(PARTIAL, spans, _(
            "You name a step ({strategy}); add how it helped, for example that it got easier.",
            strategy=strategy_words))
    # A concrete step offered to the patient ("then try slow breathing") still names one of
    # the two; only told as the writer's own, with how it helped, does it model coping.
    advised = [h for h in ctx.cues("coping.strategy", own="quoted") if a.sent_of[h[0]] in advice]
    if not advised:
        # A tentative suggestion ("Have you talked to your doctor?", "maybe ask for a week off")
        # offers a step, whatever it is: the same middle level.
        advised = [h for h in ctx.cues("minimizing.soft_suggestion", own="quoted")
                   if not a.first_person(a.sent_of[h[0]])]
    if advised:
        return Finding(PARTIAL, tuple(ctx.span(h, _("suggested step")) for h in advised[:2]), _(
            "You suggest a step ({strategy}) without saying it helped you. Tell it as what you "
            "did and how things changed.", strategy=quote_list(ctx.words(h) for h in advised)))
    # A promise that the patient's trouble will end ("ya verás que se te pasa", "vas a estar
    # bien") is hope told plainly: the middle level, with nothing of the writer's own. Only the
    # Spanish file lists promises: the Spanish labels give them the middle level, the English
    # ones do not ("You'll be fine!" alone is "not met" there).
    promised = [h for h in ctx.cues("coping.promise", own="quoted") if h[0] not in look_alike]
    if promised:
        return Finding(PARTIAL, tuple(ctx.span(h, _("promise")) for h in promised[:1]), _(
            "You promise that things will get better ({words}); tell what you did that helped "
            "you and how things changed.", words=quote_list(ctx.words(h) for h in promised[:1])))
    return Finding(NOT_MET, (), _(
        "No coping step or hopeful outcome is named yet. Say what you did that helped and how "
        "things changed."))
