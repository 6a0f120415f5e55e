"""
Stored XSS: hostile drafts, comments, usernames and designer texts, rendered in every view.

Each payload of the catalogue goes everywhere it can (authored fields through OLX, the draft and
submission through the learner handlers, comments through the grading handler, the username as
the dev user id); then the learner view, the instructor panel, Studio and the CSV export are
rendered through the real workbench and checked: the page has exactly the benign page's element
structure, the marker never reaches an event handler, a URL or an executable script, the JSON
data blocks stay valid and carry the text verbatim, and no CSV cell can start a formula.
"""
from urllib.parse import quote

import lxml.html
import nh3
import pytest

from disclosure_xblock.block import CONTEXT_TAGS
from tests.integration.helpers import STRONG_DRAFT, Workbench

from .fixtures import csv_rows, hostile_draft, hostile_exercise, hostile_workbench
from .hostile import CATALOGUE, FORMULA_START, LONG_WORD, assert_inert, fit, json_blocks

pytestmark = pytest.mark.django_db(transaction=True)

BENIGN_COMMENT = "Clear and kind; try ending with a question."


def run_flow(wb, learner, draft, comment):
    """Learner saves, asks for feedback, submits; instructor_1 grades with ``comment``.

    Returns what happened: {"submitted": bool, "graded": bool, "uuid": str | None}.
    """
    who = quote(learner, safe="")
    assert wb.call("save_draft", who, {"text": draft}).status_code == 200
    assert wb.call("get_feedback", who, {"text": draft}).status_code in (200, 400)
    submitted = wb.call("submit", who, {"text": draft})
    assert submitted.status_code in (200, 400), submitted.content[:300]
    outcome = {"submitted": submitted.status_code == 200, "graded": False, "uuid": None}
    if not outcome["submitted"]:
        return outcome
    listing = wb.json("staff_list", "instructor_1", {})
    (item,) = [i for i in listing["items"] if i["learner"] == learner] or listing["items"][:1]
    outcome["uuid"] = item["uuid"]
    detail = wb.json("staff_detail", "instructor_1", {"uuid": item["uuid"]})
    rubric = detail["rubric"]
    levels = {c["id"]: 0 for c in rubric}
    comments = {c["id"]: fit(comment, 5000) for c in rubric}
    saved = wb.call("staff_save_assessment", "instructor_1", {
        "uuid": item["uuid"], "levels": levels, "comments": comments,
        "overall_comment": fit(comment, 5000), "expected_version": detail.get("version") or 0})
    assert saved.status_code == 200, saved.content[:300]
    outcome["graded"] = True
    return outcome


def render_all(wb, learner):
    who = quote(learner, safe="")
    pages = {
        "learner": wb.view(who),
        "instructor": wb.view("instructor_1"),
        "studio": wb.view("instructor_1", view="studio_view"),
    }
    for name, response in pages.items():
        assert response.status_code == 200, (name, response.status_code, response.content[:300])
    return {name: r.content.decode("utf-8") for name, r in pages.items()}


@pytest.fixture
def baseline(workbench):
    """The same flow with benign data: the element structure every hostile page must match."""
    wb, *_ = hostile_workbench("xss_baseline", "Jamie")
    run_flow(wb, "learner_benign", STRONG_DRAFT, BENIGN_COMMENT)
    return render_all(wb, "learner_benign")


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_hostile_data_renders_inert_in_every_view(baseline, name):
    payload = CATALOGUE[name]
    wb, exercise, accepted, _rejected = hostile_workbench(f"xss_{name}", payload)
    # The designer's texts must actually carry the payload (else the test proves nothing).
    assert ("scenario", "context") in accepted and ("scenario", "prompt") in accepted
    assert ("exemplar",) in accepted and ("rubric", "criteria", 0, "label") in accepted
    learner = fit(payload, 100).replace("\n", " ") + "_learner"
    draft = hostile_draft(payload)
    outcome = run_flow(wb, learner, draft, payload)
    assert outcome["submitted"] and outcome["graded"], "the payload must reach the grading panel"
    pages = render_all(wb, learner)
    for view, html in pages.items():
        try:
            # Same element structure as the benign page when the same things happened (a refused
            # submission legitimately drops Studio's "learners have submitted" notice).
            assert_inert(html, baseline[view] if outcome["submitted"] else None,
                         allowed_rich_tags=CONTEXT_TAGS)
        except AssertionError as exc:
            raise AssertionError(f"{view} view with {name!r}: {exc}") from None

    # The data survives verbatim as data (escaped JSON), not mangled or dropped.
    init = next(v for k, v in json_blocks(pages["learner"]).items() if k and k.startswith("dx-init-"))
    assert init["display_name"] == exercise.display_name
    assert init["draft"] == draft.replace("\r\n", "\n")
    assert init["rubric"][0]["label"] == exercise.rubric.criteria[0].label
    if outcome["graded"]:
        assessment = (init["submission"] or {}).get("assessment")
        assert assessment is None or assessment["overall_comment"] == fit(payload, 5000)

    # The staff JSON answers are JSON, never HTML a browser could sniff.
    for handler, body in (("staff_list", {}), ("staff_detail", {"uuid": outcome["uuid"]})):
        if handler == "staff_detail" and not outcome["uuid"]:
            continue
        response = wb.call(handler, "instructor_1", body)
        assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("name", ["formula", "script_tag", "rtl_override", "long_word"])
def test_csv_export_cells_are_safe(workbench, name):
    payload = CATALOGUE[name]
    wb, *_ = hostile_workbench(f"csv_{name}", payload)
    for learner, text in ((f"{payload[:40]}", hostile_draft(payload)),
                          ("=cmd|' /C calc'!A0", f"=1+1 {STRONG_DRAFT}"),
                          ("@learner", f"-{STRONG_DRAFT}")):
        run_flow(wb, learner, text, "=HYPERLINK(\"http://evil.invalid\") " + payload)
    response = wb.call("staff_export", "instructor_1", method="get")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert len(rows) >= 2
    unsafe = [(r, c, cell[:40]) for r, row in enumerate(rows) for c, cell in enumerate(row)
              if FORMULA_START.match(cell)]
    assert not unsafe, f"cells a spreadsheet would evaluate: {unsafe[:5]}"
    text = "\n".join(",".join(row) for row in rows)
    assert "'=1+1" in text  # guarded with an apostrophe, not dropped


def test_designer_context_is_sanitized_with_nh3_keeping_safe_formatting(workbench):
    context = ('<p>Jamie <strong>stays</strong> in their room.</p><script>window.__xss=1</script>'
               '<p onclick="window.__xss=2" style="color:red">Click</p><a href="javascript:x">link</a>'
               '<img src=x onerror=alert(1)><em>quiet</em><iframe src="//evil.invalid"></iframe>')
    exercise, accepted, _ = hostile_exercise("Jamie")
    data = exercise.to_dict()
    data["scenario"]["context"] = context
    from disclosure_xblock.exercise import Exercise  # noqa: PLC0415

    wb = Workbench.from_olx("nh3_context", Exercise.from_dict(data).to_olx_string())
    html = wb.view("learner_1").content.decode()
    root = assert_inert(html, allowed_rich_tags=CONTEXT_TAGS)
    (ctx,) = root.find_class("dx-context")
    inner = "".join(lxml.html.tostring(child, encoding="unicode") for child in ctx)
    assert "<strong>stays</strong>" in inner and "<em>quiet</em>" in inner
    for gone in ("<script", "onclick", "style=", "javascript:", "<img", "<iframe", "<a "):
        assert gone not in inner
    # What nh3 itself gives with the block's allow-list: the block adds nothing by hand.
    assert nh3.clean(context, tags=CONTEXT_TAGS, attributes={}) in inner or "Click" in inner


def test_long_unbroken_words_are_kept_whole_in_the_data(workbench):
    wb, *_ = hostile_workbench("long_word_data", LONG_WORD)
    draft = hostile_draft(LONG_WORD)
    assert wb.call("save_draft", "learner_1", {"text": draft}).status_code == 200
    init = next(v for k, v in json_blocks(wb.view("learner_1").content.decode()).items()
                if k and k.startswith("dx-init-"))
    assert init["draft"] == draft
