"""Who may call what: every staff function checks again, whatever the block checked before."""
from django.utils.translation import gettext as _

from .errors import PermissionDenied


def require_staff(ctx):
    """Raise PermissionDenied unless the requester is course staff with an identity."""
    if not (ctx.identity.is_staff and ctx.identity.anonymous_id):
        raise PermissionDenied(_("Only course staff can do this."))


def require_instructor(ctx):
    """Raise PermissionDenied unless the requester is a course instructor."""
    require_staff(ctx)
    if not ctx.identity.is_instructor:
        raise PermissionDenied(_("Only a course instructor can do this."))


def require_learner(ctx):
    """Raise PermissionDenied when the runtime gave no learner identity (e.g. Studio preview)."""
    if not ctx.identity.anonymous_id:
        raise PermissionDenied(_("Sign in to the course to work on this exercise."))


def grades_are_held(ctx):
    """True when a grade saved by this requester waits for an instructor's release."""
    return bool(ctx.hold_staff_grades) and not ctx.identity.is_instructor
