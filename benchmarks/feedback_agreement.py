"""
Agreement of the feedback engine with the hand-labelled development set.

    .venv/bin/python benchmarks/feedback_agreement.py [--data FILE] [--show-errors]
    .venv/bin/python benchmarks/feedback_agreement.py --data tests/data/heldout.jsonl

Prints, per criterion of the default rubric, accuracy and Cohen's kappa (engine outcome vs.
the label), and the privacy gate's accuracy. The devset (tests/data/devset.jsonl) is labelled
by the rubric's meaning; for drafts without a scenario, "relevant" is labelled "partial",
the engine's documented neutral outcome when there is nothing to compare with.

tests/data/heldout.jsonl is a second set in the same format, written and labelled blind by
someone other than the lexicons' author; it is the better estimate for unseen drafts (until
it too is used to tune the engine). tests/data/heldout2.jsonl is a second round, written and
labelled blind in peer-support styles (paraphrase, plain coping, implicit resolution).

Learner-style rounds by writers who never saw the engine, each measured once on main before an
engineer read it (the figures are in the commit that added it; docs/real_text.md keeps the table):
en_blind3 / es_blind3 (75 each; labeller B's independent labels beside them,
*_labeller_b.jsonl, give the inter-rater figure) were then tuned on, and so were rounds 4 and 5
(en/es_blind4, en/es_blind5), and round 6 (en/es_blind6) in the seventh, for relevance and
resolution, coping and minimizing, and Spanish focus and boundaries (docs/real_text.md);
en_blind7 / es_blind7 (with labeller B's *_labeller_b files) are the newest, unread ones: the
honest estimate for a new writer until they too are read.

    .venv/bin/python benchmarks/feedback_agreement.py --data tests/data/es_devset.jsonl

tests/data/es_devset.jsonl holds 114 Spanish drafts (three scenarios, several regional
varieties, phone typing), written and labelled blind. It was measured once before any Spanish
cue existed. Its held-out part is fixed by rule: every draft whose id number is a multiple of
4 (es004, es008 … es112: 28 drafts) is never read while the Spanish cues are written; the
other 86 are the Spanish development part. For that file the script prints the table for
each part ("--part dev|heldout|all" picks one). Each draft's language is decided by the
engine from its text (language.py), as on the site; the "language read" line counts them.

    .venv/bin/python benchmarks/feedback_agreement.py --safety tests/data/safety_own_en.jsonl

With ``--safety FILE`` (repeatable) it reads safety-labelled drafts instead, one JSON object a
line: {"id", "language", "scenario", "text", "red_flag": "self_harm"|"suicide"|"overdose"|null,
"note"}, and prints per language the recall and false-alarm rate of the safety red flags (any of
self_harm, suicide, overdose raised vs a label or null) and, on the positives, kind accuracy (the
labelled kind is among the raised ones; "first kind" is the strict reading: the gravest raised
kind, the one listed first, is the label). Each draft is evaluated in its own language.

    .venv/bin/python benchmarks/feedback_agreement.py --privacy tests/data/privacy_own_en.jsonl

With ``--privacy FILE`` (repeatable) it reads privacy-labelled drafts, one JSON object a line:
{"id", "language", "scenario", "text", "privacy_pass": bool, "identifiers": [{"kind", "text"}]},
and prints per language the gate's recall (drafts with an identifier that fail the gate), its
false alarms (drafts without one that fail it) and identifier recall (labelled identifiers that
a finding overlaps); "FA not lone name" leaves out false alarms whose only finding is one
capitalised word read as a name (labellers differ on "my friend Ana": RUBRIC.md flags every name
but the scenario's, tests/data/privacy_own_* does not). The gate is language-blind, but each draft is still evaluated in its own
language, as the block would.

Without ``--safety`` it prints, after the rubric table, the safety table of every safety set in
SAFETY_SETS, one per writer (see docs/safety.md for which of them the cues and the learned
layer were trained or tuned on: all of them by now, so these are regression figures; the honest
estimate for a new writer is scripts/train_safety.py's leave-one-writer-out table).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclosure_xblock.feedback import evaluate  # noqa: E402
from disclosure_xblock.rubric import load_preset  # noqa: E402
from disclosure_xblock.scenarios import load_scenario  # noqa: E402

DEVSET = ROOT / "tests" / "data" / "devset.jsonl"
HELDOUT = ROOT / "tests" / "data" / "heldout.jsonl"
HELDOUT2 = ROOT / "tests" / "data" / "heldout2.jsonl"
SAFETY_SETS = (
    ("own", "safety_own"),
    ("own2", "safety_own2"),
    ("blind1", "safety_blind"),
    ("blind2", "safety_blind2"),
    ("blind3", "safety_blind3"),
    ("train", "safety_train"),
    ("blind4", "safety_blind4"),
    ("blind5", "safety_blind5"),
    ("blind6", "safety_blind6"),
    ("blind7", "safety_blind7"),
    # Set 8: measured once per round until the eighth, then read and trained on (docs/safety.md).
    ("blind8", "safety_blind8"),
    # The author's eighth-round probes (concepts set 8 showed missing, with near-misses); not
    # trained on (scripts/train_safety.py says why).
    ("own3", "safety_own3"),
    # Sets 9 and 10: measured on main before they were read, then trained on in the ninth round.
    ("blind9", "safety_blind9"),
    ("blind10", "safety_blind10"),
    # Set 11: a new writer's, measured on main before the ninth round merged, then read and
    # trained on in the tenth round (docs/safety.md).
    ("blind11", "safety_blind11"),
    # Set 12: another new writer's, measured on main 4b330a1 before anyone read it (en 0.943 /
    # 0.029, es 0.960 / 0.040), then read and trained on in the eleventh round (docs/safety.md).
    ("blind12", "safety_blind12"),
    # Set 13: a new writer's, measured on main ccb9f03 before anyone read it (en 0.943 / 0.171,
    # es 0.880 / 0.400), then read and trained on in the set-13 round (docs/safety.md).
    ("blind13", "safety_blind13"),
    # Set 14: a new writer's, measured on main before anyone read it (en 0.914 / 0.171, es 1.000 /
    # 0.120) and after the set-12 and set-13 rounds (en 0.971 / 0.171, es 1.000 / 0.120), then read
    # in the twelfth round (not trained on yet: docs/safety.md).
    ("blind14", "safety_blind14"),
    # Set 15: a new writer's, never read: measured on main 4456735 (en 0.829 / 0.143, es 0.880 /
    # 0.240), after the eleventh and set-13 rounds (en 0.886 / 0.171, es 0.920 / 0.160) and after
    # the twelfth (en 0.886 / 0.114, es 0.920 / 0.160).
    ("blind15", "safety_blind15"),
)
ES_DEVSET = ROOT / "tests" / "data" / "es_devset.jsonl"
CRITERIA = ("brief", "relevant", "resolved", "coping_hope", "patient_focus", "no_minimizing", "boundaries")


def cohen_kappa(pairs):
    """Cohen's kappa of (label, prediction) pairs: agreement corrected for chance."""
    n = len(pairs)
    if n == 0:
        return float("nan")
    observed = sum(1 for a, b in pairs if a == b) / n
    labels = Counter(a for a, _b in pairs)
    predictions = Counter(b for _a, b in pairs)
    expected = sum(labels[c] * predictions[c] for c in set(labels) | set(predictions)) / (n * n)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def load_devset(path=DEVSET):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def es_heldout(item):
    """True for the held-out part of es_devset.jsonl: ids whose number is a multiple of 4."""
    digits = "".join(ch for ch in str(item.get("id", "")) if ch.isdigit())
    return bool(digits) and int(digits) % 4 == 0


def run(items, languages=None):
    """{criterion: [(label, engine outcome, id)]}, [(privacy label, engine, id)].

    ``languages`` (a Counter) collects the draft language the engine read for each draft.
    """
    rubric = load_preset("appropriate-self-disclosure")
    scenarios = {}
    per_criterion = {c: [] for c in CRITERIA}
    privacy = []
    for item in items:
        key = item.get("scenario")
        if key and key not in scenarios:
            scenarios[key] = load_scenario(key)
        result = evaluate(item["text"], rubric, scenarios.get(key) if key else None)
        if languages is not None:
            languages[(item.get("language") or "en", result.language)] += 1
        outcomes = {c.id: c.outcome for c in result.criteria}
        for criterion in CRITERIA:
            per_criterion[criterion].append((item["expected"][criterion], outcomes[criterion], item["id"]))
        privacy.append((item["privacy_pass"], result.privacy_passed, item["id"]))
    return per_criterion, privacy


def agreement(items, languages=None):
    """{criterion: (accuracy, kappa)} plus ("privacy", accuracy): what the tests check."""
    per_criterion, privacy = run(items, languages)
    table = {}
    for criterion, rows in per_criterion.items():
        pairs = [(a, b) for a, b, _id in rows]
        table[criterion] = (sum(a == b for a, b in pairs) / len(pairs), cohen_kappa(pairs))
    table["privacy"] = (sum(a == b for a, b, _id in privacy) / len(privacy), None)
    return table, per_criterion, privacy


SAFETY_KINDS = ("self_harm", "suicide", "overdose")


def _judged(items):
    """(item, its language, the engine's result) for each labelled draft, with the default
    rubric and the draft's library scenario, in the draft's own language."""
    rubric = load_preset("appropriate-self-disclosure")
    scenarios = {}
    for item in items:
        key = item.get("scenario")
        if key and key not in scenarios:
            scenarios[key] = load_scenario(key)
        language = item.get("language") or "en"
        yield item, language, evaluate(item["text"], rubric, scenarios.get(key) if key else None,
                                       language=language)


def safety_agreement(items):
    """{language: figures} for safety-labelled drafts, and the disagreements."""
    by_language, errors = {}, []
    for item, language, result in _judged(items):
        raised = [flag.kind for flag in result.red_flags if flag.kind in SAFETY_KINDS]
        label = item.get("red_flag")
        row = by_language.setdefault(language, {"pos": 0, "hit": 0, "neg": 0, "alarm": 0,
                                                "kind": 0, "first": 0})
        if label:
            row["pos"] += 1
            row["hit"] += bool(raised)
            row["kind"] += label in raised
            row["first"] += bool(raised) and raised[0] == label
            if label not in raised:
                errors.append((item["id"], label, raised, item["text"]))
        else:
            row["neg"] += 1
            row["alarm"] += bool(raised)
            if raised:
                errors.append((item["id"], label, raised, item["text"]))
    return by_language, errors


def _ratio(part, whole):
    return part / whole if whole else float("nan")


def print_safety(paths, show_errors):
    items = [item for path in paths for item in load_devset(path)]
    by_language, errors = safety_agreement(items)
    print(f"safety data: {len(items)} drafts ({', '.join(Path(path).name for path in paths)})")
    print(f"{'language':<9} {'pos':>4} {'neg':>4} {'recall':>7} {'false alarms':>13} {'kind':>6} {'first kind':>11}")
    for language, row in sorted(by_language.items()):
        print(f"{language:<9} {row['pos']:>4} {row['neg']:>4} {_ratio(row['hit'], row['pos']):>7.3f} "
              f"{_ratio(row['alarm'], row['neg']):>13.3f} {_ratio(row['kind'], row['pos']):>6.3f} "
              f"{_ratio(row['first'], row['pos']):>11.3f}")
    if show_errors:
        for item_id, label, raised, text in errors:
            print(f"  {item_id:<12} label={label!s:<9} engine={','.join(raised) or '-':<18} {text[:90]}")


def privacy_agreement(items):
    """{language: figures} for privacy-labelled drafts, and the disagreements."""
    by_language, errors = {}, []
    for item, language, result in _judged(items):
        text = item["text"]
        spans = [(f.start, f.end) for f in result.privacy_findings]
        row = by_language.setdefault(language, {"pos": 0, "hit": 0, "neg": 0, "alarm": 0,
                                                "ids": 0, "ids_hit": 0, "lone": 0})
        missed = []
        for identifier in item.get("identifiers") or ():
            start = text.find(identifier["text"])
            end = start + len(identifier["text"])
            row["ids"] += 1
            if start >= 0 and any(s < end and start < e for s, e in spans):
                row["ids_hit"] += 1
            else:
                missed.append(identifier)
        if not item["privacy_pass"]:
            row["pos"] += 1
            row["hit"] += not result.privacy_passed
        else:
            row["neg"] += 1
            row["alarm"] += not result.privacy_passed
            # Labellers differ on a first name alone ("my friend Ana"): RUBRIC.md flags every
            # name but the scenario's; count the alarms that are only that, to show both readings.
            row["lone"] += bool(spans) and all(
                f.kind == "name" and " " not in f.text for f in result.privacy_findings)
        if missed or (item["privacy_pass"] != result.privacy_passed):
            found = [(f.kind, f.text) for f in result.privacy_findings]
            errors.append((item["id"], item["privacy_pass"], missed, found, text))
    return by_language, errors


def print_privacy(paths, show_errors):
    items = [item for path in paths for item in load_devset(path)]
    by_language, errors = privacy_agreement(items)
    print(f"privacy data: {len(items)} drafts ({', '.join(paths)})")
    print(f"{'language':<9} {'pos':>4} {'neg':>4} {'recall':>7} {'false alarms':>13} {'ids':>5} "
          f"{'id recall':>10} {'FA not lone name':>17}")
    for language, row in sorted(by_language.items()):
        print(f"{language:<9} {row['pos']:>4} {row['neg']:>4} {_ratio(row['hit'], row['pos']):>7.3f} "
              f"{_ratio(row['alarm'], row['neg']):>13.3f} {row['ids']:>5} "
              f"{_ratio(row['ids_hit'], row['ids']):>10.3f} "
              f"{_ratio(row['alarm'] - row['lone'], row['neg']):>17.3f}")
    if show_errors:
        for item_id, label, missed, found, text in errors:
            print(f"  {item_id:<12} pass={label!s:<5} missed={[(i['kind'], i['text']) for i in missed]} "
                  f"found={found} | {text[:110]}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--data", "--devset", dest="data", default=str(DEVSET),
                        help="labelled JSONL file (default: the devset)")
    parser.add_argument("--show-errors", action="store_true", help="list each disagreement")
    parser.add_argument("--part", choices=("all", "dev", "heldout"), default="all",
                        help="for es_devset.jsonl: the development part, the held-out part, or both")
    parser.add_argument("--safety", action="append", metavar="FILE",
                        help="safety-labelled JSONL file(s): print red-flag recall and false alarms")
    parser.add_argument("--privacy", action="append", metavar="FILE",
                        help="privacy-labelled JSONL file(s): print the gate's recall and false alarms")
    args = parser.parse_args(argv)
    if args.privacy:
        print_privacy(args.privacy, args.show_errors)
        return 0
    if args.safety:
        print_safety(args.safety, args.show_errors)
        return 0
    items = load_devset(args.data)
    parts = [("all", items)]
    if Path(args.data).resolve() == ES_DEVSET.resolve():
        parts = [("dev", [i for i in items if not es_heldout(i)]),
                 ("heldout", [i for i in items if es_heldout(i)]), ("all", items)]
        if args.part != "all" or args.show_errors:
            # Errors are listed for the development part only: the held-out part stays unread.
            wanted = "dev" if args.show_errors and args.part == "all" else args.part
            parts = [part for part in parts if part[0] == wanted]
    for name, part in parts:
        languages = Counter()
        table, per_criterion, privacy = agreement(part, languages)
        label = "" if name == "all" else f", part {name}"
        print(f"data: {len(part)} drafts ({args.data}{label})")
        print(f"{'criterion':<15} {'accuracy':>8} {'kappa':>7}")
        for criterion in CRITERIA:
            accuracy, kappa = table[criterion]
            print(f"{criterion:<15} {accuracy:>8.3f} {kappa:>7.3f}")
        print(f"{'privacy gate':<15} {table['privacy'][0]:>8.3f}")
        read = ", ".join(f"{given}->{found}: {n}" for (given, found), n in sorted(languages.items(), key=str))
        print(f"language read   {read}")
    items = part
    if args.data == str(DEVSET):
        for name, stem in SAFETY_SETS:
            print(f"\n== safety set {name}")
            print_safety([str(ROOT / "tests" / "data" / f"{stem}_{language}.jsonl") for language in ("en", "es")],
                         False)
    if args.show_errors:
        texts = {item["id"]: item["text"] for item in items}
        for criterion, rows in per_criterion.items():
            for label, outcome, item_id in rows:
                if label != outcome:
                    print(f"  {criterion:<14} {item_id:<5} label={label:<8} engine={outcome:<8} {texts[item_id][:90]}")
        for label, outcome, item_id in privacy:
            if label != outcome:
                print(f"  privacy        {item_id:<5} label={label!s:<8} engine={outcome!s:<8} {texts[item_id][:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
