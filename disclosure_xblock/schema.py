"""
Declared shapes of the JSON handlers' bodies, checked before a handler runs.

Each handler declares its body (``web.json_api(schema)``); a member of the wrong JSON type is
refused with a 400 naming its path ("exercise.rubric.criteria.0.checks.1.type"), so no handler
meets a list where it reads text (a 500 once: ``TypeError: unhashable type``) and nothing is
written. Only types and nesting are declared: ranges, choices and rules between fields stay
with the code that owns them, which words them best. An absent or null member means "not
given"; members not declared are left to the handler (ignored today).
"""
from __future__ import annotations

import math

# The kinds a message can name (web.py words each one for the user).
TEXT, INTEGER, NUMBER, BOOLEAN, LIST, OBJECT, TEXT_OR_LIST = (
    "text", "integer", "number", "boolean", "list", "object", "text_or_list")


class SchemaError(ValueError):
    """``path`` (a tuple of keys and indexes) is not of the ``expected`` kind.

    ``message``: the field's own wording (a msgid the handler's gettext translates), for a field
    the user knows by name ("The draft must be text."); None means the generic wording.
    """

    def __init__(self, path, expected, message=None):
        super().__init__(f"{dotted(path)}: expected {expected}")
        self.path = tuple(path)
        self.expected = expected
        self.message = message


def dotted(path):
    return ".".join(str(part) for part in path)


class Spec:
    """One value's shape. ``check(value, path)`` raises SchemaError; null is checked by the parent."""

    kind = ""

    def check(self, value, path):
        raise NotImplementedError


class Scalar(Spec):
    def __init__(self, kind, *types, message=None):
        self.kind = kind
        self.types = types
        self.message = message

    def check(self, value, path):
        # bool is an int in Python, never a number or text in JSON terms; NaN/Infinity are not
        # numbers either (json.loads accepts them).
        if isinstance(value, bool):
            if bool not in self.types:
                raise SchemaError(path, self.kind, self.message)
        elif not isinstance(value, self.types) or (isinstance(value, float) and not math.isfinite(value)):
            raise SchemaError(path, self.kind, self.message)


class List(Spec):
    kind = LIST

    def __init__(self, item, kind=LIST):
        self.item = item
        self.kind = kind

    def check(self, value, path):
        if not isinstance(value, list):
            raise SchemaError(path, self.kind)
        for index, item in enumerate(value):
            if item is None:
                raise SchemaError((*path, index), self.item.kind)
            self.item.check(item, (*path, index))


class Either(Spec):
    """The first spec whose top-level JSON type fits decides (text, or a list of text)."""

    def __init__(self, kind, *specs):
        self.kind = kind
        self.specs = specs

    def check(self, value, path):
        for spec in self.specs:
            try:
                spec.check(value, path)
                return
            except SchemaError as exc:
                if exc.path != tuple(path):  # the right type, with a wrong member inside
                    raise
        raise SchemaError(path, self.kind)


class Object(Spec):
    kind = OBJECT

    def __init__(self, fields=None, values=None):
        self.fields = dict(fields or {})
        self.values = values  # a spec for every member (an object keyed by criterion id)

    def check(self, value, path):
        if not isinstance(value, dict):
            raise SchemaError(path, self.kind)
        for name, member in value.items():
            spec = self.fields.get(name, self.values)
            if spec is not None and member is not None:
                spec.check(member, (*path, name))


def strings(value, path=()):
    """(path, text) for every string inside a JSON value, in document order."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, member in value.items():
            yield from strings(member, (*path, key))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield from strings(member, (*path, index))


def text(message=None):
    return Scalar(TEXT, str, message=message)


def integer():
    return Scalar(INTEGER, int)


def boolean():
    return Scalar(BOOLEAN, bool)


def number_or_text():
    """What an editor input holds: a number, or its value as typed ("15")."""
    return Scalar(NUMBER, int, float, str)


def flag():
    """A setting that models also read from OLX-like text ("true", "1")."""
    return Scalar(BOOLEAN, bool, int, str)


def text_or_list():
    """A list of words, or the same as one comma- or line-separated string."""
    return Either(TEXT_OR_LIST, Scalar(TEXT, str), List(Scalar(TEXT, str), kind=TEXT_OR_LIST))


class Body(Object):
    """A handler's whole body, optionally naming the editor input a path belongs to."""

    def __init__(self, fields=None, input_for=None):
        super().__init__(fields)
        self.input_for = input_for

    def validate(self, data):
        self.check(data, ())


NO_BODY = Body()
