"""
The errors grading/api.py raises: each carries an HTTP status and a user-facing message.

The block turns a GradingError into its HandlerError (status, message and ``extra`` in the
body); messages are already translated with Django's gettext when raised.
"""
from __future__ import annotations


class GradingError(Exception):
    """Something the caller asked for cannot be done; ``message`` says why, ``status`` is HTTP."""

    status = 400

    def __init__(self, message, status=None, **extra):
        super().__init__(str(message))
        self.message = str(message)
        if status is not None:
            self.status = status
        self.extra = extra

    def to_dict(self):
        return {"error": self.message, **self.extra}


class InvalidRequest(GradingError):
    """Bad input: wrong type, unknown criterion, out-of-range level, oversized comment (400)."""

    status = 400


class PermissionDenied(GradingError):
    """The requester is not allowed to do this (not course staff, or not an instructor) (403)."""

    status = 403


class NotFound(GradingError):
    """No such submission in this exercise (404)."""

    status = 404


class Conflict(GradingError):
    """Someone else changed or holds it: stale save, claimed by another grader, already submitted (409)."""

    status = 409
