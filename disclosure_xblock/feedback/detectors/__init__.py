"""The built-in detectors' implementations, by the names the registry gives them
(rubric/detectors.py, which the rubric model and the Studio editor read too)."""
from ...rubric.detectors import NAMES
from . import boundaries, coping, episode, focus, minimizing, relevance, resolution
from .base import Context, Finding

_IMPLEMENTATIONS = {
    "relevance": relevance.detect,
    "resolution": resolution.detect,
    "coping_hope": coping.detect,
    "patient_focus": focus.detect,
    "minimizing": minimizing.detect,
    "boundaries": boundaries.detect,
    "one_episode": episode.detect,
}
# In registry order; a registered name without an implementation fails here, at import.
DETECTORS = {name: _IMPLEMENTATIONS[name] for name in NAMES}

__all__ = ["DETECTORS", "Context", "Finding"]
