"""
Grading claims: opening a submission holds it for a few minutes so two graders never collide.

A claim is three columns on the record, changed only by conditional UPDATEs (one statement, so
two graders racing for the same submission cannot both win on any database). Expired claims are
simply ignored; nothing needs cleaning up.
"""
from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import Conflict
from .models import SubmissionRecord

DEFAULT_CLAIM_SECONDS = 300


def claim_seconds(ctx):
    """How long a claim lasts: settings.DISCLOSURE_GRADING_CLAIM_SECONDS, else 5 minutes."""
    value = getattr(
        settings, "DISCLOSURE_GRADING_CLAIM_SECONDS", DEFAULT_CLAIM_SECONDS)
    try:
        return max(30, min(int(value), 3600))
    except (TypeError, ValueError):
        return DEFAULT_CLAIM_SECONDS


def claim_info(record, ctx, now=None):
    holder = record.claim_holder(now)
    if not holder:
        return None
    return {
        "by": holder[1] or holder[0],
        "mine": holder[0] == ctx.identity.anonymous_id,
        "expires_at": record.claim_expires.isoformat(),
    }


def held_by_other(record, ctx, now=None):
    holder = record.claim_holder(now)
    return holder if holder and holder[0] != ctx.identity.anonymous_id else None


def claim(ctx, record, take_over=False):
    """Claim ``record`` for the requester; returns the claim dict; Conflict if someone holds it."""
    now = timezone.now()
    me = ctx.identity.anonymous_id
    expires = now + datetime.timedelta(seconds=claim_seconds(ctx))
    rows = SubmissionRecord.objects.filter(pk=record.pk)
    if not take_over:
        rows = rows.filter(Q(claimed_by="") | Q(claimed_by=me) | Q(claim_expires__isnull=True)
                           | Q(claim_expires__lte=now))
    updated = rows.update(claimed_by=me, claimed_by_name=(ctx.identity.username or "")[:150],
                          claim_expires=expires)
    record.refresh_from_db(fields=["claimed_by", "claimed_by_name", "claim_expires"])
    if not updated:
        holder = record.claim_holder(now)
        name = (holder[1] or holder[0]) if holder else _("another grader")
        raise Conflict(
            _("{name} is grading this submission right now. Take it over to grade it yourself.")
            .format(name=name), claimed_by=name)
    return claim_info(record, ctx, now)


def release_claim(ctx, record):
    """Drop the requester's claim on ``record`` (no-op when someone else holds it)."""
    SubmissionRecord.objects.filter(pk=record.pk, claimed_by=ctx.identity.anonymous_id).update(
        claimed_by="", claimed_by_name="", claim_expires=None)
