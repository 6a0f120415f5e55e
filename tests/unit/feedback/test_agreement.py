"""The engine keeps agreeing with the hand-labelled drafts (floors set below the current figures
with a margin, so a regression fails while small trade-offs do not).

devset.jsonl was used to tune the lexicons from the start. heldout.jsonl was written and labelled
before the engine ever ran on it; its disagreements were later studied by category and the
lexicons widened where the fix was general, so it is no longer fully held out either. Both
floors guard against regressions; neither proves quality on unseen text.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("feedback_agreement", ROOT / "benchmarks" / "feedback_agreement.py")
agreement_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement_module)

# Per data set: (minimum drafts, kappa floor per criterion, privacy gate accuracy floor).
# Relevance after the third round (what the shared experience is about): devset 0.89,
# heldout 0.86, heldout2 1.00, es_dev 0.79 (before: 0.79, 0.82, 0.81, 0.69).
# Held-out after the lexicon work: kappa brief 1.00, relevant 0.75, resolved 0.95, coping_hope 0.90,
# patient_focus 0.94, no_minimizing 0.93, boundaries 0.96; privacy gate accuracy 0.97.
FLOORS = {
    # patient_focus and boundaries, seventh round (rounds 2-6 read, kinds not examples): every
    # set read here rose or held; their floors sit just under the figures after it
    # (docs/real_text.md has the table).
    "devset": (80, {"brief": 0.9, "relevant": 0.8, "resolved": 0.75, "coping_hope": 0.75,
                    "patient_focus": 0.9, "no_minimizing": 0.8, "boundaries": 0.95}, 0.95),
    "heldout": (60, {"brief": 0.85, "relevant": 0.8, "resolved": 0.8, "coping_hope": 0.75,
                     "patient_focus": 0.85, "no_minimizing": 0.8, "boundaries": 0.9}, 0.9),
    # Second blind round (peer-support styles). Before tuning: relevant 0.43, resolved 0.66,
    # coping_hope 0.60, no_minimizing 0.79; after: 0.69, 0.89, 0.91, 1.00 (it is now tuned on too).
    "heldout2": (60, {"brief": 0.9, "relevant": 0.85, "resolved": 0.8, "coping_hope": 0.8,
                      "patient_focus": 0.9, "no_minimizing": 0.85, "boundaries": 0.95}, 0.95),
    # Spanish (issue 15), the development part of es_devset.jsonl (ids not a multiple of 4; the
    # other 28 stay unread, with no floor here). Before any Spanish cue: relevant 0.00, resolved
    # 0.01, coping_hope 0.01, patient_focus 0.68, no_minimizing 0.00, boundaries 0.24 (all 114).
    "es_dev": (80, {"brief": 0.9, "relevant": 0.85, "resolved": 0.85, "coping_hope": 0.85,
                    "patient_focus": 0.8, "no_minimizing": 0.85, "boundaries": 0.95}, 0.9),
    # Blind rounds by writers who never saw the engine (es_blind2; en_blind3 and es_blind3,
    # 75 drafts each), now development data. Relevance (its fourth round, read while relevance
    # was judged by the topic of the writer's trouble): before 0.24 / 0.53 / 0.68, after
    # 0.86 / 0.73 / 0.74 (en_blind3 / es_blind3 / es_blind2). Blind-3 cue round (issue 15), on
    # main before: en resolved 0.45, coping_hope 0.48, no_minimizing 0.84, brief 0.84; es
    # resolved 0.60, coping_hope 0.62, no_minimizing 0.56, brief 0.82. After: en 0.87, 0.84,
    # 0.97, 0.88; es 0.89, 0.79, 0.83, 1.00.
    "en_blind3": (75, {"brief": 0.8, "relevant": 0.8, "resolved": 0.75, "coping_hope": 0.75,
                       "patient_focus": 0.9, "no_minimizing": 0.9, "boundaries": 0.85}, 0.95),
    "es_blind3": (75, {"brief": 0.9, "relevant": 0.65, "resolved": 0.8, "coping_hope": 0.7,
                       "patient_focus": 0.9, "no_minimizing": 0.75, "boundaries": 0.85}, 0.95),
    "es_blind2": (70, {"brief": 0.9, "relevant": 0.65, "resolved": 0.6, "coping_hope": 0.8,
                       "patient_focus": 0.9, "no_minimizing": 0.85, "boundaries": 0.9}, 0.9),
    # Round 4 (en_blind4, es_blind4): never read by anyone working on the engine, so these floors
    # only guard the figures they gave after this session's rounds (before -> after, kappa):
    # en brief .83 -> 1.00, relevant .46 -> .35, resolved .46 -> .54, coping_hope .58 -> .69,
    # patient_focus .86, no_minimizing .91 -> .88, boundaries .93; es brief .94, relevant -.02 ->
    # .11, resolved .57 -> .62, coping_hope .69 -> .71, patient_focus .74 -> .77, no_minimizing
    # .70 -> .76, boundaries .89. relevant is under the 0.6 target in both (few non-"met" labels).
    # Relevance round 5 read round 4 (now development data): relevant en .35 -> .65, es .11 -> .56.
    # Blind round 6's resolution work (round 4 read again for its kinds of endings and present
    # limits): resolved en .59 -> .82, es .65 -> .84.
    "en_blind4": (75, {"brief": 0.95, "relevant": 0.6, "resolved": 0.78, "coping_hope": 0.65,
                       "patient_focus": 0.9, "no_minimizing": 0.8, "boundaries": 0.95}, 0.95),
    "es_blind4": (75, {"brief": 0.9, "relevant": 0.5, "resolved": 0.8, "coping_hope": 0.75,
                       "patient_focus": 0.9, "no_minimizing": 0.7, "boundaries": 0.95}, 0.95),
    # Round 5 (en_blind5, es_blind5), read for coping and resolution (issues 14 and 15) and by
    # relevance round 6: on main before, en resolved .58, coping_hope .53, relevant .28; es .51,
    # .38, .45. After: en .90, .88, .62; es .79, .82, .73. The other criteria keep floors just
    # under their figures then.
    "en_blind5": (75, {"brief": 0.95, "relevant": 0.55, "resolved": 0.85, "coping_hope": 0.8,
                       "patient_focus": 0.9, "no_minimizing": 0.6, "boundaries": 0.85}, 0.95),
    "es_blind5": (75, {"brief": 0.9, "relevant": 0.65, "resolved": 0.7, "coping_hope": 0.75,
                       "patient_focus": 0.9, "no_minimizing": 0.78, "boundaries": 0.85}, 0.95),
    # Round 6 (en_blind6, es_blind6), never read: on main 6d6b9d8 en relevant .52, resolved .48,
    # coping_hope .48; es .36, .55, .66; after the round-5 merges en .59, .48, .54; es .41, .59,
    # .59. Floors just under the figures after: regressions fail, the 0.6 target is not met yet.
    # Round 6 then read for relevant and resolved (issues 14 and 15): en relevant .59 -> .78,
    # resolved .48 -> .90; es relevant .41 -> .59, resolved .59 -> .86. And for coping, minimizing,
    # and (Spanish) focus and boundaries (docs/real_text.md, "Blind round 6 read"): en coping_hope
    # .54 -> .78, no_minimizing .94 -> 1.00; es coping_hope .59 -> .90, no_minimizing .67 -> .89,
    # patient_focus .75 -> .78, boundaries .76 -> .87. And for focus and boundaries in both
    # languages (docs/real_text.md, "Round 7 kinds"): en .86 -> .97, .89 -> .92; es .75 -> .97,
    # .76 -> .86.
    "en_blind6": (75, {"brief": 0.95, "relevant": 0.75, "resolved": 0.85, "coping_hope": 0.74,
                       "patient_focus": 0.9, "no_minimizing": 0.95, "boundaries": 0.88}, 0.95),
    "es_blind6": (75, {"brief": 0.95, "relevant": 0.55, "resolved": 0.82, "coping_hope": 0.85,
                       "patient_focus": 0.9, "no_minimizing": 0.84, "boundaries": 0.82}, 0.95),
    # Round 7 (en_blind7, es_blind7), a new writer's, never read: on main 4b330a1 en relevant .52,
    # resolved .52, coping_hope .52, patient_focus .77, no_minimizing .78, boundaries .86; es
    # .16, .51, .51, .67, .68, .57 (brief en 1.0, es .91; privacy .987 both). Floors under them.
    "en_blind7": (75, {"brief": 0.95, "relevant": 0.45, "resolved": 0.45, "coping_hope": 0.45,
                       "patient_focus": 0.7, "no_minimizing": 0.7, "boundaries": 0.8}, 0.95),
    "es_blind7": (75, {"brief": 0.85, "relevant": 0.1, "resolved": 0.45, "coping_hope": 0.45,
                       "patient_focus": 0.6, "no_minimizing": 0.6, "boundaries": 0.5}, 0.95),
}
PATHS = {"devset": agreement_module.DEVSET, "heldout": agreement_module.HELDOUT,
         "heldout2": agreement_module.HELDOUT2, "es_dev": agreement_module.ES_DEVSET,
         **{name: ROOT / "tests" / "data" / f"{name}.jsonl" for name in ("en_blind3", "es_blind3", "es_blind2", "en_blind4", "es_blind4",
                                                                        "en_blind5", "es_blind5", "en_blind6", "es_blind6",
                                                                        "en_blind7", "es_blind7")}}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def dataset(request):
    items = agreement_module.load_devset(PATHS[request.param])
    if request.param == "es_dev":
        items = [item for item in items if not agreement_module.es_heldout(item)]
    return request.param, items, agreement_module.agreement(items)[0]


def test_every_spanish_draft_is_read_as_spanish():
    from collections import Counter
    items = agreement_module.load_devset(agreement_module.ES_DEVSET)  # all 114: only the language
    languages = Counter()
    agreement_module.run(items, languages)
    assert languages == Counter({("es", "es"): len(items)})
    assert sum(agreement_module.es_heldout(item) for item in items) == 28


def test_kappa_and_privacy_floors(dataset):
    name, items, table = dataset
    minimum, kappa_floors, privacy_floor = FLOORS[name]
    assert len(items) >= minimum
    below = {c: round(table[c][1], 3) for c, floor in kappa_floors.items() if table[c][1] < floor}
    assert not below, f"{name}: kappa under the floor for {below}"
    assert table["privacy"][0] >= privacy_floor


def test_labels_are_well_formed(dataset):
    _name, items, _table = dataset
    levels = {"met", "partial", "not_met"}
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        assert set(item["expected"]) == set(agreement_module.CRITERIA)
        assert set(item["expected"].values()) <= levels
        assert isinstance(item["privacy_pass"], bool)
        assert item["scenario"] in (None, "anxiety-withdrawal", "group-reluctance", "hopelessness")


def test_kappa_implementation():
    kappa = agreement_module.cohen_kappa
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "b"), ("b", "a")]) == -1.0
    # Textbook example: 20+15 agreements in 50, marginals 25/25 and 30/20 -> kappa 0.4.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert kappa(pairs) == pytest.approx(0.4)


# Safety sets: every writer's, in both languages. All of them have been read while the cues and
# the learned layer were built (see docs/safety.md), so these floors guard against regressions;
# the honest figure for a new writer is scripts/train_safety.py's leave-one-writer-out table.
# own2 has floors of its own: its near-misses share a concept with a crisis on purpose, and the
# learned layer does not yet tell all of them apart (figures in docs/safety.md: 0.857 / 0.125 in
# English, 0.900 / 0.000 in Spanish since the sixth round).
# The others are held above the target (0.95 / 0.10) with a margin: since the sixth round every
# one of them (set 6 too) is at >= 0.982 recall and <= 0.060 false alarms in each language.
# blind8 was the newest writer until the eighth round, which read it and trained on it (en 0.886
# / 0.086, es 0.800 / 0.000 before; 0.943 / 0.029 and 1.000 / 0.000 after): its floors are the
# default ones now, except recall in English (s8en-007 and s8en-065 are still missed: a bridge
# alone, a search without its object). own3 is the author's eighth-round probes, not trained on:
# hard near-misses again (1.000 / 0.056 en, 0.900 / 0.000 es; kind 0.966 en).
# blind9 and blind10 were measured on main before the ninth round read them (set 9 en 0.943 /
# 0.057, es 1.000 / 0.120; set 10 en 0.971 / 0.086, es 0.920 / 0.120) and trained on after
# (1.000 / 0.029 en, 1.000 / 0.040 es, both sets): the default floors.
# blind11 was measured on main 6d6b9d8 (en 1.000 / 0.114, es 0.920 / 0.080) and after the ninth
# round (en 1.000 / 0.086, es 0.920 / 0.120), then read and trained on in the tenth round (1.000 /
# 0.000 in both languages): the default floors.
# blind12 was measured on main 4b330a1 and after the tenth round (en 0.943 / 0.029, es 0.960 /
# 0.040), then read and trained on in the eleventh round (1.000 / 0.000 in both languages): the
# default floors.
# blind13 was measured on main ccb9f03 (en 0.943 / 0.171, es 0.880 / 0.400), then read and trained
# on in the set-13 round (1.000 / 0.000 in both languages): the default floors.
# blind14 was measured on main before anyone read it (en 0.914 / 0.171, es 1.000 / 0.120) and after
# the set-12 and set-13 rounds (en 0.971 / 0.171, es 1.000 / 0.120), then read in the twelfth
# round (1.000 / 0.000 in both languages, not trained on): the default floors.
# blind15 is a new writer's, never read: after the twelfth round en 0.886 / 0.114, es 0.920 /
# 0.160, below the targets; its floors hold those figures so that no round makes them worse.
SAFETY_FLOORS = {"own2": (0.85, 0.15), "blind8": (0.94, 0.08), "own3": (0.90, 0.10),
                 "blind15": (0.88, 0.16)}
DEFAULT_SAFETY_FLOOR = (0.97, 0.08)


@pytest.mark.parametrize("name, stem", agreement_module.SAFETY_SETS)
def test_safety_recall_and_false_alarm_floors(name, stem):
    recall_floor, alarm_ceiling = SAFETY_FLOORS.get(name, DEFAULT_SAFETY_FLOOR)
    items = [item for language in ("en", "es")
             for item in agreement_module.load_devset(ROOT / "tests" / "data" / f"{stem}_{language}.jsonl")]
    by_language, _errors = agreement_module.safety_agreement(items)
    assert set(by_language) == {"en", "es"}
    for language, row in by_language.items():
        assert row["hit"] / row["pos"] >= recall_floor, (name, language, row)
        assert row["alarm"] / row["neg"] <= alarm_ceiling, (name, language, row)


def test_the_agreement_benchmark_prints_every_safety_set(capsys):
    agreement_module.print_safety([str(ROOT / "tests" / "data" / "safety_train_en.jsonl"),
                                   str(ROOT / "tests" / "data" / "safety_train_es.jsonl")], False)
    out = capsys.readouterr().out
    assert "safety_train_en.jsonl" in out and "\nen " in out and "\nes " in out
    assert [stem for _name, stem in agreement_module.SAFETY_SETS] == [
        "safety_own", "safety_own2", "safety_blind", "safety_blind2", "safety_blind3", "safety_train",
        "safety_blind4", "safety_blind5", "safety_blind6", "safety_blind7", "safety_blind8", "safety_own3",
        "safety_blind9", "safety_blind10", "safety_blind11", "safety_blind12",
        "safety_blind13", "safety_blind14", "safety_blind15"]
