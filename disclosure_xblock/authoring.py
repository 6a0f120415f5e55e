"""
Studio authoring: what the block's editor handlers do, as plain functions over ``Exercise``.

The block stays thin: each Studio handler calls one function here and turns ``AuthoringError``
into an HTTP 400 answer. Nothing here touches XBlock, Django or the request.

Every function takes the editor's JSON (``data``) and returns JSON-ready dicts:

``validate(data)``                  the edited exercise as an Exercise, or AuthoringError
``save(current, data)``             (new Exercise, ``{"saved", "warning", "exercise"}``)
``try_draft(current, data)``        the feedback a learner would get with the unsaved exercise
``library(current, data)``          a library exercise, a blank one, or a built-in rubric
``export_olx(current, data)``       ``{"olx": ...}`` preview of what course export writes
``editor_data(exercise, ...)``      the data ``studio_view`` gives the template and the JS

Each handler function has the same form, ``f(current, data, language=None, gettext=None, …)``,
so the block wires each in one line; ``current`` is the saved Exercise.

Errors name the field twice: ``field`` is the model's path (``criterion[brief]/level[2]``,
``min_words`` …, as OLX import errors say it; scenario fields are ``scenario/prompt`` …) and ``input`` is the editor input
to mark (``criteria.0.levels.1.points``, ``scenario.prompt`` …; see ``docs/olx.md``).
"""
from __future__ import annotations


from . import patterns
from . import schema as s
from .draft_policy import MAX_DRAFT_CHARS
from .exercise import Exercise
from .rubric.olx import NOT_XML
from .rubric import DEFAULT_PRESET, Criterion, Rubric, RubricError, Scenario, load_preset, preset_names
from .rubric.model import MAX_POINTS
from .rubric.checks import DETECTORS
from .rubric.detectors import EXPLANATIONS, LABELS

BLANK = "blank"

# Plain-language meaning of each built-in detector, shown next to a detector check in the editor.
DETECTOR_EXPLANATIONS = EXPLANATIONS
DETECTOR_LABELS = LABELS  # the dropdown's human names

# Top-level settings and the editor input each one is edited in (same names).
_SCALARS = ("display_name", "min_words", "max_words", "max_feedback_requests", "grading_mode",
            "weight", "show_exemplar", "allow_resubmission", "hold_staff_grades", "exemplar",
            "support_message")
_SCENARIO_FIELDS = ("key", "patient", "context", "prompt", "keywords", "allowed_names")
# A check's editor inputs, named as RubricError.field names them.
_CHECK_INPUTS = ("type", "name", "phrases", "mode", "on_fail", "min_count",
                 "met_min", "met_max", "partial_min", "partial_max")
_LEVEL_PATH_RE = patterns.compile(r"/level\[(\d++)\]$")
_CHECK_PATH_RE = patterns.compile(r"/check\[(\d++)\]$")
_CRITERION_PATH_RE = patterns.compile(r"^criterion\[([^\]]++)\]")

# The editor's exercise payload (see static/js/studio.js collect()): input values arrive as text.
_CHECK = s.Object({"type": s.text(), "params": s.Object({
    "met_min": s.number_or_text(), "met_max": s.number_or_text(), "partial_min": s.number_or_text(),
    "partial_max": s.number_or_text(), "min_count": s.number_or_text(), "mode": s.text(),
    "on_fail": s.text(), "name": s.text(), "phrases": s.text_or_list()})})
_LEVEL = s.Object({"points": s.number_or_text(), "label": s.text(), "message": s.text()})
_CRITERION = s.Object({"id": s.text(), "label": s.text(), "description": s.text(),
                       "levels": s.List(_LEVEL), "checks": s.List(_CHECK)})
EXERCISE = s.Object({
    "display_name": s.text(), "grading_mode": s.text(), "show_exemplar": s.text(), "exemplar": s.text(),
    "min_words": s.number_or_text(), "max_words": s.number_or_text(),
    "max_feedback_requests": s.number_or_text(), "weight": s.number_or_text(),
    "allow_resubmission": s.flag(), "hold_staff_grades": s.flag(),
    "scenario": s.Object({"key": s.text(), "patient": s.text(), "context": s.text(), "prompt": s.text(),
                          "keywords": s.text_or_list(), "allowed_names": s.text_or_list()}),
    "rubric": s.Object({"criteria": s.List(_CRITERION), "privacy_gate": s.flag(), "preset": s.text()}),
})


def editor_input(path):
    """The editor input (``data-input``) a body path belongs to: ("exercise", "rubric",
    "criteria", 0, "checks", 1, "params", "met_min") -> "criteria.0.checks.1.met_min"."""
    parts = [str(p) for p in path if p != "params"]
    if parts[:1] == ["exercise"]:
        parts = parts[1:]
    if parts[:1] == ["rubric"]:
        parts = parts[1:] if parts[1:2] in (["criteria"], ["privacy_gate"]) else ["rubric"]
    if parts[:1] in (["key"], ["preset"]) and len(path) == 1:
        return "library"
    return ".".join(parts) or "exercise"


SAVE_BODY = s.Body({"exercise": EXERCISE}, input_for=editor_input)
TRY_DRAFT_BODY = s.Body({"exercise": EXERCISE, "text": s.text()}, input_for=editor_input)
LIBRARY_BODY = s.Body({"key": s.text(), "preset": s.text()}, input_for=editor_input)
EXPORT_OLX_BODY = SAVE_BODY


class AuthoringError(ValueError):
    """The edited exercise cannot be saved or tried.

    ``errors`` is a list of ``{"field", "input", "message"}``, the first being the one to focus.
    """

    def __init__(self, errors):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else {"field": "", "message": "invalid exercise"}
        self.field = first["field"]
        self.message = first["message"]
        super().__init__(f"{self.field}: {self.message}" if self.field else self.message)

    def to_dict(self):
        """The 400 answer's body."""
        return {"error": self.message, "field": self.field, "errors": self.errors}


# --- validation ----------------------------------------------------------------------------------

def validate(data, gettext=None):
    """Return the exercise the editor sent (``data["exercise"]``) as an Exercise.

    Raises AuthoringError listing every problem found (each setting, the scenario, every
    criterion), so the designer sees all of them at once.
    """
    raw = data.get("exercise") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        raise AuthoringError([_error("exercise", "", "the request has no exercise object")])
    errors = _character_errors(raw, gettext or _identity)
    if errors:
        raise AuthoringError(errors)
    errors.extend(_scalar_errors(raw))
    errors.extend(_scenario_errors(raw.get("scenario")))
    errors.extend(_rubric_errors(raw.get("rubric")))
    if errors:
        raise AuthoringError([_plain(error, raw, gettext or _identity) for error in errors])
    try:
        exercise = Exercise.from_dict(raw, require_prompt=True)
    except RubricError as exc:  # anything the piecewise checks above did not catch
        raise AuthoringError([_plain(_error(exc.path, _input_for_path(exc, raw), exc.message), raw,
                                     gettext or _identity)]) from None
    return _normalise_preset(exercise)


# --- errors in plain words -----------------------------------------------------------------------

_INPUT_PARTS_RE = patterns.compile(r"^criteria\.(\d++)(?:\.levels\.(\d++))?(?:\.checks\.(\d++))?")


def _setting_names(_):
    """The editor's own name of each setting and scenario field (the labels it shows)."""
    return {
        "display_name": _("Display name"), "min_words": _("Minimum words to submit"),
        "max_words": _("Maximum words to submit"), "max_feedback_requests": _("Feedback requests per learner"),
        "weight": _("Problem weight (points in the gradebook)"), "grading_mode": _("Grading"),
        "show_exemplar": _("Show the model answer"), "exemplar": _("Model answer"),
        "support_message": _("Support message"), "scenario.patient": _("Patient's name"),
        "scenario.allowed_names": _("Other names allowed in drafts"),
        "scenario.context": _("Situation (what the learner reads first)"),
        "scenario.prompt": _("Prompt (what the learner is asked to write)"),
        "scenario.keywords": _("Concern keywords"), "scenario.key": _("Library scenario key"),
    }


def _raw_criterion(raw, index):
    criteria = ((raw.get("rubric") or {}).get("criteria") or []) if isinstance(raw, dict) else []
    criterion = criteria[index] if 0 <= index < len(criteria) else {}
    return criterion if isinstance(criterion, dict) else {}


def _level_name(level, number, _):
    label = str(level.get("label") or "").strip() if isinstance(level, dict) else ""
    return _("level {number} (“{name}”)").format(number=number, name=label) if label \
        else _("level {number}").format(number=number)


def _plain(error, raw, _):
    """``error`` with its message in plain words that name the criterion and the level (or the
    setting, by the editor's own label) it is about. Field and input stay as they were."""
    message = error["message"]
    found = _INPUT_PARTS_RE.match(error.get("input") or "")
    if not found:
        name = _setting_names(_).get(error.get("input") or "")
        if name is None:
            return error
        if message.endswith("must not be empty"):
            if error["input"] == "scenario.prompt":
                text = _("The prompt is empty: write what the learner is asked to do.")
            else:
                text = _("“{setting}” is empty: fill it in.").format(setting=name)
        else:
            text = _("“{setting}”: {problem}").format(setting=name, problem=message)
        return {**error, "message": text}
    index = int(found.group(1))
    criterion = _raw_criterion(raw, index)
    name = str(criterion.get("label") or criterion.get("id") or "").strip() or \
        _("criterion {number}").format(number=index + 1)
    levels = [lvl for lvl in criterion.get("levels") or [] if isinstance(lvl, dict)]
    if found.group(2) is not None:
        number = int(found.group(2)) + 1
        where = _("Criterion “{criterion}”, {level}").format(
            criterion=name, level=_level_name(levels[number - 1] if number <= len(levels) else {}, number, _))
    elif found.group(3) is not None:
        where = _("Criterion “{criterion}”, check {number}").format(criterion=name, number=int(found.group(3)) + 1)
    else:
        where = _("Criterion “{criterion}”").format(criterion=name)
    same = _same_points(message, levels)
    if same:
        points, first, second = same
        text = _("{where}: {first} and {second} both give {points} points. Give each level different "
                 "points.").format(where=where, first=_level_name(*first, _), second=_level_name(*second, _),
                                   points=points)
        error = {**error, "input": f"criteria.{index}.levels.{second[1] - 1}.points"}  # the second one
    elif message.endswith("must not be empty") and error.get("input", "").endswith(".label"):
        text = _("{where}: the name is empty. Write the name learners see.").format(where=where)
    elif message.startswith("points must be"):
        text = _("{where}: the points must be a number from 0 to {most}.").format(where=where, most=MAX_POINTS)
    else:
        text = _("{where}: {problem}").format(where=where, problem=message)
    return {**error, "message": text}


def _same_points(message, levels):
    """(points, (level, number), (level, number)) of the first two levels that share points,
    when ``message`` is the model's "two levels have the same points" error."""
    if not message.startswith("two levels have the same points"):
        return None
    seen = {}
    for number, level in enumerate(levels, start=1):
        try:
            points = float(level.get("points"))
        except (TypeError, ValueError):
            continue
        if points in seen:
            shown = int(points) if points == int(points) else points
            return shown, seen[points], (level, number)
        seen[points] = (level, number)
    return None


def _character_errors(raw, _):
    """Text that OLX cannot hold (NUL, ESC, vertical tab, U+FFFE …): refused, naming the field,
    so that the course can always be exported. Tab and line breaks stay allowed."""
    errors = []
    for path, value in s.strings(raw):
        found = NOT_XML.search(value)
        if found is not None:
            field = s.dotted(path)
            errors.append(_error(field, editor_input(("exercise", *path)), _(
                "{field} contains a character that cannot be saved (U+{code:04X}, at position "
                "{position}); remove it.").format(field=field, code=ord(found.group()),
                                                 position=found.start() + 1)))
    return errors


def _error(field, input_name, message):
    return {"field": field, "input": input_name, "message": message}


def _scalar_errors(raw):
    """Check each top-level setting alone (with valid neighbours) so every bad one is reported."""
    defaults = {name: value for name, value in Exercise().to_dict().items() if name in _SCALARS}
    fixed = {"scenario": Scenario(prompt="-"), "rubric": load_preset(DEFAULT_PRESET)}
    errors = []
    for name in _SCALARS:
        probe = {**defaults, **fixed}
        if name in ("min_words", "max_words"):
            probe["min_words"], probe["max_words"] = 0, 1000
        probe[name] = raw.get(name, defaults[name])
        try:
            Exercise.from_dict(probe)
        except RubricError as exc:
            errors.append(_error(exc.path, exc.path, exc.message))
    if not any(e["field"] in ("min_words", "max_words") for e in errors):
        try:
            Exercise.from_dict({**defaults, **fixed, "min_words": raw.get("min_words", defaults["min_words"]),
                                "max_words": raw.get("max_words", defaults["max_words"])})
        except RubricError as exc:
            errors.append(_error(exc.path, exc.path, exc.message))
    return errors


def _scenario_errors(scenario):
    if scenario is None:
        scenario = {}
    if not isinstance(scenario, dict):
        return [_error("scenario", "scenario.prompt", "a scenario must be an object")]
    errors = []
    for name in _SCENARIO_FIELDS:
        probe = {"prompt": "-", name: scenario.get(name)}
        try:
            Scenario.from_dict(probe, require_prompt=True)
        except RubricError as exc:
            errors.append(_error(f"scenario/{name}", f"scenario.{name}", exc.message))
    return errors


def _rubric_errors(rubric):
    if rubric is None:
        return []
    if not isinstance(rubric, dict):
        return [_error("rubric", "rubric", "a rubric must be an object")]
    criteria = rubric.get("criteria")
    if rubric.get("preset") and not criteria:
        try:
            load_preset(rubric["preset"])
        except RubricError as exc:
            return [_error(exc.path, "rubric", exc.message)]
        return []
    if not isinstance(criteria, list) or not criteria:
        return [_error("rubric", "rubric", "a rubric needs at least one criterion")]
    errors = []
    seen = {}
    for index, raw in enumerate(criteria):
        criterion_id = str(raw.get("id") or "").strip() if isinstance(raw, dict) else ""
        if criterion_id and criterion_id in seen:
            errors.append(_error(f"criterion[{criterion_id}]", f"criteria.{index}.id",
                                 f"duplicate criterion id (criterion {seen[criterion_id] + 1} "
                                 "already uses it)"))
        elif criterion_id:
            seen[criterion_id] = index
        try:
            Criterion.from_dict(raw, f"criterion[{index + 1}]")
        except RubricError as exc:
            errors.append(_error(exc.path, _criterion_input(index, exc, raw), exc.message))
    if not errors:
        try:
            Rubric.from_dict(rubric)
        except RubricError as exc:
            errors.append(_error(exc.path, "rubric", exc.message))
    return errors


def _criterion_input(index, exc, raw):
    """The editor input a criterion's RubricError is about (its path and field say which)."""
    base = f"criteria.{index}"
    level = _LEVEL_PATH_RE.search(exc.path)
    if level:
        part = exc.field if exc.field in ("points", "label", "message") else "points"
        return f"{base}.levels.{int(level.group(1)) - 1}.{part}"
    check = _CHECK_PATH_RE.search(exc.path)
    if check:
        check_base = f"{base}.checks.{int(check.group(1)) - 1}"
        return f"{check_base}.{exc.field}" if exc.field in _CHECK_INPUTS else check_base
    if exc.field in ("id", "label", "description", "levels", "checks"):
        return f"{base}.{exc.field}"
    return f"{base}.id" if isinstance(raw, dict) else base


def _input_for_path(exc, raw):
    path = exc.path
    if path in _SCALARS:
        return path
    if path == "scenario":
        return f"scenario.{exc.field}" if exc.field in _SCENARIO_FIELDS else "scenario.prompt"
    found = _CRITERION_PATH_RE.match(path)
    if found:
        criteria = ((raw.get("rubric") or {}).get("criteria") or []) if isinstance(raw, dict) else []
        key = found.group(1)
        for index, criterion in enumerate(criteria):
            if isinstance(criterion, dict) and (criterion.get("id") == key or str(index + 1) == key):
                return _criterion_input(index, exc, criterion)
    return "rubric"


def _normalise_preset(exercise):
    """Keep a rubric's preset name only while it is still exactly that preset.

    Export writes the short ``<rubric preset=…/>`` form only for an unchanged preset, so an edited
    rubric that kept the name would come back from import without it.
    """
    rubric = exercise.rubric
    if not rubric.preset:
        return exercise
    try:
        preset = load_preset(rubric.preset)
    except RubricError:
        preset = None
    if preset is not None and (preset.criteria, preset.privacy_gate) == (rubric.criteria, rubric.privacy_gate):
        return exercise.with_changes(rubric=preset)
    return exercise.with_changes(rubric=Rubric(criteria=rubric.criteria, privacy_gate=rubric.privacy_gate))


# --- handlers ------------------------------------------------------------------------------------

def save(current, data, has_submissions=False, language=None, gettext=None):  # noqa: ARG001
    """Validate the edited exercise; return ``(new_exercise, answer)``.

    ``current`` is the saved Exercise (nothing is changed on error: AuthoringError is raised
    before the block writes a field). The answer warns when learners already submitted and
    what they are judged by changed: their submissions keep the rubric they were given.
    """
    _ = gettext or _identity
    exercise = validate(data, gettext)
    warning = None
    if has_submissions and _feedback_changed(current, exercise):
        warning = _(
            "Learners have already submitted. Your changes apply to new feedback only: "
            "submitted answers keep the rubric they were given."
        )
    return exercise, {"saved": True, "warning": warning, "exercise": exercise.to_dict()}


def _feedback_changed(old, new):
    if old is None:
        return True
    watched = ("rubric", "scenario", "min_words", "max_words", "grading_mode", "weight")
    return any(getattr(old, name) != getattr(new, name) for name in watched)


def check_draft_text(text, exercise, gettext=None):
    """Return the draft text trimmed, or raise AuthoringError as the learner's request would."""
    _ = gettext or _identity
    if not isinstance(text, str) or not text.strip():
        raise AuthoringError([_error("text", "text", _("Type a sample draft first."))])
    if len(text) > MAX_DRAFT_CHARS:
        raise AuthoringError([_error("text", "text", _("The draft is longer than {limit} characters.")
                                     .format(limit=MAX_DRAFT_CHARS))])
    return text


def try_draft(current, data, language=None, gettext=None):  # noqa: ARG001
    """The feedback a learner would get for ``data["text"]`` under the unsaved ``data["exercise"]``.

    Returns ``{"feedback": evaluate(...).to_dict(), "word_count", "min_words", "max_words"}``.
    """
    exercise = validate(data, gettext)
    text = check_draft_text(data.get("text"), exercise, gettext)
    from .feedback import evaluate  # noqa: PLC0415  (the engine is optional at import time)

    feedback = evaluate(text, exercise.rubric, exercise.scenario, language=language or "en").to_dict()
    return {"feedback": feedback, "min_words": exercise.min_words, "max_words": exercise.max_words}


def library(current, data, language=None, gettext=None):  # noqa: ARG001
    """Starting points for the editor.

    ``{"key": <library key>}`` -> ``{"exercise": …}`` that library exercise;
    ``{"key": "blank"}`` -> ``{"exercise": …}`` an empty scenario with the default rubric;
    ``{"preset": <name>}`` -> ``{"rubric": …}`` a built-in rubric (to reset the rubric only).
    """
    from .scenarios import load_exercise, scenario_keys  # noqa: PLC0415 (scenarios imports exercise)

    if not isinstance(data, dict):
        raise AuthoringError([_error("key", "library", "the request must be an object")])
    if data.get("preset"):
        try:
            return {"rubric": load_preset(data["preset"]).to_dict()}
        except RubricError as exc:
            raise AuthoringError([_error("preset", "library", exc.message)]) from None
    key = data.get("key")
    if key == BLANK:
        return {"exercise": Exercise(display_name="Self-disclosure practice").to_dict()}
    if key not in scenario_keys():
        raise AuthoringError([_error(
            "key", "library", f"unknown library scenario {key!r}; choose one of: "
            + ", ".join((*scenario_keys(), BLANK)))])
    return {"exercise": load_exercise(key).to_dict()}


def export_olx(current, data, language=None, gettext=None):  # noqa: ARG001
    """``{"olx": text}``: the ``<disclosure_exercise>`` element course export writes for the edit."""
    return {"olx": validate(data, gettext).to_olx_string()}


# --- studio_view ---------------------------------------------------------------------------------

def editor_data(exercise, has_submissions=False, gettext=None):
    """The template context and ``initialize_js`` data of ``studio_view`` (the block adds
    ``exercise_json_id``)."""
    _ = gettext or _identity
    from .scenarios import load_exercise, scenario_keys  # noqa: PLC0415

    return {
        "exercise": exercise.to_dict(),
        "library": [{"key": key, "display_name": load_exercise(key).display_name}
                    for key in scenario_keys()],
        "presets": preset_names(),
        "detectors": [{"name": name, "label": _(DETECTOR_LABELS[name]) if DETECTOR_LABELS.get(name) else name,
                       "explanation": _(DETECTOR_EXPLANATIONS[name])}
                      for name in DETECTORS],
        "has_submissions": bool(has_submissions),
    }


def _identity(text):
    return text
