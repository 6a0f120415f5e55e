"""
The learned safety layer: a small logistic regression over concept families, words and cues.

The cues (safety.py) catch what a reviewer has written down; drafts told in words no list has
("I stood at the edge of the roof", "the paramedics had to bring me back", "me pasé con las
pepas") are read here by what they are about. Features, all binary, all computed in one pass:

- ``f:FAMILY``: a concept family of lexicons/safety_families.txt occurs (not negated, not inside
  an idiom guard); ``n:FAMILY``: it occurs under a negator ("I never wanted to hurt myself");
- ``p:A+B``: two families share a sentence (an injury act with a body part, pills with a
  quantity, a height with a jump);
- ``c:guard``: an idiom guard of the cue files matched ("killing myself laughing").

Only concepts, no single words: word and word-pair features were tried and left out, as they
fit each writer's phrasing (held out by writer, the model alone caught 0.53 of the positives
with them and 0.71 without, at fewer false alarms on ordinary drafts). Nor are the cues' own
hits features: the cues were written against these very sets, so as features they absorb the
labels and the model learns nothing else (a new writer's recall fell from 0.93 to 0.86 with
them).

The weights are data (lexicons/safety_weights.tsv), learned offline by scripts/train_safety.py
from our own labelled sets only, with the threshold chosen by leave-one-writer-out validation.
Scoring is a sum of looked-up weights: deterministic, linear in the draft's length, no
dependency. The evidence is the sentence whose features weigh most; the kind is the one whose
families weigh most.
"""
from __future__ import annotations

import functools
import importlib.resources
import math

from .lexicons import SAFETY_FILES, LexiconIndex, _sections, built_once, folded_patterns, folded_words

FAMILIES = "safety_families"
WEIGHTS = "safety_weights.tsv"
# Sections of the cue files whose phrases take the next words away from the writer (``led``).
LEADS = ("denial_leads", "hypothetical_leads", "joke_leads", "joke_tails", "joke_breakers")
# Phrases that undo an idiom guard they overlap ([guard_breakers]): accent folding makes "cortaba
# con él" (broke up with him), a guard, read "me cortaba con el cúter" too; "cort* con el cúter"
# breaks it. Read by the cues (safety.cue_scan) and here, like the leads.
BREAKERS = ("guard_breakers",)
# A hypothetical lead ("if a patient says") covers at most this many words after it in its
# sentence: "if someone tells you they want to kill themselves" (six).
HYPOTHETICAL_REACH = 6
# A denial lead ("never got to the point where") reaches over at most this many words after it,
# its [bridge] or first-person words ("… where I really wanted to"), to the first other word; it
# covers that word and DENIAL_TAIL - 1 more, the denied words ("hacerme daño", "end my life").
DENIAL_REACH = 5
DENIAL_TAIL = 3
# A denial may open the next sentence, within this many words of its start (twelfth round: "she
# asked if I meant hurting myself. I honestly didn't, I meant a holiday").
NEXT_DENIAL_START = 3
# A joke said as one ([joke_leads]: "my sister used to joke", "medio en broma", hyperbole by
# condition: "if I have to go to one more …", "si no apruebo …") covers at most this many words
# after it in its sentence, up to a [joke_stops] word ("but", "pero"); a laugh after the words
# ([joke_tails]: "jaja", "lol") covers JOKE_BACK words before it. Neither when the sentence says
# it was meant ([joke_breakers]: "I meant it", "no era broma").
JOKE_REACH = 12
JOKE_BACK = 6


@functools.lru_cache(maxsize=None)
def family_names():
    return tuple(name for name in _sections(FAMILIES) if name not in ("kinds", "sets"))


@functools.lru_cache(maxsize=None)
def family_kinds():
    """{family: red-flag kind} from the [kinds] section."""
    kinds = {}
    for line in _sections(FAMILIES).get("kinds", ()):
        kind, _eq, members = line.partition("=")
        for family in members.split():
            kinds[family] = kind.strip()
    return kinds


@functools.lru_cache(maxsize=None)
def index_entries():
    """(key, pattern) of the families and the cue files' idiom guards (key " guards")."""
    entries = [(name, pattern) for name in family_names() for pattern in folded_patterns(FAMILIES, name)]
    entries += [(" guards", pattern) for name in SAFETY_FILES for pattern in folded_patterns(name, "guards")]
    # Suspicions the writer denies (safety.disowned) and leads that take the words after them
    # away from the writer (``led``): the same sections as the cues read.
    entries += [(section, pattern) for name in SAFETY_FILES for section in ("suspected", "denials") + LEADS + BREAKERS
                for pattern in folded_patterns(name, section)]
    return tuple(entries)


@built_once()
def _index():
    """The families and the cue files' idiom guards, found in one pass over the draft."""
    return LexiconIndex(index_entries())


def features(analysis, negated, reported, hits=None):
    """{feature: set of sentence numbers it occurs in} for a draft (see the module docstring).

    From safety.py, the cues' own rules: ``negated(analysis, word index)`` and
    ``reported(analysis, word index)`` (quoted words others said: "patients say 'I want to
    die'"); family hits they govern, or inside an idiom guard, do not count as the family.
    ``hits``: a scan of ``index_entries()`` on ``analysis.folded`` already made (a shared index's
    part, lexicons.split_scan), else it is scanned here."""
    sent_of = analysis.sent_of
    found = {}

    def add(name, sentence):
        found.setdefault(name, set()).add(sentence)

    hits = _index().scan(analysis.folded, sent_of) if hits is None else dict(hits)
    # Words inside a guard, marked once (a cue or guard spans a few words: linear in the draft).
    guarded = bytearray(len(sent_of))
    breakers = hits.pop("guard_breakers", ())
    for first, last in unbroken(hits.pop(" guards", ()), breakers):
        add("c:guard", sent_of[first])
        guarded[first:last + 1] = b"\x01" * (last + 1 - first)
    # What others suspected and the writer denied in the same sentence is no family either.
    context = {section: hits.pop(section) for section in ("suspected", "denials") + LEADS if section in hits}
    for first, last in disowned(analysis, context) + led(analysis, context):
        guarded[first:last + 1] = b"\x01" * (last + 1 - first)
    per_sentence = {}
    for family, spans in hits.items():
        for first, last in spans:
            if any(guarded[first:last + 1]):
                continue
            if reported(analysis, first):
                continue
            sentence = sent_of[first]
            if family != "negation" and negated(analysis, first):
                add("n:" + family, sentence)
                continue
            add("f:" + family, sentence)
            per_sentence.setdefault(sentence, set()).add(family)
    for sentence, families in per_sentence.items():
        ordered = sorted(families)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                add(f"p:{a}+{b}", sentence)
    return found


def unbroken(guards, breakers):
    """The guard spans that lie inside no [guard_breakers] span (see BREAKERS). Inside, not
    overlapping: "miedo de cortarme con el cuchillo" keeps its guard ("miedo de cortarme" starts
    before the breaker)."""
    if not breakers:
        return list(guards)
    return [(first, last) for first, last in guards
            if not any(b_first <= first and last <= b_last for b_first, b_last in breakers)]


def disowned(analysis, hits):
    """Word ranges (first, last) a writer disowns: what others suspected of the writer, then
    denied in the same sentence ("People assumed I was hurting myself because of the long
    sleeves, but I never did", "pensaban que yo me lastimaba, pero nunca lo hice"). Each range
    runs from a [suspected] phrase to a later [denials] phrase of its sentence (or one opening
    the next sentence, see NEXT_DENIAL_START); a cue in it
    counts as inside a guard, and the learned layer reads no family there. Both are needed:
    "everyone assumed I was fine, but I was cutting myself" and "I wanted to die but I never
    did anything" (the writer's own thought) still count."""
    denials = hits.get("denials")
    if not denials:
        return []
    sent_of, sentences, ranges = analysis.sent_of, analysis.sentences, []
    for first, last in hits.get("suspected", ()):
        later = [d_last for d_first, d_last in denials
                 if d_first > last and (sent_of[d_first] == sent_of[first]
                                        or _opens_next(sentences, sent_of, first, d_first))]
        if later:
            ranges.append((first, min(later)))
    return ranges


def _opens_next(sentences, sent_of, first, d_first):
    """True when a denial opens the sentence after the suspicion (within NEXT_DENIAL_START
    words): "she asked if I meant hurting myself. I honestly didn't, I meant a holiday"."""
    sentence = sent_of[first] + 1
    return (sent_of[d_first] == sentence
            and d_first - sentences[sentence][0] < NEXT_DENIAL_START)


@functools.lru_cache(maxsize=None)
def _lead_bridge():
    """Words a denial lead reaches over: the cue files' [bridge] and first-person words."""
    return frozenset().union(*(folded_words(name, section) for name in SAFETY_FILES
                               for section in ("bridge", "first_person")))


def led(analysis, hits):
    """Word ranges (first, last) a lead takes away from the writer, as ``disowned`` does:

    - a denial said before its object ([denial_leads], the negator inside the phrase: "I've
      never been in a place where I wanted to end my life", "nunca he llegado a pensar en
      hacerme daño"): the lead, the [bridge] and first-person words after it (DENIAL_REACH)
      and the next DENIAL_TAIL words, where the denied words begin and end. Only those: "nunca
      llegué a contarle a nadie que me cortaba" still counts (the negator's own reach,
      safety._negated, is four bridge words in one clause; a lead is longer and crosses "where"
      and "I");
    - a case others may raise ([hypothetical_leads]: "if a patient says they want to die",
      "si alguien te dice que quiere morir", a topic: "will be all about suicide"): the lead and
      at most HYPOTHETICAL_REACH words after it in its sentence.

    A cue in a range counts as inside a guard; the learned layer reads no family there."""
    sent_of, ranges = analysis.sent_of, []
    norms, bridge = analysis.folded, _lead_bridge()
    for first, last in hits.get("denial_leads", ()):
        sentence_end = analysis.sentences[sent_of[last]][1] - 1
        end = last + 1  # the first word after the lead that is not a bridge word, or the reach
        while end < sentence_end and end - last < DENIAL_REACH and norms[end] in bridge:
            end += 1
        ranges.append((first, min(end + DENIAL_TAIL - 1, sentence_end)))
    for first, last in hits.get("hypothetical_leads", ()):
        sentence_end = analysis.sentences[sent_of[last]][1] - 1
        ranges.append((first, min(last + HYPOTHETICAL_REACH, sentence_end)))
    if "joke_leads" in hits or "joke_tails" in hits:
        ranges.extend(_joked(analysis, hits))
    return ranges


@functools.lru_cache(maxsize=None)
def _joke_stops():
    return frozenset().union(*(folded_words(name, "joke_stops") for name in SAFETY_FILES))


def _joked(analysis, hits):
    """Word ranges a joke takes from the writer (see JOKE_REACH): the lead to the next stop word
    or JOKE_REACH words on, and JOKE_BACK words before a laugh, in sentences that hold no
    [joke_breakers] phrase."""
    sent_of, norms, stops = analysis.sent_of, analysis.folded, _joke_stops()
    meant = {sent_of[first] for first, _last in hits.get("joke_breakers", ())}
    ranges = []
    for first, last in hits.get("joke_leads", ()):
        if sent_of[first] in meant:
            continue
        sentence_end = analysis.sentences[sent_of[last]][1] - 1
        end = last
        while end < min(last + JOKE_REACH, sentence_end) and norms[end + 1] not in stops:
            end += 1
        if end > last:  # the words after the lead, not the lead ("lol", "joke" are hyperbole words)
            ranges.append((last + 1, end))
    for first, last in hits.get("joke_tails", ()):
        if sent_of[first] in meant:
            continue
        start = max(first - JOKE_BACK, analysis.sentences[sent_of[first]][0])
        if start < first:
            ranges.append((start, first - 1))
    return ranges


class Model:
    """Weights, bias and threshold read from a weights file (see ``parse``)."""

    __slots__ = ("weights", "bias", "threshold")

    def __init__(self, weights, bias, threshold):
        self.weights, self.bias, self.threshold = weights, bias, threshold

    def score(self, found):
        """The logit of a draft's features (``features()``)."""
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) for name in found)

    def probability(self, found):
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.score(found)))))


def parse(text):
    """A Model from the weights file format: "# comments", "bias\\tX", "threshold\\tX", then one
    "feature\\tweight" a line."""
    weights, bias, threshold = {}, 0.0, 0.0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _tab, value = line.rpartition("\t")
        if name == "bias":
            bias = float(value)
        elif name == "threshold":
            threshold = float(value)
        else:
            weights[name] = float(value)
    return Model(weights, bias, threshold)


@functools.lru_cache(maxsize=None)
def model():
    """The shipped model (read once per process, never changed)."""
    path = importlib.resources.files(__package__).joinpath("lexicons", WEIGHTS)
    return parse(path.read_text("utf-8"))


def assess(found, analysis, order, current=None):
    """(kind, (start char, end char)) when the model's score for the features ``found`` reaches
    its threshold, else None. ``order``: the kinds, gravest first (ties go to the graver)."""
    current = current or model()
    if current.score(found) < current.threshold:
        return None
    return _kind(current, found, order), _evidence(analysis, current, found)


def _kind(current, found, order):
    kinds = family_kinds()
    totals = dict.fromkeys(order, 0.0)
    for name in found:
        weight = current.weights.get(name, 0.0)
        if weight <= 0 or name[:2] not in ("f:", "p:"):
            continue
        for family in name[2:].split("+"):
            kind = kinds.get(family)
            if kind in totals:
                totals[kind] += weight
    best = max(order, key=lambda kind: (totals[kind], -order.index(kind)))
    return best if totals[best] > 0 else "suicide"


def _evidence(analysis, current, found):
    """The span of the sentence whose features add the most to the score."""
    totals = {}
    for name, sentences in found.items():
        weight = current.weights.get(name, 0.0)
        if weight > 0:
            for sentence in sentences:
                totals[sentence] = totals.get(sentence, 0.0) + weight
    sentence = max(sorted(totals), key=totals.__getitem__) if totals else 0
    _first, _end, start, end = analysis.sentences[sentence]
    return start, end
