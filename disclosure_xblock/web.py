"""
The JSON handler decorator every block handler uses: one way to read a request and answer errors.

XBlock's own json_handler answers every problem with the same bare message; learners and
designers need specific ones (which field, what limit), and a body size limit applied before
parsing.
"""
from __future__ import annotations

import functools
import json
import logging

from webob import Response
from xblock.core import XBlock

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


def json_api(func):
    """Wrap ``func(self, data: dict) -> dict`` as a POST-only JSON handler.

    Bad method, oversized body, malformed JSON or a non-object body are refused with 4xx before
    ``func`` runs; a HandlerError raised by ``func`` becomes its status and message.
    """

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
            return json_response({"error": _("The request contains characters that are not valid text.")}, 400)
        try:
            result = func(self, data)
        except HandlerError as exc:
            return json_response({"error": exc.message, **exc.extra}, exc.status)
        return result if isinstance(result, Response) else json_response(result)

    return wrapper
