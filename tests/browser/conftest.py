"""
Browser-test fixtures: a real dev server and Debian's chromium driven by Python Playwright.

Fixtures (use them from any test module under tests/browser/):

``live_server_url`` (session)
    Base URL (``http://127.0.0.1:<port>``) of ``manage.py runserver --noreload`` started as a
    subprocess on a fresh SQLite database (``DISCLOSURE_SQLITE`` in a temporary directory), with
    the project's dev settings (``devserver.settings``; override with ``DISCLOSURE_BROWSER_SETTINGS``).
    Migrated first; the fixture waits until ``/`` answers. The server log is in the temporary
    directory and its tail is printed if the server fails to start. Tests share the server: use a
    student id of your own (``?student=<something unique>``) so state does not leak between tests.

``browser`` (session)
    A Playwright Chromium browser: ``/usr/bin/chromium`` (override with ``DISCLOSURE_CHROMIUM``;
    Playwright's own browser download does not work here), headless, no sandbox.

``new_page`` (function) -> ``new_page(width=1280, height=900, locale="en-US", **context_kwargs)``
    A page in a fresh browser context (own cookies and localStorage). ``locale`` sets the
    Accept-Language header, which the dev server's LocaleMiddleware uses to pick the language.
    Each page records JavaScript errors in ``page.dx_errors`` (uncaught exceptions and
    console.error) and HTTP answers >= 400 in ``page.dx_failed_responses`` ("<status> <url>").
    Contexts are closed at the end of the test.

``page`` (function)
    ``new_page()`` at 1280 x 900, English.

Helpers (``from tests.browser.helpers import ...``): ``axe_violations(page, selector)`` injects
axe-core from node_modules (``npm ci`` installs the pinned version of package.json) and returns
the WCAG 2.1 A/AA violations inside ``selector``; ``format_violations``; ``screenshot(page,
name)`` saves a full-page PNG under test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DISCLOSURE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERVER_START_TIMEOUT_S = 90


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _python():
    venv = REPO_ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _log_tail(path, lines=60):
    try:
        return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _server_env(tmp_dir):
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": os.environ.get("DISCLOSURE_BROWSER_SETTINGS", "devserver.settings"),
        "DISCLOSURE_SQLITE": str(tmp_dir / "browser.db"),
        "DISCLOSURE_VAR_DIR": str(tmp_dir / "var"),
        "PYTHONUNBUFFERED": "1",
    })
    return env


@pytest.fixture(scope="session")
def live_server_url(tmp_path_factory):
    """Start the real dev server on a fresh database; yield its base URL; stop it."""
    tmp_dir = tmp_path_factory.mktemp("live-server")
    env = _server_env(tmp_dir)
    log_path = tmp_dir / "server.log"
    python = _python()
    migrate = subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO_ROOT,
                             env=env, capture_output=True, text=True, timeout=300, check=False)
    if migrate.returncode != 0:
        pytest.fail(f"manage.py migrate failed:\n{migrate.stdout}\n{migrate.stderr}")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(  # pylint: disable=consider-using-with
            [python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(f"the dev server exited with {process.returncode}:\n{_log_tail(log_path)}")
            try:
                with urllib.request.urlopen(url + "/", timeout=5) as response:
                    if response.status == 200:
                        break
            except urllib.error.HTTPError as exc:
                pytest.fail(f"the dev server answered {exc.code} on /:\n{_log_tail(log_path)}")
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the dev server did not answer within {SERVER_START_TIMEOUT_S} s:\n{_log_tail(log_path)}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright (one browser for the session)."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make system-deps)")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only browser tests need it)

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser):
    """Factory: ``new_page(width=1280, height=900, locale="en-US", **context_kwargs)``."""
    contexts = []

    def make(width=1280, height=900, locale="en-US", **context_kwargs):
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale,
                                      **context_kwargs)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.dx_errors = []
        page.dx_failed_responses = []
        page.on("pageerror", lambda exc: page.dx_errors.append(f"pageerror: {exc}"))
        # HTTP errors are logged by the browser as "Failed to load resource" without the URL:
        # they go to dx_failed_responses (with the URL) instead, since tests provoke some.
        page.on("console", lambda msg: page.dx_errors.append(f"console.error: {msg.text}")
                if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
        page.on("response", lambda response: page.dx_failed_responses.append(f"{response.status} {response.url}")
                if response.status >= 400 and not response.url.endswith("/favicon.ico") else None)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """An English page at 1280 x 900."""
    return new_page()
