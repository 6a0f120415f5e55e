"""The privacy gate keeps its figures on the blind privacy set (floors below the current ones).

tests/data/privacy_own_{en,es}.jsonl were written and labelled by someone who never saw the
engine. They are split by a fixed rule: every 3rd line (3, 6, 9 …) is held out
(``*_heldout.jsonl``, never read while tuning), the rest is the dev part (``*_dev.jsonl``). The
floors below are on the dev part; the held-out figures are reported, not tuned for.

The set's labeller does not count a first name alone ("my friend Ana") as an identifier, while
docs/rubric.md and the older sets do; the false-alarm floor is on alarms other than such lone
names (the benchmark prints both).
"""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
spec = importlib.util.spec_from_file_location("feedback_agreement", ROOT / "benchmarks" / "feedback_agreement.py")
agreement_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement_module)

LANGUAGES = ("en", "es")


def _rows(name):
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_split_follows_the_fixed_rule(language):
    whole = _rows(f"privacy_own_{language}.jsonl")
    assert _rows(f"privacy_own_{language}_heldout.jsonl") == whole[2::3]
    assert _rows(f"privacy_own_{language}_dev.jsonl") == [r for i, r in enumerate(whole) if i % 3 != 2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_well_formed(language):
    for row in _rows(f"privacy_own_{language}.jsonl"):
        assert row["privacy_pass"] == (not row["identifiers"]), row["id"]
        for identifier in row["identifiers"]:
            assert identifier["text"] in row["text"], row["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_dev_floors(language):
    items = _rows(f"privacy_own_{language}_dev.jsonl")
    by_language, _errors = agreement_module.privacy_agreement(items)
    row = by_language[language]
    assert row["hit"] / row["pos"] >= 0.95          # recall (now 1.00)
    assert row["ids_hit"] / row["ids"] >= 0.95      # identifier recall (now 1.00)
    assert (row["alarm"] - row["lone"]) / row["neg"] <= 0.05  # false alarms but lone names (now 0)
    assert row["alarm"] / row["neg"] <= 0.2         # with lone first names (now 0.15 en, 0.12 es)
