"""The built wheel, installed in a fresh virtualenv away from the source tree, still renders.

static/ and templates/ live at the top of the repository and are mapped into the package by
setup.py; this is the test that the mapping really ships them, where the platform looks.
"""
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from .test_platform_assets import assert_only_public_assets_published, run_finder

REPO = Path(__file__).resolve().parents[2]

CHECK = textwrap.dedent('''
    import json, os, sys, tempfile
    import django
    from django.conf import settings
    import workbench.settings as wb

    settings.configure(
        DEBUG=True, SECRET_KEY="wheel-test", ROOT_URLCONF="workbench.urls", USE_TZ=True,
        INSTALLED_APPS=[*wb.INSTALLED_APPS, "submissions", "disclosure_xblock.grading"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                               "NAME": os.path.join(tempfile.mkdtemp(), "db.sqlite3")}},
        TEMPLATES=wb.TEMPLATES, MIDDLEWARE=wb.MIDDLEWARE, STATIC_URL="/static/",
        WORKBENCH={**wb.WORKBENCH, "services": dict(wb.WORKBENCH["services"])},
        CACHES=wb.CACHES, DJFS=wb.DJFS,
    )
    django.setup()
    from django.core.management import call_command
    call_command("migrate", run_syncdb=True, verbosity=0)  # xblock-sdk 0.14 ships no migrations

    import disclosure_xblock
    from disclosure_xblock.block import DisclosureXBlock
    from workbench.runtime import WorkbenchRuntime

    src = os.path.dirname(disclosure_xblock.__file__)
    assert "site-packages" in src, src
    runtime = WorkbenchRuntime("learner_1")
    usage_id = runtime.parse_xml_string(DisclosureXBlock.workbench_scenarios()[0][1])
    block = runtime.get_block(usage_id)
    frag = block.render("student_view", {})
    html = frag.body_html()
    js = DisclosureXBlock.open_local_resource("static/js/learner.js").read()
    css = DisclosureXBlock.open_local_resource("static/css/learner.css").read()
    studio_frag = block.render("studio_view", {})
    studio = studio_frag.body_html()
    prefix = "/resource/disclosure_exercise/"  # the workbench's local_resource_url(block, uri)
    uris = sorted({r.data[len(prefix):] for f in (frag, studio_frag) for r in f.resources
                   if r.kind == "url" and r.data.startswith(prefix)})
    from disclosure_xblock.feedback import evaluate
    from disclosure_xblock.rubric import load_preset
    spanish = evaluate("Me lastimaba a propósito.", load_preset("appropriate-self-disclosure"))
    print(json.dumps({"src": src, "html": len(html), "has_scenario": "Jamie" in html,
                      "spanish_flags": [flag.kind for flag in spanish.red_flags],
                      "js": len(js), "css": len(css), "studio": len(studio), "uris": uris}))
''')


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(REPO)], check=True, cwd=out)
    (found,) = out.glob("disclosure_xblock-*.whl")
    return found


def test_wheel_contains_static_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("disclosure_xblock/assets/static/js/learner.js",
                     "disclosure_xblock/assets/static/css/learner.css",
                     "disclosure_xblock/templates/learner.html", "disclosure_xblock/templates/studio.html",
                     "disclosure_xblock/rubric/presets/appropriate-self-disclosure.xml",
                     "disclosure_xblock/scenarios/library/anxiety-withdrawal.xml",
                     "disclosure_xblock/translations/es/LC_MESSAGES/text.mo",
                     "disclosure_xblock/conf/locale/es/LC_MESSAGES/django.mo",
                     "disclosure_xblock/feedback/lexicons/safety.txt",
                     "disclosure_xblock/feedback/lexicons/es/safety.txt",
                     "disclosure_xblock/grading/locale/es/LC_MESSAGES/django.mo"):
        assert required in names, required
    assert any(n.startswith("disclosure_xblock/grading/migrations/0001") for n in names)
    assert not any(n.startswith(("tests/", "devserver/")) for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "disclosure_exercise = disclosure_xblock.block:DisclosureXBlock" in text
    assert "lms.djangoapp" in text and "cms.djangoapp" in text


def stack_requirements():
    """The pinned stack this test run is on: Teak's (requirements/oldest.txt) when the running
    interpreter has its XBlock pin, else the newest (base.txt and the matching xblock-sdk)."""
    from importlib.metadata import version

    oldest = REPO / "requirements" / "oldest.txt"
    pins = dict(line.split("==", 1) for line in oldest.read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    if version("XBlock") == pins["XBlock[django]"]:
        return ["-r", str(oldest)]
    return ["-r", str(REPO / "requirements" / "base.txt"), "xblock-sdk==0.15.2"]


def frozen(python):
    out = subprocess.run([str(python), "-m", "pip", "freeze", "--all"], check=True,
                         capture_output=True, text=True).stdout
    return {line.split("==")[0].lower(): line for line in out.splitlines() if "==" in line}


def test_wheel_installed_in_a_clean_venv_renders_the_block(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The platform's pins first (pip's cache makes this quick), then the wheel with its
    # dependencies: the install ranges must admit every pin, so pip changes none of them.
    subprocess.run([str(python), "-m", "pip", "install", "-q", *stack_requirements()],
                   check=True, cwd=tmp_path)
    before = frozen(python)
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, cwd=tmp_path)
    after = frozen(python)
    assert {k: v for k, v in after.items() if k != "disclosure-xblock"} == before
    check = subprocess.run([str(python), "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    result = subprocess.run([str(python), "-c", CHECK], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    import json

    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["has_scenario"] and report["html"] > 1000
    assert report["js"] > 1000 and report["css"] > 200 and report["studio"] > 500
    # The Spanish safety cues (lexicons/es/) ship too: a crisis told in Spanish still flags.
    assert report["spanish_flags"] == ["self_harm"]
    # The platform's static finder, run in the same venv, finds the wheel's assets and only them.
    finder = run_finder(python, tmp_path)
    assert "site-packages" in finder["source"]
    assert_only_public_assets_published(finder)
    assert report["uris"] and set(report["uris"]) <= set(finder["published"])
