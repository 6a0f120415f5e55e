"""Input limits on every way in: drafts, comments, rubric size, OLX and request size, each with a clear error."""
import json

import pytest

from disclosure_xblock.exercise import Exercise
from disclosure_xblock.rubric import RubricError
from disclosure_xblock.rubric.olx import MAX_OLX_BYTES, parse_xml_string
from disclosure_xblock.scenarios import load_exercise
from disclosure_xblock.web import MAX_BODY_BYTES
from tests.integration.helpers import STRONG_DRAFT, Workbench

from .test_authorization import MATRIX

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def item(workbench):
    data = load_exercise("anxiety-withdrawal").to_dict()
    data["allow_resubmission"] = True
    wb = Workbench.from_olx("limits", Exercise.from_dict(data).to_olx_string())
    wb.uuid = wb.json("submit", "learner_1", {"text": STRONG_DRAFT})["submission"]["uuid"]
    return wb


def error_of(response, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    message = json.loads(response.content)["error"]
    assert isinstance(message, str) and 10 < len(message) < 500
    return message


@pytest.mark.parametrize("handler", ["save_draft", "get_feedback", "submit"])
def test_draft_over_5000_characters_is_refused_and_not_stored(item, handler):
    message = error_of(item.call(handler, "learner_2", {"text": "a" * 5001}), 400)
    assert "5000" in message
    assert item.json("learner_state", "learner_2")["draft"] == ""


def test_draft_at_the_limit_is_kept_whole(item):
    text = ("word " * 1000)[:5000]
    item.json("save_draft", "learner_2", {"text": text})
    assert item.json("learner_state", "learner_2")["draft"] == text


def _grade_body(item, **extra):
    detail = item.json("staff_detail", "instructor_1", {"uuid": item.uuid})
    levels = {c["id"]: 0 for c in detail["rubric"]}
    return {"uuid": item.uuid, "levels": levels, "comments": {}, "overall_comment": "",
            "expected_version": detail.get("version") or 0, **extra}


def test_overall_comment_over_5000_characters_is_refused(item):
    message = error_of(item.call("staff_save_assessment", "instructor_1",
                                 _grade_body(item, overall_comment="c" * 5001)), 400)
    assert "5000" in message or "5,000" in message
    assert item.json("staff_detail", "instructor_1", {"uuid": item.uuid}).get("assessment") is None


def test_criterion_comment_over_5000_characters_is_refused(item):
    body = _grade_body(item)
    body["comments"] = {next(iter(body["levels"])): "c" * 5001}
    assert "5" in error_of(item.call("staff_save_assessment", "instructor_1", body), 400)


def test_return_comment_over_5000_characters_is_refused(item):
    error_of(item.call("staff_return", "instructor_1", {"uuid": item.uuid, "comment": "c" * 5001}), 400)
    assert item.json("learner_state", "learner_1")["submission"]["status"] != "returned"


@pytest.mark.parametrize("field, value, words", [
    ("page_size", 101, "page_size"),
    ("page", 0, "page"),
    ("search", "s" * 151, "search"),
    ("sort", "password", "sort"),
])
def test_staff_list_parameters_are_bounded(item, field, value, words):
    error_of(item.call("staff_list", "instructor_1", {field: value}), 400)


def _exercise():
    data = load_exercise("anxiety-withdrawal").to_dict()
    data["rubric"].pop("preset", None)
    return data


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["rubric"]["criteria"].extend(
        [dict(d["rubric"]["criteria"][0], id=f"extra{i}") for i in range(20)]), "20"),
    (lambda d: d["rubric"]["criteria"][0]["levels"].extend(
        [dict(d["rubric"]["criteria"][0]["levels"][0], points=10 + i) for i in range(6)]), "level"),
    (lambda d: d["rubric"]["criteria"][0].update(label="L" * 201), "200"),
    (lambda d: d["rubric"]["criteria"][0].update(description="D" * 2001), "2000"),
    (lambda d: d["scenario"].update(context="C" * 5001), "5000"),
    (lambda d: d["scenario"].update(prompt="P" * 2001), "2000"),
    (lambda d: d["scenario"].update(keywords=[f"k{i}" for i in range(201)]), "200"),
    (lambda d: d.update(exemplar="E" * 5001), "5000"),
    (lambda d: d.update(display_name="N" * 201), "200"),
])
def test_studio_save_refuses_oversized_exercises_and_keeps_the_saved_one(item, mutate, fragment):
    data = _exercise()
    mutate(data)
    before = item.json("studio_export_olx", "instructor_1", {"exercise": _exercise()})["olx"]
    message = error_of(item.call("studio_save", "instructor_1", {"exercise": data}), 400)
    assert fragment in message, message
    answer = json.loads(item.call("studio_save", "instructor_1", {"exercise": data}).content)
    assert answer.get("field"), answer  # names the field to fix
    html = item.view("instructor_1").content.decode()
    assert "Self-disclosure: anxiety and withdrawal" in html
    assert before


def test_olx_over_512_kb_is_refused_with_a_clear_error():
    with pytest.raises(RubricError) as caught:
        parse_xml_string(b"<disclosure_exercise>" + b" " * MAX_OLX_BYTES + b"</disclosure_exercise>")
    assert "KB" in str(caught.value)


def test_olx_entity_bombs_are_refused():
    levels = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "lol">{levels}]>'
            '<disclosure_exercise display_name="&e9;"/>')
    with pytest.raises(RubricError) as caught:
        parse_xml_string(bomb)
    assert "OLX" in str(caught.value)


def test_olx_external_entities_are_not_read():
    xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<disclosure_exercise display_name="&x;"/>')
    try:
        node = parse_xml_string(xxe)
    except RubricError:
        return
    assert "root:" not in (node.get("display_name") or "")


@pytest.mark.parametrize("handler", sorted(MATRIX))
def test_bodies_over_256_kb_are_refused_before_parsing(item, handler):
    body = json.dumps({"text": "x" * (MAX_BODY_BYTES + 10)})
    message = error_of(item.call(handler, "instructor_1", raw=body), 413)
    assert "large" in message
