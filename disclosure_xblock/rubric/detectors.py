"""The one registry of built-in detectors: each one's name (what ``<check type="detector"
name="…">`` says) and the plain-language explanation the Studio editor shows beside it.

The rubric model validates names against it, the feedback engine (feedback/detectors) maps
each name to its implementation, and authoring shows the explanations; a test ties the three.
A new detector is added here first.
"""
from __future__ import annotations

from typing import NamedTuple


def _(text):
    """Mark ``text`` for extraction (gettext_noop): authoring translates it for the editor."""
    return text


class Detector(NamedTuple):
    name: str
    explanation: str  # English; authoring translates it when it builds the editor
    label: str = ""   # the name the editor's dropdown shows (English, translated likewise)


REGISTRY = (
    # shares the scenario's concern (keywords and their synonyms)
    Detector("relevance",
             _("Met when the draft shares the scenario's concern: its keywords or close synonyms."),
             label=_("Shares the patient's concern")),
    # a past challenge that was overcome, not a current struggle
    Detector("resolution",
             _("Met when the draft tells of a past challenge that was overcome, "
             "not a struggle the writer still has."),
             label=_("A past challenge, overcome")),
    # names a safe coping strategy and a hopeful outcome
    Detector("coping_hope",
             _("Met when the draft names a safe thing that helped and says that things got better."),
             label=_("Coping and hope")),
    # hands the focus back to the patient
    Detector("patient_focus",
             _("Met when the draft ends by turning back to the patient, "
             "for example with an open question."),
             label=_("Hands the focus back to the patient")),
    # no sameness claims, minimizing or directives (negation-aware)
    Detector("minimizing",
             _("Not met when the draft claims sameness (\"I know exactly how you feel\"), "
             "plays the feeling down or gives orders; negations are understood."),
             label=_("No minimizing or lecturing")),
    # no sensitive specifics or boundary crossings
    Detector("boundaries",
             _("Not met when the draft gives sensitive specifics (medications, substances, "
             "trauma detail), offers contact outside care or burdens the patient."),
             label=_("Professional boundaries")),
    # one episode, not several current troubles of the writer's own
    Detector("one_episode",
             _("Partly met when the draft tells of two or more current troubles of the "
             "writer's own, however short it is."),
             label=_("One episode")),
)

NAMES = tuple(detector.name for detector in REGISTRY)
EXPLANATIONS = {detector.name: detector.explanation for detector in REGISTRY}
LABELS = {detector.name: detector.label for detector in REGISTRY}
