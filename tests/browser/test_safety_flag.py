"""A plain-words self-harm draft: flagged for the learner, with the support message, and in the
instructor's queue after submit (issue 13), through the real dev server in Debian's chromium."""
import pytest

from tests.browser.helpers import BLOCK, ask_feedback, axe_violations, format_violations, open_exercise, submission_row

pytestmark = pytest.mark.browser

LEARNER = "browser_safety_learner"
# No clinical word: the act told the way people tell it (the engine before issue 13 missed it).
DRAFT = ("When I was a teenager I used to cut my arms when everything felt too loud. "
         "Talking to a counselor helped, and slowly it got easier. What feels hardest for you, Jamie?")


def test_a_plain_words_self_harm_draft_is_flagged_for_the_learner_and_the_instructor(live_server_url, new_page):
    learner = new_page()
    open_exercise(learner, live_server_url, LEARNER)
    ask_feedback(learner, DRAFT)
    flags = learner.locator(".dx-redflags")
    flags.wait_for(state="visible")
    text = " ".join(flags.text_content().split())
    assert "Your instructor will review this draft personally." in text
    assert "Mentions self-harm" in text
    support = learner.locator(".dx-redflags .dx-support")
    assert "Employee Assistance Program" in support.text_content()
    assert "emergency number" in support.text_content()
    violations = axe_violations(learner, f"{BLOCK} .dx-feedback")
    assert not violations, format_violations(violations)

    learner.click(".dx-submit-btn")
    learner.wait_for_selector(".dx-dialog-backdrop:not([hidden]) .dx-dialog-confirm")
    learner.click(".dx-dialog-confirm")
    learner.wait_for_selector(".dx-submitted:not([hidden])")
    # After submit the feedback shown is on the submitted text: still flagged, still supported.
    assert "Employee Assistance Program" in learner.text_content(".dx-redflags .dx-support")

    staff = new_page()
    open_exercise(staff, live_server_url, "instructor_1")
    row = submission_row(staff, LEARNER)
    assert "⚑ Self-harm" in row.text_content()
    row.get_by_role("button").click()
    staff.wait_for_selector(".dx-i-detail:not([hidden]) .dx-i-flags .dx-i-flag")
    detail_flag = " ".join(staff.text_content(".dx-i-flags").split())
    assert "Self-harm" in detail_flag and "cut my arms" in detail_flag, detail_flag
    assert staff.dx_errors == [] and learner.dx_errors == []
