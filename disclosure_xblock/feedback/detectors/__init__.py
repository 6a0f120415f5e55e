"""The built-in detectors' implementations, by the names the registry gives them
(rubric/detectors.py, which the rubric model and the Studio editor read too)."""
from ...rubric.detectors import NAMES
from . import boundaries, coping, coping_model, episode, focus, minimizing, relevance, resolution
from .base import Context, Finding

_IMPLEMENTATIONS = {
    "relevance": relevance.detect,
    "resolution": resolution.detect,
    # The cue detector, re-weighed by the learned layer where it can quote its words.
    "coping_hope": coping_model.detect,
    "patient_focus": focus.detect,
    "minimizing": minimizing.detect,
    "boundaries": boundaries.detect,
    "one_episode": episode.detect,
}
# In registry order; a registered name without an implementation fails here, at import.
DETECTORS = {name: _IMPLEMENTATIONS[name] for name in NAMES}

__all__ = ["DETECTORS", "Context", "Finding"]
