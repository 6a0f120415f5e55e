"""
Whether a signed-in learner is enrolled in the course, asked of the platform running the block.

The LMS's courseware handler checks sign-in, not enrolment (courseware/access.py: "does NOT
check for enrollment ... higher layers check"), and its user service carries no enrolment flag.
So the block asks the platform's own enrolment table: the ``student`` app's CourseEnrollment,
installed in the LMS and Studio processes. A runtime without that app (the workbench) may name a
function ``(user_id, course_key) -> bool`` in the DISCLOSURE_ENROLLMENT_CHECK setting; with
neither, enrolment is unknown (None) and the caller decides.
"""
from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string


def is_enrolled(user_id, course_key):
    """True / False from the platform, or None where no enrolment record exists to ask."""
    check = getattr(settings, "DISCLOSURE_ENROLLMENT_CHECK", None)
    if check:
        return bool(import_string(check)(user_id, course_key))
    try:
        enrollments = apps.get_model("student", "CourseEnrollment")
    except LookupError:
        return None
    if not user_id or course_key is None:
        return False
    # The same rows CourseEnrollment.is_enrolled reads (an active enrolment in this course run).
    return enrollments.objects.filter(user_id=user_id, course_id=course_key, is_active=True).exists()
