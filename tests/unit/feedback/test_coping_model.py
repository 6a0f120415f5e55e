"""The learned coping_hope layer (detectors/coping_model.py): when it may move the cue
detector's level, what it quotes, and that its weights are what the training script writes.

The decision rule is checked on small hand-made models (independent of the shipped weights);
the shipped model on drafts of our own, a move and a near-miss that keeps the cue level."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback.detectors import DETECTORS, Context, coping, coping_model
from disclosure_xblock.rubric.model import MET, NOT_MET, PARTIAL
from disclosure_xblock.scenarios import load_scenario

from .cue_helpers import RUBRIC, criterion, notes

ROOT = Path(__file__).resolve().parents[3]


def _model(partial=(0.0, {}), met=(0.0, {})):
    return coping_model.Model(partial, met)


# --- the decision rule, on hand-made models ---------------------------------------------------

def test_the_cue_level_stands_when_the_models_agree_with_it():
    current = _model(partial=(5.0, {}), met=(-5.0, {}))
    assert coping_model.decide(current, {"k:coping.outcome": (0, 4)}, PARTIAL) is None


def test_a_move_up_quotes_the_words_that_weigh_for_it():
    current = _model(partial=(5.0, {}), met=(-1.0, {"k:coping.outcome": 3.0, "w:walk": 1.0}))
    found = {"k:coping.outcome": (10, 16), "w:walk": (2, 6), "fp": None}
    level, spans = coping_model.decide(current, found, PARTIAL)
    assert level == MET
    assert spans == ((2, 6), (10, 16))


def test_a_move_down_quotes_the_words_that_weigh_against():
    current = _model(partial=(-1.0, {"k:minimizing.directive": -3.0, "w:just": -0.5}),
                     met=(-5.0, {}))
    found = {"k:minimizing.directive": (0, 8), "w:just": (20, 24)}
    level, spans = coping_model.decide(current, found, PARTIAL)
    assert level == NOT_MET
    assert spans == ((0, 8), (20, 24))


def test_no_move_without_words_to_quote():
    # Only features with no span (the detector's outcome, a first-person sentence) push: the
    # layer has nothing of the learner's to show, so the cue level stands.
    current = _model(partial=(5.0, {}), met=(-1.0, {"o:coping_hope=partial": 3.0, "fp": 1.0}))
    assert coping_model.decide(current, {"o:coping_hope=partial": None, "fp": None}, PARTIAL) is None


def test_no_move_on_single_words_alone():
    # A word weighs, but no finding or cue of the detectors does: the level stands.
    current = _model(partial=(5.0, {}), met=(-1.0, {"w:walk": 3.0}))
    assert coping_model.decide(current, {"w:walk": (2, 6)}, PARTIAL) is None


def test_no_move_near_even_odds():
    current = _model(partial=(5.0, {}), met=(0.0, {"k:coping.outcome": 0.2}))
    assert coping_model.decide(current, {"k:coping.outcome": (0, 4)}, PARTIAL) is None
    assert coping_model.decide(current, {"k:coping.outcome": (0, 4)}, PARTIAL, margin=0.0)[0] == MET


@pytest.mark.parametrize("ruled", coping_model.RULED)
def test_the_rubric_s_own_rules_are_never_overruled(ruled):
    current = _model(partial=(5.0, {}), met=(9.0, {"k:coping.outcome": 3.0}))
    found = {ruled: (0, 5), "k:coping.outcome": (10, 16)}
    assert coping_model.decide(current, found, NOT_MET) is None


def test_the_weights_file_parses_both_halves():
    text = "# c\npartial\tbias\t0.5\npartial\tk:a\t1.0\nmet\tbias\t-0.25\nmet\tw:b\t-2.0\n"
    assert coping_model.parse(text) == _model((0.5, {"k:a": 1.0}), (-0.25, {"w:b": -2.0}))


# --- the features ------------------------------------------------------------------------------

def _features(text, language="en"):
    return coping_model.features(Context(text, load_scenario("anxiety-withdrawal"), language))


def test_features_read_the_detectors_findings_and_carry_spans():
    text = "Years ago I was anxious at work. Walking at lunch helped a lot. How is it for you?"
    found = _features(text)
    assert "o:coping_hope=met" in found and found["o:coping_hope=met"] is None
    start, end = found["s:coping_hope:hopeful outcome"]
    assert text[start:end] == "helped a lot"
    assert "past" in found and "fp" in found


def test_a_cue_in_a_question_about_the_patient_is_not_the_writers():
    found = _features("I was anxious once. What would make you feel more confident here?")
    assert not any(name.startswith("k:coping.outcome") for name in found)
    assert any(name.startswith("q:") for name in found)


def test_a_cue_inside_a_longer_cue_is_that_cue():
    # "passed" is an outcome word; inside "passed away" it is the look-alike only.
    found = _features("I was angry for months after my father passed away.")
    assert "k:coping.not_outcome" in found
    assert "k:coping.outcome" not in found


def test_quoted_words_are_no_word_features():
    found = _features('My coach used to say "breathing helps" and I felt calmer.')
    assert "w:breathing" not in found
    assert "w:coach" in found


# --- the shipped model -------------------------------------------------------------------------

MOVED_UP = ("Last spring I stopped going to the cafeteria because of my nerves. Now I eat there "
            "with two coworkers most days. How is lunch for you here?")
KEPT = "I was nervous in groups before. I hope today goes well for you. What do you think?"


def test_the_shipped_layer_credits_a_change_the_cues_miss():
    ctx = Context(MOVED_UP, load_scenario("anxiety-withdrawal"), "en")
    assert coping.detect(ctx).outcome == NOT_MET
    found = criterion(MOVED_UP, "coping_hope")
    assert found.outcome == PARTIAL
    quoted = [text for text, _note in notes(found)]
    assert quoted and all(text in MOVED_UP for text in quoted)
    assert all(f"\u201c{text}\u201d" in found.message or text in found.message for text in quoted)


def test_the_shipped_layer_keeps_a_draft_with_no_step_or_change():
    assert criterion(KEPT, "coping_hope").outcome == NOT_MET


def test_the_shipped_layer_explains_in_spanish_too():
    found = evaluate(MOVED_UP, RUBRIC, load_scenario("anxiety-withdrawal"), language="es",
                     draft_language="en")
    coping_hope = next(c for c in found.criteria if c.id == "coping_hope")
    assert "una de las dos cosas" in coping_hope.message


def test_the_shipped_layer_moves_spanish_drafts_with_their_own_words():
    # Our own labelled Spanish drafts: some moves, each quoting the draft's words.
    rows = [json.loads(line) for line in (ROOT / "tests/data/es_devset.jsonl").read_text("utf-8").splitlines() if line]
    moved = 0
    for row in rows:
        ctx = Context(row["text"], load_scenario(row["scenario"]) if row.get("scenario") else None, "es")
        cue = coping.detect(ctx)
        finding = DETECTORS["coping_hope"](ctx)
        if finding.outcome != cue.outcome:
            moved += 1
            assert finding.spans and all(0 <= s < e <= len(row["text"]) for s, e, _n in finding.spans)
    assert 0 < moved < len(rows) // 4


def test_the_layer_is_deterministic():
    first = criterion(MOVED_UP, "coping_hope")
    assert criterion(MOVED_UP, "coping_hope") == first


def test_the_committed_weights_are_what_training_writes():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_outcome.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
