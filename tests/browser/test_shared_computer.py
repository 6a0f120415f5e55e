"""On a shared ward computer, one learner's unsaved draft never reaches the next learner.

The learner view mirrors the draft in localStorage so a crash loses nothing; that copy is keyed
per learner and other learners' copies are removed when the exercise opens.
"""
import pytest

from tests.browser.helpers import open_exercise

pytestmark = pytest.mark.browser

PRIVATE = "When my father was in hospital I could not sleep for weeks."


def test_unsaved_text_of_one_learner_is_not_restored_for_the_next(live_server_url, new_page):
    page = new_page()  # one browser profile shared by both learners, as on a ward computer
    # Learner A types, but the autosave never reaches the server (the network is down).
    page.route("**/save_draft/**", lambda route: route.abort())
    open_exercise(page, live_server_url, "shared_pc_learner_a")
    page.fill(".dx-text", PRIVATE)
    page.wait_for_function(
        "t => Object.keys(localStorage).some(k => localStorage.getItem(k).includes(t))", arg=PRIVATE)
    page.unroute("**/save_draft/**")

    open_exercise(page, live_server_url, "shared_pc_learner_b")
    assert page.input_value(".dx-text") == ""
    leftovers = page.evaluate(
        "t => Object.keys(localStorage).filter(k => (localStorage.getItem(k) || '').includes(t))", PRIVATE)
    assert leftovers == []

    # The learner's own copy still comes back for that learner after a failed save.
    page.route("**/save_draft/**", lambda route: route.abort())
    page.fill(".dx-text", "Learner B's own words that did not reach the server yet.")
    page.wait_for_timeout(300)
    page.reload()
    page.wait_for_selector(".dx-exercise .dx-text")
    assert page.input_value(".dx-text") == "Learner B's own words that did not reach the server yet."
