"""
The kinds of automatic check a designer can attach to a criterion, and their validation.

Checks are data, never code: a designer picks a type and fills in its parameters. There are no
raw regular expressions; phrase rules use a small, linear-time pattern language (see
``docs/olx.md``), so no rule can hang the server.

Each check, when the feedback engine runs it, returns one outcome (met / partial / not_met);
a criterion takes the weakest outcome of its checks.

Types and parameters:

``word_count``  met_min, met_max: the word range that meets the criterion;
                partial_min, partial_max (optional): a wider range that partly meets it.
``phrases``     mode: "require" (at least ``min_count`` phrases must appear) or "forbid"
                (none may appear); phrases: list of phrase patterns; on_fail: the outcome
                when the rule is broken, "not_met" (default) or "partial".
``detector``    name: one of DETECTORS, the engine's built-in judgements.
"""
from __future__ import annotations

from .detectors import NAMES
from .errors import RubricError

# Built-in detectors the feedback engine implements (the registry: rubric/detectors.py).
DETECTORS = NAMES

CHECK_TYPES = ("word_count", "phrases", "detector")

MAX_PHRASES = 100
MAX_PHRASE_CHARS = 100
MAX_PHRASE_WORDS = 8
MAX_WORDS_BOUND = 5000


def _error(path, message, field):
    return RubricError(path, message, field)


def _int(params, key, path, required=True, default=None):
    value = params.get(key, default)
    if value is None or value == "":
        if required:
            raise _error(path, f"{key} is required", key)
        return None
    if isinstance(value, bool):
        raise _error(path, f"{key} must be a whole number", key)
    try:
        number = int(str(value).strip())
    except ValueError:
        raise _error(path, f"{key} must be a whole number, not {value!r}", key) from None
    if number < 0 or number > MAX_WORDS_BOUND:
        raise _error(path, f"{key} must be between 0 and {MAX_WORDS_BOUND}", key)
    return number


def _validate_word_count(params, path):
    met_min = _int(params, "met_min", path)
    met_max = _int(params, "met_max", path)
    if met_min > met_max:
        raise _error(path, "met_min must not be greater than met_max", "met_min")
    partial_min = _int(params, "partial_min", path, required=False)
    partial_max = _int(params, "partial_max", path, required=False)
    partial_min = met_min if partial_min is None else partial_min
    partial_max = met_max if partial_max is None else partial_max
    if partial_min > met_min or partial_max < met_max:
        raise _error(path, "the partial range must contain the met range", "partial_min")
    return {"met_min": met_min, "met_max": met_max, "partial_min": partial_min, "partial_max": partial_max}


def validate_phrase(phrase, path):
    """Return the phrase trimmed, or raise: what a designer may write in a phrase list."""
    phrase = " ".join(str(phrase).split())
    if not phrase:
        raise _error(path, "a phrase must not be empty", "phrases")
    if len(phrase) > MAX_PHRASE_CHARS:
        raise _error(path, f"a phrase is longer than {MAX_PHRASE_CHARS} characters: {phrase[:30]!r}…", "phrases")
    words = phrase.split(" ")
    if len(words) > MAX_PHRASE_WORDS:
        raise _error(path, f"a phrase has more than {MAX_PHRASE_WORDS} words: {phrase!r}", "phrases")
    if all(word == "*" for word in words):
        raise _error(path, f"a phrase needs at least one real word: {phrase!r}", "phrases")
    for word in words:
        if word != "*" and "*" in word[:-1]:
            raise _error(path, f"'*' may stand alone or end a word, not sit inside one: {phrase!r}", "phrases")
        if word.endswith("*") and len(word) < 4 and word != "*":
            raise _error(path, f"a word ending in '*' needs at least three letters first: {phrase!r}", "phrases")
    return phrase


def _validate_phrases(params, path):
    mode = params.get("mode", "require")
    if mode not in ("require", "forbid"):
        raise _error(path, f"mode must be 'require' or 'forbid', not {mode!r}", "mode")
    raw = params.get("phrases")
    if isinstance(raw, str):
        raw = [p for p in raw.split("\n")]
    if not isinstance(raw, list):
        raise _error(path, "phrases must be a list", "phrases")
    phrases = [validate_phrase(p, path) for p in raw if str(p).strip()]
    if not phrases:
        raise _error(path, "a phrase rule needs at least one phrase", "phrases")
    if len(phrases) > MAX_PHRASES:
        raise _error(path, f"a phrase rule has at most {MAX_PHRASES} phrases", "phrases")
    on_fail = params.get("on_fail", "not_met")
    if on_fail not in ("not_met", "partial"):
        raise _error(path, f"on_fail must be 'not_met' or 'partial', not {on_fail!r}", "on_fail")
    result = {"mode": mode, "phrases": phrases, "on_fail": on_fail}
    if mode == "require":
        min_count = _int(params, "min_count", path, required=False, default=1)
        if min_count < 1 or min_count > len(phrases):
            raise _error(path, "min_count must be between 1 and the number of phrases", "min_count")
        result["min_count"] = min_count
    return result


def _validate_detector(params, path):
    name = params.get("name")
    if name not in DETECTORS:
        raise _error(path, f"unknown detector {name!r}; choose one of: {', '.join(DETECTORS)}", "name")
    return {"name": name}


_VALIDATORS = {
    "word_count": _validate_word_count,
    "phrases": _validate_phrases,
    "detector": _validate_detector,
}


def validate_check_params(check_type, params, path="check"):
    """Return the normalised params of a check, or raise RubricError naming the problem."""
    if check_type not in _VALIDATORS:
        raise _error(path, f"unknown check type {check_type!r}; choose one of: {', '.join(CHECK_TYPES)}", "type")
    return _VALIDATORS[check_type](params, path)
