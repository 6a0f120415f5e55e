"""One source of truth for length: the page's label and counter show the range the rubric
rewards (its word-count check), and the submit limits only as limits."""
import copy

import pytest

from disclosure_xblock.scenarios import library_olx

from .helpers import Workbench, embedded_json

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def block(workbench, request):
    return Workbench.from_olx(f"target_{request.node.name[:40]}", library_olx("anxiety-withdrawal"))


def test_the_label_and_the_counter_show_the_rubrics_target(block):
    page = block.view("learner_1")
    html = page.content.decode()
    args = embedded_json(page, "dx-init-")
    assert args["target_words"] == {"min": 15, "max": 50}
    assert (args["min_words"], args["max_words"]) == (15, 120)  # the limits, still sent as limits
    assert "Your self-disclosure (about 15–50 words)" in html
    assert "2–3 sentences" not in html


def test_the_target_follows_the_rubric_when_the_designer_widens_it(block):
    edit = copy.deepcopy(embedded_json(block.view("instructor_1", "studio_view"), "dx-studio-"))
    check = next(c for c in edit["rubric"]["criteria"][0]["checks"] if c["type"] == "word_count")
    check["params"].update(met_max=80, partial_max=110)
    block.json("studio_save", "instructor_1", {"exercise": edit})
    page = block.view("learner_1")
    assert embedded_json(page, "dx-init-")["target_words"] == {"min": 15, "max": 80}
    assert "(about 15–80 words)" in page.content.decode()
