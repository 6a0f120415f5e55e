"""
Grading panel benchmark: 10,000 submissions in the database.

Prints the median time of one panel page (``list_submissions``; target < 100 ms), of a detail
view, and the full CSV export time (target < 10 s) with tracemalloc's peak memory for 2,000 and
10,000 submissions (flat memory: the peaks stay about the same).

The grading workspace (issue 16): the keystrokes and handler round trips per graded submission
when grading by keyboard (a digit per criterion, then S: save and open the next waiting one), and
the median time of each action's handler calls (save; open the next with its claim) through the
block's own handler functions, at 10,000 submissions (target < 100 ms per action); and the
cohort view's aggregate queries (median) with the feedback history of every learner.

    .venv/bin/python benchmarks/grading_panel.py [--rows 10000]

Uses a fresh SQLite file under var/ (or the MySQL/MariaDB of DISCLOSURE_DB_ENGINE=mysql).
"""
import argparse
import datetime
import os
import statistics
import sys
import time
import tracemalloc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
if os.environ.get("DISCLOSURE_DB_ENGINE") != "mysql":
    os.environ.setdefault("DISCLOSURE_SQLITE", os.path.join(ROOT, "var", "benchmark-grading.db"))
    if os.path.exists(os.environ["DISCLOSURE_SQLITE"]):
        os.remove(os.environ["DISCLOSURE_SQLITE"])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devserver.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.utils import timezone  # noqa: E402

from disclosure_xblock.grading import api, handlers  # noqa: E402
from disclosure_xblock.grading.context import Identity, ItemContext  # noqa: E402
from disclosure_xblock.grading.models import Assessment, FeedbackEntry, SubmissionRecord  # noqa: E402
from disclosure_xblock.rubric import DEFAULT_PRESET, load_preset  # noqa: E402

RUBRIC = load_preset(DEFAULT_PRESET)
TEXT = ("I remember feeling nervous in a new place too. Taking it one step at a time helped me, "
        "and it did get easier. What would help you most today? ") * 3


def ctx(item):
    return ItemContext(
        course_id="course-v1:Bench+Grading+2026", item_id=item, item_type="disclosure_exercise",
        identity=Identity(anonymous_id="bench-instructor", username="instructor_1", is_staff=True,
                          role="instructor"),
        rubric=RUBRIC.to_dict(), rubric_version=RUBRIC.version(), grading_mode="auto_and_instructor",
        weight=10.0, max_score=RUBRIC.max_score)


def populate(item, rows):
    c = ctx(item)
    start = timezone.now() - datetime.timedelta(days=30)
    ids = [cr.id for cr in RUBRIC.criteria]
    batch = []
    for i in range(rows):
        levels = {cid: (i + k) % 3 if cid != "no_minimizing" else (i + k) % 3 for k, cid in enumerate(ids)}
        batch.append(SubmissionRecord(
            course_id=c.course_id, item_id=item, anonymous_id=f"anon{i:08d}", username=f"learner_{i}",
            attempt=1, uuid=f"{item[-4:]}-{i:031d}"[:36], submitted_at=start + datetime.timedelta(seconds=i * 60),
            text=("=" if i % 50 == 0 else "") + TEXT, status="graded" if i % 2 else "submitted",
            auto_score=sum(levels.values()), auto_max=20, auto_levels=levels,
            red_flags=["crisis"] if i % 17 == 0 else [], flagged=i % 17 == 0,
            auto_feedback={"criteria": [{"id": cid, "level": lvl, "message": "m"} for cid, lvl in levels.items()]},
            rubric_version=c.rubric_version, rubric=c.rubric,
            draft_history=[{"at": "2026-01-01T00:00:00", "text": TEXT, "score": 10, "max_score": 20,
                            "levels": levels}] * 3,
        ))
    SubmissionRecord.objects.bulk_create(batch, batch_size=1000)
    # Three feedback requests per learner, the top level of each criterion reached on the last.
    entries = [FeedbackEntry(course_id=c.course_id, item_id=item, anonymous_id=f"anon{i:08d}", text=TEXT,
                             result={"levels": {cid: min(d, 2) for cid in ids}, "score": 10, "max_score": 20})
               for i in range(rows) for d in range(3)]
    FeedbackEntry.objects.bulk_create(entries, batch_size=2000)
    records = list(SubmissionRecord.objects.filter(item_id=item, status="graded").only("pk"))
    assessments = [Assessment(record_id=r.pk, version=1, grader_id="bench-instructor", grader_name="instructor_1",
                              grader_role="instructor", levels={cid: 2 for cid in ids},
                              comments={"brief": "-shorter please"}, overall_comment="Good",
                              raw_earned=20, raw_possible=20, created_at=timezone.now())
                   for r in records]
    Assessment.objects.bulk_create(assessments, batch_size=1000)
    by_record = dict(Assessment.objects.filter(record__item_id=item).values_list("record_id", "pk"))
    updates = [SubmissionRecord(pk=pk, latest_assessment_id=a, released_assessment_id=a, version=1)
               for pk, a in by_record.items()]
    SubmissionRecord.objects.bulk_update(updates, ["latest_assessment_id", "released_assessment_id", "version"],
                                         batch_size=1000)
    return c


def timed(func, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def export(c):
    tracemalloc.start()
    t0 = time.perf_counter()
    size = 0
    for chunk in api.export_csv(c):
        size += len(chunk)
    seconds = time.perf_counter() - t0
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, size


def grading_session(c, submissions=20):
    """Grade ``submissions`` waiting ones the way the workspace does, timing each action.

    Per graded submission the keyboard sends a digit per criterion and one S; S makes two round
    trips: staff_save_assessment (which lets go of the claim and returns the counts) and
    staff_detail with claim: true for the next waiting one.
    """
    criteria = RUBRIC.criteria
    # The populated rows have made-up uuids; the ones graded here get real edx-submissions
    # submissions, so that each save sends its score with set_score as in production.
    from submissions import api as submissions_api
    waiting = list(SubmissionRecord.objects.filter(item_id=c.item_id, status="submitted")
                   .order_by("submitted_at", "pk")[:submissions + 1])
    for record in waiting:
        made = submissions_api.create_submission(
            {"student_id": record.anonymous_id, "course_id": c.course_id, "item_id": c.item_id,
             "item_type": c.item_type}, {"text": record.text})
        SubmissionRecord.objects.filter(pk=record.pk).update(uuid=str(made["uuid"]))
    first = SubmissionRecord.objects.get(pk=waiting[0].pk).uuid
    detail = handlers.staff_detail(c, {"uuid": first, "claim": True, "sort": "submitted_at"})
    saves, opens, trips = [], [], 0
    for _ in range(submissions):
        levels = {cr.id: len(cr.levels) - 1 for cr in criteria}
        t0 = time.perf_counter()
        handlers.staff_save_assessment(c, {"uuid": detail["uuid"], "levels": levels,
                                           "expected_version": detail["version"]})
        saves.append((time.perf_counter() - t0) * 1000)
        trips += 1
        nxt = detail["neighbours"]["next_ungraded"]
        t0 = time.perf_counter()
        detail = handlers.staff_detail(c, {"uuid": nxt, "claim": True, "sort": "submitted_at"})
        opens.append((time.perf_counter() - t0) * 1000)
        trips += 1
    keys = len(criteria) + 1
    return keys, trips / submissions, statistics.median(saves), statistics.median(opens)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    t0 = time.perf_counter()
    small = populate("bench-small", 2000)
    big = populate("bench-big", args.rows)
    print(f"populated {args.rows + 2000} submissions in {time.perf_counter() - t0:.1f} s")

    first = timed(lambda: api.list_submissions(big, page=1), 30)
    middle = timed(lambda: api.list_submissions(big, page=args.rows // 50), 30)
    filtered = timed(lambda: api.list_submissions(big, status="submitted", flagged=True, page=2), 30)
    search = timed(lambda: api.list_submissions(big, search="learner_99", sort="-auto_score"), 30)
    summary = timed(lambda: api.panel_summary(big), 30)
    uuid = api.list_submissions(big, page=3)["items"][5]["uuid"]
    detail = timed(lambda: api.submission_detail(big, uuid), 30)
    calibration = timed(lambda: api.calibration(big), 3)
    print(f"panel page (list_submissions, {args.rows} rows) median: first {first:.1f} ms, "
          f"middle {middle:.1f} ms, filtered {filtered:.1f} ms, search {search:.1f} ms  (target < 100 ms)")
    print(f"summary counts median {summary:.1f} ms; submission detail median {detail:.1f} ms; "
          f"calibration median {calibration:.1f} ms")

    keys, trips, save_ms, open_ms = grading_session(big)
    print(f"grading workspace: {keys} keystrokes and {trips:.0f} handler round trips per graded submission "
          f"({len(RUBRIC.criteria)} digits + S; save, then open the next with its claim)")
    print(f"  per action median at {args.rows} rows: save {save_ms:.1f} ms, open next waiting {open_ms:.1f} ms "
          f"(target < 100 ms each)")
    from django.core.cache import cache

    def fresh_cohort():
        cache.clear()
        api.cohort(big)
    counted = timed(fresh_cohort, 3)
    cached = timed(lambda: api.cohort(big), 10)
    print(f"cohort view ({args.rows} submissions, {3 * args.rows} feedback entries): counted by aggregate "
          f"queries median {counted:.1f} ms; repeat visit while nothing changed (cache) median {cached:.1f} ms")

    s_seconds, s_peak, s_size = export(small)
    b_seconds, b_peak, b_size = export(big)
    print(f"CSV export 2,000 rows: {s_seconds:.2f} s, {s_size / 1e6:.1f} MB, peak memory {s_peak / 1e6:.2f} MB")
    print(f"CSV export {args.rows:,} rows: {b_seconds:.2f} s, {b_size / 1e6:.1f} MB, peak memory "
          f"{b_peak / 1e6:.2f} MB  (target < 10 s, peak flat)")
    tracemalloc.start()
    t0 = time.perf_counter()
    size = sum(len(chunk) for chunk in api.calibration_csv(big))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"calibration CSV {args.rows:,} rows: {time.perf_counter() - t0:.2f} s, {size} bytes, "
          f"peak memory {peak / 1e6:.2f} MB")
    reset_queries()


if __name__ == "__main__":
    main()
