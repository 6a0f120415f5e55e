"""The staff queue: counts, the paginated list, one submission's detail and its neighbours.

Everything filters, sorts and pages in the database (indexes on course, item, current,
status/flag and time), so a cohort of thousands never loads whole.
"""
from __future__ import annotations

import math

from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, FloatField, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ..feedback import flags
from . import claims, serialize
from ..rubric.model import Rubric
from .errors import InvalidRequest, NotFound
from .models import GRADED, RETURNED, SUBMITTED, SubmissionRecord

SORTS = {
    "submitted_at": "submitted_at",
    "auto_score": "sort_auto",
    "learner": "sort_learner",
    "status": "status",
}
STATUS_FILTERS = (SUBMITTED, GRADED, RETURNED, "held", "waiting")
MAX_PAGE_SIZE = 100
MAX_SEARCH = 150
LIST_COLUMNS = ("uuid", "username", "anonymous_id", "submitted_at", "auto_score", "auto_max",
                "status", "held", "attempt", "red_flags", "claimed_by", "claimed_by_name",
                "claim_expires", "score_earned", "score_possible")


def item_records(ctx):
    """Current records (each learner's latest attempt) of this exercise."""
    return SubmissionRecord.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id, is_current=True)


def get_record(ctx, uuid, current_only=False):
    """The record of submission ``uuid`` in this exercise, or NotFound."""
    if not isinstance(uuid, str) or not uuid or len(uuid) > 36:
        raise NotFound(_("That submission does not exist in this exercise."))
    rows = SubmissionRecord.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id, uuid=uuid)
    if current_only:
        rows = rows.filter(is_current=True)
    record = rows.select_related("latest_assessment", "released_assessment").first()
    if record is None:
        raise NotFound(_("That submission does not exist in this exercise."))
    return record


def summary(ctx):
    counts = item_records(ctx).aggregate(
        submitted=Count("pk"),
        graded=Count("pk", filter=Q(status=GRADED, held=False)),
        waiting=Count("pk", filter=Q(status=SUBMITTED)),
        flagged=Count("pk", filter=Q(flagged=True)),
        held=Count("pk", filter=Q(held=True)),
        returned=Count("pk", filter=Q(status=RETURNED)),
    )
    return {key: value or 0 for key, value in counts.items()}


def _annotated(rows):
    return rows.annotate(
        sort_auto=Coalesce(F("auto_score"), Value(-1.0), output_field=FloatField()),
        sort_learner=Case(When(username="", then=F("anonymous_id")), default=F("username")),
    )


def filtered(ctx, *, status=None, flagged=None, search=""):
    rows = item_records(ctx)
    if status:
        if status not in STATUS_FILTERS:
            raise InvalidRequest(_("Unknown status filter: {value}").format(value=status))
        if status == "held":
            rows = rows.filter(held=True)
        elif status == "waiting":
            rows = rows.filter(status=SUBMITTED)
        elif status == GRADED:
            rows = rows.filter(status=GRADED, held=False)
        else:
            rows = rows.filter(status=status)
    if flagged is not None:
        rows = rows.filter(flagged=bool(flagged))
    search = (search or "").strip()[:MAX_SEARCH]
    if search:
        rows = rows.filter(Q(username__icontains=search) | Q(anonymous_id=search))
    return _annotated(rows)


def parse_sort(sort):
    sort = sort or "-submitted_at"
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        raise InvalidRequest(_("Unknown sort order: {value}").format(value=sort))
    return SORTS[key], descending


def ordered(rows, sort):
    field, descending = parse_sort(sort)
    prefix = "-" if descending else ""
    return rows.order_by(f"{prefix}{field}", f"{prefix}pk")


def list_submissions(ctx, *, page=1, page_size=25, status=None, flagged=None, search="",
                     sort="-submitted_at"):
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    rows = ordered(filtered(ctx, status=status, flagged=flagged, search=search), sort)
    total = rows.count()
    pages = max(1, math.ceil(total / page_size))
    page = max(1, min(int(page), pages))
    start = (page - 1) * page_size
    now = timezone.now()
    # Page the narrow index first (ids only), then load just those rows' list columns: OFFSET
    # never drags the large JSON columns (rubric snapshot, drafts, feedback) through the scan.
    ids = list(rows.values_list("pk", flat=True)[start:start + page_size])
    # Whether each stored result names its flag scheme (feedback/flags.py), read in the database
    # so the large feedback column stays there.
    by_id = (SubmissionRecord.objects.only(*LIST_COLUMNS)
             .annotate(new_flag_scheme=ExpressionWrapper(Q(auto_feedback__has_key="flag_scheme"),
                                                         output_field=BooleanField()))
             .in_bulk(ids))
    items = [serialize.list_item(by_id[pk], now) for pk in ids if pk in by_id]
    return {"items": items, "page": page, "pages": pages, "total": total, "page_size": page_size}


def neighbours(ctx, record, *, status=None, flagged=None, search="", sort="-submitted_at"):
    """previous / next uuid in the list's order, and the next submission still waiting."""
    field, descending = parse_sort(sort)
    rows = filtered(ctx, status=status, flagged=flagged, search=search)
    me = _annotated(SubmissionRecord.objects.filter(pk=record.pk)).values(field).first()
    value = me[field] if me else None
    after = Q(**{f"{field}__lt": value}) | Q(**{field: value, "pk__lt": record.pk})
    before = Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gt": record.pk})
    if not descending:
        after, before = before, after
    fwd = (f"-{field}", "-pk") if descending else (field, "pk")
    back = (field, "pk") if descending else (f"-{field}", "-pk")
    nxt = rows.filter(after).order_by(*fwd).values_list("uuid", flat=True).first()
    prev = rows.filter(before).order_by(*back).values_list("uuid", flat=True).first()
    # Next waiting: not this one, and not one another grader holds right now.
    taken = Q(claim_expires__gt=timezone.now()) & ~Q(claimed_by="") & ~Q(claimed_by=ctx.identity.anonymous_id)
    waiting = _annotated(item_records(ctx).filter(status=SUBMITTED).exclude(pk=record.pk).exclude(taken))
    next_ungraded = (waiting.filter(after).order_by(*fwd).values_list("uuid", flat=True).first()
                     or waiting.order_by(*fwd).values_list("uuid", flat=True).first())
    return {"previous": prev, "next": nxt, "next_ungraded": next_ungraded}


def rubric_for_panel(rubric):
    return [
        {
            "id": c.id,
            "label": c.label,
            "description": c.description,
            "automatic": c.is_automatic,
            "max_points": serialize.points(c.max_points),
            "levels": [{"points": serialize.points(lvl.points), "label": lvl.label} for lvl in c.levels],
        }
        for c in Rubric.from_snapshot(rubric).criteria
    ]


def prefill(record):
    """Levels to pre-select: the latest assessment's, else the automatic ones (advisory)."""
    latest = record.latest_assessment
    if latest is not None and latest.levels:
        return dict(latest.levels), "assessment"
    levels = {}
    for criterion in Rubric.from_snapshot(record.rubric).criteria:
        level = (record.auto_levels or {}).get(criterion.id)
        if criterion.is_automatic and criterion.level(level) is not None:
            levels[criterion.id] = level
    return levels, "automatic"


MAX_EVIDENCE = 20


def _evidence(spans):
    """Bounded evidence spans ``[{"start", "end", "text", "note"}]`` of a stored result."""
    out = []
    for span in (spans if isinstance(spans, list) else [])[:MAX_EVIDENCE]:
        if not isinstance(span, dict):
            continue
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            out.append({"start": start, "end": end, "text": str(span.get("text") or "")[:500],
                        "note": str(span.get("note") or "")[:500]})
    return out


def detail(ctx, uuid, *, list_params=None):
    record = get_record(ctx, uuid)
    now = timezone.now()
    levels, source = prefill(record)
    history = [
        serialize.staff_assessment(record, a)
        for a in record.assessments.order_by("-version")[:50]
    ]
    attempts = list(
        SubmissionRecord.objects.filter(course_id=ctx.course_id, item_id=ctx.item_id,
                                        anonymous_id=record.anonymous_id)
        .order_by("attempt").values("uuid", "attempt", "submitted_at", "status"))
    auto = record.auto_feedback or {}
    return {
        "uuid": record.uuid,
        "learner": record.learner,
        "username": record.username,
        "anonymous_id": record.anonymous_id,
        "attempt": record.attempt,
        "is_current": record.is_current,
        "attempts": [{**a, "submitted_at": serialize.iso(a["submitted_at"])} for a in attempts],
        "submitted_at": serialize.iso(record.submitted_at),
        "text": record.text,
        "status": record.status,
        "held": record.held,
        "returned_comment": record.returned_comment,
        "red_flags": list(record.red_flags or []),
        "red_flag_labels": serialize.flag_labels(record.red_flags, flags.scheme_of(auto)),
        "red_flag_details": [
            {"kind": f.get("kind"), "message": f.get("message", ""),
             "label": serialize.flag_labels([f.get("kind")], flags.scheme_of(auto))[0],
             # The learner's own words behind the flag (shown as text, never markup).
             "evidence": [str(e.get("text", ""))[:200] for e in (f.get("evidence") or [])[:4]
                          if isinstance(e, dict)]}
            for f in auto.get("red_flags") or [] if isinstance(f, dict)
        ],
        "auto": {
            "score": serialize.points(record.auto_score),
            "max_score": serialize.points(record.auto_max),
            "levels": record.auto_levels or {},
            "criteria": [
                {"id": c.get("id"), "label": c.get("label", ""), "level": c.get("level"),
                 "outcome": c.get("outcome"), "message": c.get("message", ""),
                 "automatic": c.get("automatic", True),
                 # "language": the engine could not read the draft's language (not a grade).
                 "not_judged": c.get("not_judged"),
                 # What the engine saw: spans of the text (shown as text, never markup).
                 "evidence": _evidence(c.get("evidence"))}
                for c in auto.get("criteria") or [] if isinstance(c, dict)
            ],
        },
        "draft_history": record.draft_history or [],
        "prefill": {"levels": levels, "source": source},
        "assessment": serialize.staff_assessment(record, record.latest_assessment),
        "released_assessment": serialize.staff_assessment(record, record.released_assessment),
        "history": history,
        "version": record.version,
        "score": ({"earned": record.score_earned, "possible": record.score_possible}
                  if record.score_possible else None),
        "claim": claims.claim_info(record, ctx, now),
        "rubric": rubric_for_panel(record.rubric),
        "rubric_version": record.rubric_version,
        "rubric_changed": bool(record.rubric_version) and record.rubric_version != ctx.rubric_version,
        "neighbours": neighbours(ctx, record, **(list_params or {})) if record.is_current else
        {"previous": None, "next": None, "next_ungraded": None},
        "can_release": ctx.identity.is_instructor and record.held,
        "can_return": bool(ctx.allow_resubmission) and record.is_current and record.status != RETURNED,
        "grades_held": bool(ctx.hold_staff_grades) and not ctx.identity.is_instructor,
    }
