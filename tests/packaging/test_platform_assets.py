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
    assert report["missing_uris"] == [], report["missing_uris"]
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
