"""
Retrying a short write transaction that lost a lock race.

SQLite has one writer at a time: a transaction that cannot get the write lock within the
connection's timeout (or whose read snapshot went stale before it wrote) fails with "database is
locked". MySQL/MariaDB answer a deadlock (1213) or a lock wait timeout (1205). Each is safe to
retry when the whole transaction is ours (it rolled back completely), so the functions below
retry only at the outermost level, never inside a caller's transaction.
"""
from __future__ import annotations

import functools
import random
import time

from django.db import OperationalError, connection

ATTEMPTS = 5
MYSQL_RETRYABLE = (1205, 1213)


def is_lock_error(exc):
    if "database is locked" in str(exc) or "database table is locked" in str(exc):
        return True
    code = exc.args[0] if exc.args else None
    return code in MYSQL_RETRYABLE


def retry_if_locked(func):
    """Run ``func`` again (a few times, with a short random pause) after a lock error."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(ATTEMPTS):
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if connection.in_atomic_block or attempt == ATTEMPTS - 1 or not is_lock_error(exc):
                    raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise AssertionError("unreachable")

    return wrapper
