"""Valid JSON that is not storable text (a lone surrogate, "\\ud800") is a 400, never a 500."""
import json

import pytest

from tests.integration.helpers import STRONG_DRAFT, Workbench

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("handler, student, payload", [
    ("submit", "learner_1", {"text": STRONG_DRAFT + " \ud800"}),
    ("save_draft", "learner_1", {"text": "half a pair \udc00"}),
    ("get_feedback", "learner_1", {"text": STRONG_DRAFT + " \ud83d"}),
    ("staff_save_assessment", "instructor_1", {"uuid": "x", "levels": {}, "overall_comment": "\ud800"}),
    ("studio_save", "instructor_1", {"exercise": {"display_name": "\ud800"}}),
])
def test_lone_surrogates_are_refused_with_a_message(workbench, handler, student, payload):
    bench = Workbench("disclosure_exercise.0")
    response = bench.call(handler, student, raw=json.dumps(payload))
    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert "not valid text" in json.loads(response.content)["error"]
