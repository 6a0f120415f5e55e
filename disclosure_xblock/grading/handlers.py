"""
One function per staff handler of the block: check the JSON body's types, then call the API.

The block wires each ``staff_*`` handler to the function of the same name here
(``handler(ctx, data) -> dict``); the body arrives as parsed JSON, untrusted. Bad types or
ranges raise InvalidRequest (400); the API checks staff itself (PermissionDenied, 403).
"""
from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import schema as s
from . import api
from .errors import InvalidRequest
from .queue import MAX_PAGE_SIZE, MAX_SEARCH, SORTS, STATUS_FILTERS

SORT_VALUES = {*SORTS, *(f"-{key}" for key in SORTS)}


def _int(data, name, default, low, high):
    value = data.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidRequest(_("{name} must be a whole number from {low} to {high}.").format(
            name=name, low=low, high=high))
    return value


def _bool(data, name, default=False, allow_none=False):
    value = data.get(name, default)
    if value is None and allow_none:
        return None
    if not isinstance(value, bool):
        raise InvalidRequest(_("{name} must be true or false.").format(name=name))
    return value


def _str(data, name, default="", limit=5000, required=False):
    value = data.get(name, default)
    if value is None:
        value = default
    if not isinstance(value, str):
        raise InvalidRequest(_("{name} must be text.").format(name=name))
    if len(value) > limit:
        raise InvalidRequest(ngettext("{name} is longer than {limit} character.",
                                      "{name} is longer than {limit} characters.", limit).format(
            name=name, limit=limit))
    if required and not value:
        raise InvalidRequest(_("{name} is required.").format(name=name))
    return value


def _uuid(data, required=True):
    value = data.get("uuid")
    if value is None and not required:
        return None
    return _str(data, "uuid", limit=36, required=True)


def _list_params(data):
    status = data.get("status") or None
    if status is not None and status not in STATUS_FILTERS:
        raise InvalidRequest(_("Unknown status filter."))
    sort = data.get("sort") or "-submitted_at"
    if sort not in SORT_VALUES:
        raise InvalidRequest(_("Unknown sort order."))
    return {
        "status": status,
        "flagged": _bool(data, "flagged", None, allow_none=True),
        "search": _str(data, "search", limit=MAX_SEARCH),
        "sort": sort,
    }


def _dict(data, name):
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidRequest(_("{name} must be an object keyed by criterion.").format(name=name))
    return value


# Each handler's body, checked (types only) before the handler runs; see schema.py.
_LIST_QUERY = {"status": s.text(), "flagged": s.boolean(), "search": s.text(), "sort": s.text()}
STAFF_SUMMARY = s.NO_BODY
STAFF_LIST = s.Body({**_LIST_QUERY, "page": s.integer(), "page_size": s.integer()})
STAFF_DETAIL = s.Body({**_LIST_QUERY, "uuid": s.text(), "claim": s.boolean(), "release": s.text()})
STAFF_CLAIM = s.Body({"uuid": s.text(), "take_over": s.boolean()})
STAFF_SAVE_ASSESSMENT = s.Body({
    "uuid": s.text(), "levels": s.Object(values=s.integer()), "comments": s.Object(values=s.text()),
    "overall_comment": s.text(), "expected_version": s.integer(), "comment_only": s.boolean()})
STAFF_RELEASE = s.Body({"uuid": s.text()})
STAFF_RETURN = s.Body({"uuid": s.text(), "comment": s.text()})
STAFF_CALIBRATION = s.NO_BODY
STAFF_COHORT = s.NO_BODY


def staff_summary(ctx, data):
    """Counts plus what this grader may do: ``{submitted, graded, waiting, flagged, held, returned,
    is_instructor, hold_staff_grades, allow_resubmission, grading_mode}``."""
    counts = api.panel_summary(ctx)
    return {**counts, "is_instructor": ctx.identity.is_instructor,
            "hold_staff_grades": bool(ctx.hold_staff_grades),
            "allow_resubmission": bool(ctx.allow_resubmission), "grading_mode": ctx.grading_mode}


def staff_list(ctx, data):
    return api.list_submissions(
        ctx, page=_int(data, "page", 1, 1, 10**6),
        page_size=_int(data, "page_size", 25, 1, MAX_PAGE_SIZE), **_list_params(data))


def staff_detail(ctx, data):
    release = data.get("release")
    return api.submission_detail(ctx, _uuid(data), list_params=_list_params(data),
                                 claim=_bool(data, "claim"),
                                 release=_str(data, "release", limit=36) if release is not None else None)


def staff_claim(ctx, data):
    return api.claim(ctx, _uuid(data), take_over=_bool(data, "take_over"))


def staff_save_assessment(ctx, data):
    version = data.get("expected_version")
    if version is not None:
        version = _int(data, "expected_version", 0, 0, 10**6)
    saved = api.save_assessment(
        ctx, _uuid(data), levels=_dict(data, "levels"), comments=_dict(data, "comments"),
        overall_comment=_str(data, "overall_comment"), expected_version=version,
        comment_only=_bool(data, "comment_only"))
    # The fresh counts too, so the panel's header needs no second request after a save.
    return {**saved, "counts": api.panel_summary(ctx)}


def staff_release(ctx, data):
    return api.release(ctx, _uuid(data, required=False))


def staff_return(ctx, data):
    return api.return_for_revision(ctx, _uuid(data), comment=_str(data, "comment"))


def staff_calibration(ctx, data):
    return api.calibration(ctx)



def staff_cohort(ctx, data):
    return api.cohort(ctx)
