"""
Worst-case drafts: the whole engine on generated pathological inputs against ordinary prose.

    .venv/bin/python benchmarks/worst_case.py [--length N] [--repeat N] [--limit X]

Each input is exactly ``--length`` characters (default: the longest draft a learner may send).
Families: runs and alternations of spaces, digits and separators (- . / ( ) +), record words
("id", "mrn", "account number #"), capitalised names, quotes and apostrophes, "@" and dots,
long words, line breaks, date/age/dose shapes, the privacy gate's disguised shapes (numbers in
words, "at"/"dot" words, dates and streets in words, lower-case names, places, Spanish
documents), safety cue and concept words, and each of these mixed into ordinary words.
Every input is judged by evaluate() with the default rubric and a library scenario, privacy
gate included (the work a get_feedback or submit request does), in CPU time. Prints, per
family, the slowest input and its ratio to prose of the same length, then the median ratio and
the worst; exits 1 when the worst exceeds ``--limit`` (default 10x).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclosure_xblock.exercise import MAX_DRAFT_CHARS  # noqa: E402
from disclosure_xblock.feedback import evaluate  # noqa: E402
from disclosure_xblock.rubric import DEFAULT_PRESET, load_preset  # noqa: E402
from disclosure_xblock.scenarios import load_scenario  # noqa: E402

SCENARIO = "anxiety-withdrawal"


def prose(length):
    """Ordinary drafts from the development set, one after another, cut to ``length``."""
    lines = (ROOT / "tests" / "data" / "devset.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    out = ""
    k = 0
    while len(out) < length:
        out += texts[k % len(texts)] + " "
        k += 1
    return out[:length]


def fill(unit, length):
    """``unit`` repeated to exactly ``length`` characters."""
    return (unit * (length // max(1, len(unit)) + 1))[:length]


def between(head, run, tail, length):
    """``head``, then ``run`` repeated, then ``tail``: exactly ``length`` characters."""
    return head + fill(run, length - len(head) - len(tail)) + tail


def mixed(unit, length, ordinary):
    """Ordinary words with ``unit`` after every few of them."""
    words = ordinary.split()
    out = []
    size = 0
    k = 0
    while size < length:
        piece = " ".join(words[k % len(words): k % len(words) + 4]) + " " + unit + " "
        out.append(piece)
        size += len(piece)
        k += 4
    return "".join(out)[:length]


def families(length):
    ordinary = prose(length)
    f = {
        "spaces": [
            between("id", " ", "1", length),          # the reported draft, at full length
            between("My mrn", " ", "12345", length),
            fill(" ", length), between("a", " ", "a", length), fill(" \t", length),
            fill("\u00a0", length), between("id", " \t\u00a0", "#1234", length),
        ],
        "digits": [
            fill("1", length), fill("1 ", length), fill("12345 ", length),
            fill("1234567 ", length), between("", "1", "x", length), fill("9 1", length),
        ],
        "separators": [
            fill("1-", length), fill("1.", length), fill("1/", length), fill("(1)", length),
            fill("1-2.3/4 (5) ", length), fill("-", length), between("", ".", "x", length),
            fill("(", length), fill("+1 ", length), fill("+", length), fill("1 - ", length),
            fill("(555) ", length), fill("1.2.3.", length), fill(". ", length), fill("?!", length),
        ],
        "record words": [
            fill("id ", length), fill("mrn ", length), fill("account number # ", length),
            fill("id  : # 12 ", length), between("id ", "1", "", length),
            fill("chart no. ", length), fill("id#", length), fill("ID1", length),
        ],
        "names": [
            fill("Aa ", length), fill("Maria Lopez ", length), fill("12 Elm ", length),
            between("1 ", "Aa ", "", length), fill("Dr. Aa ", length), fill("A", length),
            fill("Maria and I ", length), fill("42 Maple Street ", length),
        ],
        "quotes": [
            fill('"', length), fill("'a ", length), fill("'", length), fill("\u201c", length),
            fill("'a' ", length), fill('"a ', length), fill("\u2018a ", length),
            fill("\u00ab", length), fill("'\n", length),
        ],
        "apostrophes": [
            fill("a'", length), fill("don't' ", length), fill("a\u2019", length),
            fill("a'b'", length), between("a", "'a", "'", length),
        ],
        "at and dots": [
            fill("a@", length), fill("@", length), fill("a.", length),
            between("", "a", " @", length), fill("@a.", length), fill("www.", length),
            fill("a.com.", length), between("http://", "a", "", length), fill("a-", length),
            fill("a@b.", length), fill("@@a", length), between("", "a.", "@", length),
            fill("x.co ", length), fill("a_", length),
        ],
        "long words": [
            fill("a", length), fill("A", length), fill("aA", length), fill("\u00e9", length),
            between("", "a", "1234567", length), fill("anxious", length),
        ],
        "line breaks": [
            fill("\n", length), fill("a\n", length), fill(".\n", length), fill("\r\n", length),
            fill("I felt it.\n", length),
        ],
        "dates, ages, doses": [
            fill("May 1 ", length), fill("1 of May ", length), fill("95 years old ", length),
            fill("1/1/", length), fill("12:30 ", length), fill("5 mg ", length),
            fill("aged 95 ", length), fill("March ", length),
        ],
        # The disguised identifiers of the privacy gate: numbers read out, "at"/"dot" words,
        # dates and streets in words, lower-case names, places, Spanish documents.
        "numbers in words": [
            fill("five ", length), fill("five, ", length), fill("cinco y ", length),
            fill("treinta y cinco ", length), fill("2O1 ", length), fill("oh ", length),
            fill("1 - ", length), fill("(1) ", length), between("", "5 ", "x", length),
        ],
        "at and dot words": [
            fill("dot ", length), fill("a dot ", length), fill("a [.] ", length),
            fill("a(at)", length), fill("a at a dot ", length), fill(" . ", length),
            fill("punto ", length), fill("a arroba b punto ", length),
            between("", "a dot ", "com", length), fill("[", length), fill("a.a ", length), fill("a . ", length),
        ],
        "dates and streets in words": [
            fill("March third ", length), fill("the third of ", length), fill("de marzo de ", length),
            fill("3 de ", length), fill("nineteen ninety ", length), fill("mil novecientos ", length),
            fill("calle ", length), fill("calle a ", length), fill("c/ ", length),
            fill("12 maple ", length), fill("1 a ", length), fill("12 main st, suite ", length),
            between("Calle ", "a ", "1", length),
        ],
        "names and documents": [
            fill("maria lopez ", length), fill("dr. a ", length), fill("St. ", length),
            fill("St. Aa ", length), fill("Hospital de ", length), fill("Hospital de Aa ", length),
            fill("expediente ", length), fill("historia cl\u00ednica n.\u00ba ", length),
            fill("12.345.", length), fill("X1234567", length),
        ],
        # Handles without "@", post-office boxes, ages and house numbers in words, initials.
        "handles, boxes, ages in words": [
            fill("a_", length), fill("a_b ", length), fill("instagram is ", length), fill("u/", length),
            fill("add me: a.", length), fill("a.1 ", length), between("", "a.", "1 on tiktok", length),
            fill("born on ", length), fill("born on 1/", length), fill("ninety ", length),
            fill("a hundred and ", length), fill("forty two ", length), fill("forty two a ", length),
            fill("po box ", length), fill("1 a a, ", length), fill("turned ", length),
            fill("my address is 1 ", length), fill("a at gmail ", length), fill("J. ", length),
            fill("jane d. ", length), fill("my name is ", length), fill("st. a ", length),
            fill("id 1A", length), fill("plate AB 1", length), fill("corner of a ", length),
            fill("esquina de A ", length), fill("in a, ohio ", length), fill("in a a, ", length),
            fill("a street, number ", length), fill("a street ", length), fill("colonia la ", length),
            fill("número 1 de la calle ", length), fill("doctor maria ", length), fill("me llamo ", length),
            fill("j0hn sm1th ", length), fill("a1 ", length), fill("fifth September ", length),
        ],
        # The safety layers: cue and concept-family words, idiom guards, negators and quotes in
        # every sentence or in one endless sentence (families pair up within a sentence).
        "safety words": [
            fill("I took a whole bottle of pills on the roof. ", length),
            fill("pills roof rope gun knife arm hospital plan note never ", length),
            fill("killing myself laughing ", length), fill("no me corté ", length),
            fill("'I want to die' she said. ", length), fill("me me me no ", length),
            fill("never not no ", length),
        ],
    }
    f["mixed with words"] = [
        mixed(unit, length, ordinary)
        for unit in ("id      1", "1-1-1-1-1", "'a", '"', "a@b", "Maria Lopez", "12 Elm St",
                     "5 mg", "www.x", "mrn #", "....x", "\n\n", "five five five",
                     "a dot com", "maria lopez", "St. Mary's", "3 de marzo de 1990")
    ]
    return ordinary, f


def timed(text, rubric, scenario, repeat):
    # CPU time of this process: on a shared machine, wall time mostly measures the neighbours.
    clock = time.process_time
    runs = []
    for _ in range(repeat):
        start = clock()
        evaluate(text, rubric, scenario)
        runs.append(clock() - start)
    return statistics.median(runs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--length", type=int, default=MAX_DRAFT_CHARS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=10.0)
    args = parser.parse_args(argv)
    rubric = load_preset(DEFAULT_PRESET)
    scenario = load_scenario(SCENARIO)
    ordinary, groups = families(args.length)
    for _ in range(20):  # warm the lexicons, catalogues and caches
        evaluate(ordinary, rubric, scenario)
    base = timed(ordinary, rubric, scenario, max(args.repeat, 11))
    print(f"evaluate() on {args.length} characters, rubric {DEFAULT_PRESET}, scenario {SCENARIO}")
    print(f"ordinary prose: {base * 1000:.2f} ms (median of {max(args.repeat, 11)})")
    print(f"{'family':20} {'inputs':>6} {'slowest ms':>11} {'ratio':>7}  slowest input starts")
    ratios = []
    worst = (0.0, "", "")
    for name, texts in groups.items():
        assert all(len(t) == args.length for t in texts), name
        slowest = (0.0, "")
        for text in texts:
            seconds = timed(text, rubric, scenario, args.repeat)
            ratios.append(seconds / base)
            slowest = max(slowest, (seconds, text))
        ratio = slowest[0] / base
        print(f"{name:20} {len(texts):6} {slowest[0] * 1000:11.2f} {ratio:6.2f}x  {slowest[1][:24]!r}")
        worst = max(worst, (ratio, name, slowest[1][:24]))
    print(f"median ratio {statistics.median(ratios):.2f}x over {len(ratios)} inputs; "
          f"worst {worst[0]:.2f}x ({worst[1]}, {worst[2]!r}); limit {args.limit:g}x")
    return 0 if worst[0] <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
