"""Helpers for the browser tests: axe-core checks and screenshots (see conftest.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO_ROOT / "test-artifacts"
# WCAG 2.1 level A and AA: what issue 6 promises.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The workbench wraps each block in <div class="xblock ..." data-block-type="...">.
BLOCK = '[data-block-type="disclosure_exercise"]'


# --- the learner view ------------------------------------------------------------------------

SCENARIO = "disclosure_exercise.0"  # the demo course's anxiety-withdrawal exercise (patient Jamie)
# A first draft with problems the feedback should point at (minimizing, advice, an ongoing struggle).
WEAK = ("I know exactly how you feel, Jamie. I still get anxious all the time and right now I can't "
        "sleep, but at least it's not that bad. You should just try to relax and stop worrying.")
# A revision in line with the default rubric.
GOOD = ("When I started working here I used to feel anxious around groups of people and I avoided them. "
        "Slow breathing and sitting with one person at a time helped, and it got easier over a few weeks. "
        "It may be different for you, Jamie. What feels hardest for you right now?")


def open_exercise(page, base, student, scenario=SCENARIO):
    page.goto(f"{base}/scenario/{scenario}/?student={student}")
    page.wait_for_selector(".dx-exercise .dx-text")
    return page


def submission_row(staff, learner):
    """The instructor panel's row for ``learner``, found through the panel's own search."""
    staff.fill(".dx-i-filters input[name=search]", learner)
    staff.click(".dx-i-filters button[type=submit]")
    row = staff.locator(".dx-i-submissions tbody tr", has_text=learner)
    row.wait_for()
    return row


def ask_feedback(page, text):
    before = page.locator(".dx-history-list > li").count()
    page.fill(".dx-text", text)
    page.click(".dx-feedback-btn")
    page.wait_for_function("n => document.querySelectorAll('.dx-history-list > li').length > n", arg=before)
    page.wait_for_selector(".dx-feedback:not([hidden]) .dx-criteria > li")


def active(page, expression="el.id"):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return el ? {expression} : null; }})()")


# --- axe-core --------------------------------------------------------------------------------


def inject_axe(page):
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} is missing: run `npm ci` (make node-deps)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))


def axe_run(page, selector=None, tags=None):
    """The full axe result for ``selector`` (or the whole page), restricted to ``tags``."""
    inject_axe(page)
    options = {"runOnly": {"type": "tag", "values": tags or WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(
        """async ([selector, options]) => {
            const context = selector ? {include: [[selector]]} : document;
            const result = await window.axe.run(context, options);
            return {violations: result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 200),
                                          summary: n.failureSummary}))}))};
        }""",
        [selector, options],
    )


def axe_violations(page, selector=BLOCK, tags=None):
    """WCAG 2.1 A/AA violations inside ``selector`` (default: every disclosure block on the page)."""
    return axe_run(page, selector, tags)["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html']}")
    return "\n".join(lines) or "(none)"


def record_axe(name, violations):
    """Keep an axe result under test-artifacts/axe/ so anyone can read it after a run."""
    folder = ARTIFACTS / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{_slug(name)}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")


def screenshot(page, name):
    """A full-page PNG in test-artifacts/ (not committed)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{_slug(name)}.png"
    # Evidence for a person to look at, not an assertion: a full page of hostile data can take
    # long to paint on a loaded machine, so allow a minute rather than Playwright's 15 s default.
    page.screenshot(path=str(path), full_page=True, timeout=60_000)
    return path


def _slug(name):
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
