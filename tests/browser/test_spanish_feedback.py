"""The Spanish learner journey with ?lang=es: the engine reads Spanish drafts (issue 15).

A good Spanish draft is judged good and a poor one poor, with evidence quoted from the Spanish
draft (its "¿" kept); the page stays accessible; the status line after submitting says "Enviado"
once, not "Enviado: … Enviado: 21:52".
"""
import pytest

from tests.browser.helpers import SCENARIO, ask_feedback, axe_violations, format_violations, screenshot

pytestmark = pytest.mark.browser

GOOD_ES = ("Hace unos años yo también me ponía muy nerviosa con la gente y me encerraba. Me ayudó "
           "respirar despacio y, con el tiempo, se volvió más fácil. Puede que para ti sea distinto. "
           "¿Qué es lo que más te cuesta a ti?")
POOR_ES = ("Sé exactamente lo que sientes, Jamie. Yo todavía me pongo muy ansiosa con la gente y "
           "hay días que ni salgo de mi casa, pero por lo menos tú estás aquí. Tienes que salir más "
           "de tu cuarto.")


def statuses(page):
    return page.locator(".dx-criteria .dx-crit-status").all_text_contents()


def evidence(page):
    return " ".join(page.locator(".dx-criteria .dx-crit-evidence").all_text_contents())


def test_spanish_drafts_are_read_in_spanish(live_server_url, new_page):
    page = new_page()
    page.goto(f"{live_server_url}/scenario/{SCENARIO}/?student=browser_spanish_engine&lang=es")
    page.wait_for_selector(".dx-exercise .dx-text")
    assert page.locator(".dx-exercise").get_attribute("lang") == "es"

    ask_feedback(page, POOR_ES)
    poor = statuses(page)
    assert poor.count("Todavía no") >= 3, poor
    quoted = evidence(page)
    for words in ("Sé exactamente", "por lo menos", "Tienes que", "todavía me"):
        assert words in quoted, (words, quoted)
    assert "Puntuación automática" in page.text_content(".dx-fb-summary")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    ask_feedback(page, GOOD_ES)
    good = statuses(page)
    assert set(good) == {"Cumplido"}, good
    quoted = evidence(page)
    assert "¿Qué es lo que más te cuesta a ti?" in quoted  # the question keeps its "¿"
    assert "respirar despacio" in quoted and "Hace unos años" in quoted
    assert "anxiety" not in quoted and "anxious" not in quoted  # no English keywords quoted back
    summary = page.text_content(".dx-fb-summary")
    assert "20 de 20" in summary, summary
    screenshot(page, "learner-es-engine-good")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    page.click(".dx-submit-btn")
    page.locator(".dx-dialog").wait_for()
    page.click(".dx-dialog-confirm")
    page.wait_for_selector(".dx-submitted:not([hidden])")
    status_line = page.text_content(".dx-status-badge") + " " + page.text_content(".dx-submitted-at")
    assert status_line.count("Enviado") == 1, status_line
    assert "Hora de envío" in status_line, status_line
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    assert not page.dx_errors, page.dx_errors
