"""A learner drafts, gets feedback, follows the highlights, revises, reloads, submits (issue 6).

Runs against the real dev server (``live_server_url``) in Debian's chromium (``page``); see
conftest.py. Each test uses its own student id, so tests can share the server.
"""
import re

import pytest

from tests.browser.helpers import GOOD, WEAK, active, ask_feedback, open_exercise, screenshot

pytestmark = pytest.mark.browser

def test_draft_feedback_highlights_revise_reload_submit(live_server_url, new_page):
    page = new_page()
    submits = []
    page.on("request", lambda request: submits.append(request.url) if "/submit/" in request.url else None)
    open_exercise(page, live_server_url, "browser_learner_en")
    screenshot(page, "learner-en-1280-start")

    # --- the counter and the label -----------------------------------------------------------
    textarea = page.locator(".dx-text")
    assert page.locator(f"label[for='{textarea.get_attribute('id')}']").count() == 1
    described = textarea.get_attribute("aria-describedby").split()
    assert any(page.locator(f"#{ident}").get_attribute("class") == "dx-counter" or "dx-counter" in (
        page.locator(f"#{ident}").get_attribute("class") or "") for ident in described)
    page.fill(".dx-text", "one two three")
    assert "3 words" in page.text_content(".dx-counter")
    page.fill(".dx-text", "word " * 115)
    assert "Close to the limit" in page.text_content(".dx-counter")
    page.fill(".dx-text", "word " * 125)
    assert "Over the limit by 5 words" in page.text_content(".dx-counter")

    # --- first feedback: statuses as text and icon, highlights ---------------------------------
    ask_feedback(page, WEAK)
    statuses = page.locator(".dx-criteria .dx-crit-status").all_text_contents()
    assert statuses and set(statuses) <= {"Met", "Partly met", "Not yet", "Your instructor will assess this"}
    assert "Met" not in set(statuses) or len(set(statuses)) > 1, "a weak draft should not meet everything"
    assert page.locator(".dx-criteria .dx-crit-icon").count() == len(statuses)
    assert "feedback request" in page.text_content(".dx-remaining")
    marks = page.locator(".dx-draft-view mark .dx-mark-btn")
    assert marks.count() >= 1, "the weak draft's triggering words are highlighted"
    # every highlight is the draft's own text
    for i in range(marks.count()):
        target = marks.nth(i).get_attribute("data-target")
        assert target and page.locator(f"#{target}").count() == 1

    # keyboard: Tab from the feedback button reaches a highlight; Enter moves to its comment and back
    page.focus(".dx-feedback-btn")
    for _ in range(40):
        page.keyboard.press("Tab")
        if active(page, "el.classList.contains('dx-mark-btn')"):
            break
    else:
        pytest.fail("no highlight was reached with Tab")
    mark_id = active(page)
    target = page.get_attribute(f"#{mark_id}", "data-target")
    page.keyboard.press("Enter")
    assert active(page) == target
    back = page.locator(f"#{target} .dx-link-btn").first
    if back.count():  # a criterion's comment links back to its words in the draft
        back.focus()
        page.keyboard.press("Enter")
        assert active(page, "el.classList.contains('dx-mark-btn')")
    screenshot(page, "learner-en-1280-feedback")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "learner-en-360-feedback")
    page.set_viewport_size({"width": 1280, "height": 900})

    # --- revise: a second request shows progress in the history --------------------------------
    ask_feedback(page, GOOD)
    items = page.locator(".dx-history-list > li")
    assert items.count() == 2
    newest = items.first.text_content()
    assert "Feedback request 2" in newest
    assert re.search(r"(up \d+|down \d+|same as) .*previous request", newest)

    # --- reload without losing text: before the autosave fires, and after it --------------------
    revised = GOOD + " I'm here to listen."
    page.fill(".dx-text", revised)
    page.reload()
    page.wait_for_selector(".dx-text")
    assert page.input_value(".dx-text") == revised
    page.wait_for_function("document.querySelector('.dx-save-status').textContent.startsWith('Saved at')",
                           timeout=20_000)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(".dx-text")
    assert page.input_value(".dx-text") == revised, "the server kept the autosaved draft"
    assert page.locator(".dx-history-list > li").count() == 2

    # --- submit: the dialog shows the text, Escape returns focus, a double click sends once ------
    page.click(".dx-submit-btn")
    dialog = page.locator(".dx-dialog")
    dialog.wait_for()
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-modal") == "true"
    assert page.text_content(".dx-dialog-text") == revised
    assert active(page, "el.closest('.dx-dialog') !== null")
    for _ in range(5):  # focus stays in the dialog
        page.keyboard.press("Tab")
        assert active(page, "el.closest('.dx-dialog') !== null")
    page.keyboard.press("Escape")
    assert page.locator(".dx-dialog-backdrop").is_hidden()
    assert active(page, "el.classList.contains('dx-submit-btn')")
    page.keyboard.press("Enter")
    dialog.wait_for()
    page.dblclick(".dx-dialog-confirm")
    page.wait_for_selector(".dx-submitted:not([hidden])")
    assert len(submits) == 1, submits
    assert page.text_content(".dx-submitted-text") == revised
    assert "Submitted" in page.text_content(".dx-status-badge")
    assert page.locator(".dx-editor").is_hidden()
    assert active(page, "el.closest('.dx-submitted') !== null")
    screenshot(page, "learner-en-1280-submitted")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "learner-en-360-submitted")

    # --- after a reload the submitted state stays, the local copy is gone ------------------------
    page.reload()
    page.wait_for_selector(".dx-submitted:not([hidden])")
    assert page.text_content(".dx-submitted-text") == revised
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('dx-draft:')).length") == 0
    if page.locator(".dx-exemplar:not([hidden])").count():
        assert page.text_content(".dx-exemplar-text").strip()
    assert not page.dx_errors, page.dx_errors
    assert not page.dx_failed_responses, page.dx_failed_responses


def test_privacy_warning_comes_first_and_blocks_submit(live_server_url, page):
    open_exercise(page, live_server_url, "browser_learner_privacy")
    draft = ("I used to feel anxious around people too; my coworker Maria Gonzalez helped me. "
             "Call me at 555-201-7788 after my shift. What feels hardest for you, Jamie?")
    ask_feedback(page, draft)
    privacy = page.locator(".dx-feedback .dx-privacy")
    assert privacy.is_visible()
    assert privacy.get_attribute("role") == "alert"
    # first thing in the feedback, before the score and the criteria
    order = page.evaluate("""() => Array.from(document.querySelector('.dx-feedback').children)
        .filter(el => !el.hidden).map(el => el.className)""")
    assert order[1].startswith("dx-privacy"), order
    assert "555-201-7788" in privacy.text_content()
    page.click(".dx-submit-btn")
    page.click(".dx-dialog-confirm")
    page.wait_for_selector(".dx-alert:not([hidden])")
    assert page.locator(".dx-submitted").is_hidden()
    assert page.input_value(".dx-text") == draft, "a refused submit never loses the draft"


def test_server_errors_are_shown_and_keep_the_draft(live_server_url, page):
    open_exercise(page, live_server_url, "browser_learner_errors")
    page.route("**/get_feedback/**", lambda route: route.fulfill(
        status=429, content_type="application/json", body='{"error": "Too many requests, try later."}'))
    page.fill(".dx-text", GOOD)
    page.click(".dx-feedback-btn")
    page.wait_for_selector(".dx-alert:not([hidden])")
    assert page.text_content(".dx-alert") == "Too many requests, try later."
    assert page.input_value(".dx-text") == GOOD
    assert page.is_enabled(".dx-feedback-btn")

    # autosave failures say so, keep a local copy and retry
    page.route("**/save_draft/**", lambda route: route.fulfill(status=503, body="down"))
    page.fill(".dx-text", GOOD + " More.")
    page.wait_for_function("document.querySelector('.dx-save-status').textContent.includes('Retrying')",
                           timeout=10_000)
    key = page.evaluate("Object.keys(localStorage).find(k => k.startsWith('dx-draft:'))")
    assert page.evaluate("k => JSON.parse(localStorage.getItem(k)).text", key) == GOOD + " More."
    page.unroute("**/save_draft/**")
    page.wait_for_function("document.querySelector('.dx-save-status').textContent.startsWith('Saved at')",
                           timeout=15_000)
