"""
The cohort as CSV files, streamed: rows are read with ``.iterator(chunk_size=…)`` and written in
chunks, so 10,000 submissions export in bounded memory. Each file is one table (one header
row, RFC 4180), so a spreadsheet or ``pandas.read_csv`` opens it as it is: the submissions
(``export_csv``) and, apart, the calibration of the automatic feedback (``calibration_csv``).

Learner text is untrusted: a cell that a spreadsheet could read as a formula gets a leading
apostrophe (the text is kept, shown as typed). That is a cell starting with a tab or a line
break, or whose first visible character is = + - @ (or their full-width, small or superscript
forms, or a minus sign) once leading spaces, zero-width and other invisible characters are
skipped: spreadsheets trim those, and " =cmd" or "\u200b=cmd" still runs.
"""
from __future__ import annotations

import csv
import io
import unicodedata

from django.utils.translation import gettext as _

from . import calibration as calib
from ..rubric.model import Rubric
from .serialize import points
from .models import SubmissionRecord

CHUNK_ROWS = 200
# A formula start, after NFKC folds the full-width (\uff1d \uff0b \uff0d \uff20), small and
# superscript forms onto ASCII; U+2212 is the minus sign.
FORMULA_STARTS = frozenset("=+-@\u2212")
ALWAYS_GUARDED = ("\t", "\r", "\n")
# Skipped before the first visible character: controls, format characters (zero-width space,
# joiners, bidi marks, BOM), surrogates/private/unassigned, separators, combining marks.
_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"))
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")  # Hangul fillers: letters drawn as nothing


def _reads_as_formula(text):
    if text.startswith(ALWAYS_GUARDED):
        return True
    for ch in text:
        if ch.isspace() or ch in _BLANK_LETTERS or unicodedata.category(ch) in _INVISIBLE:
            continue
        return unicodedata.normalize("NFKC", ch)[:1] in FORMULA_STARTS
    return False


def safe_cell(value):
    """A CSV cell that a spreadsheet will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return points(value)
    text = str(value)
    if _reads_as_formula(text):
        return "'" + text
    return text


def _level(rubric, cid, index):
    """(level name, points) of level ``index`` of criterion ``cid`` in ``rubric``, or ("", None)."""
    for criterion in rubric.criteria:
        if criterion.id == cid:
            level = criterion.level(index)
            if level is None:
                return "", None
            # A level without a label is named by its place, as the panel shows it.
            return level.label or _("Level {n}").format(n=index + 1), level.points
    return "", None


class _Writer:
    """csv.writer (RFC 4180: CRLF, quotes doubled) into a buffer emptied at each ``take``."""

    def __init__(self):
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")

    def row(self, cells):
        self.writer.writerow([safe_cell(cell) for cell in cells])

    def take(self):
        data = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate(0)
        return data


SUBMISSION_COLUMNS = ("learner", "anonymous_id", "attempt", "current", "submitted_at", "status", "held",
                      "red_flags", "text", "auto_score", "auto_max")
CRITERION_COLUMNS = ("auto_level", "auto_points", "grader_level", "grader_points", "comment")
TAIL_COLUMNS = ("grader_points", "points_possible", "gradebook_earned", "gradebook_possible",
                "overall_comment", "returned_comment", "grader", "graded_at", "rubric_version")
CALIBRATION_COLUMNS = ("criterion", "label", "graded", "agreement", "kappa", "overrides", "override_rate",
                       "raised", "lowered")


def export_csv(ctx, chunk_rows=CHUNK_ROWS):
    """Yield the submissions CSV in text chunks: one table, one header row, one row per
    submission attempt; per criterion the automatic and the grader's level (its name) and
    points, and the comment. Calibration is its own file (``calibration_csv``)."""
    rubrics = {version: Rubric.from_snapshot(rubric) for version, rubric in calib.snapshots(ctx).items()}
    current = Rubric.from_snapshot(ctx.rubric)
    criteria = [c.id for c in current.criteria]
    known = set(criteria)
    for rubric in rubrics.values():
        for c in rubric.criteria:
            if c.id not in known:
                known.add(c.id)
                criteria.append(c.id)
    out = _Writer()
    out.row([*SUBMISSION_COLUMNS, *(f"{cid}:{col}" for cid in criteria for col in CRITERION_COLUMNS),
             *TAIL_COLUMNS])
    yield out.take()
    rows = (SubmissionRecord.objects
            .filter(course_id=ctx.course_id, item_id=ctx.item_id)
            .order_by("submitted_at", "pk")
            .values_list("username", "anonymous_id", "attempt", "is_current", "submitted_at", "status",
                         "held", "red_flags", "text", "auto_score", "auto_max", "auto_levels",
                         "rubric_version", "latest_assessment__levels",
                         "latest_assessment__comments", "latest_assessment__raw_earned",
                         "latest_assessment__raw_possible", "latest_assessment__overall_comment",
                         "latest_assessment__grader_name", "latest_assessment__created_at",
                         "score_earned", "score_possible", "returned_comment")
            .iterator(chunk_size=1000))
    count = 0
    for (username, anon, attempt, is_current, submitted_at, status, held, flags, text, auto_score,
         auto_max, auto_levels, version, levels, comments, raw_earned, raw_possible, overall,
         grader, graded_at, score_earned, score_possible, returned_comment) in rows:
        rubric = rubrics.get(version)
        rubric = rubric if rubric is not None and rubric.criteria else current
        auto_levels, levels, comments = auto_levels or {}, levels or {}, comments or {}
        row = [username or anon, anon, attempt, is_current, submitted_at.isoformat(), status, held,
               " ".join(flags or []), text, auto_score, auto_max]
        for cid in criteria:
            row += [*_level(rubric, cid, auto_levels.get(cid)), *_level(rubric, cid, levels.get(cid)),
                    comments.get(cid, "")]
        row += [raw_earned, raw_possible, score_earned, score_possible, overall or "",
                returned_comment, grader or "", graded_at.isoformat() if graded_at else "", version]
        out.row(row)
        count += 1
        if count % chunk_rows == 0:
            yield out.take()
    yield out.take()


def calibration_csv(ctx):
    """Yield the calibration CSV: one row per automatic criterion, automatic level vs grader's."""
    out = _Writer()
    out.row(CALIBRATION_COLUMNS)
    for c in calib.calibration(ctx)["criteria"]:
        out.row([c["id"], c["label"], c["n"], c["agreement"], c["kappa"], c["overrides"],
                 c["override_rate"], c["raised"], c["lowered"]])
    yield out.take()
