"""A server process builds the feedback engine's caches when Django starts (the grading app's
ready), not in a learner's first feedback request: in the load test each gunicorn worker's
first requests otherwise waited seconds for the build, and the worker's other requests behind
them. Run in a fresh interpreter, where nothing is cached yet."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import django
    django.setup()  # what a server process does before its first request
    from disclosure_xblock.feedback import evaluate, lexicons
    built = []
    original = lexicons.LexiconIndex.__init__
    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)
    lexicons.LexiconIndex.__init__ = counting
    from disclosure_xblock.rubric import load_preset
    rubric = load_preset("appropriate-self-disclosure")
    evaluate("I used to hide in my room when I felt anxious; short walks helped. And you?", rubric)
    evaluate("Antes me encerraba cuando tenía ansiedad; caminar me ayudó. ¿Y a ti?", rubric, language="es")
    print(len(built))
""")


def test_django_start_builds_the_engine_caches_before_the_first_request():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "devserver.test_settings", "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                         timeout=300, cwd=REPO, env=env)
    assert int(run.stdout.split()[-1]) == 0
