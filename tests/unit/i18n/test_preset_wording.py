"""The built-in rubric's wording is in the catalogues and reaches a Spanish learner.

scripts/i18n.py extracts every preset's criterion and level labels, descriptions and level
messages (as rubric/olx.py reads them); ``rubric.presets.localize`` translates an unedited
preset at run time, in the feedback engine (stdlib gettext) and in the block's init args
(the runtime's i18n service). A designer's edited or own rubric is never translated.
"""
from __future__ import annotations

import dataclasses
import gettext
import importlib.util
import json
import re
from pathlib import Path

import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.feedback import i18n as engine_i18n
from disclosure_xblock.rubric import Rubric, load_preset, preset_names
from disclosure_xblock.rubric.presets import localize
from disclosure_xblock.scenarios import load_scenario

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("dx_i18n_script_preset", ROOT / "scripts" / "i18n.py")
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)

PRESET = "appropriate-self-disclosure"
SCENARIO = "anxiety-withdrawal"
STRONG_DRAFT = (
    "When I started this job I used to feel anxious around groups of people too. "
    "Slow breathing and taking small steps helped, and it got easier over time. "
    "What feels hardest for you right now, Jamie?"
)
# Short, with a little of the writer's past (a short verdict with none is the concern level).
WEAK_DRAFT = "I know exactly how you feel, I was there once. You should just relax."


def preset_texts(rubric):
    """Every piece of a rubric's wording that localize() passes through gettext."""
    texts = []
    for criterion in rubric.criteria:
        texts += [criterion.label, criterion.description]
        for level in criterion.levels:
            texts += [level.label, level.message]
    return [t for t in texts if t]


@pytest.fixture
def real_catalogues():
    """The engine's catalogue cache holds the shipped .mo (another test may patch LOCALE_DIR)."""
    engine_i18n.translations.cache_clear()
    yield
    engine_i18n.translations.cache_clear()


def spanish():
    return gettext.translation("django", localedir=str(i18n.LOCALE_DIR), languages=["es"])


# --- extraction --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", preset_names())
def test_every_preset_string_is_extracted_with_the_msgid_localize_looks_up(name):
    extracted = {m.id for m in i18n.extract_catalog() if m.id}
    missing = [t for t in preset_texts(load_preset(name)) if t not in extracted]
    assert not missing, f"preset {name}: not extracted by scripts/i18n.py: {missing}"


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_string_has_a_spanish_translation(name):
    catalogue = spanish()
    untranslated = [t for t in preset_texts(load_preset(name)) if catalogue.gettext(t) == t]
    assert not untranslated, f"preset {name}: no Spanish in django.mo for {untranslated}"


def test_preset_strings_are_located_in_the_preset_file():
    message = i18n.extract_catalog()["Brief and focused"]
    assert any(loc.endswith(f"rubric/presets/{PRESET}.xml") for loc, _line in message.locations)
    assert any("criterion" in comment for comment in message.auto_comments)


# --- the feedback engine -----------------------------------------------------------------------

def test_evaluate_in_spanish_translates_the_built_in_rubric(real_catalogues):
    result = evaluate(STRONG_DRAFT, load_preset(PRESET), load_scenario(SCENARIO), language="es")
    by_id = {c.id: c for c in result.criteria}
    assert by_id["brief"].label == "Breve y centrado"
    assert by_id["boundaries"].label == "Límites profesionales"
    assert by_id["brief"].level_label == "Cumplido"
    assert by_id["brief"].message.startswith("Breve y centrado en un solo episodio.")
    assert by_id["no_minimizing"].message.startswith(
        "Tus palabras respetan que la experiencia del paciente es solo suya.")
    text = json.dumps(result.to_dict(), ensure_ascii=False)
    for english in ("Brief and focused", "Professional boundaries", "Short and focused on a single episode",
                    "Your words respect", "a good length for one short moment"):
        assert english not in text


def test_evaluate_in_spanish_lower_levels_and_plurals(real_catalogues):
    result = evaluate(WEAK_DRAFT, load_preset(PRESET), load_scenario(SCENARIO), language="es-419")
    by_id = {c.id: c for c in result.criteria}
    assert by_id["brief"].level_label == "En parte"
    # A short draft hears that it is short (the count), never the level's "a little long".
    assert by_id["brief"].message.startswith("Solo 14 palabras por ahora")
    assert "Un poco largo" not in by_id["brief"].message
    assert by_id["no_minimizing"].level_label == "Todavía no"
    assert by_id["no_minimizing"].label == "Sin minimizar ni sermonear"
    assert "Some words here claim sameness" not in by_id["no_minimizing"].message


def test_english_is_unchanged(real_catalogues):
    rubric = load_preset(PRESET)
    result = evaluate(STRONG_DRAFT, rubric, load_scenario(SCENARIO), language="en")
    assert [c.label for c in result.criteria] == [c.label for c in rubric.criteria]
    assert result.criteria[0].message.startswith("Short and focused on a single episode.")


def edited(rubric):
    """The preset with one word changed by a designer (it keeps its preset name)."""
    first = dataclasses.replace(rubric.criteria[0], label="Brief and to the point")
    return dataclasses.replace(rubric, criteria=(first, *rubric.criteria[1:]))


def test_an_edited_preset_is_not_translated(real_catalogues):
    rubric = edited(load_preset(PRESET))
    assert rubric.preset == PRESET and rubric != load_preset(PRESET)
    result = evaluate(STRONG_DRAFT, rubric, load_scenario(SCENARIO), language="es")
    by_id = {c.id: c for c in result.criteria}
    assert by_id["brief"].label == "Brief and to the point"
    # Every other criterion of the edited rubric stays as the designer wrote it too.
    assert by_id["boundaries"].label == "Professional boundaries"
    assert by_id["brief"].message.startswith("Short and focused on a single episode.")
    assert by_id["brief"].level_label == "Met"
    # The engine's own explanation is still the learner's language.
    assert "36 palabras: buena extensión para un momento breve." in by_id["brief"].message


def test_a_designers_own_rubric_is_not_translated(real_catalogues):
    own = Rubric.from_dict(load_preset(PRESET).to_dict() | {"preset": None})
    assert not own.preset
    assert localize(own, spanish().gettext) is own
    result = evaluate(STRONG_DRAFT, own, load_scenario(SCENARIO), language="es")
    assert result.criteria[0].label == "Brief and focused"


def test_localize_keeps_ids_points_and_checks():
    rubric = load_preset(PRESET)
    spanish_rubric = localize(rubric, spanish().gettext)
    assert spanish_rubric.preset == rubric.preset
    assert spanish_rubric.max_score == rubric.max_score
    for before, after in zip(rubric.criteria, spanish_rubric.criteria):
        assert (after.id, after.checks, [lvl.points for lvl in after.levels]) == \
            (before.id, before.checks, [lvl.points for lvl in before.levels])
        assert after.label != before.label


# --- through the workbench ---------------------------------------------------------------------

INIT_JSON = re.compile(r'<script id="dx-init-[^"]*" type="application/json">(.*?)</script>', re.S)


def init_args(response):
    match = INIT_JSON.search(response.content.decode())
    assert match, "the learner view embeds no dx-init JSON"
    return json.loads(match.group(1))


@pytest.fixture
def anxiety(workbench, real_catalogues):
    from tests.integration.helpers import Workbench

    return Workbench("disclosure_exercise.0")


def feedback_in(bench, student, **headers):
    url = f"/handler/{bench.usage_id}/get_feedback/?student={student}"
    response = bench.client.post(url, data=json.dumps({"text": STRONG_DRAFT}),
                                 content_type="application/json", **headers)
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)["feedback"]


@pytest.mark.django_db(transaction=True)
def test_workbench_learner_view_in_spanish_has_spanish_rubric(anxiety):
    args = init_args(anxiety.view("learner_es", lang="es"))
    labels = [c["label"] for c in args["rubric"]]
    assert "Breve y centrado" in labels and "Límites profesionales" in labels
    assert "Brief and focused" not in labels
    brief = next(c for c in args["rubric"] if c["id"] == "brief")
    assert brief["description"].startswith("Un solo episodio breve")
    assert [lvl["label"] for lvl in brief["levels"]] == ["Todavía no", "En parte", "Cumplido"]
    assert args["language"] == "es"


@pytest.mark.django_db(transaction=True)
def test_workbench_learner_view_in_english_is_unchanged(anxiety):
    args = init_args(anxiety.view("learner_en", lang="en"))
    assert "Brief and focused" in [c["label"] for c in args["rubric"]]


@pytest.mark.django_db(transaction=True)
def test_workbench_get_feedback_in_spanish(anxiety):
    feedback = feedback_in(anxiety, "learner_es", HTTP_ACCEPT_LANGUAGE="es")
    by_id = {c["id"]: c for c in feedback["criteria"]}
    assert by_id["brief"]["label"] == "Breve y centrado"
    assert by_id["brief"]["message"].startswith("Breve y centrado en un solo episodio.")
    assert "palabras: buena extensión para un momento breve." in by_id["brief"]["message"]
    assert by_id["boundaries"]["label"] == "Límites profesionales"
    text = json.dumps(feedback, ensure_ascii=False)
    assert "Brief and focused" not in text and "Short and focused" not in text
    assert "a good length for one short moment" not in text


@pytest.mark.django_db(transaction=True)
def test_workbench_get_feedback_in_english(anxiety):
    feedback = feedback_in(anxiety, "learner_en", HTTP_ACCEPT_LANGUAGE="en")
    assert feedback["criteria"][0]["label"] == "Brief and focused"
