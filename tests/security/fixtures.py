"""Hostile exercises and learner data, built through the real workbench and handlers."""
import csv
import io
import json

from disclosure_xblock.exercise import Exercise
from disclosure_xblock.rubric import RubricError
from disclosure_xblock.scenarios import load_exercise
from tests.integration.helpers import STRONG_DRAFT, Workbench

from .hostile import fit

# (path in Exercise.to_dict(), limit): every designer-authored text a learner or grader sees.
AUTHORED_FIELDS = [
    (("display_name",), 200),
    (("scenario", "patient"), 100),
    (("scenario", "context"), 5000),
    (("scenario", "prompt"), 2000),
    (("scenario", "keywords"), 100),
    (("exemplar",), 5000),
    (("rubric", "criteria", 0, "label"), 200),
    (("rubric", "criteria", 0, "description"), 2000),
    (("rubric", "criteria", 1, "levels", 0, "label"), 200),
    (("rubric", "criteria", 1, "levels", 1, "message"), 2000),
]


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    if isinstance(data[path[-1]], list):
        value = [value]
    data[path[-1]] = value


def hostile_exercise(payload, base="anxiety-withdrawal"):
    """The library exercise with ``payload`` in every authored text the validation accepts.

    Returns (Exercise, accepted paths, rejected paths): a field whose validation refuses the
    payload is left benign (refusing is also safe) and reported.
    """
    data = load_exercise(base).to_dict()
    data["rubric"].pop("preset", None)
    # Hostile drafts look like identifiers (URLs, odd names); with the privacy gate on they would
    # be refused at submit and never reach the grading panel this catalogue must also cover.
    data["rubric"]["privacy_gate"] = False
    accepted, rejected = [], []
    for path, limit in AUTHORED_FIELDS:
        trial = json.loads(json.dumps(data))
        _set(trial, path, fit(payload, limit))
        try:
            Exercise.from_dict(trial)
        except RubricError:
            rejected.append(path)
            continue
        data = trial
        accepted.append(path)
    return Exercise.from_dict(data), accepted, rejected


def hostile_workbench(name, payload, grading_mode=None):
    exercise, accepted, rejected = hostile_exercise(payload)
    if grading_mode:
        exercise = exercise.with_changes(grading_mode=grading_mode)
    return Workbench.from_olx(name, exercise.to_olx_string()), exercise, accepted, rejected


def hostile_draft(payload):
    """A draft that passes the word limits with the payload inside (the draft cap is 5,000)."""
    return fit(f"{STRONG_DRAFT} {payload}", 4900)


def csv_rows(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8"))))
