"""The snapshot promise: after submitting, the learner's page (scenario, rubric, levels, score,
automatic feedback, exemplar) and the instructor's view keep what the submission was given,
however the designer edits the exercise in Studio afterwards; only a new attempt takes the edit.
Driven end to end through the real workbench, edx-submissions tables and studio_save."""
import copy

import pytest

from submissions import api as submissions_api

from disclosure_xblock.feedback import count_words
from disclosure_xblock.scenarios import library_olx

from .helpers import Workbench, embedded_json

pytestmark = pytest.mark.django_db(transaction=True)

DESIGNER = "instructor_1"
# About 60 words: "Partly" under the preset's brief range (15-50), met once it is widened to 80.
LONG_DRAFT = (
    "When I started working on this ward I also felt anxious about being around groups of people, "
    "and for a while I avoided the staff room at lunch. Slow breathing before I walked in and "
    "sitting with one colleague I trusted helped me, and it slowly got easier over a few months. "
    "What feels hardest for you about joining the group sessions right now?"
)
NEW_PROMPT = "Tell the patient, in one sentence, about a time you felt out of place."
NEW_CONTEXT = "An entirely new situation that the learner never saw."
NEW_EXEMPLAR = "A new model answer written after the learner submitted."


@pytest.fixture
def block(workbench, request):
    return Workbench.from_olx(f"snap_{request.node.name[:40]}", library_olx("anxiety-withdrawal"))


def learner_args(response):
    return embedded_json(response, "dx-init-")


def studio_exercise(block):
    return embedded_json(block.view(DESIGNER, "studio_view"), "dx-studio-")


def designer_edits(block):
    """Rename the first criterion, widen its word range, change the scenario and exemplar."""
    edit = copy.deepcopy(studio_exercise(block))
    brief = edit["rubric"]["criteria"][0]
    assert brief["id"] == "brief"
    brief["label"] = "Concise (renamed)"
    word_check = next(c for c in brief["checks"] if c["type"] == "word_count")
    word_check["params"].update(met_max=80, partial_max=110)
    edit["scenario"]["prompt"] = NEW_PROMPT
    edit["scenario"]["context"] = NEW_CONTEXT
    edit["exemplar"] = NEW_EXEMPLAR
    answer = block.json("studio_save", DESIGNER, {"exercise": edit})
    assert answer["saved"] is True and answer["warning"]  # Studio warns: submissions keep theirs


def brief_of(feedback):
    return next(c for c in feedback["criteria"] if c["id"] == "brief")


def test_a_submission_keeps_its_rubric_scenario_score_and_exemplar_after_a_studio_edit(block):
    assert 50 < count_words(LONG_DRAFT) <= 80
    block.json("get_feedback", "learner_1", {"text": LONG_DRAFT})
    submitted = block.json("submit", "learner_1", {"text": LONG_DRAFT})
    score_at_submit = submitted["feedback"]["score"]
    assert brief_of(submitted["feedback"])["level"] == 1  # "Partly": beyond 50 words
    old_prompt = studio_exercise(block)["scenario"]["prompt"]
    args_before = learner_args(block.view("learner_1"))
    old_exemplar = submitted["exemplar"]
    assert old_exemplar and args_before["exemplar"] == old_exemplar

    designer_edits(block)

    # A new learner gets the edited exercise (and the widened range meets the brief criterion).
    fresh = block.view("learner_2")
    assert NEW_PROMPT in fresh.content.decode()
    assert learner_args(fresh)["rubric"][0]["label"] == "Concise (renamed)"
    fresh_feedback = block.json("get_feedback", "learner_2", {"text": LONG_DRAFT})["feedback"]
    assert brief_of(fresh_feedback)["level"] == 2 and fresh_feedback["score"] > score_at_submit

    # The learner who submitted: everything about their attempt is as it was.
    after = block.view("learner_1")
    html = after.content.decode()
    args = learner_args(after)
    assert NEW_PROMPT not in html and NEW_CONTEXT not in html
    assert old_prompt in html and args_before["rubric"] == args["rubric"]
    assert args["rubric"][0]["label"] == "Brief and focused"
    assert args["last_feedback"]["score"] == score_at_submit
    assert brief_of(args["last_feedback"])["label"] == "Brief and focused"
    assert brief_of(args["last_feedback"])["level"] == 1
    assert args["submission"]["auto"]["score"] == score_at_submit
    assert args["exemplar"] == old_exemplar != NEW_EXEMPLAR
    # learner_state (the page's refresh after a grade) says the same
    state = block.json("learner_state", "learner_1")
    assert state["rubric"] == args["rubric"] and state["last_feedback"]["score"] == score_at_submit

    # The instructor's list and detail show the submission's rubric and score too.
    listing = block.json("staff_list", DESIGNER, {})
    row = next(r for r in listing["items"] if r["uuid"] == submitted["submission"]["uuid"])
    assert row["auto_score"] == score_at_submit
    detail = block.json("staff_detail", DESIGNER, {"uuid": row["uuid"]})
    labels = [c["label"] for c in detail["rubric"]]
    assert labels[0] == "Brief and focused" and "Concise (renamed)" not in labels
    assert detail["rubric_changed"] is True
    # edx-submissions' answer holds the same rubric the learner was given
    answer = submissions_api.get_submission(row["uuid"])["answer"]
    assert answer["rubric"]["criteria"][0]["label"] == "Brief and focused"


def test_a_returned_submissions_next_attempt_takes_the_edited_exercise(block):
    edit = studio_exercise(block)
    edit["allow_resubmission"] = True
    block.json("studio_save", DESIGNER, {"exercise": edit})
    block.json("submit", "learner_1", {"text": LONG_DRAFT})
    designer_edits(block)
    uuid = block.json("staff_list", DESIGNER, {})["items"][0]["uuid"]
    block.json("staff_claim", DESIGNER, {"uuid": uuid})
    block.json("staff_return", DESIGNER, {"uuid": uuid, "comment": "Please try once more."})
    page = block.view("learner_1")
    assert NEW_PROMPT in page.content.decode()
    assert learner_args(page)["rubric"][0]["label"] == "Concise (renamed)"
