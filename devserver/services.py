"""
A user service for the workbench that behaves like the LMS's, for local runs and tests.

The LMS gives each learner a course-specific anonymous id and tells the block who is course
staff; the stock workbench does neither. Here ``?student=<id>`` picks the user, the anonymous id
is derived from the id (stable, no stored state), and the ids in settings.DISCLOSURE_DEV_STAFF
are course staff with their role. Two more LMS/Studio facts the stock workbench hides:
``?student=studio_author`` is a Studio unit preview's user (anonymous id ``'student'``, no
staff flag), and the ids in settings.DISCLOSURE_DEV_UNENROLLED are signed in but not enrolled
(dev_is_enrolled answers the block's enrolment question, as the LMS's CourseEnrollment does).
"""
import hashlib

from django.conf import settings
from xblock.reference.user_service import UserService, XBlockUser

# The course id the workbench patches onto every block (runtime._patch_xblock).
DEV_COURSE_ID = "course-v1:edX+Demo+2020"


def dev_anonymous_id(user_id, course_id=DEV_COURSE_ID):
    """The course-specific anonymous id of a dev user (32 hex characters, like the LMS's)."""
    return hashlib.sha256(f"{course_id}:{user_id}".encode()).hexdigest()[:32]


class DevUserService(UserService):
    """Built with no arguments by the workbench, which then sets ``.runtime``."""

    runtime = None

    def __init__(self, **kwargs):
        super().__init__(user=None, **kwargs)

    def _user_id(self):
        user_id = getattr(self.runtime, "user_id", None)
        # The workbench's unauthenticated handlers run as the literal user "none".
        return None if user_id in (None, "", "none") else str(user_id)

    def get_current_user(self):
        user_id = self._user_id()
        user = XBlockUser(is_current_user=True, full_name=f"Dev user {user_id}" if user_id else "")
        if user_id is None:
            return user
        role = settings.DISCLOSURE_DEV_STAFF.get(user_id, "student")
        preview = user_id in settings.DISCLOSURE_DEV_STUDIO_AUTHORS
        user.opt_attrs.update({
            "edx-platform.user_id": user_id,
            "edx-platform.username": user_id,
            "edx-platform.user_is_staff": role != "student" and not preview,
            "edx-platform.user_role": "student" if preview else role,
            # Studio's preview gives every author the same literal anonymous id.
            "edx-platform.anonymous_user_id": "student" if preview else dev_anonymous_id(user_id),
            "edx-platform.is_authenticated": True,
        })
        return user

    def get_anonymous_user_id(self, username, course_id):
        """Like the LMS: answers only when the current user is staff."""
        current = self.get_current_user()
        if not current.opt_attrs.get("edx-platform.user_is_staff"):
            return None
        return dev_anonymous_id(username, course_id or DEV_COURSE_ID)

    def get_user_by_anonymous_id(self, uid=None):
        """Unsupported in the dev server (the LMS answers from its database); callers guard this."""
        return None


def dev_is_enrolled(user_id, course_key):  # pylint: disable=unused-argument
    """settings.DISCLOSURE_ENROLLMENT_CHECK for the workbench: everyone but the unenrolled ids."""
    return str(user_id) not in settings.DISCLOSURE_DEV_UNENROLLED
