"""
Every labelled draft through the engine, one JSON line per draft and language reading, for
proving that a change leaves every result as it was (a speed change, a clean-up):

    .venv/bin/python benchmarks/results_dump.py /tmp/before.jsonl
    ... change ...
    .venv/bin/python benchmarks/results_dump.py /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl

Each draft of tests/data/*.jsonl is judged twice (the language read from the draft, and the
language it is labelled with), with the default rubric and its library scenario. With
DISCLOSURE_ESCONV naming the corpus's supporter_turns.jsonl, all its turns are judged too. The
output quotes learner and corpus text: write it outside the repository and delete it after.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from disclosure_xblock.feedback import evaluate  # noqa: E402
from disclosure_xblock.rubric import load_preset  # noqa: E402
from disclosure_xblock.scenarios import load_scenario  # noqa: E402


def drafts():
    """(source, id, text, scenario key, labelled language) of every draft to judge."""
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            item = json.loads(line)
            if "text" in item:  # esconv_labels.jsonl holds ids and labels only
                yield path.name, item.get("id"), item["text"], item.get("scenario"), item.get("language") or "en"
    corpus = os.environ.get("DISCLOSURE_ESCONV")
    if corpus:
        for line in Path(corpus).read_text("utf-8").splitlines():
            item = json.loads(line)
            yield "esconv", item.get("id"), item["text"], None, None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.exit("usage: results_dump.py OUT.jsonl")
    rubric = load_preset("appropriate-self-disclosure")
    scenarios = {}
    with open(argv[0], "w", encoding="utf-8") as out:
        for source, draft_id, text, key, language in drafts():
            if key and key not in scenarios:
                scenarios[key] = load_scenario(key)
            for reading in dict.fromkeys((None, language)):
                kwargs = {"language": reading} if reading else {}
                result = evaluate(text, rubric, scenarios.get(key) if key else None, **kwargs)
                out.write(json.dumps([source, draft_id, reading, result.to_dict()], sort_keys=True,
                                     ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
