"""The batch CLI end to end, in a subprocess, as designers and evaluators run it."""
import json
import subprocess
import sys

import pytest

from disclosure_xblock.scenarios import library_olx


def run(args, lines, cwd=None):
    done = subprocess.run([sys.executable, "-m", "disclosure_xblock.feedback", *args],
                          input="".join(lines).encode("utf-8"), capture_output=True, timeout=60, cwd=cwd)
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    return done.returncode, out, done.stderr.decode("utf-8")


GOOD = json.dumps({"id": "ok", "text": "I used to feel anxious around people, and slow breathing "
                                       "helped. What is it like for you, Jamie?"}) + "\n"


def test_lines_in_lines_out_with_errors_in_between():
    code, out, _err = run(["--scenario", "anxiety-withdrawal"], [
        GOOD, "not json\n", json.dumps({"id": 7}) + "\n", "\n", '{"id": "broken", "text": \n', GOOD])
    assert code == 0
    assert [item["id"] for item in out] == ["ok", None, 7, "broken", "ok"]
    assert set(out[0]) == {"id", "score", "max_score", "word_count", "criteria", "privacy", "red_flags",
                           "flag_scheme", "language"}
    assert out[0]["language"] == {"used": "en", "how": "detected"}
    assert out[0]["max_score"] == 20 and out[0]["score"] == out[-1]["score"]
    assert "error" in out[1] and "error" in out[2] and "error" in out[3]
    relevant = next(c for c in out[0]["criteria"] if c["id"] == "relevant")
    assert relevant["met"] is True


def test_no_scenario_is_reported_not_a_crash():
    code, out, _err = run([], [GOOD])
    relevant = next(c for c in out[0]["criteria"] if c["id"] == "relevant")
    assert code == 0 and relevant["outcome"] == "partial" and "scenario" in relevant["message"]


def test_rubric_file_bare_and_whole_exercise(tmp_path):
    bare = tmp_path / "rubric.xml"
    bare.write_text('<rubric privacy_gate="false"><criterion id="short" label="Short">'
                    '<level points="0">No</level><level points="1">Yes</level>'
                    '<check type="word_count" met_min="1" met_max="5"/></criterion></rubric>')
    code, out, _err = run(["--rubric", str(bare)], [json.dumps({"id": 1, "text": "Hi there Maria."}) + "\n"])
    assert code == 0 and out[0]["max_score"] == 1 and out[0]["score"] == 1
    assert out[0]["privacy"] == {"passed": True, "findings": []}
    exercise = tmp_path / "exercise.xml"
    exercise.write_text(library_olx("group-reluctance"))
    code, out, _err = run(["--rubric", str(exercise)], [json.dumps({"id": 2, "text": "I doubted group too, Sam."}) + "\n"])
    assert code == 0 and out[0]["privacy"]["passed"] is True  # Sam is allowed by its scenario
    code, out, _err = run(["--rubric", str(exercise), "--scenario", "anxiety-withdrawal"],
                          [json.dumps({"id": 3, "text": "I doubted group too, Sam."}) + "\n"])
    assert out[0]["privacy"]["passed"] is False  # --scenario wins over the file's scenario


@pytest.mark.parametrize("content", ["<rubric><bogus/></rubric>", "<rubric", "<other/>"])
def test_bad_rubric_file_exits_2(tmp_path, content):
    path = tmp_path / "bad.xml"
    path.write_text(content)
    code, out, err = run(["--rubric", str(path)], [GOOD])
    assert code == 2 and out == [] and err.startswith("error:")


def test_missing_file_and_unknown_scenario_exit_2():
    assert run(["--rubric", "/nonexistent/rubric.xml"], [GOOD])[0] == 2
    code, _out, err = run(["--scenario", "nope"], [GOOD])
    assert code == 2 and "nope" in err


ES_GOOD = json.dumps({"id": "es", "text": "Hace unos años yo también me ponía muy nerviosa con la gente y "
                                          "me encerraba. Me ayudó respirar despacio y, con el tiempo, se "
                                          "volvió más fácil. ¿Qué es lo que más te cuesta a ti?"}) + "\n"


def test_language_detected_per_draft_and_reported():
    code, out, _err = run(["--scenario", "anxiety-withdrawal"], [GOOD, ES_GOOD])
    assert code == 0
    assert [item["language"] for item in out] == [{"used": "en", "how": "detected"},
                                                  {"used": "es", "how": "detected"}]
    spanish = {c["id"]: c for c in out[1]["criteria"]}
    assert spanish["relevant"]["met"] and spanish["resolved"]["met"] and spanish["patient_focus"]["met"]
    # Evidence is the learner's Spanish; messages stay English unless asked for (the page's
    # language, not the draft's).
    assert {e["text"] for e in spanish["relevant"]["evidence"]} & {"nerviosa", "la gente", "con la gente"}
    assert "words: a good length" in spanish["brief"]["message"]


def test_language_given_is_used_and_messages_follow_it():
    code, out, _err = run(["--scenario", "anxiety-withdrawal", "--language", "es"], [ES_GOOD])
    assert code == 0 and out[0]["language"] == {"used": "es", "how": "given"}
    focus = next(c for c in out[0]["criteria"] if c["id"] == "patient_focus")
    assert "\u00bfQu\u00e9 es lo que m\u00e1s te cuesta a ti?" in focus["message"]  # the quote keeps its "¿"
    code, out, _err = run(["--scenario", "anxiety-withdrawal", "--language", "es", "--messages", "en"], [ES_GOOD])
    brief = next(c for c in out[0]["criteria"] if c["id"] == "brief")
    assert out[0]["language"]["used"] == "es" and "words: a good length" in brief["message"]


def test_unreadable_language_is_said_not_scored():
    gibberish = json.dumps({"id": "x", "text": "Zorp blarg quux fnord wibble, grok snarf plugh xyzzy frob."}) + "\n"
    code, out, _err = run(["--scenario", "anxiety-withdrawal"], [gibberish])
    assert code == 0 and out[0]["language"] == {"used": None, "how": "detected"}
    not_judged = [c for c in out[0]["criteria"] if c["id"] != "brief"]  # length is still judged
    assert all(c["outcome"] is None and not c["automatic"] for c in not_judged)
    assert all("in English or in Spanish" in c["message"] for c in not_judged)


def test_unknown_draft_language_exits_2():
    code, out, err = run(["--language", "fr"], [GOOD])
    assert code == 2 and out == [] and "en, es" in err
