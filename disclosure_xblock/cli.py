"""
The batch CLI: JSON lines of drafts in, one JSON line of feedback out per draft.

    python -m disclosure_xblock.feedback [--rubric FILE.xml | --preset NAME]
        [--scenario KEY | --scenario-file FILE.xml] [--language en|es] [--messages LANG]
        < drafts.jsonl

Each input line is ``{"id": …, "text": …}``; each output line is ``{"id": …}`` plus the
``evaluate()`` dict plus ``"language": {"used": "es", "how": "given"|"detected"}`` (the draft
language the engine read; "used" is null when it could not tell, and then the criteria
that need the detectors say so instead of a level), or ``{"id": …, "error": "…"}`` for a line that cannot be
judged (the run goes on). ``--language`` is the drafts' language; without it each draft's is
detected. Messages are in ``--messages``, else in ``--language``, else English. A rubric or
scenario that cannot be loaded, or a draft language the engine does not read, stops the run
with exit status 2.

It sits at the package's edge, beside the block: it reads exercise files and the scenario
library, which the feedback engine itself must not depend on.
"""
from __future__ import annotations

import argparse
import json
import sys

from . import patterns
from .exercise import TAG as EXERCISE_TAG
from .exercise import Exercise
from .feedback import evaluate
from .feedback.lexicons import LANGUAGES
from .rubric import DEFAULT_PRESET, RubricError, load_preset
from .rubric.olx import parse_rubric, parse_scenario, parse_xml_string
from .scenarios import load_scenario

EXIT_USAGE = 2


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m disclosure_xblock.feedback",
        description="Judge drafts (JSON lines {\"id\", \"text\"} on stdin) against a rubric; "
                    "write one JSON line of feedback per draft.")
    rubric = parser.add_mutually_exclusive_group()
    rubric.add_argument("--rubric", metavar="FILE.xml",
                        help="a <rubric> element, or a whole <disclosure_exercise> (its scenario "
                             "is used unless --scenario/--scenario-file is given)")
    rubric.add_argument("--preset", metavar="NAME", help=f"a built-in rubric (default {DEFAULT_PRESET})")
    scenario = parser.add_mutually_exclusive_group()
    scenario.add_argument("--scenario", metavar="KEY", help="a library scenario key, e.g. anxiety-withdrawal")
    scenario.add_argument("--scenario-file", metavar="FILE.xml",
                          help="a <scenario> element or a whole <disclosure_exercise>")
    parser.add_argument("--language", default=None,
                        help=f"language of the drafts ({', '.join(LANGUAGES)}); default: detect each draft's")
    parser.add_argument("--messages", default=None, metavar="LANG",
                        help="language of the messages (default: --language, else en)")
    return parser


def _read_xml(path):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise RubricError(path, f"cannot read the file ({exc.strerror or exc})") from None
    return parse_xml_string(data, path)


def load_rubric_file(path):
    """(Rubric, Scenario or None) from a <rubric> or <disclosure_exercise> file."""
    node = _read_xml(path)
    if node.tag == "rubric":
        return parse_rubric(node, load_preset=load_preset), None
    if node.tag == EXERCISE_TAG:
        exercise = Exercise.from_olx(node)
        return exercise.rubric, exercise.scenario
    raise RubricError(path, f"expected a <rubric> or <{EXERCISE_TAG}> element, not <{node.tag}>")


def load_scenario_file(path):
    node = _read_xml(path)
    if node.tag == "scenario":
        return parse_scenario(node)
    if node.tag == EXERCISE_TAG:
        return Exercise.from_olx(node).scenario
    raise RubricError(path, f"expected a <scenario> or <{EXERCISE_TAG}> element, not <{node.tag}>")


def _setup(args):
    scenario = None
    if args.rubric:
        rubric, scenario = load_rubric_file(args.rubric)
    else:
        rubric = load_preset(args.preset or DEFAULT_PRESET)
    if args.scenario:
        scenario = load_scenario(args.scenario)
    elif args.scenario_file:
        scenario = load_scenario_file(args.scenario_file)
    return rubric, scenario


# Best effort to name a broken line's id: a string or number right after "id":.
_ID_RE = patterns.compile(r'"id"\s*+:\s*+("(?:[^"\\\n]|\\.){0,200}"|-?\d{1,30})')


def _salvage_id(line):
    found = _ID_RE.search(line)
    if found is None:
        return None
    try:
        return json.loads(found.group(1))
    except ValueError:
        return None


def judge_line(line, rubric, scenario, language, draft_language=None):
    """The output object for one input line (``language``: the messages'; ``draft_language``:
    the drafts', None to detect each one)."""
    try:
        item = json.loads(line)
    except ValueError as exc:
        return {"id": _salvage_id(line), "error": f"not valid JSON: {exc}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object with \"id\" and \"text\""}
    item_id = item.get("id")
    if isinstance(item_id, (dict, list)):
        item_id = json.dumps(item_id)
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": "missing \"text\" (a string)" if text is None
                else "\"text\" must be a string"}
    try:
        result = evaluate(text, rubric, scenario, language, draft_language=draft_language)
    except Exception as exc:  # noqa: BLE001 - one bad draft must not stop a batch
        return {"id": item_id, "error": f"could not evaluate this draft ({type(exc).__name__})"}
    output = {"id": item_id}
    output.update(result.to_dict())
    output["language"] = {"used": result.language, "how": "detected" if draft_language is None else "given"}
    return output


def _draft_language(value):
    """The draft language code for ``--language`` ("es-419" -> "es"), or a RubricError-like
    usage message for a language the engine does not read."""
    if value is None:
        return None
    base = str(value).replace("_", "-").split("-")[0].lower()
    if base not in LANGUAGES:
        raise ValueError(f"--language {value}: the engine reads drafts in {', '.join(LANGUAGES)} only")
    return base


def main(argv=None, stdin=None, stdout=None, stderr=None):
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    for stream, errors in ((stdin, "replace"), (stdout, "backslashreplace")):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors=errors)
    args = _parser().parse_args(argv)
    try:
        draft_language = _draft_language(args.language)
    except ValueError as exc:
        print(f"error: {exc}", file=stderr)
        return EXIT_USAGE
    messages = args.messages or args.language or "en"
    try:
        rubric, scenario = _setup(args)
    except RubricError as exc:
        print(f"error: {exc}", file=stderr)
        return EXIT_USAGE
    interactive = stdout.isatty() if hasattr(stdout, "isatty") else False
    for line in stdin:
        if not line.strip():
            continue
        line_out = json.dumps(judge_line(line, rubric, scenario, messages, draft_language), ensure_ascii=False)
        try:
            stdout.write(line_out + "\n")
        except UnicodeEncodeError:
            # A lone surrogate from the input cannot be written as UTF-8: escape everything.
            stdout.write(json.dumps(json.loads(line_out)) + "\n")
        if interactive:
            stdout.flush()
    stdout.flush()
    return 0
