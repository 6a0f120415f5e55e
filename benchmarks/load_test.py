#!/usr/bin/env python
"""
Load test: the dev workbench under gunicorn (gthread workers) on 127.0.0.1, a fresh database,
N simulated learners and M instructors at once; then checks the database and prints figures.

    python benchmarks/load_test.py                    # 50 learners, 2 instructors, MariaDB if it runs, else SQLite (WAL)
    python benchmarks/load_test.py --db sqlite        # force SQLite (WAL mode, one file in a temp dir)
    python benchmarks/load_test.py --db mysql         # MariaDB from scripts/mariadb.sh (a fresh database, dropped after)

Each learner (a thread with its own HTTP session and dev user) opens the exercise, autosaves
three times, asks for feedback twice and then submits twice at the same moment (a double
click). The instructors work the queue at the same time: list, claim (a claim held by the other
instructor is skipped), read and grade, until every submission is graded or the time is up.

With ``--hostile N`` (default 1), N of the learners are hostile instead: each fires bursts of
parallel feedback requests with maximum-length drafts, then autosaves, feedback requests and
submits all at once. Their requests are timed apart, so the table shows what everyone else got.

Afterwards every learner must have exactly one submission, one panel record, one assessment and
one score, and the score must be the assessment's; every feedback answer must be in the history
table exactly once, and nobody may get more than the feedback limit; the script exits 1
otherwise. It prints requests per second and p50/p95/p99 latency per handler. Loopback only;
bounded in requests and time (--deadline seconds).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SCENARIO = "disclosure_exercise.0"
COURSE_ID = "course-v1:edX+Demo+2020"
DRAFT = (
    "When I started this job I used to feel anxious around groups of people too. "
    "Slow breathing and taking small steps helped, and it got easier over time. "
    "What feels hardest for you right now, Jamie?"
)
FEEDBACK_LIMIT = 5      # the demo exercise's max_feedback_requests
MAX_DRAFT_CHARS = 5000  # the block's limit (exercise.MAX_DRAFT_CHARS)
# How long a client waits for one answer (--request-timeout): a learner whose request times out
# stops there (and is reported as not finished), so on a crowded machine raise it.
REQUEST_TIMEOUT = 60
# A maximum-length draft: ordinary prose repeated, with long runs of spaces and digits between.
LONG_DRAFT = ((DRAFT + " " * 40 + "1" * 20 + "\n") * 40)[:MAX_DRAFT_CHARS]


# --- database and server -------------------------------------------------------------------------

def mysql_available():
    try:
        subprocess.run(["bash", str(REPO / "scripts/mariadb.sh"), "status"], check=True,
                       capture_output=True, timeout=20)
        return True
    except (subprocess.SubprocessError, OSError):
        return False


class Database:
    """A fresh database for one run: a SQLite file in WAL mode, or a new MariaDB database."""

    def __init__(self, engine, label="load"):
        self.engine = engine
        self.tmp = Path(tempfile.mkdtemp(prefix=f"disclosure-{label}-"))
        if engine == "mysql":
            self.name = f"disclosure_{label}_{os.getpid()}_{random.randrange(10**6)}"
            self.env = {"DISCLOSURE_DB_ENGINE": "mysql", "DISCLOSURE_DB_NAME": self.name}
        else:
            self.name = str(self.tmp / "load.db")
            self.env = {"DISCLOSURE_SQLITE": self.name}
        self.env.update({"DJANGO_SETTINGS_MODULE": "devserver.settings", "DISCLOSURE_VAR_DIR": str(self.tmp),
                         "DISCLOSURE_DEBUG": "false", "PYTHONPATH": str(REPO)})

    def environ(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("DISCLOSURE_")}
        env.update(self.env)
        return env

    def _manage(self, *args):
        subprocess.run([PYTHON, "manage.py", *args, "-v", "0"], cwd=REPO, env=self.environ(), check=True,
                       timeout=300)

    def _mysql(self, sql):
        import MySQLdb  # noqa: PLC0415

        conn = MySQLdb.connect(host=os.environ.get("DISCLOSURE_DB_HOST", "127.0.0.1"),
                               port=int(os.environ.get("DISCLOSURE_DB_PORT", "3306")),
                               user=os.environ.get("DISCLOSURE_DB_USER", "disclosure"),
                               passwd=os.environ.get("DISCLOSURE_DB_PASSWORD", "disclosure"))
        try:
            conn.cursor().execute(sql)
        finally:
            conn.close()

    def create(self):
        if self.engine == "mysql":
            self._mysql(f"CREATE DATABASE `{self.name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            # edx-submissions 4.0.2's 0006_mariadb_uuid_conversion ALTERs uuid columns that
            # StudentItem and Score never had, so it fails on a fresh MariaDB. On a fresh
            # database Django 5.2 already creates Submission.uuid as MariaDB's native uuid type,
            # which is all 0006 is for: fake it, migrate the rest normally.
            self._manage("migrate", "submissions", "0001_squashed_0005_CreateTeamModel", "--noinput")
            self._manage("migrate", "submissions", "0006_mariadb_uuid_conversion", "--fake", "--noinput")
        self._manage("migrate", "--run-syncdb", "--noinput")  # xblock-sdk 0.14 (Python 3.11) ships no migrations
        if self.engine == "sqlite":
            import sqlite3  # noqa: PLC0415

            with sqlite3.connect(self.name) as conn:
                assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        return self

    def query(self, sql, params=()):
        """Rows of a read-only query on the run's database (``?`` placeholders)."""
        conn = self._connect()
        try:
            cursor = conn.cursor()
            cursor.execute(*self._statement(sql, params))
            return list(cursor.fetchall())
        finally:
            conn.close()

    def execute(self, sql, params=()):
        """Run one write statement on the run's database and commit it (tests use this to do
        what the LMS does behind the block's back, e.g. its "reset attempts")."""
        conn = self._connect()
        try:
            cursor = conn.cursor()
            cursor.execute(*self._statement(sql, params))
            conn.commit()
            return cursor.rowcount
        finally:
            conn.close()

    def _statement(self, sql, params):
        if not params:
            return (sql,)
        return (sql.replace("?", "%s") if self.engine == "mysql" else sql, tuple(params))

    def _connect(self):
        if self.engine == "mysql":
            import MySQLdb  # noqa: PLC0415

            return MySQLdb.connect(host=os.environ.get("DISCLOSURE_DB_HOST", "127.0.0.1"),
                                   port=int(os.environ.get("DISCLOSURE_DB_PORT", "3306")),
                                   user=os.environ.get("DISCLOSURE_DB_USER", "disclosure"),
                                   passwd=os.environ.get("DISCLOSURE_DB_PASSWORD", "disclosure"), db=self.name)
        import sqlite3  # noqa: PLC0415

        return sqlite3.connect(self.name, timeout=30)

    def drop(self):
        if self.engine == "mysql":
            try:
                self._mysql(f"DROP DATABASE IF EXISTS `{self.name}`")
            except Exception as exc:  # noqa: BLE001
                print(f"could not drop {self.name}: {exc}", file=sys.stderr)
        shutil.rmtree(self.tmp, ignore_errors=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn (gthread) serving the workbench on 127.0.0.1; stopped by its own pid."""

    def __init__(self, db, workers=4, threads=8, port=None):
        self.db, self.workers, self.threads = db, workers, threads
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None
        self.log = db.tmp / "gunicorn.log"

    def start(self, timeout=60):
        self.app_log = open(self.db.tmp / "app.log", "w", encoding="utf-8")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
             "--threads", str(self.threads), "--worker-class", "gthread", "--timeout", "120",
             "--graceful-timeout", "5", "--error-logfile", str(self.log), "--log-level", "warning",
             # The scenario registry is loaded once in the master, before the workers fork (see
             # devserver/wsgi.py): a worker's lazy first load races its own threads and the
             # other workers' (500 "Already have a '…' scenario", duplicate XBlockState rows).
             "--preload", "devserver.wsgi:application"],
            cwd=REPO, env=self.db.environ(), stdout=self.app_log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/", timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer in time")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)

    def errors(self):
        """The last lines of each traceback the server logged (Django logs 500s to stderr)."""
        out = []
        for path in (self.log, self.db.tmp / "app.log"):
            lines = path.read_text(errors="replace").splitlines() if path.exists() else []
            for i, line in enumerate(lines):
                if line.startswith("Traceback"):
                    end = next((j for j in range(i + 1, len(lines)) if lines[j] and not lines[j][0].isspace()), i)
                    out.append(lines[end][:300])
        return out

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# --- clients -------------------------------------------------------------------------------------

class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))

    def add(self, name, seconds, status):
        with self.lock:
            self.latency[name].append(seconds)
            self.statuses[name][status] += 1


class Client:
    """One dev user with their own HTTP session (cookies, keep-alive)."""

    timeout = REQUEST_TIMEOUT  # seconds per answer (main sets it from --request-timeout)

    def __init__(self, base, usage_id, user, recorder):
        self.base, self.usage_id, self.user, self.recorder = base, usage_id, user, recorder
        self.session = requests.Session()
        self.ok = defaultdict(int)   # 200 answers per handler
        self.lock = threading.Lock()

    def view(self):
        started = time.perf_counter()
        response = self.session.get(f"{self.base}/scenario/{SCENARIO}/?student={self.user}", timeout=self.timeout)
        self.recorder.add("student_view", time.perf_counter() - started, response.status_code)
        return response

    def csrf(self):
        """The workbench sets a CSRF cookie on its pages; POSTs must echo it (as the JS does)."""
        token = self.session.cookies.get("csrftoken")
        if not token:
            self.session.get(f"{self.base}/scenario/{SCENARIO}/?student={self.user}", timeout=self.timeout)
            token = self.session.cookies.get("csrftoken")
        return token

    def call(self, handler, body=None, method="post"):
        url = f"{self.base}/handler/{self.usage_id}/{handler}/?student={self.user}"
        started = time.perf_counter()
        if method == "get":
            response = self.session.get(url, timeout=self.timeout)
        else:
            response = self.session.post(url, data=json.dumps(body or {}), timeout=self.timeout, headers={
                "Content-Type": "application/json", "X-CSRFToken": self.csrf() or "", "Referer": self.base + "/"})
        self.recorder.add(handler, time.perf_counter() - started, response.status_code)
        if response.status_code == 200:
            with self.lock:
                self.ok[handler] += 1
        return response


def find_usage_id(base):
    html = requests.get(f"{base}/scenario/{SCENARIO}/?student=probe", timeout=60).text
    match = re.search(r'data-usage="([^"]*disclosure_exercise[^"]*)"', html) or \
        re.search(r'/handler/([^/"]*disclosure_exercise[^/"]*)/', html) or \
        re.search(r'"usage_id":\s*"([^"]+)"', html)
    if not match:
        raise RuntimeError("no usage id in the scenario page")
    return match.group(1)


def learner_job(client, start, double_submit=True, autosaves=3, feedbacks=2):
    """Returns the submit statuses."""
    start.wait()
    client.view()
    words = DRAFT.split()
    for i in range(autosaves):
        client.call("save_draft", {"text": " ".join(words[: 8 * (i + 1)])})
    for _ in range(feedbacks):
        client.call("get_feedback", {"text": DRAFT})
    statuses = []
    if double_submit:
        gate = threading.Barrier(2)

        def one():
            gate.wait()
            statuses.append(client.call("submit", {"text": DRAFT}).status_code)

        twins = [threading.Thread(target=one) for _ in range(2)]
        for t in twins:
            t.start()
        for t in twins:
            t.join()
    else:
        statuses.append(client.call("submit", {"text": DRAFT}).status_code)
    client.call("learner_state", {})
    return statuses


def _at_once(calls):
    """Run ``[(client, handler, body)]`` at the same instant (one thread each); the answers."""
    gate = threading.Barrier(len(calls))
    answers = [None] * len(calls)

    def one(index, client, handler, body):
        gate.wait()
        try:
            answers[index] = client.call(handler, body).status_code
        except requests.RequestException:
            answers[index] = "error"

    threads = [threading.Thread(target=one, args=(i, *call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def hostile_job(base, usage_id, user, recorder, start, bursts=3):
    """One learner doing their worst: parallel feedback bursts with maximum-length drafts, then
    autosaves, feedback and submits racing each other. Returns the submit statuses."""
    sessions = [Client(base, usage_id, user, recorder) for _ in range(20)]
    for client in sessions:
        client.csrf()
    start.wait()
    for _ in range(bursts):
        for client in sessions:
            client.session.close()  # fresh connections (gunicorn drops idle keep-alives)
        _at_once([(client, "get_feedback", {"text": LONG_DRAFT}) for client in sessions])
    for client in sessions:
        # Again: a session idle since its burst answer may still hold a connection the server
        # is closing right then, and a POST sent on it fails ("error") without reaching a handler.
        client.session.close()
    race = ([(sessions[i], "save_draft", {"text": LONG_DRAFT[: MAX_DRAFT_CHARS - i]}) for i in range(12)]
            + [(sessions[12 + i], "get_feedback", {"text": DRAFT}) for i in range(4)]
            + [(sessions[16 + i], "submit", {"text": DRAFT}) for i in range(4)])
    statuses = _at_once(race)
    sessions[0].call("learner_state", {})
    return statuses[16:], sessions


def instructor_job(client, start, expected, deadline, graded, lock):
    """Grade waiting submissions until ``expected`` are graded overall or the deadline passes."""
    start.wait()
    client.call("staff_summary", {})
    while time.monotonic() < deadline:
        with lock:
            if len(graded) >= expected:
                return
        listing = client.call("staff_list", {"status": "submitted", "page_size": 100})
        items = listing.json().get("items", []) if listing.status_code == 200 else []
        todo = [i for i in items if i.get("status") == "submitted" and not i.get("claimed_by")]
        if not todo:
            time.sleep(0.2)
            continue
        random.shuffle(todo)
        for item in todo[:5]:
            if client.call("staff_claim", {"uuid": item["uuid"]}).status_code != 200:
                continue  # the other instructor holds it
            detail = client.call("staff_detail", {"uuid": item["uuid"]})
            if detail.status_code != 200:
                continue
            data = detail.json()
            if data.get("assessment"):
                continue  # graded by the other instructor since our list was read
            criteria = data["rubric"]
            levels = {c["id"]: random.randrange(len(c["levels"])) for c in criteria}
            saved = client.call("staff_save_assessment", {
                "uuid": item["uuid"], "levels": levels, "comments": {criteria[0]["id"]: "Good start."},
                "overall_comment": f"Graded by {client.user}", "expected_version": data.get("version") or 0})
            if saved.status_code == 200:
                with lock:
                    graded[item["uuid"]] = (client.user, saved.json())


# --- checks and figures --------------------------------------------------------------------------

def verify_feedback(db, clients_by_learner):
    """Every feedback answer a learner got is in the history table exactly once, and nobody got
    more than the limit."""
    from devserver.services import dev_anonymous_id  # noqa: PLC0415

    problems = []
    rows = dict(db.query("SELECT anonymous_id, COUNT(*) FROM disclosure_grading_feedbackentry "
                         "GROUP BY anonymous_id"))
    used = dict(db.query("SELECT anonymous_id, used FROM disclosure_grading_feedbackallowance"))
    for name, clients in clients_by_learner.items():
        answered = sum(c.ok["get_feedback"] for c in clients)
        anon = dev_anonymous_id(name)
        if rows.get(anon, 0) != answered:
            problems.append(f"{name}: {answered} feedback answers, {rows.get(anon, 0)} history rows")
        if answered > FEEDBACK_LIMIT or used.get(anon, 0) != answered:
            problems.append(f"{name}: {answered} feedback answers, allowance says {used.get(anon, 0)}, "
                            f"limit {FEEDBACK_LIMIT}")
    return problems


def verify(db, learners, graded):
    """Every learner: one submission, one record, one assessment, one score equal to it."""
    from devserver.services import dev_anonymous_id  # noqa: PLC0415

    problems = []
    ids = {dev_anonymous_id(name): name for name in learners}
    subs = db.query(
        "SELECT si.student_id, s.uuid FROM submissions_submission s "
        "JOIN submissions_studentitem si ON s.student_item_id = si.id "
        f"WHERE si.course_id = '{COURSE_ID}' AND si.item_type = 'disclosure_exercise'")
    per_learner = defaultdict(list)
    for student_id, uuid in subs:
        per_learner[student_id].append(str(uuid).replace("-", ""))
    scores = db.query(
        "SELECT si.student_id, sc.submission_id, sc.points_earned, sc.points_possible "
        "FROM submissions_score sc JOIN submissions_studentitem si ON sc.student_item_id = si.id "
        f"WHERE si.course_id = '{COURSE_ID}' AND sc.reset = 0")
    scores_per = defaultdict(list)
    for student_id, _sub, earned, possible in scores:
        scores_per[student_id].append((earned, possible))
    summaries = defaultdict(int)
    for (student_id,) in db.query(
            "SELECT si.student_id FROM submissions_scoresummary ss "
            "JOIN submissions_studentitem si ON ss.student_item_id = si.id"):
        summaries[student_id] += 1
    records = defaultdict(int)
    for (anon,) in db.query("SELECT anonymous_id FROM disclosure_grading_submissionrecord"):
        records[anon] += 1
    assessments = db.query("SELECT COUNT(*) FROM disclosure_grading_assessment")[0][0]
    for anon, name in ids.items():
        if len(per_learner[anon]) != 1:
            problems.append(f"{name}: {len(per_learner[anon])} submissions")
        if records[anon] != 1:
            problems.append(f"{name}: {records[anon]} panel records")
        if len(scores_per[anon]) != 1:
            problems.append(f"{name}: {len(scores_per[anon])} scores")
        if summaries[anon] != 1:
            problems.append(f"{name}: {summaries[anon]} score summaries")
    if assessments != len(learners):
        problems.append(f"{assessments} assessments for {len(learners)} learners")
    if len(graded) != len(learners):
        problems.append(f"the instructors graded {len(graded)} of {len(learners)}")
    for uuid, (grader, answer) in graded.items():
        score = answer.get("score") or {}
        if not score:
            problems.append(f"{uuid}: saved without a score ({grader})")
    return problems, {"submissions": len(subs), "scores": len(scores), "assessments": assessments}


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def report(recorder, wall):
    total = sum(len(v) for v in recorder.latency.values())
    lines = [f"{'handler':<24}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}  statuses"]
    for name in sorted(recorder.latency):
        values = [v * 1000 for v in recorder.latency[name]]
        statuses = ", ".join(f"{k}×{v}" for k, v in sorted(recorder.statuses[name].items()))
        lines.append(f"{name:<24}{len(values):>6}{percentile(values, 50):>9.1f}{percentile(values, 95):>9.1f}"
                     f"{percentile(values, 99):>9.1f}{max(values, default=float('nan')):>9.1f}  {statuses}")
    every = [v * 1000 for values in recorder.latency.values() for v in values]
    lines.append(f"{'ALL':<24}{total:>6}{percentile(every, 50):>9.1f}{percentile(every, 95):>9.1f}"
                 f"{percentile(every, 99):>9.1f}{max(every, default=float('nan')):>9.1f}")
    lines.append(f"{total} requests in {wall:.2f} s: {total / wall:.1f} requests/s")
    return "\n".join(lines)


def run(engine, learners=50, instructors=2, workers=4, threads=8, deadline_s=240, double_submit=True,
        quiet=False, grade=True, autosaves=3, feedbacks=2, hostile=0):
    """One load run; returns (problems, figures text, summary dict)."""
    sys.path.insert(0, str(REPO))
    db = Database(engine).create()
    recorder = Recorder()
    hostile_recorder = Recorder()
    try:
        with Server(db, workers=workers, threads=threads) as server:
            usage_id = find_usage_id(server.url)
            names = [f"load_learner_{i}" for i in range(learners)]
            graders = [f"instructor_{i + 1}" for i in range(instructors)]
            start = threading.Barrier(learners + (instructors if grade else 0))
            submit_statuses, hostile_statuses, clients = {}, {}, {}
            graded, lock = {}, threading.Lock()
            deadline = time.monotonic() + deadline_s
            hostile_names = set(names[:hostile])

            def learner(name):
                if name in hostile_names:
                    hostile_statuses[name], clients[name] = hostile_job(
                        server.url, usage_id, name, hostile_recorder, start)
                    return
                client = Client(server.url, usage_id, name, recorder)
                clients[name] = [client]
                submit_statuses[name] = learner_job(client, start, double_submit, autosaves, feedbacks)

            threads_ = [threading.Thread(target=learner, args=(n,), daemon=True) for n in names]
            if grade:
                threads_ += [threading.Thread(target=instructor_job, daemon=True, args=(
                    Client(server.url, usage_id, g, recorder), start, learners, deadline, graded, lock))
                    for g in graders]
            began = time.perf_counter()
            for t in threads_:
                t.start()
            for t in threads_:
                t.join(timeout=max(1, deadline - time.monotonic()) + 30)
            wall = time.perf_counter() - began
            server_errors = server.errors()
        problems = []
        if grade:
            problems, counts = verify(db, names, graded)
        else:
            counts = {}
        problems += verify_feedback(db, clients)
        for name, statuses in submit_statuses.items():
            if sorted(statuses) not in ([200, 200], [200, 409], [200]):
                problems.append(f"{name}: submit answered {statuses}")
        for name, statuses in hostile_statuses.items():
            if statuses != [200] * len(statuses):
                problems.append(f"{name} (hostile): racing submits answered {statuses}")
        if len(submit_statuses) + len(hostile_statuses) != learners:
            problems.append(f"only {len(submit_statuses) + len(hostile_statuses)} of {learners} learners finished")
        five_hundreds = {k: v[500] for k, v in (*recorder.statuses.items(), *hostile_recorder.statuses.items())
                         if v.get(500)}
        if five_hundreds or server_errors:
            problems.append(f"server errors: {five_hundreds} {server_errors[:3]}")
        text = report(recorder, wall)
        if hostile:
            text = (f"every other learner and the instructors ({learners - hostile} learners):\n{text}\n"
                    f"the {hostile} hostile learner(s), apart:\n{report(hostile_recorder, wall)}")
        if not quiet:
            print(f"== load test: {engine}, gunicorn gthread {workers} workers × {threads} threads, "
                  f"{learners} learners ({hostile} hostile), {instructors if grade else 0} instructors")
            print(text)
            print("database:", counts)
        return problems, text, {"recorder": recorder, "hostile_recorder": hostile_recorder, "wall": wall,
                                "counts": counts,
                                "submit_statuses": submit_statuses, "db": db}
    finally:
        db.drop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["auto", "sqlite", "mysql"], default="auto")
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--instructors", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--deadline", type=int, default=240, help="seconds before the clients give up")
    parser.add_argument("--hostile", type=int, default=1, help="how many of the learners are hostile")
    parser.add_argument("--request-timeout", type=int, default=REQUEST_TIMEOUT,
                        help="seconds a client waits for one answer before that learner gives up")
    args = parser.parse_args()
    Client.timeout = args.request_timeout
    if not 1 <= args.learners <= 500 or not 0 <= args.instructors <= 10:
        parser.error("1..500 learners and 0..10 instructors")
    engine = args.db if args.db != "auto" else ("mysql" if mysql_available() else "sqlite")
    if not 0 <= args.hostile <= args.learners:
        parser.error("0..learners hostile learners")
    problems, _text, _summary = run(engine, args.learners, args.instructors, args.workers, args.threads,
                                    args.deadline, hostile=args.hostile)
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems[:40]))
        return 1
    print(f"OK: {args.learners} learners, each with exactly one submission, record, assessment and score; "
          "every feedback answer in the history table exactly once, nobody over the feedback limit, "
          "double and racing submits answered as one submission, no server error")
    return 0


if __name__ == "__main__":
    sys.exit(main())
