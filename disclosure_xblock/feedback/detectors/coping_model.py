"""
The learned layer for ``coping_hope`` (issues 14 and 15): the cue detector's level, re-weighed.

The cue detector (coping.py) judges by hand-written rules, which cover the wording of the rounds
they were written from: on a writer nobody had read it fell to about .5 kappa. This layer reads
the draft as features and lets an ordinal logistic regression (two binary models, level >=
partial and level == met), trained offline by scripts/train_outcome.py on our own labelled
drafts only, pick the level. Features, all binary, each with the span it came from:

- ``o:CRITERION=OUTCOME``: the resolution and coping detectors' own outcomes (no span);
- ``s:CRITERION:NOTE``: a span the detector quoted, by its note ("coping step", "sounds
  ongoing"), so the rules' derived findings (named steps, "until" turns) count;
- ``k:FILE.SECTION``: a cue of the resolution, coping, minimizing or episode lexicons, in the
  writer's own words and not negated; ``n:`` the same cue under a negator; ``last:`` /
  ``first:`` it is in the draft's last / first sentence; ``q:`` in a question;
- ``past`` (a past marker), ``fp`` (a first-person sentence), ``es`` (a Spanish draft),
  ``ongoing_after_turn`` / ``turn_after_ongoing`` (the order of a struggle and a turn);
- ``w:WORD``: a word of the draft (three letters or more), with strong L2 shrinkage: measured
  held out by writer, they helped coping (docs/real_text.md).

Explained and deterministic: where the models' level differs from the detector's, the layer may
take it only when it can quote the draft's words that weigh that way (the features present
with a span whose weight pushes towards the new level, the heaviest first); otherwise the
detector's level stands. Scoring is a sum of looked-up weights over sorted feature names.
The same layer for ``resolved`` was measured and not shipped (it lost on held-out Spanish and
on ESConv): see docs/real_text.md.
"""
from __future__ import annotations

import functools
import importlib.resources
import math
from typing import NamedTuple

from ...rubric.model import MET, NOT_MET, PARTIAL
from ..i18n import _, quote_list
from .base import Finding
from .coping import detect as coping_detect
from .resolution import detect as resolution_detect
from .tense import past_positions

WEIGHTS = "coping_weights.tsv"
LEVELS = (NOT_MET, PARTIAL, MET)
KEY_PREFIXES = ("resolution.", "coping.", "minimizing.", "episode.")
# The heaviest quotable features shown as the evidence of a level the layer changed.
EVIDENCE = 3
# Levels the rubric itself sets, which no weighing overrules: a bleak ending is the lowest level,
# and a medicine, a substance or a deity named as what helped caps it at partial.
RULED = ("s:coping_hope:bleak ending", "s:coping_hope:not a safe strategy")
# The layer overrules the detector only when its models are at least this far from even odds.
MARGIN = 0.1
# Words shorter than this carry no meaning of their own ("I", "me", "de").
MIN_WORD = 3


def cue_findings(ctx):
    """(resolution's Finding, coping's cue Finding), once per draft (the resolved criterion
    reads the same cached resolution Finding)."""
    return (ctx.cached(("detector", "resolution"), resolution_detect),
            ctx.cached(("cue", "coping_hope"), coping_detect))


def features(ctx, words=True):
    """{feature: (start char, end char) of its first occurrence, or None} for one draft."""
    a = ctx.analysis
    found = {}
    # The first occurrence of a feature keeps its span (setdefault: no call of our own per
    # feature, the hot path of the layer).
    add = found.setdefault
    starts, ends = a.starts, a.ends

    def chars(hit):
        return (starts[hit[0]], ends[hit[1]])

    for criterion, finding in zip(("resolved", "coping_hope"), cue_findings(ctx)):
        add(f"o:{criterion}={finding.outcome}", None)
        for start, end, note in finding.spans:
            add(f"s:{criterion}:{getattr(note, 'msgid', 'span')}", (start, end))
    last_sentence = len(a.sentences) - 1
    keys = [key for key in sorted(ctx.hits) if key.startswith(KEY_PREFIXES)]
    # The detectors' own readings of a cue: one inside a longer cue of another section is that
    # cue ("passed" in "passed away", "mejor" in "a lo mejor"), and one in a question about the
    # patient is not the writer's ("what would make you feel better?"): only ``q:`` is kept.
    # Hits by first word; a cue spans a few words, so only the starts ``reach`` words back can
    # cover a hit (linear in the draft, whatever its length).
    by_start = {}
    for key in keys:
        for f, l in ctx.hits[key]:
            by_start.setdefault(f, []).append((l, key))
    reach = max((l - f for key in keys for f, l in ctx.hits[key]), default=0)

    def covered(hit, key):
        first, last = hit
        return any(l >= last and l - f > last - first and other != key
                   for f in range(max(first - reach, 0), first + 1)
                   for l, other in by_start.get(f, ()))

    for key in keys:
        for hit in ctx.cues(key, own="quoted", negation=False):
            if covered(hit, key):
                continue
            sentence = a.sent_of[hit[0]]
            if a.ends_with_question(sentence):
                add("q:" + key, chars(hit))
                if not a.first_person(sentence):
                    continue
            if a.negated(hit[0]):
                add("n:" + key, chars(hit))
                continue
            add("k:" + key, chars(hit))
            if sentence == last_sentence:
                add("last:" + key, chars(hit))
            if sentence == 0:
                add("first:" + key, chars(hit))
    past = past_positions(ctx)
    if past:
        add("past", chars(past[0]))
    if any(a.first_person(s) for s in range(len(a.sentences))):
        add("fp", None)
    if ctx.language != "en":
        add("es", None)
    ongoing = ctx.cues("resolution.ongoing", own="quoted")
    turns = [h for key in ("resolution.resolution", "coping.outcome") for h in ctx.cues(key, own="quoted")]
    if ongoing and turns:
        add("ongoing_after_turn" if max(ongoing)[0] > max(turns)[0] else "turn_after_ongoing", None)
    if words:
        for k, (norm, quoted) in enumerate(zip(a.norms, a.quoted)):
            if not quoted and len(norm) >= MIN_WORD and norm.isalpha():
                add("w:" + norm, (starts[k], ends[k]))
    return found


def _sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


class Model(NamedTuple):
    """Two logistic models: ``partial`` (level >= partial) and ``met`` (level == met), each a
    (bias, {feature: weight}) pair."""

    partial: tuple
    met: tuple

    @staticmethod
    def score(half, found):
        """``bias + Σ weights`` over the features in sorted order (the same float sum on every
        machine); ``found`` may be a sorted list already."""
        bias, weights = half
        names = found if isinstance(found, list) else sorted(found)
        get = weights.get
        return bias + sum([get(name, 0.0) for name in names])

    def level(self, found, margin=0.0):
        """The level both models give, or None when either is within ``margin`` of even odds
        (not sure enough to overrule the detector)."""
        names = sorted(found)
        p_met = _sigmoid(self.score(self.met, names))
        if abs(p_met - 0.5) < margin:
            return None
        if p_met >= 0.5:
            return MET
        p_partial = _sigmoid(self.score(self.partial, names))
        if abs(p_partial - 0.5) < margin:
            return None
        return PARTIAL if p_partial >= 0.5 else NOT_MET


def decide(current, found, cue_outcome, margin=MARGIN, require_cue=True):
    """(level, evidence spans) when the layer moves the detector's level and can quote the
    words that weigh that way; None when the detector's level stands."""
    if any(name in found for name in RULED):
        return None
    level = current.level(found, margin)
    if level is None or level == cue_outcome:
        return None
    up = LEVELS.index(level) > LEVELS.index(cue_outcome)
    # Which model decides the move: the met model for moves into or out of "met", else the
    # partial one.
    _bias, weights = current.met if MET in (level, cue_outcome) else current.partial
    sign = 1.0 if up else -1.0
    # The detectors' findings and cues first (they name a kind of wording), then single words.
    quotable = sorted((name.startswith("w:"), -sign * weights.get(name, 0.0), name)
                      for name, span in found.items()
                      if span is not None and sign * weights.get(name, 0.0) > 0)
    if require_cue and (not quotable or quotable[0][0]):
        return None
    spans = []
    for _word, _w, name in quotable:
        span = found[name]
        if not any(s < span[1] and span[0] < e for s, e in spans):
            spans.append(span)
        if len(spans) == EVIDENCE:
            break
    if not spans:
        return None
    return level, tuple(sorted(spans))


def parse(text):
    """A Model from the weights file: "# comments", then "MODEL\\tFEATURE\\tWEIGHT" lines (MODEL
    "partial" or "met"; FEATURE "bias" is the intercept)."""
    halves = {"partial": [0.0, {}], "met": [0.0, {}]}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        which, name, value = line.split("\t")
        if name == "bias":
            halves[which][0] = float(value)
        else:
            halves[which][1][name] = float(value)
    return Model(tuple(halves["partial"]), tuple(halves["met"]))


@functools.lru_cache(maxsize=None)
def model():
    """The shipped model (read once per process, never changed)."""
    path = importlib.resources.files(__package__.rpartition(".")[0]).joinpath("lexicons", WEIGHTS)
    return parse(path.read_text("utf-8"))


_NOTES = {MET: _("step and outcome"), PARTIAL: _("one of the two"), NOT_MET: _("not yet a step that helped")}


def detect(ctx):
    """The coping_hope criterion: the cue detector's Finding, or the layer's where it moves the
    level with words to quote."""
    cue = cue_findings(ctx)[1]
    moved = decide(model(), features(ctx), cue.outcome)
    if moved is None:
        return cue
    level, spans = moved
    text = ctx.analysis.text
    words = quote_list(text[s:e] for s, e in spans)
    evidence = tuple((s, e, _NOTES[level]) for s, e in spans)
    if level == MET:
        return Finding(MET, evidence, _(
            "Read as a whole, your draft tells a step you took and that it made a difference "
            "({words}).", words=words))
    if level == PARTIAL and cue.outcome == NOT_MET:
        return Finding(PARTIAL, evidence, _(
            "Your draft names one of the two ({words}): a step you took or how things improved. "
            "Tell both: what you did, and how it changed things.", words=words))
    if level == PARTIAL:
        return Finding(PARTIAL, evidence, _(
            "Not both are clear yet ({words}). Say plainly what you did and how it changed "
            "things.", words=words))
    return Finding(NOT_MET, evidence, _(
        "{words} does not yet read as a step that helped you or as a hopeful outcome. Say what "
        "you did that helped and how things changed.", words=words))
