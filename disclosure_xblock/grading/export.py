"""
The cohort as CSV, streamed: rows are read with ``.iterator(chunk_size=…)`` and written in
chunks, so 10,000 submissions export in bounded memory.

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


def _points(rubric, cid, level):
    for criterion in rubric.criteria:
        if criterion.id == cid:
            return criterion.points_for(level)
    return None


def export_csv(ctx, chunk_rows=CHUNK_ROWS):
    """Yield CSV text chunks: a header, one row per submission attempt, then calibration rows."""
    rubrics = {version: Rubric.from_snapshot(rubric) for version, rubric in calib.snapshots(ctx).items()}
    current = Rubric.from_snapshot(ctx.rubric)
    criteria = [(c.id, c.label) for c in current.criteria]
    known = {cid for cid, _label in criteria}
    for rubric in rubrics.values():
        for c in rubric.criteria:
            if c.id not in known:
                known.add(c.id)
                criteria.append((c.id, c.label))
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush():
        data = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)
        return data

    header = ["learner", "anonymous_id", "attempt", "current", "submitted_at", "status", "held",
              "red_flags", "text", "auto_score", "auto_max"]
    for cid, _label in criteria:
        header += [f"{cid}:auto_level", f"{cid}:auto_points", f"{cid}:grader_level",
                   f"{cid}:grader_points", f"{cid}:comment"]
    header += ["grader_points", "points_possible", "gradebook_earned", "gradebook_possible",
               "overall_comment", "returned_comment", "grader", "graded_at", "rubric_version"]
    writer.writerow([safe_cell(h) for h in header])
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
    for (username, anon, attempt, current, submitted_at, status, held, flags, text, auto_score,
         auto_max, auto_levels, version, levels, comments, raw_earned, raw_possible, overall,
         grader, graded_at, score_earned, score_possible, returned_comment) in rows:
        rubric = rubrics.get(version)
        rubric = rubric if rubric is not None and rubric.criteria else current
        auto_levels, levels, comments = auto_levels or {}, levels or {}, comments or {}
        row = [username or anon, anon, attempt, current, submitted_at.isoformat(), status, held,
               " ".join(flags or []), text, auto_score, auto_max]
        for cid, _label in criteria:
            auto, given = auto_levels.get(cid), levels.get(cid)
            row += [auto, _points(rubric, cid, auto), given, _points(rubric, cid, given),
                    comments.get(cid, "")]
        row += [raw_earned, raw_possible, score_earned, score_possible, overall or "",
                returned_comment, grader or "", graded_at.isoformat() if graded_at else "", version]
        writer.writerow([safe_cell(cell) for cell in row])
        count += 1
        if count % chunk_rows == 0:
            yield flush()
    summary = calib.calibration(ctx)
    writer.writerow([])
    writer.writerow([safe_cell(_("Calibration: automatic level vs grader level"))])
    writer.writerow(["criterion", "label", "graded", "agreement", "kappa", "overrides",
                     "raised", "lowered"])
    for c in summary["criteria"]:
        writer.writerow([safe_cell(v) for v in (c["id"], c["label"], c["n"], c["agreement"],
                                                 c["kappa"], c["overrides"], c["raised"], c["lowered"])])
    yield flush()
