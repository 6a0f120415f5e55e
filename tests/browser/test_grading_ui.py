"""An instructor grades a submission in the panel and the learner sees the grade (issue 4).

Both sides through the real dev server in Debian's chromium: the learner submits with the
confirmation dialog; the instructor finds the submission by username, opens it, keeps most of
the pre-filled automatic levels, changes one, comments and saves; the learner's view then shows
the levels, the comment and the score.
"""
import pytest

from tests.browser.helpers import GOOD, open_exercise, submission_row

pytestmark = pytest.mark.browser

LEARNER = "browser_graded_learner"
COMMENT = "Warm and brief. Try naming one thing that helped even more concretely."


def test_instructor_grades_in_the_panel_and_the_learner_sees_it(live_server_url, new_page):
    learner = new_page()
    open_exercise(learner, live_server_url, LEARNER)
    learner.fill(".dx-text", GOOD)
    learner.click(".dx-submit-btn")
    learner.wait_for_selector(".dx-dialog-backdrop:not([hidden]) .dx-dialog-confirm")
    learner.click(".dx-dialog-confirm")
    learner.wait_for_selector(".dx-submitted:not([hidden])")

    staff = new_page()
    open_exercise(staff, live_server_url, "instructor_1")
    row = submission_row(staff, LEARNER)
    row.get_by_role("button").click()
    staff.wait_for_selector(".dx-i-detail:not([hidden]) .dx-i-criteria input[type=radio]")
    assert GOOD in staff.text_content(".dx-i-text")
    criteria = staff.locator(".dx-i-criteria input[type=radio]").evaluate_all(
        "inputs => [...new Set(inputs.map(i => i.dataset.criterion))]")
    assert len(criteria) == 7
    # Every criterion starts at its suggested (automatic) level: grading is mostly confirming.
    assert staff.locator(".dx-i-criteria input[type=radio]:checked").count() == 7
    # The grader's own judgement, whatever the engine suggested: top level everywhere but the
    # first criterion ("brief", 3 points), which goes to its lowest level.
    for criterion in criteria:
        staff.locator(f".dx-i-criteria input[data-criterion='{criterion}']").last.check()
    staff.locator(f".dx-i-criteria input[data-criterion='{criteria[0]}'][value='0']").check()
    staff.fill(".dx-i-assess textarea[name=overall_comment]", COMMENT)
    staff.click(".dx-i-assess button[type=submit]")
    staff.wait_for_function("document.querySelector('.dx-i-saved').textContent.includes('saved')")

    learner.reload()
    learner.wait_for_selector(".dx-assessment:not([hidden])")
    assert COMMENT in learner.text_content(".dx-assessment")
    status = " ".join(learner.text_content(".dx-submitted").split())
    assert "Score: 17 of 20 points" in status, status
    assert "Brief and focused: Not yet (0 of 3 points)" in status
    assert "No minimizing or lecturing: Met (2 of 2 points)" in status
