"""
The JSON handler decorator every block handler uses: one way to read a request and answer errors.

XBlock's own json_handler answers every problem with the same bare message; learners and
designers need specific ones (which field, what limit), a body size limit applied before
parsing, and each body's declared shape (schema.py) checked before the handler runs.
"""
from __future__ import annotations

import functools
import json
import logging

from webob import Response
from xblock.core import XBlock

from . import schema

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


class HandlerError(Exception):
    """An error answered to the client as ``{"error": message, ...extra}`` with ``status``."""

    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.status = status
        self.message = str(message)
        self.extra = extra


def json_response(payload, status=200):
    return Response(
        json.dumps(payload), status=status, content_type="application/json", charset="utf-8"
    )


def _encodable(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _type_message(_, kind, field):
    """``field`` must be of ``kind`` (a schema kind), in the user's language."""
    messages = {
        schema.TEXT: _("{field} must be text."),
        schema.INTEGER: _("{field} must be a whole number."),
        schema.NUMBER: _("{field} must be a number."),
        schema.BOOLEAN: _("{field} must be true or false."),
        schema.LIST: _("{field} must be a list."),
        schema.OBJECT: _("{field} must be an object."),
        schema.TEXT_OR_LIST: _("{field} must be text or a list of text."),
    }
    return messages[kind].format(field=field)


def json_api(body_schema):
    """``@json_api(schema.Body({...}))``: wrap ``func(self, data: dict) -> dict`` as a POST-only
    JSON handler whose body has the declared shape.

    Bad method, oversized body, malformed JSON, a non-object body or a member of the wrong type
    are refused with 4xx before ``func`` runs; a HandlerError raised by ``func`` becomes its
    status and message. Every handler declares its body (``schema.NO_BODY`` when it reads none).
    """
    if not isinstance(body_schema, schema.Body):
        raise TypeError("json_api needs the handler's body schema: @json_api(schema.Body({...}))")

    def decorate(func):
        return _json_handler(func, body_schema)

    return decorate


def _json_handler(func, body_schema):
    @XBlock.handler
    @functools.wraps(func)
    def wrapper(self, request, suffix=""):  # pylint: disable=unused-argument
        _ = self.ugettext
        if request.method != "POST":
            return json_response({"error": _("This action needs a POST request.")}, 405)
        body = request.body or b""
        if len(body) > MAX_BODY_BYTES:
            return json_response({"error": _("The request is too large.")}, 413)
        try:
            data = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (ValueError, UnicodeDecodeError, RecursionError):  # deep nesting raises RecursionError
            return json_response({"error": _("The request was not valid JSON.")}, 400)
        if not isinstance(data, dict):
            return json_response({"error": _("The request must be a JSON object.")}, 400)
        try:
            # JSON may carry lone surrogates ("\ud800"): valid JSON, but no database can store them.
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            field = next((schema.dotted(path) for path, value in schema.strings(data)
                          if not _encodable(value)), "")
            return json_response({"error": _("The request contains characters that are not valid text."),
                                  **({"field": field} if field else {})}, 400)
        try:
            body_schema.validate(data)
        except schema.SchemaError as exc:
            field = schema.dotted(exc.path)
            message = _(exc.message) if exc.message else _type_message(_, exc.expected, field)
            where = body_schema.input_for(exc.path) if body_schema.input_for else field
            return json_response({"error": message, "field": field,
                                  "errors": [{"field": field, "input": where, "message": message}]}, 400)
        try:
            result = func(self, data)
        except HandlerError as exc:
            return json_response({"error": exc.message, **exc.extra}, exc.status)
        return result if isinstance(result, Response) else json_response(result)

    wrapper.body_schema = body_schema
    return wrapper
