"""The learner view in Spanish: the same journey, every string from the block's catalogues.

The dev server picks the language with Django's LocaleMiddleware: the Accept-Language header
(Playwright's ``locale``) or the ``django_language`` cookie.
"""
import pytest

from tests.browser.helpers import GOOD, WEAK, ask_feedback, open_exercise, screenshot

pytestmark = pytest.mark.browser

SPANISH_STATUSES = {"Cumplido", "Cumplido en parte", "Todavía no", "Lo evaluará tu instructor"}


def feedback_messages(page):
    return page.locator(".dx-criteria .dx-crit-msg").all_text_contents()


def test_the_learner_journey_in_spanish(live_server_url, new_page):
    english = open_exercise(new_page(), live_server_url, "browser_learner_es_ref")
    ask_feedback(english, WEAK)
    english_messages = feedback_messages(english)

    page = open_exercise(new_page(locale="es-ES"), live_server_url, "browser_learner_es")
    root = page.locator(".dx-exercise")
    assert root.get_attribute("lang") == "es"
    # server-rendered template strings
    assert page.text_content(".dx-editor > .dx-h") == "Tu borrador"
    assert page.text_content(".dx-feedback-btn").strip() == "Pedir retroalimentación"
    assert page.text_content(".dx-submit-btn").strip() == "Enviar…"
    # JavaScript strings (static/js/translations/es/text.js)
    assert "solicitudes de retroalimentación" in page.text_content(".dx-remaining")
    page.fill(".dx-text", "uno dos tres")
    assert "3 palabras" in page.text_content(".dx-counter")
    screenshot(page, "learner-es-1280-start")

    ask_feedback(page, WEAK)
    statuses = set(page.locator(".dx-criteria .dx-crit-status").all_text_contents())
    assert statuses and statuses <= SPANISH_STATUSES, statuses
    assert "Puntuación automática" in page.text_content(".dx-fb-summary")
    # the engine's messages come back in Spanish (handlers see the same Accept-Language)
    spanish_messages = feedback_messages(page)
    assert len(spanish_messages) == len(english_messages)
    same = [m for m, e in zip(spanish_messages, english_messages) if m and m == e]
    assert not same, f"engine messages not translated: {same}"
    screenshot(page, "learner-es-1280-feedback")
    page.set_viewport_size({"width": 360, "height": 800})
    screenshot(page, "learner-es-360-feedback")
    page.set_viewport_size({"width": 1280, "height": 900})

    ask_feedback(page, GOOD)
    assert "Solicitud de retroalimentación 2" in page.locator(".dx-history-list > li").first.text_content()

    page.click(".dx-submit-btn")
    page.locator(".dx-dialog").wait_for()
    assert page.text_content(".dx-dialog .dx-h") == "¿Enviar tu autorrevelación?"
    assert page.text_content(".dx-dialog-text") == GOOD
    page.click(".dx-dialog-confirm")
    page.wait_for_selector(".dx-submitted:not([hidden])")
    assert page.text_content(".dx-submitted > .dx-h") == "Tu entrega"
    assert "Enviado" in page.text_content(".dx-status-badge")
    screenshot(page, "learner-es-1280-submitted")
    assert not page.dx_errors, page.dx_errors


def test_handler_errors_are_in_spanish(live_server_url, new_page):
    page = open_exercise(new_page(locale="es-ES"), live_server_url, "browser_learner_es_errors")
    answer = page.evaluate("""async () => {
        const el = document.querySelector('[data-block-type="disclosure_exercise"]');
        const url = el.dataset.usage ? '/handler/' + el.dataset.usage + '/save_draft/?student=browser_learner_es_errors' : null;
        const token = (document.cookie.match(/csrftoken=([^;]+)/) || [])[1];
        const response = await fetch(url, {method: 'POST', body: JSON.stringify({text: 5}),
            headers: {'Content-Type': 'application/json', 'X-CSRFToken': token}});
        return {status: response.status, body: await response.json()};
    }""")
    assert answer["status"] == 400
    assert answer["body"]["error"] == "El borrador debe ser texto."


def test_the_language_cookie_switches_to_spanish(live_server_url, new_page):
    page = new_page()  # English Accept-Language, Spanish cookie
    page.context.add_cookies([{"name": "django_language", "value": "es", "url": live_server_url}])
    open_exercise(page, live_server_url, "browser_learner_es_cookie")
    assert page.text_content(".dx-editor > .dx-h") == "Tu borrador"
    assert "solicitudes de retroalimentación" in page.text_content(".dx-remaining")
