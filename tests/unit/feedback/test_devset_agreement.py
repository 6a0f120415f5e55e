"""The engine keeps agreeing with the hand-labelled development set (floors chosen below the
current figures with a margin, so a regression fails while small trade-offs do not)."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("feedback_agreement", ROOT / "benchmarks" / "feedback_agreement.py")
agreement_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement_module)

# Kappa floors; the devset was also used to tune the lexicons, so these are optimistic about
# unseen drafts and only guard against regressions.
KAPPA_FLOORS = {"brief": 0.9, "relevant": 0.6, "resolved": 0.75, "coping_hope": 0.75,
                "patient_focus": 0.75, "no_minimizing": 0.8, "boundaries": 0.8}


@pytest.fixture(scope="module")
def table():
    items = agreement_module.load_devset()
    assert len(items) >= 80
    return agreement_module.agreement(items)[0]


@pytest.mark.parametrize("criterion", sorted(KAPPA_FLOORS))
def test_kappa_floor(table, criterion):
    assert table[criterion][1] >= KAPPA_FLOORS[criterion]


def test_privacy_gate_accuracy(table):
    assert table["privacy"][0] >= 0.95


def test_kappa_implementation():
    kappa = agreement_module.cohen_kappa
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "b"), ("b", "a")]) == -1.0
    # Textbook example: 20+15 agreements in 50, marginals 25/25 and 30/20 -> kappa 0.4.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert kappa(pairs) == pytest.approx(0.4)
