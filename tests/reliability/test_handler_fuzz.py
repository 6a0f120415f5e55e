"""
Property tests: random and malformed payloads on every JSON handler.

Whatever the body (wrong types, huge numbers, NaN, nested junk, unicode, missing keys, raw bytes),
a handler answers 200 or a 4xx with an ``error`` message, never a 500; and a refused request
leaves nothing half-written: the learner's state, the submissions and score tables and the
grading tables are exactly as before.
"""
import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_xblock.exercise import Exercise
from disclosure_xblock.scenarios import load_exercise
from tests.integration.helpers import STRONG_DRAFT, Workbench, embedded_json

pytestmark = pytest.mark.django_db(transaction=True)

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

LEARNER_HANDLERS = ["save_draft", "get_feedback", "submit", "learner_state"]
STAFF_HANDLERS = ["staff_summary", "staff_list", "staff_detail", "staff_claim",
                  "staff_save_assessment", "staff_release", "staff_return", "staff_calibration",
                  "staff_cohort"]
STUDIO_HANDLERS = ["studio_save", "studio_try_draft", "studio_library", "studio_export_olx"]
KEYS = ["text", "uuid", "levels", "comments", "overall_comment", "expected_version", "comment_only",
        "take_over", "page", "page_size", "status", "flagged", "search", "sort", "comment", "key",
        "preset", "display_name", "scenario", "rubric", "exemplar", "min_words", "max_words",
        "max_feedback_requests", "grading_mode", "weight", "show_exemplar", "allow_resubmission",
        "require_text", "criteria", "id", "label", "points", "exercise"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=60),
    st.sampled_from(["", " ", "0", "-1", "1e309", "brief", "auto", "blank", "hopelessness",
                     "appropriate-self-disclosure", "<script>", "\u202e", "\x00", "😀" * 10,
                     STRONG_DRAFT, "a" * 5001]),
)
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
bodies = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6)
raw_bodies = st.one_of(
    st.binary(max_size=200),
    # Deep nesting (b"[" * 100000) has its own test below: it fails in web.py for every handler.
    st.sampled_from([b"[" * 500, b"null", b"[]", b'"text"', b"42",
                     b'{"text": NaN}', b'{"text": "\\ud800"}', b"\xff\xfe{", b'{"text": 1e999}',
                     b'{"page": 1e400}', b'{"text": "a"' + b', "text": 1' * 10 + b"}"]),
)


def _exercise_dict():
    data = load_exercise("anxiety-withdrawal").to_dict()
    data["allow_resubmission"] = True
    return data


@pytest.fixture
def item(workbench):
    wb = Workbench.from_olx("fuzz", Exercise.from_dict(_exercise_dict()).to_olx_string())
    wb.json("save_draft", "learner_1", {"text": STRONG_DRAFT})
    wb.uuid = wb.json("submit", "learner_1", {"text": STRONG_DRAFT})["submission"]["uuid"]
    return wb


def snapshot(wb):
    """Everything a refused request must leave alone."""
    from submissions.models import Score, StudentItem, Submission  # noqa: PLC0415

    from disclosure_xblock.grading.models import Assessment, SubmissionRecord  # noqa: PLC0415

    state = {who: json.loads(wb.call("learner_state", who, {}).content)
             for who in ("learner_1", "learner_2")}
    rows = {
        "submissions": sorted(Submission.objects.values_list("uuid", "status")),
        "scores": sorted(Score.objects.values_list("submission_id", "points_earned", "reset")),
        "items": StudentItem.objects.count(),
        "records": sorted(SubmissionRecord.objects.values_list(
            "pk", "status", "held", "score_earned", "returned_comment")),
        "assessments": Assessment.objects.count(),
    }
    return state, rows


def check(response, handler):
    assert response.status_code < 500, (handler, response.status_code, response.content[:400])
    assert response["Content-Type"].startswith("application/json"), handler
    text = response.content.decode("utf-8")
    answer = json.loads(text, parse_constant=lambda c: pytest.fail(f"{handler} answered non-JSON {c}"))
    if response.status_code >= 400:
        assert isinstance(answer, dict) and isinstance(answer.get("error"), str) and answer["error"].strip(), \
            (handler, answer)
    return answer


def fuzz_one(wb, handler, who, raw):
    before = snapshot(wb)
    response = wb.call(handler, who, raw=raw)
    check(response, handler)
    if response.status_code >= 400:
        assert snapshot(wb) == before, f"{handler} refused {raw[:200]!r} but changed state"


def _who(handler):
    return "learner_2" if handler in LEARNER_HANDLERS else "instructor_1"


@pytest.mark.parametrize("handler", LEARNER_HANDLERS + STAFF_HANDLERS + STUDIO_HANDLERS)
def test_random_json_objects(item, handler):
    @FUZZ
    @given(body=bodies)
    def run(body):
        if "uuid" in body and body["uuid"] == "real":
            body["uuid"] = item.uuid
        fuzz_one(item, handler, _who(handler), json.dumps(body, allow_nan=True).encode())

    run()


@pytest.mark.parametrize("handler", LEARNER_HANDLERS + STAFF_HANDLERS + STUDIO_HANDLERS)
def test_malformed_bodies(item, handler):
    @FUZZ
    @given(raw=raw_bodies)
    def run(raw):
        fuzz_one(item, handler, _who(handler), raw)

    run()


@pytest.mark.parametrize("handler", ["staff_detail", "staff_claim", "staff_save_assessment", "staff_return"])
def test_staff_handlers_with_the_real_uuid_and_junk_fields(item, handler):
    @FUZZ
    @given(body=bodies)
    def run(body):
        body["uuid"] = item.uuid
        fuzz_one(item, handler, "instructor_1", json.dumps(body, allow_nan=True).encode())

    run()


def test_studio_save_with_junk_in_each_field(item):
    @FUZZ
    @given(field=st.sampled_from(sorted(_exercise_dict())), value=json_values)
    def run(field, value):
        body = {"exercise": {**_exercise_dict(), field: value}}
        fuzz_one(item, "studio_save", "instructor_1", json.dumps(body, allow_nan=True).encode())

    run()


@pytest.mark.parametrize("raw", [b"[" * 100000, b'{"text":' * 30000])
def test_deeply_nested_json_is_a_400_not_a_500(item, raw):
    """json.loads raises RecursionError (not ValueError) on deep nesting: web.py must catch it."""
    response = item.call("save_draft", "learner_2", raw=raw)
    assert response.status_code == 400, response.status_code
    assert "valid JSON" in json.loads(response.content)["error"]


# --- a wrong type at every field of a valid body ------------------------------------------------

WRONG_TYPES = st.one_of(
    st.sampled_from([None, True, False, 0, -1, 2**64, 1.5, "", "x", [], ["x"], [None], {}, {"k": "v"},
                     [{"type": []}], {"": None}]),
    json_values,
)


WRONG_TYPE_FUZZ = settings(FUZZ, max_examples=25)


def valid_body(handler, wb):
    """A body the handler accepts (or refuses only for its content, never for a type)."""
    listing = {"page": 1, "page_size": 25, "status": "waiting", "flagged": False, "search": "",
               "sort": "-submitted_at"}
    exercise = _exercise_dict()
    return {
        "save_draft": {"text": STRONG_DRAFT}, "get_feedback": {"text": STRONG_DRAFT},
        "submit": {"text": STRONG_DRAFT}, "learner_state": {},
        "staff_summary": {}, "staff_calibration": {}, "staff_cohort": {}, "staff_list": listing,
        "staff_detail": {**listing, "uuid": wb.uuid}, "staff_claim": {"uuid": wb.uuid, "take_over": False},
        "staff_save_assessment": {"uuid": wb.uuid, "levels": {"brief": 2}, "comments": {"brief": "Good."},
                                  "overall_comment": "Fine.", "expected_version": 0, "comment_only": False},
        "staff_release": {"uuid": wb.uuid}, "staff_return": {"uuid": wb.uuid, "comment": "Once more."},
        "studio_save": {"exercise": exercise}, "studio_export_olx": {"exercise": exercise},
        "studio_try_draft": {"exercise": exercise, "text": STRONG_DRAFT},
        "studio_library": {"key": "anxiety-withdrawal", "preset": "appropriate-self-disclosure"},
    }[handler]


def member_paths(value, path=()):
    """The path of every member of a JSON value, at every depth (the body itself excluded)."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, member in value.items():
            yield from member_paths(member, (*path, key))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield from member_paths(member, (*path, index))


def replaced(body, path, value):
    body = copy.deepcopy(body)
    target = body
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return body


def saved_exercise(wb):
    return embedded_json(wb.view("instructor_1", "studio_view"), "dx-studio-")


@pytest.mark.parametrize("handler", LEARNER_HANDLERS + STAFF_HANDLERS + STUDIO_HANDLERS)
def test_wrong_type_at_every_field(item, handler):
    body = valid_body(handler, item)
    paths = sorted(member_paths(body), key=repr) or [("text",)]

    @WRONG_TYPE_FUZZ
    @given(path=st.sampled_from(paths), value=WRONG_TYPES)
    def run(path, value):
        raw = json.dumps(replaced(body, path, value), allow_nan=True).encode()
        exercise = saved_exercise(item) if handler == "studio_save" else None
        before = snapshot(item)
        response = item.call(handler, _who(handler), raw=raw)
        check(response, handler)
        if response.status_code >= 400:
            assert snapshot(item) == before, f"{handler} refused {path}={value!r} but changed state"
            if exercise is not None:
                assert saved_exercise(item) == exercise, f"studio_save refused {path} but saved"

    run()
