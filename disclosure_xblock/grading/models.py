"""
What the grading panel needs, per submission: status, automatic result, claims and assessments.

edx-submissions stores the answer and the score; these tables hold everything else so that the
panel can filter, sort and page in the database, and two graders never overwrite each other.

- ``SubmissionRecord``: one row per submission (one per attempt: a submission returned for
  revision keeps its row and the new attempt gets a new one). The unique constraint on
  (course, item, learner, attempt) is what makes a double-clicked submit create ONE submission.
- ``Assessment``: one row per saved assessment (history is never overwritten); the record
  points at the latest one and at the one the learner may see (``released``).
"""
from django.db import models
from django.utils import timezone

SUBMITTED = "submitted"
GRADED = "graded"
RETURNED = "returned"
STATUSES = (SUBMITTED, GRADED, RETURNED)


class SubmissionRecord(models.Model):
    """One learner's submission to one exercise, as the panel lists it.

    .. pii: ``username`` and ``text`` (the learner's words); removed by ``clear_learner``.
    .. pii_types: username, other
    .. pii_retirement: local_api
    """

    course_id = models.CharField(max_length=255)
    item_id = models.CharField(max_length=255)
    anonymous_id = models.CharField(max_length=255)
    username = models.CharField(max_length=150, blank=True, default="")
    attempt = models.PositiveIntegerField(default=1)
    # The edx-submissions submission uuid (set in the same transaction that creates the row).
    uuid = models.CharField(max_length=36, unique=True, null=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    text = models.TextField()

    status = models.CharField(max_length=16, default=SUBMITTED)
    is_current = models.BooleanField(default=True)
    returned_comment = models.TextField(blank=True, default="")

    # The automatic feedback on the submitted text: compact levels for sorting and calibration,
    # and the full result for the detail view.
    auto_score = models.FloatField(null=True)
    auto_max = models.FloatField(null=True)
    auto_levels = models.JSONField(default=dict)
    auto_feedback = models.JSONField(default=dict)
    red_flags = models.JSONField(default=list)
    flagged = models.BooleanField(default=False)

    rubric_version = models.CharField(max_length=64, blank=True, default="")
    rubric = models.JSONField(default=dict)
    # What else the learner was shown when they submitted (the scenario and the exemplar), so
    # that their page keeps showing it after a designer edits the exercise. Empty before 0003.
    presented = models.JSONField(default=dict)
    draft_history = models.JSONField(default=list)

    # Optimistic lock: the number of assessments saved; a save names the version it read.
    version = models.PositiveIntegerField(default=0)
    latest_assessment = models.ForeignKey(
        "Assessment", null=True, on_delete=models.SET_NULL, related_name="+")
    released_assessment = models.ForeignKey(
        "Assessment", null=True, on_delete=models.SET_NULL, related_name="+")
    held = models.BooleanField(default=False)
    # What the gradebook was sent (edx-submissions set_score), None before any score.
    score_earned = models.IntegerField(null=True)
    score_possible = models.IntegerField(null=True)
    graded_at = models.DateTimeField(null=True)

    claimed_by = models.CharField(max_length=255, blank=True, default="")
    claimed_by_name = models.CharField(max_length=150, blank=True, default="")
    claim_expires = models.DateTimeField(null=True)

    class Meta:
        app_label = "disclosure_grading"
        constraints = [
            models.UniqueConstraint(
                fields=["course_id", "item_id", "anonymous_id", "attempt"],
                name="dx_one_submission_per_attempt",
            ),
        ]
        indexes = [
            models.Index(fields=["course_id", "item_id", "is_current", "submitted_at"],
                         name="dx_rec_item_time"),
            models.Index(fields=["course_id", "item_id", "is_current", "status", "submitted_at"],
                         name="dx_rec_item_status"),
            models.Index(fields=["course_id", "item_id", "is_current", "flagged"],
                         name="dx_rec_item_flag"),
            models.Index(fields=["course_id", "item_id", "username"], name="dx_rec_item_user"),
            models.Index(fields=["course_id", "item_id", "anonymous_id"], name="dx_rec_item_anon"),
        ]

    def __str__(self):
        return f"{self.item_id} / {self.anonymous_id} #{self.attempt} ({self.status})"

    @property
    def learner(self):
        return self.username or self.anonymous_id

    def claim_holder(self, now=None):
        """(anonymous id, name) of whoever holds an unexpired claim, or None."""
        now = now or timezone.now()
        if self.claimed_by and self.claim_expires and self.claim_expires > now:
            return self.claimed_by, self.claimed_by_name
        return None


class Assessment(models.Model):
    """One saved grading of a submission: levels, comments, points; never updated after saving.

    .. no_pii: graders are named by anonymous id and username of course staff.
    """

    record = models.ForeignKey(SubmissionRecord, on_delete=models.CASCADE, related_name="assessments")
    version = models.PositiveIntegerField()
    grader_id = models.CharField(max_length=255)
    grader_name = models.CharField(max_length=150, blank=True, default="")
    grader_role = models.CharField(max_length=16, blank=True, default="")
    levels = models.JSONField(default=dict)       # {criterion_id: level index}
    comments = models.JSONField(default=dict)     # {criterion_id: text}
    overall_comment = models.TextField(blank=True, default="")
    comment_only = models.BooleanField(default=False)
    raw_earned = models.FloatField(null=True)
    raw_possible = models.FloatField(null=True)
    held = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    released_at = models.DateTimeField(null=True)

    class Meta:
        app_label = "disclosure_grading"
        constraints = [
            models.UniqueConstraint(fields=["record", "version"], name="dx_one_assessment_per_version"),
        ]

    def __str__(self):
        return f"assessment v{self.version} of {self.record_id}"


class FeedbackAllowance(models.Model):
    """How many automatic feedback requests one learner has used on one exercise.

    The LMS's field store reads a learner's state at the start of a request and writes it at the
    end, so a count kept there lets racing requests all pass the limit. Here a grant is one
    conditional UPDATE (``used < limit``), atomic in any database. ``epoch`` moves on each time
    the LMS's "reset attempts" gives the requests back (see drafts.py).

    .. no_pii: counts only.
    """

    course_id = models.CharField(max_length=255)
    item_id = models.CharField(max_length=255)
    anonymous_id = models.CharField(max_length=255)
    used = models.PositiveIntegerField(default=0)
    epoch = models.PositiveIntegerField(default=0)
    last_granted_at = models.DateTimeField(null=True)

    class Meta:
        app_label = "disclosure_grading"
        constraints = [
            models.UniqueConstraint(fields=["course_id", "item_id", "anonymous_id"],
                                    name="dx_one_allowance_per_learner"),
        ]

    def __str__(self):
        return f"{self.item_id} / {self.anonymous_id}: {self.used} used (epoch {self.epoch})"


class FeedbackEntry(models.Model):
    """One answered feedback request: the draft sent and its compact result. Never updated;
    each request appends its own row, so no request can lose another's.

    .. pii: ``text`` (the learner's draft); removed by ``clear_learner``.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    course_id = models.CharField(max_length=255)
    item_id = models.CharField(max_length=255)
    anonymous_id = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    text = models.TextField()
    word_count = models.PositiveIntegerField(null=True)
    # The engine's compact result: score, max_score, levels, privacy_passed, red_flags.
    result = models.JSONField(default=dict)
    # The entry's position in the list older versions kept in user_state, so that copying that
    # list here is idempotent (two requests racing to copy it insert each entry once).
    legacy_index = models.PositiveIntegerField(null=True)

    class Meta:
        app_label = "disclosure_grading"
        constraints = [
            models.UniqueConstraint(fields=["course_id", "item_id", "anonymous_id", "legacy_index"],
                                    name="dx_one_copy_per_legacy_entry"),
        ]
        indexes = [
            models.Index(fields=["course_id", "item_id", "anonymous_id", "id"], name="dx_fb_learner"),
        ]

    def __str__(self):
        return f"feedback {self.pk} on {self.item_id} / {self.anonymous_id}"
