"""The enrolment question goes to the platform's table, or to the configured check, or is unknown."""
from django.test import override_settings

from disclosure_xblock import enrollment


@override_settings(DISCLOSURE_ENROLLMENT_CHECK=None)
def test_without_the_platforms_student_app_enrolment_is_unknown():
    # The LMS and Studio install the `student` app (CourseEnrollment); the workbench does not.
    assert enrollment.is_enrolled("7", "course-v1:edX+Demo+2020") is None


@override_settings(DISCLOSURE_ENROLLMENT_CHECK="devserver.services.dev_is_enrolled",
                   DISCLOSURE_DEV_UNENROLLED={"stranger_1"})
def test_a_configured_check_answers_for_each_user():
    assert enrollment.is_enrolled("learner_1", "course-v1:edX+Demo+2020") is True
    assert enrollment.is_enrolled("stranger_1", "course-v1:edX+Demo+2020") is False
