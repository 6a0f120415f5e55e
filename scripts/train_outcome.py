"""
Train and measure the learned layers: ``resolved`` and ``coping_hope`` (detectors/coping_model.py),
and ``relevant`` (scripts/relevance_features.py; measured, not shipped, so kept out of the package).

    .venv/bin/python scripts/train_outcome.py --loo          # leave-one-writer-out table only
    .venv/bin/python scripts/train_outcome.py --esconv b     # ESConv tune half b (aggregate)
    .venv/bin/python scripts/train_outcome.py --esconv frozen  # the frozen part (once a round)
    .venv/bin/python scripts/train_outcome.py --layer relevance --loo [--words] [--up-only]

Data: our own labelled rubric drafts only (tests/data: devset, heldout, heldout2, es_devset,
en_blind3..7, es_blind2..7; labeller B's *_labeller_b files as a second opinion, a soft target
of half weight each way where they differ); never ESConv, never a later round. Each set is one
writer.

The learner is ordinal: two binary logistic regressions per criterion, P(level >= partial) and
P(level == met), fitted by seeded stochastic gradient descent with L2 shrinkage in pure Python
(the same data gives the same weights on every machine). A draft is ``met`` when P(met) >= .5,
else ``partial`` when P(>= partial) >= .5, else ``not_met``.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # relevance_features.py, the measured layer's features

from benchmarks.feedback_agreement import cohen_kappa  # noqa: E402
from disclosure_xblock.feedback.detectors import coping_model  # noqa: E402
from disclosure_xblock.feedback.detectors import Context  # noqa: E402
from disclosure_xblock.feedback.language import detect as detect_language  # noqa: E402
from disclosure_xblock.scenarios import load_scenario  # noqa: E402
import relevance_features as relevance_model  # noqa: E402

DATA = ROOT / "tests" / "data"
WRITERS = (
    ("devset", "devset.jsonl"), ("heldout", "heldout.jsonl"), ("heldout2", "heldout2.jsonl"),
    ("es_devset", "es_devset.jsonl"),
    ("en_blind3", "en_blind3.jsonl"), ("en_blind4", "en_blind4.jsonl"),
    ("en_blind5", "en_blind5.jsonl"), ("en_blind6", "en_blind6.jsonl"),
    ("en_blind7", "en_blind7.jsonl"),
    ("es_blind2", "es_blind2.jsonl"), ("es_blind3", "es_blind3.jsonl"),
    ("es_blind4", "es_blind4.jsonl"), ("es_blind5", "es_blind5.jsonl"),
    ("es_blind6", "es_blind6.jsonl"), ("es_blind7", "es_blind7.jsonl"),
)
LEVELS = ("not_met", "partial", "met")
CRITERIA = ("resolved", "coping_hope")


def _outcome_cues(ctx):
    return dict(zip(CRITERIA, (f.outcome for f in coping_model.cue_findings(ctx))))


# The layers this script trains: (features(ctx, words), {criterion: cue outcome} of a draft, the
# criteria, whether word features are in by default). ``relevance`` was measured and not shipped
# (docs/real_text.md); its features are relative to the scenario (scripts/relevance_features.py).
LAYERS = {
    "outcome": (coping_model.features, _outcome_cues, CRITERIA, True),
    "relevance": (relevance_model.features,
                  lambda ctx: {"relevant": relevance_model.cue_finding(ctx).outcome}, ("relevant",), False),
}
SEED = 20261204
EPOCHS = 40
RATE = 0.05
L2 = 0.02
# Smaller weights are dropped from the shipped file (measured: held-out kappa unchanged).
MIN_WEIGHT = 0.01


def _load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_writers(words=True, layer="outcome"):
    """[(writer, language, {feature: span}, {criterion: (label A, label B or None)}, {criterion: cue outcome})]."""
    feature_of, cues_of, criteria, _words = LAYERS[layer]
    scenarios = {}
    rows = []
    for writer, name in WRITERS:
        items = _load(DATA / name)
        second = {}
        b_path = DATA / name.replace(".jsonl", "_labeller_b.jsonl")
        if b_path.exists():
            second = {r["id"]: r["expected"] for r in _load(b_path)}
        for item in items:
            key = item.get("scenario")
            if key and key not in scenarios:
                scenarios[key] = load_scenario(key)
            language = detect_language(item["text"], fallback="en").language or "en"
            ctx = Context(item["text"], scenarios.get(key) if key else None, language)
            found = feature_of(ctx, words=words)
            cue = cues_of(ctx)
            labels = {c: (item["expected"][c], second.get(item["id"], {}).get(c)) for c in criteria}
            rows.append((writer, language, found, labels, cue))
    return rows


def _sigmoid(z):
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def fit(samples, l2=L2, epochs=EPOCHS, rate=RATE, seed=SEED):
    """Logistic regression by seeded SGD: samples are (features, target in [0, 1])."""
    weights, bias = {}, 0.0
    order = list(range(len(samples)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch * 0.1)
        for i in order:
            feats, target = samples[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            g = _sigmoid(z) - target
            bias -= step * g
            for f in feats:
                w = weights.get(f, 0.0)
                weights[f] = w - step * (g + l2 * w)
    return bias, weights


def _targets(labels, threshold):
    a, b = labels
    ta = 1.0 if LEVELS.index(a) >= threshold else 0.0
    if b is None:
        return ta
    tb = 1.0 if LEVELS.index(b) >= threshold else 0.0
    return (ta + tb) / 2


def _rounded(bias, weights):
    """Four decimals, tiny weights dropped: what the shipped file holds (and what is measured)."""
    return (round(bias, 4), {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT})


def train(rows, criterion, l2=L2):
    """The ordinal model of ``criterion`` on ``rows``: a coping_model.Model."""
    halves = []
    for threshold in (1, 2):
        samples = [(tuple(sorted(found)), _targets(labels[criterion], threshold))
                   for _w, _l, found, labels, _c in rows]
        halves.append(_rounded(*fit(samples, l2=l2)))
    return coping_model.Model(*halves)


MARGIN_OVERRIDE = None  # --margin, for experiments only
UP_ONLY = False  # --up-only: the layer may only raise a level (experiment)


def predict(current, found, cue_outcome, margin=None):
    """The layer's outcome as shipped: the cue outcome unless decide() moves it."""
    margin = (MARGIN_OVERRIDE if MARGIN_OVERRIDE is not None else coping_model.MARGIN) if margin is None else margin
    moved = coping_model.decide(current, found, cue_outcome, margin)
    if moved is not None and UP_ONLY and LEVELS.index(moved[0]) < LEVELS.index(cue_outcome):
        return cue_outcome
    return cue_outcome if moved is None else moved[0]


def loo(rows, l2=L2, only=None, criteria=CRITERIA, per_language=False):
    """{criterion: {writer: [(label, cue outcome, layer outcome)]}} held out by writer
    (``per_language``: trained on the held-out writer's language only, an experiment)."""
    out = {c: {} for c in criteria}
    writers = [w for w, _f in WRITERS]
    for held in writers:
        train_rows = [r for r in rows if r[0] != held
                      and (not per_language or r[0].startswith("es") == held.startswith("es"))]
        test_rows = [r for r in rows if r[0] == held]
        for criterion in criteria:
            if only and criterion != only:
                continue
            models = train(train_rows, criterion, l2)
            out[criterion][held] = [(labels[criterion][0], cue[criterion], predict(models, found, cue[criterion]))
                                    for _w, _l, found, labels, cue in test_rows]
    return out


def _k(pairs):
    return cohen_kappa(pairs) if pairs else float("nan")


def print_loo(table):
    for criterion, per_writer in table.items():
        if not per_writer:
            continue
        print(f"\n{criterion}: kappa held out by writer, cue engine alone -> cue engine + layer")
        pooled = {"en": [], "es": []}
        for writer, triples in per_writer.items():
            cue = _k([(a, b) for a, b, _c in triples])
            layer = _k([(a, c) for a, _b, c in triples])
            print(f"  {writer:<10} n={len(triples):>3}  {cue:.3f} -> {layer:.3f}")
            pooled["es" if writer.startswith("es") else "en"].extend(triples)
        for language in ("en", "es"):
            triples = [t for w, ts in per_writer.items() if w.startswith("es") == (language == "es")
                       and not w.endswith("blind7") for t in ts]
            print(f"  pooled {language} without round 7 (layer only)  {_k([(a, c) for a, _b, c in triples]):.3f}")
        for language, triples in pooled.items():
            cue = _k([(a, b) for a, b, _c in triples])
            layer = _k([(a, c) for a, _b, c in triples])
            print(f"  pooled {language}  n={len(triples):>3}  {cue:.3f} -> {layer:.3f}")


def esconv(rows, part, l2=L2, words=True, layer="outcome"):
    """Aggregate kappa on ESConv (tune half b, or frozen) of the cue engine and with the layer."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from benchmarks import real_text  # noqa: E402
    labels = real_text.primary_labels(real_text.load_labels())
    texts = real_text.load_texts(set(labels))
    if texts is None:
        print("ESConv texts not found; set DISCLOSURE_ESCONV")
        return
    feature_of, cues_of, criteria, _words = LAYERS[layer]
    models = {c: train(rows, c, l2) for c in criteria}
    pairs = {c: [] for c in criteria}
    for item_id, row in sorted(labels.items()):
        if part == "frozen":
            if row.get("part") != "frozen":
                continue
        elif row.get("part") != "tune" or real_text.half_of(item_id) != part:
            continue
        problem, text, seeker = texts[item_id]
        language = detect_language(text, fallback="en").language or "en"
        ctx = Context(text, real_text.problem_scenario(problem, seeker), language)
        found = feature_of(ctx, words=words)
        for c, outcome in cues_of(ctx).items():
            pairs[c].append((row["labels"][c], outcome, predict(models[c], found, outcome)))
    print(f"\nESConv {'frozen' if part == 'frozen' else 'tune half ' + part}: n={len(pairs[criteria[0]])}")
    for c, triples in pairs.items():
        print(f"  {c:<12} cue {_k([(a, b) for a, b, _c in triples]):.3f} -> layer {_k([(a, x) for a, _b, x in triples]):.3f}"
              f"   labels {dict(Counter(a for a, _b, _c in triples))} layer {dict(Counter(x for _a, _b, x in triples))}")


OUTPUT = ROOT / "disclosure_xblock" / "feedback" / "lexicons" / coping_model.WEIGHTS
SHIPPED = "coping_hope"  # resolved was measured and not shipped (docs/real_text.md)


def weights_text(rows):
    """The shipped weights file: the coping_hope model trained on every writer."""
    current = train(rows, SHIPPED)
    lines = ["# The learned coping_hope layer (detectors/coping_model.py): written by",
             "# scripts/train_outcome.py from our own labelled drafts only; do not edit by hand.",
             f"# seed {SEED}, {EPOCHS} epochs, rate {RATE}, L2 {L2}; MODEL<TAB>FEATURE<TAB>WEIGHT"]
    for which, (bias, weights) in (("partial", current.partial), ("met", current.met)):
        lines.append(f"{which}\tbias\t{bias:.4f}")
        lines += [f"{which}\t{name}\t{weight:.4f}" for name, weight in sorted(weights.items())]
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--loo", action="store_true", help="only the leave-one-writer-out table")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed weights differ")
    parser.add_argument("--esconv", choices=("a", "b", "frozen"))
    parser.add_argument("--no-words", action="store_true", help="leave out the word features (experiment)")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--only", choices=CRITERIA + ("relevant",))
    parser.add_argument("--layer", choices=sorted(LAYERS), default="outcome",
                        help="which layer to measure (relevance: measured, not shipped)")
    parser.add_argument("--words", action="store_true", help="add the word features (relevance layer)")
    parser.add_argument("--per-language", action="store_true",
                        help="train on the held-out writer's language only (experiment; --loo)")
    parser.add_argument("--up-only", action="store_true", help="the layer may only raise a level (experiment)")
    parser.add_argument("--margin", type=float, help="the layer's margin (experiment)")
    parser.add_argument("--drop", action="append", default=[],
                        help="leave out features starting with this prefix (experiment)")
    args = parser.parse_args(argv)
    _f, _c, criteria, default_words = LAYERS[args.layer]
    words = (default_words or args.words) and not args.no_words
    if args.up_only:
        global UP_ONLY
        UP_ONLY = True
    if args.margin is not None:
        global MARGIN_OVERRIDE
        MARGIN_OVERRIDE = args.margin
    rows = load_writers(words=words, layer=args.layer)
    if args.drop:
        drop = tuple(args.drop)
        rows = [(w, l, {f: s for f, s in found.items() if not f.startswith(drop)}, labels, cue)
                for w, l, found, labels, cue in rows]
    if args.loo:
        print_loo(loo(rows, args.l2, args.only, criteria, args.per_language))
    if args.esconv:
        esconv(rows, args.esconv, args.l2, words, args.layer)
    if args.loo or args.esconv or args.drop or args.no_words or args.l2 != L2 or args.layer != "outcome":
        return 0
    text = weights_text(rows)
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text("utf-8") == text
        print("weights up to date" if same else f"{OUTPUT.name} differs from a fresh training run")
        return 0 if same else 1
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
