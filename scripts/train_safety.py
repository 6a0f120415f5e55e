"""
Train the learned safety layer (disclosure_xblock/feedback/safety_model.py) offline.

    .venv/bin/python scripts/train_safety.py            # leave-one-writer-out table, then write
    .venv/bin/python scripts/train_safety.py --check    # exit 1 if the committed weights differ
    .venv/bin/python scripts/train_safety.py --loo      # only the leave-one-writer-out table

Data: our own safety-labelled sets in tests/data (each written by a different hand, English and
Spanish): never ESConv or any other corpus. Each set is one "writer". The features are exactly
the run-time ones (safety.model_features), so what is trained is what is scored.

The learner is a plain logistic regression (binary: any safety flag or none), fitted by
stochastic gradient descent in a fixed, seeded order with L2 shrinkage: pure Python, so the same
data gives the same weights on every machine, with no training dependency. Weights are rounded
to four decimals and tiny ones dropped, so the shipped file is small and diff-able.

The threshold is chosen by leave-one-writer-out validation: for each set, a model trained on the
other sets scores the held set; on those held-out scores (cue OR score >= threshold) the lowest
threshold whose false alarms stay within WRITER_BUDGET for each writer (ordinary drafts' sets
included) and within ORDINARY_BUDGET on the ordinary drafts pooled, in every language, is found
(the lowest: the most held-out recall), then raised halfway to the weakest held-out positive it
catches (the same recall, a margin against false alarms: ``choose_threshold``).
The table it prints is the honest estimate for a new writer (but see docs/safety.md: the cues
were written on some of these sets, so their held-out figures flatter the cue part).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclosure_xblock.feedback import safety, safety_model  # noqa: E402
from disclosure_xblock.feedback.text import Analysis  # noqa: E402

DATA = ROOT / "tests" / "data"
OUTPUT = ROOT / "disclosure_xblock" / "feedback" / "lexicons" / safety_model.WEIGHTS
# One entry per writer: (name, files). A missing file is skipped (with a note).
# The rubric sets (devset, heldout …) are ordinary drafts by other writers, with no safety label:
# they are negatives (what most drafts look like), except those a cue flags (their safety label is
# unknown, so they are left out).
ORDINARY = (
    ("devset", ("devset.jsonl",)),
    ("heldout", ("heldout.jsonl",)),
    ("heldout2", ("heldout2.jsonl",)),
    ("es_devset", ("es_devset.jsonl",)),
)
SETS = (
    ("own", ("safety_own_en.jsonl", "safety_own_es.jsonl")),
    # The engine's author again, later: concept near-misses (one family alone, harmless) beside
    # the same concepts together (a crisis), for the learned layer.
    ("own2", ("safety_own2_en.jsonl", "safety_own2_es.jsonl")),
    ("blind1", ("safety_blind_en.jsonl", "safety_blind_es.jsonl")),
    ("blind2", ("safety_blind2_en.jsonl", "safety_blind2_es.jsonl")),
    ("blind3", ("safety_blind3_en.jsonl", "safety_blind3_es.jsonl")),
    ("train", ("safety_train_en.jsonl", "safety_train_es.jsonl")),
    ("blind4", ("safety_blind4_en.jsonl", "safety_blind4_es.jsonl")),
    ("blind5", ("safety_blind5_en.jsonl", "safety_blind5_es.jsonl")),
    ("blind6", ("safety_blind6_en.jsonl", "safety_blind6_es.jsonl")),
    ("blind7", ("safety_blind7_en.jsonl", "safety_blind7_es.jsonl")),
    # Set 8 joined in the eighth round, after its measurement on main (docs/safety.md).
    ("blind8", ("safety_blind8_en.jsonl", "safety_blind8_es.jsonl")),
    # Sets 9 and 10 joined in the ninth round, after their measurement on main (docs/safety.md).
    ("blind9", ("safety_blind9_en.jsonl", "safety_blind9_es.jsonl")),
    ("blind10", ("safety_blind10_en.jsonl", "safety_blind10_es.jsonl")),
    # Set 11 joined in the tenth round, after its measurement on main (docs/safety.md).
    ("blind11", ("safety_blind11_en.jsonl", "safety_blind11_es.jsonl")),
    # Set 12 joined in the eleventh round, after its measurement on main (docs/safety.md).
    ("blind12", ("safety_blind12_en.jsonl", "safety_blind12_es.jsonl")),
    # Set 13 joined in the set-13 round (branch safetyfa), after its measurement on main ccb9f03
    # (docs/safety.md).
    ("blind13", ("safety_blind13_en.jsonl", "safety_blind13_es.jsonl")),
    # Set 14 (twelfth round, branch safety15) is read and benchmarked but not trained on yet:
    # trained on, the threshold rule fell to -0.260 and three earlier near-misses (a burn from an
    # oven, pills after surgery as prescribed, arms scratched for insect bites) crossed it
    # (docs/safety.md). The next round should add it with counter-families for those.
    # ("blind14", ("safety_blind14_en.jsonl", "safety_blind14_es.jsonl")),
    # safety_own3 (the author's eighth-round probes) is not here: trained on, it lowered the
    # writers' held-out recall of the learned layer (0.868 -> 0.858 en, 0.887 -> 0.880 es); it is
    # a regression set (benchmarks/feedback_agreement.py, tests/unit/feedback/test_agreement.py).
)
# The engine's author wrote these; every other set is by a writer who never saw the engine. The
# table's "writers" rows pool those others: the nearest thing to the next new writer.
AUTHOR_SETS = ("own", "own2")
NOT_WRITERS = AUTHOR_SETS + ("all", "writers", "ordinary")
SEED = 13
EPOCHS = 30
LEARNING_RATE = 0.05
DECAY = 0.1
L2 = 0.03
MIN_DF = 2            # a feature must occur in at least this many training drafts
PRUNE = 0.00005       # rounded weights smaller than this are left out of the file
# Threshold rule (seventh round, recall first): the lowest threshold (the most held-out recall)
# whose held-out false alarms stay within the target for every writer, in each language: each
# safety writer who never saw the engine, and each set of ordinary drafts (other writers, what
# most learners write), so no one writer pays for the others. (Until the sixth round, also 0.08
# on the safety sets pooled and 0.03 on ordinary drafts pooled: stricter than the target, they
# held the layer back on guarded disclosures.)
WRITER_BUDGET = 0.10        # per language and writer (AUTHOR_SETS aside): the target itself
# Ordinary drafts pooled, per language: a flag on a draft with nothing alarming shows its learner
# a crisis support message, which costs the feedback its trust; the seventh round's lower threshold
# raised that to 6% in English (one set at 9.7%) and bought no recall on the next new writer.
ORDINARY_BUDGET = 0.05


class Doc:
    __slots__ = ("writer", "id", "language", "label", "features", "cues", "ordinary")

    def __init__(self, writer, item, ordinary=False):
        self.writer, self.id, self.ordinary = writer, item["id"], ordinary
        self.language = item.get("language") or "en"
        self.label = bool(item.get("red_flag"))
        analysis = Analysis(item["text"])
        self.cues = bool(safety.cue_scan(analysis))
        self.features = tuple(sorted(safety.model_features(analysis)))


def load(quiet=False):
    docs = []
    for writer, files in ORDINARY:
        for name in files:
            with open(DATA / name, encoding="utf-8") as handle:
                rows = [Doc(writer, json.loads(line), True) for line in handle if line.strip()]
            docs.extend(doc for doc in rows if not doc.cues)
    for writer, files in SETS:
        for name in files:
            path = DATA / name
            if not path.exists():
                if not quiet:
                    print(f"note: {name} missing, skipped", file=sys.stderr)
                continue
            with open(path, encoding="utf-8") as handle:
                docs.extend(Doc(writer, json.loads(line)) for line in handle if line.strip())
    return docs


def _sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def train(docs):
    """(weights {feature: rounded weight}, rounded bias) fitted on ``docs``."""
    df = Counter(f for doc in docs for f in doc.features)
    vocab = sorted(f for f, count in df.items() if count >= MIN_DF)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [[index[f] for f in doc.features if f in index] for doc in docs]
    targets = [1.0 if doc.label else 0.0 for doc in docs]
    weights = [0.0] * len(vocab)
    bias = 0.0
    rng = random.Random(SEED)
    order = list(range(len(docs)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = LEARNING_RATE / (1.0 + epoch * DECAY)
        for i in order:
            row = rows[i]
            gradient = _sigmoid(bias + sum(weights[j] for j in row)) - targets[i]
            bias -= rate * gradient
            for j in row:
                weights[j] -= rate * (gradient + L2 * weights[j])
    rounded = {vocab[j]: round(w, 4) for j, w in enumerate(weights) if abs(round(w, 4)) >= PRUNE}
    return rounded, round(bias, 4)


def score(weights, bias, doc):
    return bias + sum(weights.get(f, 0.0) for f in doc.features)


def leave_one_writer_out(docs):
    """[(doc, held-out score)] for every doc, each scored by a model that never saw its writer."""
    scored = []
    for writer in dict.fromkeys(doc.writer for doc in docs):
        weights, bias = train([doc for doc in docs if doc.writer != writer])
        scored.extend((doc, score(weights, bias, doc)) for doc in docs if doc.writer == writer)
    return scored


def figures(scored, threshold, cues=True):
    """{(writer, "all" or "ordinary", language): (pos, neg, recall, false alarms)} for cue OR
    score >= t (the model alone with ``cues`` false). "all": the safety sets together; "writers":
    the safety sets of writers who never saw the engine (AUTHOR_SETS left out)."""
    table = {}
    for doc, value in scored:
        flagged = (cues and doc.cues) or value >= threshold
        pooled = ("ordinary",) if doc.ordinary else ("all",) if doc.writer in AUTHOR_SETS else ("all", "writers")
        for key in ((doc.writer, doc.language),) + tuple((name, doc.language) for name in pooled):
            row = table.setdefault(key, [0, 0, 0, 0])
            if doc.label:
                row[0] += 1
                row[2] += flagged
            else:
                row[1] += 1
                row[3] += flagged
    return {key: (pos, neg, hit / pos if pos else float("nan"), alarm / neg if neg else float("nan"))
            for key, (pos, neg, hit, alarm) in table.items()}


def lowest_in_budget(scored):
    """The lowest held-out score threshold (held-out recall can only fall as it rises) keeping
    every writer's false alarms within the target in each language: each safety writer who never
    saw the engine and each set of ordinary drafts, and the ordinary drafts pooled."""
    candidates = sorted({round(value, 4) for _doc, value in scored})
    cue_table = cue_figures(scored)
    for threshold in candidates:
        if within_budget(figures(scored, threshold), cue_table):
            return threshold
    return candidates[-1] + 1.0 if candidates else 0.0


def choose_threshold(scored):
    """``lowest_in_budget``, raised halfway to the weakest held-out positive it catches (that no
    cue flags): the same held-out recall, and a margin against false alarms on new text. Tenth
    round: the lowest threshold in budget, -0.304, sat 0.215 below the weakest positive it
    caught; the nine held-out negatives in between bought nothing, and on ESConv's supporter
    turns it flagged 72 more than main, every one ordinary advice ("take extra precautions")."""
    lowest = lowest_in_budget(scored)
    caught = [value for doc, value in scored if doc.label and not doc.cues and value >= lowest]
    return round((lowest + min(caught)) / 2, 4) if caught else lowest


def writer_allowance(cue_table, key):
    """A writer's false-alarm budget: the target, or what the cues alone already raise on that
    writer when it is more (ninth round: set 9's Spanish cues alone were at 0.12, no threshold
    then kept the writer within 0.10, and the rule switched the layer off for everyone). The
    layer may then add no false alarm of its own on that writer."""
    return max(WRITER_BUDGET, cue_table[key][3]) if cue_table and key in cue_table else WRITER_BUDGET


def cue_figures(scored):
    """``figures()`` of the cues alone."""
    return figures([(doc, -math.inf) for doc, _v in scored], 0.0)


def within_budget(table, cue_table=None):
    """True when every writer's false alarms in ``table`` (``figures()``) are within budget
    (``writer_allowance``; ``cue_table``: ``cue_figures()`` of the same held-out scores)."""
    return (all(fa <= writer_allowance(cue_table, (writer, lang))
                for (writer, lang), (_p, neg, _r, fa) in table.items()
                if neg and writer not in NOT_WRITERS)
            and all(fa <= ORDINARY_BUDGET for (writer, _lang), (_p, neg, _r, fa) in table.items()
                    if neg and writer == "ordinary"))


def render(weights, bias, threshold, docs):
    counts = Counter((doc.writer, doc.language) for doc in docs)
    lines = [
        "# The learned safety layer's weights: written by scripts/train_safety.py, do not edit.",
        "# Features: see disclosure_xblock/feedback/safety_model.py; families: safety_families.txt.",
        "# Trained on our own labelled sets only: "
        + ", ".join(f"{w}/{lang} {n}" for (w, lang), n in sorted(counts.items())) + ".",
        f"# seed {SEED}, epochs {EPOCHS}, rate {LEARNING_RATE}, decay {DECAY}, l2 {L2}, "
        f"min_df {MIN_DF}; threshold from leave-one-writer-out (false alarms <= {WRITER_BUDGET} "
        f"per writer and language, ordinary drafts' sets included; <= {ORDINARY_BUDGET} on ordinary drafts pooled).",
        f"bias\t{bias:.4f}",
        f"threshold\t{threshold:.4f}",
    ]
    lines.extend(f"{name}\t{value:.4f}" for name, value in sorted(weights.items()))
    return "\n".join(lines) + "\n"


def build(docs):
    """(file text, held-out scores, threshold): the whole reproducible training run."""
    scored = leave_one_writer_out(docs)
    threshold = choose_threshold(scored)
    weights, bias = train(docs)
    return render(weights, bias, threshold, docs), scored, threshold


def print_table(scored, threshold):
    table = figures(scored, threshold)
    cues_only = cue_figures(scored)
    model_only = figures(scored, threshold, cues=False)
    print(f"leave-one-writer-out, threshold {threshold:.4f}: cue OR model [cues alone] (model alone)")
    print(f"{'held set':<9} {'lang':<5} {'pos':>4} {'neg':>4} {'recall':>22} {'false alarms':>22}")
    for key in sorted(table, key=lambda k: (k[0] in ("all", "writers", "ordinary"), k)):
        pos, neg, recall, alarms = table[key]
        cue_recall, cue_alarms = cues_only[key][2:]
        model_recall, model_alarms = model_only[key][2:]
        print(f"{key[0]:<9} {key[1]:<5} {pos:>4} {neg:>4} {recall:>6.3f} [{cue_recall:.3f}] ({model_recall:.3f})"
              f" {alarms:>6.3f} [{cue_alarms:.3f}] ({model_alarms:.3f})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true",
                        help="only compare with the committed weights (exit 1 when they differ)")
    parser.add_argument("--loo", action="store_true",
                        help="only print the leave-one-writer-out table (the weights file is left alone)")
    parser.add_argument("--show-errors", action="store_true", help="list held-out disagreements")
    args = parser.parse_args(argv)
    docs = load()
    text, scored, threshold = build(docs)
    if args.check:
        same = OUTPUT.read_text("utf-8") == text
        print("weights match the data" if same else "weights differ: run scripts/train_safety.py")
        return 0 if same else 1
    print_table(scored, threshold)
    if args.show_errors:
        for doc, value in scored:
            flagged = doc.cues or value >= threshold
            if flagged != doc.label:
                print(f"  {doc.writer:<9} {doc.id:<14} label={doc.label!s:<5} score={value:+.3f}")
    if args.loo:
        return 0
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({text.count(chr(10)) - 6} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
