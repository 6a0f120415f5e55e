"""The instructor's detail keeps the engine's "not judged for the language" mark, so the panel
can say why a criterion has no suggested level (issue 15)."""
import pytest

from disclosure_xblock.grading import api

from .grading_fixtures import ctx_for, feedback, submit_as

pytestmark = pytest.mark.django_db(transaction=True)


def test_detail_says_which_criteria_were_not_judged_for_the_language():
    fb = feedback()
    unread = fb["criteria"][1]
    unread.update(level=None, outcome=None, automatic=False, points=0, not_judged="language")
    uuid = submit_as("learner_1", fb=fb)["uuid"]
    criteria = api.submission_detail(ctx_for("instructor_1"), uuid)["auto"]["criteria"]
    assert criteria[1]["not_judged"] == "language"
    assert all(c["not_judged"] is None for i, c in enumerate(criteria) if i != 1)
