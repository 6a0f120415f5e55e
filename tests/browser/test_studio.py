"""A designer edits the rubric in Studio's editor, tries a draft, saves; the learner sees the change.

Uses the browser fixtures of tests/browser/conftest.py: ``live_server_url`` (a dev server on a
fresh database) and ``page`` (Playwright on Debian's chromium).
"""
import pytest

from tests.browser.helpers import axe_violations, format_violations, record_axe

pytestmark = pytest.mark.browser

SCENARIO = "disclosure_exercise.2"  # the demo course's hopelessness exercise
DRAFT = ("There was a time I felt hopeless too, and getting up was hard. Slow breathing and one small "
         "goal a day helped, and things got better. What feels hardest for you right now, Jamie?")


def studio(page, base):
    page.goto(f"{base}/scenario/{SCENARIO}/studio_view/?student=instructor_1")
    page.wait_for_selector(".dx-criterion")
    return page


def script_errors(page):
    """JavaScript errors; the refused saves above answer 400 on purpose, which chromium logs."""
    return [e for e in page.dx_errors if "Failed to load resource" not in e]


def active_input(page):
    return page.evaluate("document.activeElement && document.activeElement.getAttribute('data-input')")


@pytest.fixture
def restore(live_server_url, page):
    """Put the library exercise back afterwards, for tests that share the server."""
    yield
    studio(page, live_server_url)
    page.select_option('[data-input="library"]', "hopelessness")
    page.click('[data-action="load-library"]')
    page.wait_for_function("document.querySelector('[data-role=status]').textContent.includes('Loaded')")
    page.click('[data-action="save"]')
    page.wait_for_function("document.querySelector('[data-role=status]').textContent.startsWith('Saved')")


def test_designer_edits_tries_saves_and_the_learner_sees_it(live_server_url, page, restore):
    studio(page, live_server_url)
    brief = page.locator(".dx-criterion").first
    assert page.locator(".dx-criterion").count() == 7

    # rename a criterion and forbid a phrase
    page.fill('[data-input="criteria.0.label"]', "Short and sweet")
    brief.locator('[data-role="new-check-type"]').select_option("phrases")
    brief.locator('[data-action="check-add"]').click()
    assert active_input(page) == "criteria.0.checks.2.mode"  # focus moves into the new check (brief has two)
    assert page.input_value('[data-input="criteria.0.checks.2.mode"]') == "forbid"
    page.fill('[data-input="criteria.0.checks.2.phrases"]', "breathing")
    assert "none of these phrases" in brief.locator(".dx-check-item").nth(2).locator(
        '[data-role="explain"]').text_content()

    # try a draft against the unsaved rubric
    page.fill('[data-input="text"]', DRAFT)
    page.click('[data-action="try-draft"]')
    result = page.locator('.dx-try-result .dx-crit[data-criterion="brief"]')
    result.wait_for()
    assert "Short and sweet" in result.text_content()
    assert "Not yet" in result.text_content()
    assert "breathing" in result.text_content().lower()

    # a bad edit is refused at the field, with focus and ARIA; nothing is lost from the form
    page.fill('[data-input="scenario.prompt"]', "")
    page.click('[data-action="save"]')
    page.wait_for_selector(".dx-field-error")
    prompt = page.locator('[data-input="scenario.prompt"]')
    assert active_input(page) == "scenario.prompt"
    assert prompt.get_attribute("aria-invalid") == "true"
    error_id = prompt.get_attribute("aria-describedby").split()[-1]
    assert "prompt" in page.locator(f"#{error_id}").text_content()
    assert page.input_value('[data-input="criteria.0.label"]') == "Short and sweet"
    page.fill('[data-input="scenario.prompt"]', "Write two or three sentences you could say to Jamie.")

    # save
    page.click('[data-action="save"]')
    page.wait_for_function("document.querySelector('[data-role=status]').textContent.startsWith('Saved')")
    assert page.locator(".dx-field-error").count() == 0

    # the learner view shows the new rubric and judges by it
    page.goto(f"{live_server_url}/scenario/{SCENARIO}/?student=learner_9")
    page.wait_for_selector(".dx-text")
    page.fill(".dx-text", DRAFT)
    page.click(".dx-feedback-btn")
    learner_brief = page.locator('.dx-criteria [data-criterion="brief"]')
    learner_brief.wait_for()
    assert "Short and sweet" in learner_brief.text_content()
    assert "Not yet" in learner_brief.text_content()
    assert not script_errors(page)


def test_the_rubric_is_arranged_with_the_keyboard(live_server_url, page):
    studio(page, live_server_url)
    first = page.input_value('[data-input="criteria.0.label"]')
    second = page.input_value('[data-input="criteria.1.label"]')
    page.locator(".dx-criterion").first.locator('[data-action="criterion-down"]').focus()
    page.keyboard.press("Enter")
    assert page.input_value('[data-input="criteria.0.label"]') == second
    assert page.input_value('[data-input="criteria.1.label"]') == first
    # focus follows the moved criterion
    assert page.evaluate("document.activeElement.getAttribute('data-action')") == "criterion-down"
    assert page.evaluate("document.activeElement.closest('.dx-criterion').dataset.index") == "1"
    # add a criterion: it is instructor-only until a check is attached
    page.locator('[data-action="add-criterion"]').focus()
    page.keyboard.press("Enter")
    new = page.locator(".dx-criterion").last
    assert active_input(page) == "criteria.7.label"
    assert "instructor only" in new.locator(".dx-manual").text_content()
    page.keyboard.press("Control+a")
    page.keyboard.type("Warm tone")
    new.locator('[data-action="criterion-remove"]').focus()
    page.keyboard.press("Enter")
    assert page.locator(".dx-criterion").count() == 7
    page.wait_for_function("document.querySelector('[data-role=status]').textContent.includes('removed')")


def test_the_editor_passes_axe(live_server_url, page):
    studio(page, live_server_url)
    violations = axe_violations(page, ".dx-studio")
    # and again with inline errors, the error summary and a feedback panel showing
    page.fill('[data-input="text"]', DRAFT)
    page.click('[data-action="try-draft"]')
    page.wait_for_selector(".dx-try-result .dx-crit")
    page.click('[data-action="export-olx"]')
    page.wait_for_selector('[data-role="olx"]:not([hidden])')
    page.fill('[data-input="scenario.prompt"]', "")
    page.click('[data-action="save"]')
    page.wait_for_selector(".dx-field-error")
    violations += axe_violations(page, ".dx-studio")
    record_axe("studio-editor", violations)
    assert violations == [], format_violations(violations)
    assert not script_errors(page)
