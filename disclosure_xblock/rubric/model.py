"""
The rubric model: what an exercise asks of a draft, as plain data.

A Rubric is a list of Criteria; each Criterion has Levels (points and the message a learner
sees at that level) and zero or more Checks (automatic rules the feedback engine runs). A
criterion with no checks is graded by the instructor only.

Everything here is plain Python (no XBlock, no Django) so the feedback engine, the batch CLI,
the block and the tests share one definition. ``to_dict``/``from_dict`` give the JSON form the
block stores in its fields and in each submission's rubric snapshot.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .. import patterns
from .checks import validate_check_params
from .errors import RubricError

# Limits keep a designer's rubric (and so every feedback request) bounded in size.
MAX_CRITERIA = 20
MAX_LEVELS = 6
MAX_CHECKS = 10
MAX_TEXT = 2000
MAX_LABEL = 200
MAX_POINTS = 100

CRITERION_ID_RE = patterns.compile(r"^[a-z][a-z0-9_]{0,39}$")

# Outcome of one automatic check; the criterion takes its weakest check's outcome.
MET = "met"
PARTIAL = "partial"
NOT_MET = "not_met"
OUTCOMES = (MET, PARTIAL, NOT_MET)


def number(value, digits=None):
    """Points as the plainest number: 2.0 -> 2, 1.5 stays 1.5; ``digits`` rounds the rest.

    The one formatter of points (engine results, grading JSON and CSV, OLX attributes).
    """
    if value is None:
        return None
    value = float(value)
    if value == int(value):
        return int(value)
    return round(value, digits) if digits is not None else value


def _text(value, path, name, limit=MAX_TEXT, required=False, field=None):
    field = name if field is None else field
    value = "" if value is None else str(value)
    value = value.strip()
    if required and not value:
        raise RubricError(path, f"{name} must not be empty", field)
    if len(value) > limit:
        raise RubricError(path, f"{name} is longer than {limit} characters", field)
    return value


def _points(value, path):
    if isinstance(value, bool):
        raise RubricError(path, "points must be a number", "points")
    try:
        points = float(value)
    except (TypeError, ValueError):
        raise RubricError(path, f"points must be a number, not {value!r}", "points") from None
    if points != points or points < 0 or points > MAX_POINTS:  # NaN, negative or huge
        raise RubricError(path, f"points must be between 0 and {MAX_POINTS}", "points")
    return number(points)


@dataclass(frozen=True)
class Level:
    """One rung of a criterion: its points, a short label, and what a learner reads there."""

    points: float
    label: str = ""
    message: str = ""

    def to_dict(self):
        return {"points": self.points, "label": self.label, "message": self.message}

    @classmethod
    def from_dict(cls, data, path="level"):
        if not isinstance(data, dict):
            raise RubricError(path, "a level must be an object")
        return cls(
            points=_points(data.get("points"), path),
            label=_text(data.get("label"), path, "label", MAX_LABEL),
            message=_text(data.get("message"), path, "message"),
        )


@dataclass(frozen=True)
class Check:
    """An automatic rule: ``type`` names the rule, ``params`` configure it (see checks.py)."""

    type: str
    params: dict = field(default_factory=dict)

    def to_dict(self):
        return {"type": self.type, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data, path="check"):
        if not isinstance(data, dict):
            raise RubricError(path, "a check must be an object")
        check_type = data.get("type")
        params = data.get("params") or {}
        if not isinstance(params, dict):
            raise RubricError(path, "check params must be an object")
        return cls(type=check_type, params=validate_check_params(check_type, params, path))

    def __hash__(self):
        return hash((self.type, json.dumps(self.params, sort_keys=True)))


@dataclass(frozen=True)
class Criterion:
    """One thing the rubric asks for, with its levels sorted from lowest to highest points."""

    id: str
    label: str
    description: str = ""
    levels: tuple = ()
    checks: tuple = ()

    @property
    def max_points(self):
        return max((level.points for level in self.levels), default=0)

    def level(self, index):
        """The Level at ``index`` (levels sorted by points), or None when out of range / not an int."""
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(self.levels):
            return None
        return self.levels[index]

    def points_for(self, index):
        """Points of level ``index``, or None when there is no such level."""
        level = self.level(index)
        return None if level is None else level.points

    @property
    def is_automatic(self):
        """False when only an instructor can judge this criterion."""
        return bool(self.checks)

    def level_for_outcome(self, outcome):
        """Index of the level an automatic outcome lands on.

        met -> the top level; not_met -> the bottom level; partial -> the level just below the
        top (the bottom one when there are only two levels).
        """
        top = len(self.levels) - 1
        if outcome == MET:
            return top
        if outcome == PARTIAL:
            return max(top - 1, 0)
        return 0

    def to_dict(self):
        return {
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "levels": [level.to_dict() for level in self.levels],
            "checks": [check.to_dict() for check in self.checks],
        }

    @classmethod
    def from_dict(cls, data, path="criterion"):
        if not isinstance(data, dict):
            raise RubricError(path, "a criterion must be an object")
        criterion_id = str(data.get("id") or "").strip()
        path = f"criterion[{criterion_id}]" if criterion_id else path
        if not CRITERION_ID_RE.match(criterion_id):
            raise RubricError(
                path,
                "id must start with a lowercase letter and use only a-z, 0-9 and _ "
                "(at most 40 characters)",
                "id",
            )
        raw_levels = data.get("levels") or []
        if not isinstance(raw_levels, list) or len(raw_levels) < 2:
            raise RubricError(path, "a criterion needs at least two levels", "levels")
        if len(raw_levels) > MAX_LEVELS:
            raise RubricError(path, f"a criterion has at most {MAX_LEVELS} levels", "levels")
        levels = [Level.from_dict(raw, f"{path}/level[{i + 1}]") for i, raw in enumerate(raw_levels)]
        levels.sort(key=lambda level: level.points)
        for lower, higher in zip(levels, levels[1:]):
            if lower.points == higher.points:
                raise RubricError(path, f"two levels have the same points ({lower.points})", "levels")
        raw_checks = data.get("checks") or []
        if not isinstance(raw_checks, list):
            raise RubricError(path, "checks must be a list", "checks")
        if len(raw_checks) > MAX_CHECKS:
            raise RubricError(path, f"a criterion has at most {MAX_CHECKS} checks", "checks")
        checks = tuple(
            Check.from_dict(raw, f"{path}/check[{i + 1}]") for i, raw in enumerate(raw_checks)
        )
        return cls(
            id=criterion_id,
            label=_text(data.get("label"), path, "label", MAX_LABEL, required=True),
            description=_text(data.get("description"), path, "description"),
            levels=tuple(levels),
            checks=checks,
        )


@dataclass(frozen=True)
class Rubric:
    """The criteria an exercise is judged on, plus the privacy gate switch.

    ``preset`` names the built-in rubric this one is (``None`` for a designer's own), so OLX
    export can write the short ``<rubric preset="…"/>`` form back.
    """

    criteria: tuple = ()
    privacy_gate: bool = True
    preset: str | None = None

    @property
    def max_score(self):
        return sum(criterion.max_points for criterion in self.criteria)

    def criterion(self, criterion_id):
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def earned(self, levels):
        """Sum of the points of the chosen levels ``{criterion id: index}`` (missing ones count 0)."""
        levels = levels or {}
        return sum(criterion.points_for(levels.get(criterion.id)) or 0 for criterion in self.criteria)

    @classmethod
    def from_snapshot(cls, data):
        """A rubric a submission stored (``to_dict()``), read back without validating it again.

        A snapshot was valid when it was taken; a later, stricter rule (a detector renamed, a
        limit lowered) must not stop old submissions from being graded or exported on it. Missing
        or malformed parts read as empty; levels are sorted by points as ``from_dict`` sorts them.
        """
        data = data if isinstance(data, dict) else {}
        criteria = []
        for raw in data.get("criteria") or ():
            if not isinstance(raw, dict):
                continue
            levels = []
            for level in raw.get("levels") or ():
                if isinstance(level, dict):
                    try:
                        points = number(level.get("points") or 0)
                    except (TypeError, ValueError):
                        points = 0
                    levels.append(Level(points=points, label=str(level.get("label") or ""),
                                        message=str(level.get("message") or "")))
            levels.sort(key=lambda level: level.points)
            checks = tuple(Check(type=c.get("type"),
                                 params=dict(c["params"]) if isinstance(c.get("params"), dict) else {})
                           for c in raw.get("checks") or () if isinstance(c, dict))
            cid = str(raw.get("id") or "")
            criteria.append(Criterion(id=cid, label=str(raw.get("label") or cid),
                                      description=str(raw.get("description") or ""),
                                      levels=tuple(levels), checks=checks))
        return cls(criteria=tuple(criteria), privacy_gate=bool(data.get("privacy_gate", True)),
                   preset=data.get("preset") or None)

    def to_dict(self):
        return {
            "criteria": [criterion.to_dict() for criterion in self.criteria],
            "privacy_gate": self.privacy_gate,
            "preset": self.preset,
        }

    @classmethod
    def from_dict(cls, data):
        if not isinstance(data, dict):
            raise RubricError("rubric", "a rubric must be an object")
        raw = data.get("criteria") or []
        if not isinstance(raw, list) or not raw:
            raise RubricError("rubric", "a rubric needs at least one criterion")
        if len(raw) > MAX_CRITERIA:
            raise RubricError("rubric", f"a rubric has at most {MAX_CRITERIA} criteria")
        criteria = tuple(Criterion.from_dict(c, f"criterion[{i + 1}]") for i, c in enumerate(raw))
        seen = set()
        for criterion in criteria:
            if criterion.id in seen:
                raise RubricError(f"criterion[{criterion.id}]", "duplicate criterion id", "id")
            seen.add(criterion.id)
        preset = data.get("preset") or None
        return cls(criteria=criteria, privacy_gate=bool(data.get("privacy_gate", True)), preset=preset)

    def version(self):
        """A short stable fingerprint: submissions record which rubric they were judged by."""
        payload = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Scenario:
    """The patient situation a learner responds to.

    ``keywords`` judge relevance; ``allowed_names`` are the fictional names the privacy check
    accepts (the patient's own name is always allowed).
    """

    key: str = ""
    patient: str = ""
    context: str = ""
    prompt: str = ""
    keywords: tuple = ()
    allowed_names: tuple = ()

    @property
    def names(self):
        """Every name the privacy check must accept for this scenario."""
        names = [self.patient] if self.patient else []
        names.extend(self.allowed_names)
        return tuple(dict.fromkeys(name for name in names if name))

    def to_dict(self):
        return {
            "key": self.key,
            "patient": self.patient,
            "context": self.context,
            "prompt": self.prompt,
            "keywords": list(self.keywords),
            "allowed_names": list(self.allowed_names),
        }

    @classmethod
    def from_dict(cls, data, require_prompt=False):
        if not isinstance(data, dict):
            raise RubricError("scenario", "a scenario must be an object")
        path = "scenario"
        return cls(
            key=_text(data.get("key"), path, "key", 100),
            patient=_text(data.get("patient"), path, "patient name", 100, field="patient"),
            context=_text(data.get("context"), path, "context", 5000),
            prompt=_text(data.get("prompt"), path, "prompt", 2000, required=require_prompt),
            keywords=_word_list(data.get("keywords"), path, "keywords"),
            allowed_names=_word_list(data.get("allowed_names"), path, "allowed names", field="allowed_names"),
        )


def _word_list(value, path, name, limit=200, field=None):
    """Accept a list or a comma-separated string; return a tuple of trimmed, non-empty items."""
    field = name if field is None else field
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        raise RubricError(path, f"{name} must be a list or a comma-separated string", field)
    result = tuple(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))
    if len(result) > limit:
        raise RubricError(path, f"{name} has more than {limit} entries", field)
    for item in result:
        if len(item) > 100:
            raise RubricError(path, f"an entry of {name} is longer than 100 characters", field)
    return result


def split_list(value):
    """Public helper: the comma-separated form used in OLX attributes and editor fields."""
    return _word_list(value, "", "list")
