"""
Concurrency through a real multi-threaded, multi-process WSGI server (gunicorn, gthread).

Ten learners each submit twice at the same instant (a double click racing itself) while
everyone else submits too; afterwards each learner has exactly one submission and one panel
record. Runs on a fresh SQLite file in WAL mode, or on a fresh MariaDB database when the suite
runs with DISCLOSURE_DB_ENGINE=mysql. The server listens on 127.0.0.1 only and is stopped by pid.
"""
import importlib.util
import os
from pathlib import Path

import pytest

LOAD_TEST = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"


def _load_test_module():
    spec = importlib.util.spec_from_file_location("disclosure_load_test", LOAD_TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ten_learners_double_submitting_at_once_make_one_submission_each():
    pytest.importorskip("gunicorn")
    load = _load_test_module()
    engine = "mysql" if os.environ.get("DISCLOSURE_DB_ENGINE") == "mysql" else "sqlite"
    problems, text, summary = load.run(engine, learners=10, instructors=2, workers=2, threads=8,
                                       deadline_s=90, quiet=True, autosaves=1, feedbacks=1)
    assert not problems, "\n".join(problems) + "\n" + text
    statuses = summary["submit_statuses"]
    assert len(statuses) == 10
    # Both clicks answered: the second one either returns the same submission or a clear 409.
    assert all(sorted(s) in ([200, 200], [200, 409]) for s in statuses.values()), statuses
    assert summary["counts"]["submissions"] == 10
