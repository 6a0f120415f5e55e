"""The one registry of built-in detectors: each one's name (what ``<check type="detector"
name="…">`` says) and the plain-language explanation the Studio editor shows beside it.

The rubric model validates names against it, the feedback engine (feedback/detectors) maps
each name to its implementation, and authoring shows the explanations; a test ties the three.
A new detector is added here first.
"""
from __future__ import annotations

from typing import NamedTuple


class Detector(NamedTuple):
    name: str
    explanation: str  # English; authoring translates it when it builds the editor


REGISTRY = (
    # shares the scenario's concern (keywords and their synonyms)
    Detector("relevance",
             "Met when the draft shares the scenario's concern: its keywords or close synonyms."),
    # a past challenge that was overcome, not a current struggle
    Detector("resolution",
             "Met when the draft tells of a past challenge that was overcome, "
             "not a struggle the writer still has."),
    # names a safe coping strategy and a hopeful outcome
    Detector("coping_hope",
             "Met when the draft names a safe thing that helped and says that things got better."),
    # hands the focus back to the patient
    Detector("patient_focus",
             "Met when the draft ends by turning back to the patient, "
             "for example with an open question."),
    # no sameness claims, minimizing or directives (negation-aware)
    Detector("minimizing",
             "Not met when the draft claims sameness (\"I know exactly how you feel\"), "
             "plays the feeling down or gives orders; negations are understood."),
    # no sensitive specifics or boundary crossings
    Detector("boundaries",
             "Not met when the draft gives sensitive specifics (medications, substances, "
             "trauma detail), offers contact outside care or burdens the patient."),
    # one episode, not several current troubles of the writer's own
    Detector("one_episode",
             "Partly met when the draft tells of two or more current troubles of the "
             "writer's own, however short it is."),
)

NAMES = tuple(detector.name for detector in REGISTRY)
EXPLANATIONS = {detector.name: detector.explanation for detector in REGISTRY}
