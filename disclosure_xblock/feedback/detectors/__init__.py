"""The built-in detectors, by the names a rubric's ``<check type="detector" name="…">`` uses."""
from . import boundaries, coping, episode, focus, minimizing, relevance, resolution
from .base import Context, Finding

DETECTORS = {
    "relevance": relevance.detect,
    "resolution": resolution.detect,
    "coping_hope": coping.detect,
    "patient_focus": focus.detect,
    "minimizing": minimizing.detect,
    "boundaries": boundaries.detect,
    "one_episode": episode.detect,
}

__all__ = ["DETECTORS", "Context", "Finding"]
