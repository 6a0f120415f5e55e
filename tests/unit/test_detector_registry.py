"""One detector registry: the rubric model, the engine and the Studio editor read the same
names, and every detector has an explanation."""
from disclosure_xblock import authoring
from disclosure_xblock.exercise import Exercise
from disclosure_xblock.feedback import detectors as engine
from disclosure_xblock.rubric import checks, detectors as registry


def test_every_registered_detector_has_a_name_and_an_explanation():
    assert len(set(registry.NAMES)) == len(registry.REGISTRY) > 0
    for detector in registry.REGISTRY:
        assert detector.name and detector.explanation.strip(), detector


def test_the_rubric_model_the_engine_and_the_editor_read_the_same_names():
    assert tuple(checks.DETECTORS) == registry.NAMES
    assert tuple(engine.DETECTORS) == registry.NAMES
    assert all(callable(detect) for detect in engine.DETECTORS.values())
    assert tuple(authoring.DETECTOR_EXPLANATIONS) == registry.NAMES


def test_the_newest_detector_is_registered_everywhere():
    assert "one_episode" in registry.NAMES and "one_episode" in engine.DETECTORS


def test_the_editor_lists_every_detector_with_its_registered_explanation():
    context = authoring.editor_data(Exercise())
    assert [(d["name"], d["explanation"]) for d in context["detectors"]] == [
        (d.name, d.explanation) for d in registry.REGISTRY]


def test_the_editor_names_each_detector_in_words_not_by_its_id():
    context = authoring.editor_data(Exercise())
    for detector in context["detectors"]:
        assert detector["label"] and detector["label"] != detector["name"], detector
        assert "_" not in detector["label"]
    labels = {d["name"]: d["label"] for d in context["detectors"]}
    assert labels["coping_hope"] == "Coping and hope"


def test_the_detector_names_and_explanations_reach_the_editor_translated():
    catalogue = {"Coping and hope": "Afrontamiento y esperanza",
                 registry.EXPLANATIONS["relevance"]: "Cumplido si el borrador comparte la preocupación."}
    context = authoring.editor_data(Exercise(), gettext=lambda text: catalogue.get(text, text))
    by_name = {d["name"]: d for d in context["detectors"]}
    assert by_name["coping_hope"]["label"] == "Afrontamiento y esperanza"
    assert by_name["relevance"]["explanation"].startswith("Cumplido si")
