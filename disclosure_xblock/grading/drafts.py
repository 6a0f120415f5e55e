"""
The learner's feedback requests: an allowance counted atomically, and an append-only history.

The LMS's field store reads a learner's state row at the start of a request and writes it back
at the end, so a count or a list kept there loses updates when requests race (a burst of
parallel requests all passed the limit; autosave racing feedback dropped history entries).
Here, keyed by the student item (course, item, anonymous id):

- ``FeedbackAllowance``: a grant is one conditional UPDATE (``used = used + 1 WHERE used <
  limit``), so however many requests race, at most ``limit`` are granted.
- ``FeedbackEntry``: each granted request appends its own row in the same transaction.

The LMS's "reset attempts" loads the learner's user_state JSON, sets ``attempts`` to 0 (adding
the key if it was missing) and saves it, touching nothing else. This block never stores 0 there:
an explicit ``attempts: 0`` is the reset's mark. The next request moves the allowance to a new
epoch with ``used = 0``, conditionally on the epoch named by the state's ``sync`` marker
(``{"epoch", "used"}``, absent = epoch 0), and writes ``attempts`` (= used, at least 1) and the
new marker back. So requests racing after one reset start one new epoch, not several, and a
stale request writing back a snapshot taken between the reset and its use cannot reset twice
(its marker names the old epoch; the state is then repaired). Ordinary requests write nothing
to user_state at all: the count lives here, which keeps the learner's row small and a feedback
request down to one write.

A reset is used only when no request was granted in the last RESET_QUIET: an instructor's reset
is never that close to a grant, and the workbench's dev store (which rewrites the state row once
per field, so racing requests can see torn values) can show a stray 0 only in a burst.
"""
from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import serialize
from .compiled import Compiled
from ..draft_policy import MAX_HISTORY
from .models import FeedbackAllowance, FeedbackEntry
from .retry import retry_if_locked

# One number for the whole history: what is kept, what the learner sees and what graders get.
MAX_ENTRIES = MAX_HISTORY  # the draft policy's one history cap
# A reset is used only once the allowance has been quiet this long: an instructor's reset is
# never that close to a grant, while a dev store's torn write can only show a 0 in the middle
# of a burst of requests.
RESET_QUIET = datetime.timedelta(seconds=2)


_KEY = ("course_id", "item_id", "anonymous_id")
# The two reads every feedback request and submit make, compiled once (see compiled.py).
_ALLOWANCE = Compiled("allowance", FeedbackAllowance, _KEY, lambda **key: (
    FeedbackAllowance.objects.filter(**key).values_list("used", "epoch")[:1]))  # unique key: one row
_NEWEST = Compiled("newest_entries", FeedbackEntry, _KEY, lambda **key: (
    FeedbackEntry.objects.filter(**key).order_by("-id")[:MAX_ENTRIES]))


class LimitReached(Exception):
    """Every feedback request of the allowance is used."""


def _key(ctx, anonymous_id=None):
    return {"course_id": ctx.course_id, "item_id": ctx.item_id,
            "anonymous_id": anonymous_id or ctx.identity.anonymous_id}


def reset_pending(attempts_zeroed, sync):
    """The epoch an LMS reset left behind in this state, or None when there was no reset.

    ``attempts_zeroed``: the state holds an explicit ``attempts: 0`` (not merely the default).
    """
    if not attempts_zeroed:
        return None
    return _int((sync if isinstance(sync, dict) else {}).get("epoch"))


def _int(value):
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def used(ctx, *, state_attempts, attempts_zeroed, sync):
    """Feedback requests used, as the next request would count them."""
    return usage(ctx, state_attempts=state_attempts, attempts_zeroed=attempts_zeroed, sync=sync)[0]


def usage(ctx, *, state_attempts, attempts_zeroed, sync):
    """``(used, started)``: ``used`` as in ``used``; ``started`` whether the allowance row exists
    (a hint for ``record``, which stays correct when a racing request changes it)."""
    found = _ALLOWANCE.rows(**_key(ctx))
    row = found[0] if found else None
    if row is None:
        return _int(state_attempts), False  # no row yet: older versions counted in user_state only
    reset_epoch = reset_pending(attempts_zeroed, sync)
    return (0 if reset_epoch is not None and reset_epoch == row[1] else row[0]), True


@retry_if_locked
def record(ctx, *, limit, state_attempts, attempts_zeroed, sync, text, word_count, result, started=None):
    """Grant one feedback request and append its entry, atomically.

    ``started``: whether the caller just saw this learner's allowance row (``usage``), None when
    it did not look; only a hint for which statement to try first.

    Returns ``(entry dict, used, sync)``: ``used`` counts this request; ``sync`` is the marker
    to store in user_state with ``attempts = used`` when a reset was used (or a stale one must be
    repaired), else None (nothing to write). Raises LimitReached when none is left.
    """
    key = _key(ctx)
    rows = FeedbackAllowance.objects.filter(**key)
    now = timezone.now()
    reset_epoch = reset_pending(attempts_zeroed, sync)
    first = _int(state_attempts) + 1
    if started is False and reset_epoch is None and not (limit and first > limit):
        # A learner's first request: two INSERTs in one transaction. The allowance's unique key
        # makes a racing first request fail here as a whole (nothing kept); it is then counted
        # against the row the other one made, below.
        try:
            with transaction.atomic():
                FeedbackAllowance.objects.create(**key, used=first, last_granted_at=now)
                entry = FeedbackEntry.objects.create(**key, text=text, word_count=word_count,
                                                     result=serialize.compact_feedback(result))
        except IntegrityError:
            pass
        else:
            if first > MAX_ENTRIES:
                _prune(key)
            return _entry_dict(entry), first, None
    with transaction.atomic():
        # Writes first: on SQLite the transaction then holds the write lock from its first
        # statement instead of failing to upgrade a read; in MySQL the UPDATE locks the row.
        # Whether user_state must be written: after using a reset, and to repair a stale mark
        # (a snapshot written back after its reset was used, or a reset older than this table);
        # not while the quiet time defers a reset, so that a later request uses it.
        write = False
        if reset_epoch is not None:
            pending = rows.filter(epoch=reset_epoch, used__gt=0)
            quiet = Q(last_granted_at__isnull=True) | Q(last_granted_at__lt=now - RESET_QUIET)
            write = bool(pending.filter(quiet).update(used=0, epoch=F("epoch") + 1)) or not pending.exists()
        if not _grant(rows, key, limit, _int(state_attempts), now):
            raise LimitReached()
        entry = FeedbackEntry.objects.create(**key, text=text, word_count=word_count,
                                             result=serialize.compact_feedback(result))
        now_used, epoch = rows.values_list("used", "epoch").get()
    if now_used > MAX_ENTRIES or epoch:
        _prune(key)
    return _entry_dict(entry), now_used, ({"epoch": epoch, "used": now_used} if write else None)


def _grant(rows, key, limit, state_attempts, now):
    capped = rows.filter(used__lt=limit) if limit else rows
    if capped.update(used=F("used") + 1, last_granted_at=now):
        return True
    # No row, or none left: an INSERT tells which (no EXISTS first: the block's early read
    # already refuses a learner with none left). This learner's first request since the tables
    # exist starts from the count older versions kept in user_state.
    if limit and state_attempts >= limit:
        try:
            with transaction.atomic():
                FeedbackAllowance.objects.create(**key, used=state_attempts)
        except IntegrityError:
            pass
        return False
    try:
        with transaction.atomic():  # a savepoint: the row may exist, or a racing request make it
            FeedbackAllowance.objects.create(**key, used=state_attempts + 1, last_granted_at=now)
        return True
    except IntegrityError:
        return bool(capped.update(used=F("used") + 1, last_granted_at=now))


def _prune(key):
    """Drop entries older than the newest MAX_ENTRIES (never one of those)."""
    cutoff = (FeedbackEntry.objects.filter(**key).order_by("-id")
              .values_list("id", flat=True)[MAX_ENTRIES:MAX_ENTRIES + 1].first())
    if cutoff is not None:
        FeedbackEntry.objects.filter(**key, id__lte=cutoff).delete()


def history(ctx, *, legacy=None, anonymous_id=None):
    """The learner's newest MAX_ENTRIES entries, oldest first, each ``{"at", "word_count",
    "score", "max_score", "levels", "privacy_passed", "red_flags", "text"}``.

    ``legacy`` is the list older versions kept in user_state: it is copied into the table first
    (idempotently), so nobody loses what they had.
    """
    key = _key(ctx, anonymous_id)
    if legacy:
        import_legacy(ctx, legacy, anonymous_id=anonymous_id)
    newest = _NEWEST.models(**key)
    return [_entry_dict(entry) for entry in reversed(newest)]


@retry_if_locked
def import_legacy(ctx, legacy, anonymous_id=None):
    """Copy a user_state history list into the table; racing copies insert each entry once."""
    key = _key(ctx, anonymous_id)
    rows = []
    for index, item in enumerate(legacy or []):
        if not isinstance(item, dict):
            continue
        rows.append(FeedbackEntry(
            **key, legacy_index=index, created_at=_parse_at(item.get("at")),
            text=str(item.get("text") or ""),
            word_count=item["word_count"] if _int(item.get("word_count")) == item.get("word_count") else None,
            result=serialize.compact_feedback(item)))
    if rows:
        FeedbackEntry.objects.bulk_create(rows, ignore_conflicts=True)


def clear(ctx, anonymous_id):
    """Delete the learner's history and allowance (the LMS's "delete learner state")."""
    key = _key(ctx, anonymous_id)
    deleted, _detail = FeedbackEntry.objects.filter(**key).delete()
    allowance, _detail = FeedbackAllowance.objects.filter(**key).delete()
    return deleted + allowance


def _parse_at(value):
    try:
        parsed = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return timezone.now()
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def format_at(value):
    """The entry's time as the learner view shows and compares it (UTC, milliseconds)."""
    if timezone.is_naive(value):
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds")


def _entry_dict(entry):
    result = entry.result if isinstance(entry.result, dict) else {}
    return {"at": format_at(entry.created_at), "word_count": entry.word_count,
            "score": result.get("score"), "max_score": result.get("max_score"),
            "levels": result.get("levels") or {}, "privacy_passed": result.get("privacy_passed", True),
            "red_flags": result.get("red_flags") or [], "text": entry.text}
