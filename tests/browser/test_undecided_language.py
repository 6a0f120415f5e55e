"""A draft whose language the engine cannot read says so plainly, to the learner and to the
instructor (issue 15): not "Your instructor will assess this", but that the draft could not be
read with confidence and what to do (write it in English or in Spanish).

A French draft on the English page, then an even English-Spanish mix on the Spanish page; the
learner's criteria say "Not judged: language unclear" and the summary says what to do; after
submitting, the instructor's panel says why there is no suggested level. axe finds no
violations on either view.
"""
import pytest

from tests.browser.helpers import SCENARIO, ask_feedback, axe_violations, format_violations, open_exercise, screenshot, submission_row

pytestmark = pytest.mark.browser

FRENCH = ("Quand j'ai commencé ici, je me sentais très seul et anxieux avec les autres. La marche et "
          "la respiration lente m'ont aidé, et c'est devenu plus facile avec le temps. Et vous, "
          "qu'est-ce qui est le plus difficile pour vous?")
MIXED = ("I felt muy nervioso when I went al grupo, pero poco a poco it got better and I could talk "
         "con la gente.")
LEARNER = "browser_undecided_learner"


def statuses(page):
    return page.locator(".dx-criteria .dx-crit-status").all_text_contents()


def test_an_undecided_draft_says_so_plainly(live_server_url, new_page):
    page = new_page()
    open_exercise(page, live_server_url, LEARNER)
    ask_feedback(page, FRENCH)
    shown = statuses(page)
    assert "Your instructor will assess this" not in shown, shown
    assert shown.count("Not judged: language unclear") == 6, shown  # all but "Brief" (word count)
    summary = page.text_content(".dx-fb-summary")
    assert summary.startswith("The feedback could not tell with confidence which language this draft is in"), summary
    assert "English or in Spanish" in summary and "6 criteria were not judged" in summary, summary
    assert "left to your instructor" not in summary, summary
    message = page.locator(".dx-crit--unread .dx-crit-msg").first.text_content()
    assert "English or in Spanish" in message, message
    assert page.locator(".dx-crit--unread .dx-crit-points").count() == 0  # no "0 of 3 points"
    screenshot(page, "learner-undecided-language")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    page.click(".dx-submit-btn")
    page.wait_for_selector(".dx-dialog-backdrop:not([hidden]) .dx-dialog-confirm")
    page.click(".dx-dialog-confirm")
    page.wait_for_selector(".dx-submitted:not([hidden])")
    assert not page.dx_errors, page.dx_errors

    staff = new_page()
    open_exercise(staff, live_server_url, "instructor_1")
    row = submission_row(staff, LEARNER)
    row.get_by_role("button").click()
    staff.wait_for_selector(".dx-i-detail:not([hidden]) .dx-i-criteria input[type=radio]")
    notes = staff.locator(".dx-i-criteria .dx-i-not-judged").all_text_contents()
    assert len(notes) == 6, notes
    assert all("could not tell with confidence which language" in note for note in notes), notes
    assert "Write the draft in one of them" not in staff.text_content(".dx-i-criteria")  # the learner's advice
    violations = axe_violations(staff)
    assert not violations, format_violations(violations)
    assert not staff.dx_errors, staff.dx_errors


def test_an_undecided_draft_on_the_spanish_page_says_so_in_spanish(live_server_url, new_page):
    page = new_page()
    page.goto(f"{live_server_url}/scenario/{SCENARIO}/?student=browser_undecided_es&lang=es")
    page.wait_for_selector(".dx-exercise .dx-text")
    ask_feedback(page, MIXED)
    shown = statuses(page)
    assert "Lo evaluará tu instructor" not in shown, shown
    assert shown.count("Sin juzgar: idioma poco claro") >= 5, shown
    summary = page.text_content(".dx-fb-summary")
    assert summary.startswith("La retroalimentación no pudo saber con seguridad en qué idioma"), summary
    assert "en inglés o en español" in summary, summary
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    assert not page.dx_errors, page.dx_errors
