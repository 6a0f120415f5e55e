"""
Rubric arithmetic on the plain-dict rubric snapshot a submission keeps (``Rubric.to_dict()``).

Grading always uses the snapshot the learner was given, never the block's current rubric, so a
designer's later edit cannot change what an old submission is judged on. Levels are indices into
each criterion's levels, sorted by points ascending (as ``Rubric.from_dict`` sorts them).
"""
from __future__ import annotations


def criteria(rubric):
    """The snapshot's criteria as a list of dicts (empty for a missing snapshot)."""
    return list((rubric or {}).get("criteria") or [])


def sorted_levels(criterion):
    return sorted(criterion.get("levels") or [], key=lambda level: float(level.get("points") or 0))


def max_points(criterion):
    levels = sorted_levels(criterion)
    return float(levels[-1].get("points") or 0) if levels else 0.0


def raw_possible(rubric):
    return sum(max_points(criterion) for criterion in criteria(rubric))


def level_info(criterion, level):
    """(label, points) of level index ``level`` or (\"\", None) when out of range / None."""
    levels = sorted_levels(criterion)
    if level is None or not isinstance(level, int) or not 0 <= level < len(levels):
        return "", None
    chosen = levels[level]
    return chosen.get("label") or "", float(chosen.get("points") or 0)


def raw_earned(rubric, levels):
    """Sum of the points of the chosen levels (criteria without a level count 0)."""
    total = 0.0
    for criterion in criteria(rubric):
        _label, points = level_info(criterion, (levels or {}).get(criterion.get("id")))
        total += points or 0.0
    return total


def is_automatic(criterion):
    return bool(criterion.get("checks"))


def number(value):
    """Points as JSON-friendly numbers: 2.0 → 2."""
    if value is None:
        return None
    value = float(value)
    return int(value) if value == int(value) else round(value, 2)
