"""
Safety cues: self-harm, suicide and overdose in a draft, in every language the cue files cover.

Cues are reviewed data files (lexicons/safety.txt, lexicons/<language>/safety.txt). All of them
run on every draft whatever the page's language: a crisis must never be missed because a
language was guessed wrong. Words are compared accent-folded (text.fold), and spans are the
draft's own characters.

A cue does not count when it overlaps a guard phrase (an idiom: "killing myself laughing",
"me corté el pelo"), when a negator governs it ("I never hurt myself"), when others suspected it
and the writer denies it in the same sentence ("people assumed I was hurting myself, but I never
did": safety_model.disowned), when a lead takes it from the writer ("I've never been in a
place where I wanted to end my life", "if a patient says they want to die":
safety_model.led), or when it is quoted and
it reports what others say and no one close to the writer is the speaker ("patients sometimes
say 'I want to die'"). Anything
less clear counts: a false alarm costs an instructor a minute; a miss may cost far more.

A draft no cue flags is then read by the learned layer (safety_model.py): concept families,
words and the cues' own hits, weighed by weights learned offline from our labelled sets. It
flags what the cues' lists do not hold ("I stood at the edge of the roof for a long time"), with
the same idiom guards and negation, its kind from the families that weigh most and the sentence
that weighs most as evidence.
"""
from __future__ import annotations

import functools

from .safety_model import assess as model_assess
from .safety_model import BREAKERS, LEADS, disowned, led, unbroken
from .safety_model import features as family_features
from .safety_model import index_entries as model_entries
from .lexicons import SAFETY_FILES as FILES
from .lexicons import LexiconIndex, built_once, folded_patterns, folded_words, shared_key

# In the order a flag is listed: the gravest first.
KINDS = ("suicide", "overdose", "self_harm")
# Two passes: the cues themselves, then (only for the rare draft that has one) the words that
# qualify them. Most drafts hold no cue and never pay for the guards.
_CUE_SECTIONS = KINDS + ("purpose",)
_CONTEXT_SECTIONS = ("guards", "purpose_context", "intent", "frames", "unframed", "suspected", "denials") + LEADS + BREAKERS
# Kinds a harmless frame in the cue's own sentence overrules (a kitchen for "cut myself", a
# prescription for "a bunch of pills"). Never suicide: a death wish is one in any setting.
FRAMED_KINDS = ("self_harm", "overdose")
# Words to look back over from a cue to a negator: "I never really hurt myself", "nunca me
# corté", "I have never been suicidal". Any other word stops the search, so "I didn't tell
# anyone I cut myself" still counts.
NEGATION_REACH = 4
# "On purpose" counts as self-harm with an injury word at most this many words away.
PURPOSE_REACH = 6


@functools.lru_cache(maxsize=None)
def _entries(sections=_CUE_SECTIONS):
    return tuple((section, pattern) for name in FILES for section in sections
                 for pattern in folded_patterns(name, section))


@built_once()
def _index(sections=_CUE_SECTIONS):
    return LexiconIndex(_entries(sections))


# Tags of this module's entries in a shared index (detectors/base.py scans them with the
# detectors' cues when a draft's words and its folded words are the same).
CUE_TAG, CONTEXT_TAG, MODEL_TAG = "safety", "safety_context", "safety_model"


@functools.lru_cache(maxsize=None)
def shared_entries():
    """Every entry this module and the learned layer scan, keyed for a shared index
    (lexicons.shared_key); ``split_scan`` of its scan gives the parts by tag."""
    return tuple((shared_key(tag, key), pattern)
                 for tag, entries in ((CUE_TAG, _entries()), (CONTEXT_TAG, _entries(_CONTEXT_SECTIONS)),
                                      (MODEL_TAG, model_entries()))
                 for key, pattern in entries)


@functools.lru_cache(maxsize=None)
def _words(section):
    return frozenset().union(*(folded_words(name, section) for name in FILES))


def scan(analysis, cues=None, parts=None):
    """{kind: [(start char, end char), …]}: the cues that count, or else the learned layer's
    flag (one kind, one sentence), kinds in KINDS. ``cues``: cue_scan's result, when known;
    ``parts``: a shared index's scan of ``analysis.folded`` split by tag, when made.

    The learned layer raises a red flag (the instructor reads the draft, the learner sees the
    support message) but does not fail the boundaries criterion: a score is cut only for content
    a reviewed cue names (detectors/boundaries.py reads cue_scan)."""
    if cues is None:
        cues = cue_scan(analysis, parts)
    if cues:
        return cues
    hits = None if parts is None else parts.get(MODEL_TAG, {})
    raised = model_assess(model_features(analysis, hits), analysis, KINDS)
    if raised is None:
        return {}
    kind, span = raised
    return {kind: [span]}


def model_features(analysis, hits=None):
    """The learned layer's features of a draft (scripts/train_safety.py trains on exactly these).
    ``hits``: the MODEL_TAG part of a shared scan, when made."""
    return family_features(analysis, _negated, _quoted_report, hits)


def _hits(analysis, parts, tag, sections):
    """{key: hits} of ``sections`` in the folded words: the shared scan's part ``tag`` when made,
    else a scan of this module's own index (a copy either way: the caller adds to it)."""
    if parts is None:
        return _index(sections).scan(analysis.folded, analysis.sent_of)
    return dict(parts.get(tag, {}))


def cue_scan(analysis, parts=None):
    """{kind: [(start char, end char), …]} for every safety cue that counts, kinds in KINDS.
    ``parts``: a shared index's scan of ``analysis.folded`` split by tag, when made."""
    hits = _hits(analysis, parts, CUE_TAG, _CUE_SECTIONS)
    if not hits:
        return {}
    hits.update(_hits(analysis, parts, CONTEXT_TAG, _CONTEXT_SECTIONS))
    guards = (unbroken(hits.get("guards", ()), hits.get("guard_breakers", ()))
              + disowned(analysis, hits) + led(analysis, hits))
    purpose = [hit for hit in hits.get("purpose", ()) if _counts(analysis, hit, guards)]
    framed = _framed(analysis, hits, guards, purpose)
    found = {}
    for kind in KINDS:
        spans = [hit for hit in hits.get(kind, ()) if _counts(analysis, hit, guards)
                 and not (kind in FRAMED_KINDS and analysis.sent_of[hit[0]] in framed)]
        if spans:
            found[kind] = spans
    if purpose:
        context = [hit for hit in hits.get("purpose_context", ())
                   if _counts(analysis, hit, guards) and not _at_others(analysis, hit)]
        for first, last in purpose:
            sentence = analysis.sent_of[first]
            near = [h for h in context if analysis.sent_of[h[0]] == sentence
                    and abs(h[0] - first) <= PURPOSE_REACH]
            if near:
                found.setdefault("self_harm", []).extend([near[0], (first, last)])
    _overdose_with_intent(analysis, hits, guards, purpose, found)
    return {kind: _merged(analysis, found[kind]) for kind in KINDS if kind in found}


def _framed(analysis, hits, guards, purpose):
    """Sentence numbers a harmless frame ([frames]: a kitchen, a prescription after surgery)
    holds, unless an intent, "on purpose" or an [unframed] word (the act by its name, "at once",
    a hoard) shares the sentence: "sliced my arm on purpose while cooking", "overdosed on his
    pain medication after surgery" still count. A guard is one phrase; a frame names the
    setting wherever it sits in the sentence ("Cut myself once slicing onions")."""
    sent_of = analysis.sent_of
    frames = {sent_of[first] for first, last in hits.get("frames", ())
              if _counts(analysis, (first, last), guards)}
    if not frames:
        return frames
    meant = {sent_of[first] for first, _last in purpose}
    meant.update(sent_of[first] for section in ("intent", "unframed")
                 for first, last in hits.get(section, ()) if _counts(analysis, (first, last), guards))
    return frames - meant


def _overdose_with_intent(analysis, hits, guards, purpose, found):
    """An overdose told with its intent ("on purpose", "because I couldn't see a way forward",
    "porque no quería seguir") is a suicide attempt too: flag both kinds."""
    overdoses = found.get("overdose")
    if not overdoses:
        return
    intent = purpose + [hit for hit in hits.get("intent", ()) if _counts(analysis, hit, guards)]
    sentences = {analysis.sent_of[first] for first, _last in intent}
    attempts = [hit for hit in overdoses if analysis.sent_of[hit[0]] in sentences]
    if attempts:
        found.setdefault("suicide", []).extend(attempts)


def _merged(analysis, hits):
    """Character spans of ``hits``, overlapping ones joined ("took a whole bottle of pills")."""
    spans = []
    for first, last in sorted(hits):
        if spans and first <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], last)
        else:
            spans.append([first, last])
    return [(analysis.starts[f], analysis.ends[l]) for f, l in spans]


def _counts(analysis, hit, guards):
    first, last = hit
    if any(g_first <= last and first <= g_last for g_first, g_last in guards):  # overlaps an idiom
        return False
    if _negated(analysis, first):
        return False
    return not _quoted_report(analysis, first)


def _quoted_report(analysis, index):
    """True when the word at ``index`` is quoted words others said (see _counts)."""
    return bool(analysis.quoted[index] and _reported(analysis, index)
                and not _close_speaker(analysis, index))


def _reported(analysis, index):
    """True when a reporting verb outside the quotation comes before ``index`` in its sentence:
    "patients say 'I want to die'". Scare quotes ("I'd 'unalive' myself") are no report."""
    first = analysis.sentences[analysis.sent_of[index]][0]
    reporting, norms, quoted = _words("reporting"), analysis.folded, analysis.quoted
    return any(norms[k] in reporting and not quoted[k] for k in range(first, index))


def _at_others(analysis, hit):
    """True when an injury word is done to someone else: "hurt people on purpose", "lastimaba
    a alguien" (the next two words are looked at)."""
    others = _words("others")
    return any(word in others for word in analysis.folded[hit[1] + 1:hit[1] + 3])


def _negated(analysis, index):
    negators, bridge = _words("negators"), _words("bridge")
    norms, clause = analysis.folded, analysis.clause_of[index]
    for j in range(index - 1, max(index - NEGATION_REACH, 0) - 1, -1):
        if analysis.clause_of[j] != clause:
            return False
        word = norms[j]
        if word in negators or word.endswith("n't"):
            return True
        if word not in bridge:
            return False
    return False


def _close_speaker(analysis, index):
    """True when quoted words at ``index`` are said by the writer or someone close to them:
    "my brother kept saying 'I want to die'", "I used to tell myself 'end it'"."""
    first, end = analysis.sentences[analysis.sent_of[index]][:2]
    people, speakers, me = _words("close_people"), _words("speakers"), _words("first_person")
    norms, quoted = analysis.folded, analysis.quoted
    for k in range(first, end):
        if quoted[k]:
            continue
        if norms[k] in people or norms[k] in speakers:
            return True
        if norms[k] in me and _speaks(norms, quoted, k + 1, end):
            return True
    return False


def _speaks(norms, quoted, start, end):
    """True when a speaking verb follows at ``start``, past helper words only ("used to say",
    "kept telling"): "I've heard patients say …" is not the writer speaking."""
    helpers, speaking = _words("speaking_helpers"), _words("speaking")
    for j in range(start, min(start + 3, end)):
        if quoted[j]:
            return False
        if norms[j] in speaking:
            return True
        if norms[j] not in helpers:
            return False
    return False
