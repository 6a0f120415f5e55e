"""The measured (not shipped) learned layer for ``relevant`` (scripts/relevance_features.py, kept out of the package): its
features are relative to the scenario, so that a model trained on some scenarios and writers can
carry to others; and it is not wired into the engine (docs/real_text.md, "A learned layer for
relevance": it did not win on held-out writers in both languages)."""
import sys
from pathlib import Path

from disclosure_xblock.feedback.detectors import DETECTORS, Context, relevance
from disclosure_xblock.scenarios import load_scenario

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))
import relevance_features as relevance_model  # noqa: E402


def _features(text, key="anxiety-withdrawal", language="en"):
    return relevance_model.features(Context(text, load_scenario(key), language))


def test_a_shared_concern_is_a_feature_by_its_kind_not_by_the_scenarios_word():
    scenario = load_scenario("anxiety-withdrawal")
    found = _features("I felt anxious around people too, and I kept to myself for weeks.")
    assert "o:relevant=met" in found
    assert any(name.startswith("c:") for name in found)
    keywords = {w for keyword in scenario.keywords for w in keyword.lower().split() if len(w) > 3}
    assert not [name for name in found if any(w in name for w in keywords)]


def test_a_story_that_shares_nothing_has_no_concept_feature():
    found = _features("My car broke down last spring and the repair cost a lot of money.")
    assert not [name for name in found if name.startswith(("c:", "cn:"))]
    assert "o:relevant=met" not in found
    assert not [name for name in found if name.startswith("w:")]  # words only when asked
    assert "w:repair" in relevance_model.features(
        Context("My car broke down and the repair cost a lot.", load_scenario("anxiety-withdrawal"), "en"), words=True)


def test_a_spanish_draft_is_marked_and_gets_the_same_kinds():
    found = _features("Yo también me sentía nerviosa con la gente y me quedaba sola en casa.", language="es")
    assert "es" in found
    assert any(name.startswith("c:") for name in found)


def test_without_a_scenario_only_the_detectors_placeholder_is_read():
    found = relevance_model.features(Context("I was anxious once.", None, "en"))
    assert set(found) == {"o:relevant=partial"}


def test_the_layer_is_not_wired_in():
    assert DETECTORS["relevance"] is relevance.detect
