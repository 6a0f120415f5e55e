"""
The rubric model: criteria, levels and automatic checks, their validation, and OLX read/write.

Plain Python: no XBlock or Django imports, so the feedback engine and the batch CLI use it alone.
"""
from .model import (
    MET,
    NOT_MET,
    PARTIAL,
    Check,
    Criterion,
    Level,
    Rubric,
    RubricError,
    Scenario,
)
from .presets import DEFAULT_PRESET, load_preset, preset_names

__all__ = [
    "MET", "NOT_MET", "PARTIAL", "Check", "Criterion", "Level", "Rubric", "RubricError",
    "Scenario", "DEFAULT_PRESET", "load_preset", "preset_names",
]
