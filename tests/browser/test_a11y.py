"""axe-core (WCAG 2.1 A and AA) on every view of the block, and the reflow checks (issue 6).

axe runs inside the block's own element (``[data-block-type="disclosure_exercise"]``): the
workbench page around it is not ours (it has no ``lang`` on <html>, for one). Each result is kept
in test-artifacts/axe/ as JSON.
"""
import pytest

from tests.browser.helpers import (
    GOOD,
    SCENARIO,
    WEAK,
    ask_feedback,
    axe_violations,
    format_violations,
    open_exercise,
    record_axe,
    screenshot,
)

pytestmark = pytest.mark.browser


def assert_no_violations(page, name, selector=None):
    violations = axe_violations(page, selector) if selector else axe_violations(page)
    record_axe(name, violations)
    assert not violations, f"axe found WCAG 2.1 A/AA violations in {name}:\n{format_violations(violations)}"


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_learner_view_has_no_violations(live_server_url, new_page, locale):
    page = open_exercise(new_page(locale=locale), live_server_url, f"browser_a11y_{locale}")
    assert_no_violations(page, f"learner-{locale}-start")

    ask_feedback(page, WEAK)
    # keyboard focus lands on the feedback summary, not the page body
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('dx-fb-summary')")
    assert_no_violations(page, f"learner-{locale}-feedback")
    ask_feedback(page, GOOD)
    assert_no_violations(page, f"learner-{locale}-feedback-history")

    page.click(".dx-submit-btn")
    page.locator(".dx-dialog").wait_for()
    assert_no_violations(page, f"learner-{locale}-dialog")
    page.click(".dx-dialog-confirm")
    page.wait_for_selector(".dx-submitted:not([hidden])")
    assert_no_violations(page, f"learner-{locale}-submitted")


@pytest.mark.parametrize("width", [360, 640])  # a phone, and 1280 px at 200 % zoom
def test_learner_view_reflows_without_horizontal_scrolling(live_server_url, new_page, width):
    page = open_exercise(new_page(width=width, height=800), live_server_url, f"browser_reflow_{width}")
    ask_feedback(page, WEAK)
    overflow = page.evaluate("""() => {
        const root = document.querySelector('.dx-exercise');
        const wide = Array.from(root.querySelectorAll('*')).filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > document.documentElement.clientWidth + 1;
        });
        return wide.map(el => el.className || el.tagName).slice(0, 5);
    }""")
    assert not overflow, f"wider than a {width} px screen: {overflow}"
    # controls stay big enough to tap
    height = page.evaluate("document.querySelector('.dx-feedback-btn').getBoundingClientRect().height")
    assert height >= 40
    screenshot(page, f"learner-en-{width}-reflow")


def test_instructor_view_has_no_violations(live_server_url, new_page):
    """The learner area plus the grading panel that course staff see (the panel is not ours)."""
    learner = open_exercise(new_page(), live_server_url, "browser_a11y_for_instructor")
    ask_feedback(learner, GOOD)
    learner.click(".dx-submit-btn")
    learner.click(".dx-dialog-confirm")
    learner.wait_for_selector(".dx-submitted:not([hidden])")

    page = new_page()
    page.goto(f"{live_server_url}/scenario/{SCENARIO}/?student=instructor_1")
    page.wait_for_selector(".dx-exercise .dx-text")
    page.wait_for_load_state("networkidle")
    screenshot(page, "instructor-en-1280")
    assert_no_violations(page, "instructor")


@pytest.mark.parametrize("locale", ["en-US", "es-ES"])
def test_studio_view_has_no_violations(live_server_url, new_page, locale):
    """The designer's editor: as it opens, with its sections closed, after a refused save (the
    errors beside their fields and beside Save) and after a save."""
    page = new_page(locale=locale)
    # course staff (the workbench's designers): Save writes, then the prompt is put back as it was
    page.goto(f"{live_server_url}/scenario/{SCENARIO}/studio_view/?student=instructor_1")
    page.wait_for_selector("[data-summary='limits']:not(:empty)")
    page.wait_for_load_state("networkidle")
    screenshot(page, f"studio-{locale}-1280")
    assert_no_violations(page, f"studio-{locale}")
    for section in page.locator("details.dx-collapsible > summary").all():
        section.click()
    assert page.locator("details.dx-collapsible[open]").count() == 0
    assert_no_violations(page, f"studio-{locale}-collapsed")
    page.locator("details[data-section='scenario'] > summary").click()
    original = page.input_value("[data-input='scenario.prompt']")
    page.fill("[data-input='scenario.prompt']", "")
    page.click("[data-action='save']")
    page.wait_for_selector(".xblock-actions .dx-save-status--error")
    assert_no_violations(page, f"studio-{locale}-refused")
    page.fill("[data-input='scenario.prompt']", original)
    page.click("[data-action='save']")
    page.wait_for_selector(".xblock-actions .dx-save-status--saved")
    assert_no_violations(page, f"studio-{locale}-saved")
