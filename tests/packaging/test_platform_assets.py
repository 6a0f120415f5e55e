"""The platform's static finder finds the block's assets, and publishes nothing else.

tests/packaging/platform_finder.py does what edx-platform's XBlockPipelineFinder and the
xblock_resource view do (importlib.resources.files(package) / resources_dir / uri). Here it runs
against this checkout's editable install; test_wheel.py runs it against the built wheel.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FINDER = Path(__file__).with_name("platform_finder.py")
PRIVATE_SUFFIXES = (".po", ".mo", ".xml", ".txt", ".json", ".html", ".py", ".jsonl", ".tsv")


def run_finder(python, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    result = subprocess.run([str(python), str(FINDER)], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_only_public_assets_published(report):
    published = report["published"]
    assert report["same_bytes"], "XBlock's own open_local_resource reads other bytes than ours"
    assert all(path.startswith(report["public_dir"] + "/") for path in published), published
    assert not [p for p in published if p.endswith(PRIVATE_SUFFIXES)], published
    # Exactly the repository's static/ folder, no more and no less.
    repo_static = Path(__file__).resolve().parents[2] / "static"
    expected = sorted(f"static/{p.relative_to(repo_static)}" for p in repo_static.rglob("*") if p.is_file())
    assert published == expected


def test_editable_install_serves_assets_the_platform_way(tmp_path):
    report = run_finder(sys.executable, tmp_path)
    assert "site-packages" not in report["source"], "this test is for the editable install"
    assert report["resources_dir"] and report["resources_dir"] != "."
    assert_only_public_assets_published(report)


RESOURCE_PREFIX = "/resource/disclosure_exercise/"  # the workbench's local_resource_url


def view_uris(runtime_user, usage_id, view):
    """The resource uris a view asks the runtime for (local_resource_url's ``uri`` argument)."""
    from workbench.runtime import WorkbenchRuntime  # noqa: PLC0415

    block = WorkbenchRuntime(runtime_user).get_block(usage_id)
    frag = block.render(view, {})
    urls = [r.data for r in frag.resources if r.kind == "url"]
    return {url[len(RESOURCE_PREFIX):] for url in urls if url.startswith(RESOURCE_PREFIX)}


@pytest.mark.django_db
def test_every_asset_the_views_ask_for_is_published(workbench, tmp_path):
    from django.utils import translation  # noqa: PLC0415

    report = run_finder(sys.executable, tmp_path)
    usage_id = workbench["disclosure_exercise.0"].usage_id
    uris = set()
    with translation.override("es"):  # the Spanish JS catalogue too
        for user, view in (("learner_1", "student_view"), ("instructor_1", "student_view"),
                           ("instructor_1", "studio_view"), ("learner_1", "author_view")):
            uris |= view_uris(user, usage_id, view)
    assert any(uri.endswith(".js") for uri in uris) and any(uri.endswith(".css") for uri in uris)
    assert uris <= set(report["published"]), uris - set(report["published"])
