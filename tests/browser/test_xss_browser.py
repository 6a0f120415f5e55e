"""Stored XSS in a real browser: hostile designer texts, drafts, usernames and grader comments.

The server-side checks (tests/security/test_xss.py) parse the HTML; this one runs the block's
JavaScript in chromium on the live dev server, where a payload could also get in through the DOM
(innerHTML, highlights, the panel's table). On ONE scenario (``disclosure_exercise.1``, restored
afterwards since the server is shared): the hostile catalogue goes into every authored text
(via ``studio_save`` as instructor_1), into drafts and submissions of learners with hostile
usernames, and into instructor_1's comments (``staff_save_assessment``). Then the learner view
(before feedback, after feedback with highlights, after submit with the exemplar and the
comments), the instructor panel (list and an opened submission) and Studio are loaded at 360 px,
and each must: run nothing (``window.__xss`` stays undefined, no dialog, no script error), show the
hostile text as text, and not scroll sideways (the 5,000-character word wraps).

Usernames: the dev user service and the workbench views accept any ``?student=`` id, so
``"><img src=x onerror=window.__xss=1>`` is a learner here (its data is written through the
handlers with the id URL-encoded). The workbench's own JS runtime (not ours) builds handler URLs
from an HTML-escaped, un-encoded ``studentId``, so that learner's *browser-side* handler calls
would go to another user; the in-browser feedback round is done by a learner whose id carries the
RTL override U+202E instead, which survives that path.
"""
import copy
import json
from urllib.parse import quote

import pytest

from disclosure_xblock.exercise import Exercise
from disclosure_xblock.rubric import RubricError
from tests.browser.helpers import BLOCK, screenshot
from tests.security.hostile import CATALOGUE, LONG_WORD, SCRIPT_PAYLOADS, fit

pytestmark = pytest.mark.browser

SCENARIO = "disclosure_exercise.1"  # the demo course's group-reluctance exercise (patient Sam)
STAFF = "instructor_1"
WIDTH = 360
WORKBENCH_CHROME_HIDDEN = ".workbench > header.banner, .workbench section.debug { display: none !important; }"

RTL = CATALOGUE["rtl_override"]
BROKEN = CATALOGUE["broken_markup"]
# Every payload that could run script, plus broken markup and the RTL override: ~650 characters.
COMBO = " ".join([*SCRIPT_PAYLOADS.values(), BROKEN, RTL])
HOSTILE_USER = '"><img src=x onerror=window.__xss=1>'
RTL_USER = "xss_\u202eresu_browser"
# Triggers the minimizing / advice / ongoing-struggle checks, so the feedback highlights phrases
# with hostile text right next to them.
WEAK = ("I know exactly how you feel, Sam. I still get nervous in groups all the time and right now I "
        "can't sleep, but at least it's not that bad. You should just go to the group and stop worrying.")
GOOD = ("When I started working here I used to feel nervous about sharing in a group circle too. "
        "Listening first and saying one small thing helped, and it got easier over a few weeks. "
        "It may be different for you, Sam. What feels hardest about the group for you?")


def hostile_draft(base):
    return f"{base} {COMBO} {LONG_WORD}"[:4900]


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def hostile_exercise(original):
    """``original`` with hostile text in every authored field the validation accepts.

    Returns (exercise dict, accepted paths, rejected paths).
    """
    data = copy.deepcopy(original)
    data["rubric"].pop("preset", None)
    # The privacy gate would (rightly) hold back drafts full of URLs and odd names: off, so the
    # hostile drafts get through to submission and grading.
    data["rubric"]["privacy_gate"] = False
    names = sorted(SCRIPT_PAYLOADS) + ["broken_markup", "rtl_override"]
    edits = [
        (("display_name",), fit(CATALOGUE["img_onerror"] + " " + RTL, 200)),
        (("scenario", "patient"), fit(CATALOGUE["attr_breakout"], 100)),
        (("scenario", "context"), fit(f"{COMBO} {LONG_WORD}", 5000)),
        (("scenario", "prompt"), fit(COMBO, 2000)),
        (("scenario", "keywords"), [fit(CATALOGUE[n], 100) for n in names[:4]] + original["scenario"]["keywords"]),
        (("exemplar",), fit(f"{COMBO} {LONG_WORD}", 5000)),
    ]
    for i, criterion in enumerate(data["rubric"]["criteria"]):
        edits.append((("rubric", "criteria", i, "label"), fit(f"{CATALOGUE[names[i % len(names)]]} #{i}", 200)))
        edits.append((("rubric", "criteria", i, "description"), fit(COMBO, 2000)))
        for j, _level in enumerate(criterion["levels"]):
            edits.append((("rubric", "criteria", i, "levels", j, "label"),
                          fit(f"{CATALOGUE[names[(i + j) % len(names)]]} L{j}", 200)))
            edits.append((("rubric", "criteria", i, "levels", j, "message"),
                          fit(f"{COMBO} {LONG_WORD}", 2000)))
    accepted, rejected = [], []
    for path, value in edits:
        trial = copy.deepcopy(data)
        _set(trial, path, value)
        try:
            Exercise.from_dict(trial)
        except (RubricError, ValueError, KeyError, TypeError):
            rejected.append(path)
            continue
        data = trial
        accepted.append(path)
    return data, accepted, rejected


class Server:
    """Handler calls on one scenario through a browser context's cookies (CSRF included)."""

    def __init__(self, page, base):
        self.page, self.base = page, base
        page.goto(f"{base}/scenario/{SCENARIO}/studio_view/?student={STAFF}")
        page.wait_for_selector(".dx-criterion")
        blocks = page.eval_on_selector_all(
            'script[type="application/json"]', "els => els.map(e => [e.id, e.textContent])")
        self.original = next(json.loads(text) for key, text in blocks if key.startswith("dx-studio-"))
        self.original = self.original.get("exercise", self.original)
        self.usage_id = page.evaluate(
            "document.querySelector('[data-usage-id]') && document.querySelector('[data-usage-id]').dataset.usageId"
            " || document.querySelector('[data-usage]').dataset.usage")
        self.token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")

    def call(self, handler, student, body):
        url = f"{self.base}/handler/{self.usage_id}/{handler}/?student={quote(student, safe='')}"
        response = self.page.request.post(url, data=json.dumps(body), headers={
            "Content-Type": "application/json", "X-CSRFToken": self.token, "Referer": self.base + "/"})
        return response.status, (response.json() if response.body() else {})

    def ok(self, handler, student, body):
        status, answer = self.call(handler, student, body)
        assert status == 200, (handler, student, status, answer)
        return answer


# Every element whose content is wider than its box (for the failure message).
WIDE_ELEMENTS_JS = """() => [...document.querySelectorAll('*')]
    .filter(el => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
    .map(el => `${el.tagName}.${el.className} ${el.scrollWidth}/${el.clientWidth}`).slice(0, 12)"""


def watch(page):
    """Record dialogs (dismissed) on the page; return the list."""
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def visit(new_page, url, ready, where):
    """Open ``url`` in a fresh 360 px page watching for dialogs, wait for ``ready``, check it."""
    page = new_page(WIDTH, 800)
    dialogs = watch(page)
    page.goto(url)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    assert_clean(page, dialogs, where)
    return page, dialogs


def assert_clean(page, dialogs, where):
    page.wait_for_timeout(150)  # let onerror / onload handlers of injected elements fire
    assert page.evaluate("typeof window.__xss") == "undefined", f"{where}: a payload ran (window.__xss set)"
    assert page.evaluate("typeof parent.__xss") == "undefined", f"{where}: a payload ran in a frame"
    assert not dialogs, f"{where}: dialogs fired: {dialogs}"
    errors = [e for e in page.dx_errors if "Failed to load resource" not in e]
    assert not errors, f"{where}: script errors: {errors}"
    injected = page.evaluate(f"""() => {{
        const root = document.querySelector('{BLOCK}') || document.body;
        return [...root.querySelectorAll('img, svg, iframe, object, embed, link, style, script:not([type="application/json"])')]
            .map(el => el.outerHTML.slice(0, 80));
    }}""")
    assert not [h for h in injected if "__xss" in h or "evil.invalid" in h], f"{where}: injected elements {injected}"
    # The workbench's own chrome (its banner and the debug dump of field data under the block)
    # is not part of the block and not in the LMS: hidden before measuring the page's width.
    page.add_style_tag(content=WORKBENCH_CHROME_HIDDEN)
    overflow = page.evaluate("""() => {
        const doc = document.documentElement;
        const out = {page: [doc.scrollWidth, window.innerWidth], blocks: []};
        document.querySelectorAll('.dx-exercise, .dx-studio, [data-block-type="disclosure_exercise"]').forEach(el => {
            if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
                out.blocks.push([el.className, el.scrollWidth, el.clientWidth]);
        });
        const wide = [...document.querySelectorAll('[data-block-type="disclosure_exercise"] *')]
            .filter(el => el.offsetParent !== null && el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5).map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));
        out.wide = wide;
        return out;
    }""")
    assert overflow["page"][0] <= overflow["page"][1] and not overflow["blocks"], \
        f"{where}: horizontal overflow at {WIDTH} px: {overflow}; too wide: {page.evaluate(WIDE_ELEMENTS_JS)}"
    screenshot(page, f"xss-{where}")


def visible_text(page, selector=BLOCK):
    return page.locator(selector).first.inner_text()


def test_hostile_data_stays_inert_and_wraps_in_every_view(live_server_url, new_page):
    base = live_server_url
    setup = new_page(WIDTH, 800)
    server = Server(setup, base)
    original = server.original
    hostile, accepted, rejected = hostile_exercise(original)
    assert ("scenario", "context") in accepted and ("scenario", "prompt") in accepted
    assert ("exemplar",) in accepted and ("rubric", "criteria", 0, "label") in accepted
    try:
        saved = server.ok("studio_save", STAFF, {"exercise": hostile})
        assert saved.get("saved"), saved

        # --- the hostile learner: draft, feedback, submission (through the handlers) ---------
        draft = hostile_draft(GOOD)
        server.ok("save_draft", HOSTILE_USER, {"text": draft})
        server.call("get_feedback", HOSTILE_USER, {"text": draft})
        submitted = server.ok("submit", HOSTILE_USER, {"text": draft})
        uuid = submitted["submission"]["uuid"]
        detail = server.ok("staff_detail", STAFF, {"uuid": uuid})
        names = sorted(SCRIPT_PAYLOADS)
        comments = {c["id"]: fit(CATALOGUE[names[i % len(names)]] + " " + RTL, 5000)
                    for i, c in enumerate(detail["rubric"])}
        comments[detail["rubric"][0]["id"]] = LONG_WORD
        server.ok("staff_save_assessment", STAFF, {
            "uuid": uuid, "levels": {c["id"]: len(c["levels"]) - 1 for c in detail["rubric"]},
            "comments": comments, "overall_comment": fit(COMBO, 5000),
            "expected_version": detail.get("version") or 0})

        # --- learner view before feedback, then feedback with highlights in the browser ------
        page, dialogs = visit(new_page, f"{base}/scenario/{SCENARIO}/?student={quote(RTL_USER, safe='')}",
                              ".dx-exercise .dx-text", "learner-before-feedback")
        text = visible_text(page)
        assert CATALOGUE["script_tag"] in text and CATALOGUE["img_onerror"] in text  # the prompt, as text
        assert "gnp.exe" in text  # RTL override kept as text
        assert page.locator(".dx-prompt-text").inner_text().strip() == hostile["scenario"]["prompt"]

        page.fill(".dx-text", hostile_draft(WEAK))
        page.click(".dx-feedback-btn")
        page.wait_for_selector(".dx-feedback:not([hidden]) .dx-criteria > li")
        page.wait_for_load_state("networkidle")
        assert_clean(page, dialogs, "learner-after-feedback")
        feedback = visible_text(page, ".dx-feedback")
        assert "#0" in feedback and "</script>" in feedback  # hostile criterion labels, as text
        assert page.locator(".dx-feedback mark, .dx-draft-view mark").count() > 0, "no highlights rendered"
        assert CATALOGUE["attr_breakout"] in visible_text(page, ".dx-draft-view-wrap")

        # --- the hostile learner after submit: exemplar and the instructor's comments --------
        page, dialogs = visit(new_page, f"{base}/scenario/{SCENARIO}/?student={quote(HOSTILE_USER, safe='')}",
                              ".dx-submitted:not([hidden])", "learner-after-submit")
        assert CATALOGUE["script_in_json"] in visible_text(page, ".dx-submitted-text")
        assert LONG_WORD[:200] in visible_text(page, ".dx-exemplar-text")
        assert CATALOGUE["script_tag"] in visible_text(page, ".dx-exemplar-text")
        assessment = visible_text(page, ".dx-assessment")
        assert CATALOGUE["iframe_srcdoc"] in assessment and LONG_WORD[:200] in assessment

        # --- the instructor panel: the list, then the hostile learner's submission opened ----
        page, dialogs = visit(new_page, f"{base}/scenario/{SCENARIO}/?student={STAFF}",
                              ".dx-i-open", "instructor-list")
        assert HOSTILE_USER in visible_text(page, ".dx-i-list-view")
        page.click(f'.dx-i-open[aria-label*="{HOSTILE_USER[-20:]}"]')
        page.wait_for_selector(".dx-i-detail:not([hidden]) .dx-i-text")
        page.wait_for_load_state("networkidle")
        assert_clean(page, dialogs, "instructor-detail")
        opened = visible_text(page, ".dx-i-detail")
        assert HOSTILE_USER in opened and CATALOGUE["textarea_breakout"] in opened
        assert page.input_value('.dx-i-detail textarea[name="overall_comment"]') == fit(COMBO, 5000)

        # --- Studio ----------------------------------------------------------------------------
        page, dialogs = visit(new_page, f"{base}/scenario/{SCENARIO}/studio_view/?student={STAFF}",
                              ".dx-criterion", "studio")
        assert page.input_value('[data-input="scenario.prompt"]') == hostile["scenario"]["prompt"]
        assert page.input_value('[data-input="criteria.0.label"]') == hostile["rubric"]["criteria"][0]["label"]
    finally:
        status, answer = server.call("studio_save", STAFF, {"exercise": original})
        assert status == 200, f"could not restore {SCENARIO}: {status} {answer}"
    if rejected:
        print(f"fields whose validation refused the payload (left benign): {rejected}")
