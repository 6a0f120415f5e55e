"""
Agreement of the feedback engine with labels on real writing by strangers (ESConv).

    .venv/bin/python benchmarks/real_text.py [--part frozen|tune|all] [--show-errors]

The texts are ESConv supporter turns (CC BY-NC 4.0): they are never copied into this
repository. They are read at run time from ``../shared/data/esconv/supporter_turns.jsonl``
beside the checkout (or ``$DISCLOSURE_ESCONV``); without that file this script says so and
exits 0. The repository keeps only our own labels, by id: ``tests/data/esconv_labels.jsonl``,
written blind by two labellers (A and B) on a stratified sample of 420 self-disclosure turns.

Parts: ``tune`` (210 turns of ESConv's train split) may be read while improving the engine;
``frozen`` (210 turns of its valid and test splits) is never read for tuning: it is the honest
estimate for unseen writers. ``--half a`` / ``--half b`` keeps one half of the tune part,
split by conversation (so one writer's turns stay together): study the errors on one half and
read the other as the honest figure for that round. 80 turns (40 of each part) were labelled by both labellers: the
script prints their agreement (Cohen's kappa per criterion) as the human ceiling; elsewhere the
label is labeller A's where both labelled.

A supporter replies to a seeker's problem, not to one of our scenarios, so each turn gets a
scenario of its own here: keywords that name the ESConv problem type's concern (our own wording,
like a designer's keyword list) and, as its context text, the seeker's previous turn (read at
run time like the texts), which is what the labellers judged relevance against.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.feedback_agreement import CRITERIA, cohen_kappa  # noqa: E402
from disclosure_xblock.feedback import evaluate  # noqa: E402
from disclosure_xblock.rubric import Scenario, load_preset  # noqa: E402

LABELS = ROOT / "tests" / "data" / "esconv_labels.jsonl"
CORPUS = Path(os.environ.get("DISCLOSURE_ESCONV",
                             ROOT.parent / "shared" / "data" / "esconv" / "supporter_turns.jsonl"))

# One scenario per ESConv problem type: the concern first (relevance weighs the first three).
PROBLEM_KEYWORDS = {
    "ongoing depression": "depressed, depression, sad, hopeless, down, low, lonely, alone, isolated, empty, numb, motivation, unhappy, felt lost, feeling lost",
    "job crisis": "job, work, laid off, fired, unemployed, career, boss, lost my job, hired, income, coworker, money, bills, financial, interview",
    "breakup with partner": "breakup, broke up, relationship, partner, ex, boyfriend, girlfriend, heartbroken, divorce, cheated",
    "problems with friends": "friend, friends, friendship, argument, fight, falling out, lonely, trust, betrayed",
    "academic pressure": "school, exams, grades, study, college, university, classes, pressure, test, homework",
    "Sleep Problems": "sleep, insomnia, awake, tired, night, rest, exhausted, nightmares",
    "Alcohol Abuse": "alcohol, drinking, drink, sober, quit, addiction",
    "Appearance Anxiety": "appearance, looks, weight, body, ugly, self-conscious, confidence, self esteem",
    "Procrastination": "procrastinate, procrastination, put off, deadline, motivation, lazy, focus, time management, schedule, planner, to-do list",
    "Issues with Children": "children, kids, child, son, daughter, parenting, parent",
    "Issues with Parents": "parents, mother, father, mom, dad, family",
    "conflict with parents": "parents, mother, father, mom, dad, argue, conflict, family",
    "School Bullying": "bullying, bullied, bully, school, teased, picked on",
}


def problem_scenario(problem, seeker=""):
    """The scenario a supporter answered: the problem type's keywords, and the seeker's own
    previous turn as its context (what a designer's scenario text would say the patient said)."""
    keywords = tuple(k.strip() for k in PROBLEM_KEYWORDS.get(problem, problem).split(","))
    return Scenario(key=f"esconv-{problem.lower().replace(' ', '-')}", keywords=keywords,
                    context=seeker or "")


def load_labels(path=LABELS):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_texts(ids, path=CORPUS):
    """{id: (problem, text, seeker's previous turn)} for the wanted ids, or None when the corpus is not beside us."""
    if not path.exists():
        return None
    wanted, found = set(ids), {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                found[row["id"]] = (row["problem"], row["text"], row.get("seeker") or "")
    return found


def primary_labels(rows):
    """One label row per id: labeller A's where both labelled."""
    chosen = {}
    for row in sorted(rows, key=lambda r: r["labeller"] != "A"):
        chosen.setdefault(row["id"], row)
    return chosen


def inter_rater(rows):
    """{criterion: (agreement, kappa, n)} between labellers A and B where both labelled."""
    by = {}
    for row in rows:
        by.setdefault(row["id"], {})[row["labeller"]] = row["labels"]
    both = [pair for pair in by.values() if "A" in pair and "B" in pair]
    table = {}
    for criterion in CRITERIA:
        pairs = [(p["A"][criterion], p["B"][criterion]) for p in both]
        if pairs:
            table[criterion] = (sum(a == b for a, b in pairs) / len(pairs), cohen_kappa(pairs), len(pairs))
    return table


def half_of(item_id):
    """"a" or "b": a fixed half by conversation ("esc-train-12-5" -> "esc-train-12")."""
    return "ab"[zlib.crc32(item_id.rsplit("-", 1)[0].encode()) % 2]


def run(labels, texts, part="frozen", half=None):
    """{criterion: [(label, engine outcome, id)]} for the chosen part (and half of it)."""
    rubric = load_preset("appropriate-self-disclosure")
    per_criterion = {c: [] for c in CRITERIA}
    for item_id, row in sorted(labels.items()):
        if part != "all" and row.get("part") != part:
            continue
        if half is not None and half_of(item_id) != half:
            continue
        problem, text, seeker = texts[item_id]
        scenario = problem_scenario(problem, seeker)
        result = evaluate(text, rubric, scenario)
        outcomes = {c.id: c.outcome for c in result.criteria}
        for criterion in CRITERIA:
            per_criterion[criterion].append((row["labels"][criterion], outcomes[criterion], item_id))
    return per_criterion


def table(per_criterion):
    out = {}
    for criterion, rows in per_criterion.items():
        pairs = [(a, b) for a, b, _id in rows]
        if pairs:
            out[criterion] = (sum(a == b for a, b in pairs) / len(pairs), cohen_kappa(pairs), len(pairs))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--part", choices=("frozen", "tune", "all"), default="frozen")
    parser.add_argument("--half", choices=("a", "b"),
                        help="one half of the part, by conversation (for --part tune)")
    parser.add_argument("--labels", default=str(LABELS))
    parser.add_argument("--show-errors", action="store_true",
                        help="list disagreements by id (never for the frozen part)")
    args = parser.parse_args(argv)
    rows = load_labels(args.labels)
    texts = load_texts({r["id"] for r in rows})
    if texts is None:
        print(f"real text: the ESConv file is not at {CORPUS}; nothing measured")
        return 0
    labels = primary_labels(rows)
    if args.half and args.part == "frozen":
        parser.error("--half splits the tune part; the frozen part is measured whole")
    per_criterion = run(labels, texts, args.part, args.half)
    print(f"real text (ESConv self-disclosures), part={args.part}"
          f"{', half ' + args.half if args.half else ''}: "
          f"{len(next(iter(per_criterion.values())))} turns")
    print(f"{'criterion':<15} {'accuracy':>8} {'kappa':>7}")
    for criterion, (accuracy, kappa, _n) in table(per_criterion).items():
        print(f"{criterion:<15} {accuracy:>8.3f} {kappa:>7.3f}")
    agreement = inter_rater(rows)
    if agreement:
        n = next(iter(agreement.values()))[2]
        print(f"inter-rater (labellers A and B on {n} turns): "
              + ", ".join(f"{c} {k:.2f}" for c, (_a, k, _n) in agreement.items()))
    if args.show_errors and args.part != "frozen":
        for criterion, found in per_criterion.items():
            for label, outcome, item_id in found:
                if label != outcome:
                    print(f"  {criterion:<14} {item_id:<22} label={label:<8} engine={outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
