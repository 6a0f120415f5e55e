"""Server messages are translated as in the LMS, where the dev settings' LOCALE_PATHS do not exist.

The LMS translates the grading app's Django gettext messages from that installed app's own
locale/ folder (Django reads one per INSTALLED_APPS entry), and the block's own messages through
its i18n service (translations/<locale>/LC_MESSAGES/text.mo). Here LOCALE_PATHS is emptied, so
only what the package itself ships can translate.
"""
import json

import pytest
from django.test import override_settings
from django.utils import translation

from disclosure_xblock.grading import handlers
from disclosure_xblock.grading.errors import InvalidRequest

from .helpers import Workbench

SORT_EN = "Unknown sort order."
SORT_ES = "Orden desconocido."


@override_settings(LOCALE_PATHS=[])  # Django resets its translation caches on this change
@pytest.mark.parametrize("language", ["es", "es-419"])
def test_grading_messages_are_translated_without_locale_paths(language):
    with translation.override(language):
        with pytest.raises(InvalidRequest) as raised:
            handlers._list_params({"sort": "sideways"})  # pylint: disable=protected-access
    assert str(raised.value.message) == SORT_ES


@override_settings(LOCALE_PATHS=[])
def test_staff_handler_error_reaches_the_browser_in_spanish(workbench):
    bench = Workbench("disclosure_exercise.0")
    url = f"/handler/{bench.usage_id}/staff_list/?student=instructor_1"
    response = bench.client.post(url, data=json.dumps({"sort": "sideways"}),
                                 content_type="application/json", HTTP_ACCEPT_LANGUAGE="es-419")
    assert response.status_code == 400
    assert json.loads(response.content)["error"] == SORT_ES
    # And a message raised by the block itself, through the runtime's i18n service.
    response = bench.client.post(f"/handler/{bench.usage_id}/staff_list/?student=learner_1",
                                 data="{}", content_type="application/json",
                                 HTTP_ACCEPT_LANGUAGE="es-419")
    assert response.status_code == 403
    assert json.loads(response.content)["error"] != "Only course staff can do this."
