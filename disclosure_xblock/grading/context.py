"""
What the grading code needs to know about one request, handed over by the block.

The block builds an ItemContext from its fields and the runtime's user service, so nothing in
grading/ reads XBlock objects or trusts identities sent in a request body.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Identity:
    """The user making the request, as the runtime's user service reports them."""

    anonymous_id: str | None = None   # course-specific; None when the runtime gives none
    username: str | None = None
    user_id: str | None = None
    is_staff: bool = False
    role: str = "student"             # "instructor", "staff" or "student"

    @property
    def is_instructor(self):
        return self.is_staff and self.role == "instructor"


@dataclass(frozen=True)
class ItemContext:
    """One exercise in one course, as seen by one requesting user."""

    course_id: str
    item_id: str                      # str(usage id)
    item_type: str                    # the block's tag: "disclosure_exercise"
    identity: Identity
    rubric: dict                      # the current Rubric.to_dict()
    rubric_version: str
    grading_mode: str                 # "auto" | "instructor" | "auto_and_instructor"
    weight: float
    max_score: float                  # the rubric's raw maximum
    allow_resubmission: bool = False
    hold_staff_grades: bool = False   # grades by non-instructor staff wait for an instructor's release
    scenario_key: str = ""

    @classmethod
    def for_student_item(cls, *, course_id, item_id, item_type, identity):
        """A context for calls that need only the student item (the feedback history and
        allowance), without building the rubric snapshot a submission needs."""
        return cls(course_id=course_id, item_id=item_id, item_type=item_type, identity=identity,
                   rubric={}, rubric_version="", grading_mode="", weight=None, max_score=0)

    def student_item(self, anonymous_id=None):
        """The edx-submissions student item of ``anonymous_id`` (default: the requester)."""
        return {
            "student_id": anonymous_id or self.identity.anonymous_id,
            "course_id": self.course_id,
            "item_id": self.item_id,
            "item_type": self.item_type,
        }
