"""
The built-in rubrics, shipped as OLX data files in ``rubric/presets/``.

A designer's exercise that says ``<rubric preset="appropriate-self-disclosure"/>`` gets the rubric
defined in ``presets/appropriate-self-disclosure.xml``.
"""
from __future__ import annotations

import functools
import importlib.resources

from .. import patterns
from .errors import RubricError
from .olx import parse_rubric, parse_xml_string

DEFAULT_PRESET = "appropriate-self-disclosure"
_NAME_RE = patterns.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


def preset_names():
    """The names of every built-in rubric."""
    folder = importlib.resources.files(__package__).joinpath("presets")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".xml"))


@functools.lru_cache(maxsize=8)  # read-only package data: safe to cache per process
def load_preset(name):
    """Return the built-in Rubric called ``name``, or raise RubricError."""
    if not isinstance(name, str) or not _NAME_RE.match(name) or name not in preset_names():
        raise RubricError("rubric", f"unknown preset {name!r}; available: {', '.join(preset_names())}")
    data = importlib.resources.files(__package__).joinpath("presets", f"{name}.xml").read_bytes()
    node = parse_xml_string(data, f"preset {name}")
    rubric = parse_rubric(node, load_preset=_no_nested_presets)
    return type(rubric)(criteria=rubric.criteria, privacy_gate=rubric.privacy_gate, preset=name)


def _no_nested_presets(name):
    raise RubricError("rubric", "a preset file must define its criteria itself")


def localize(rubric, gettext):
    """The rubric with a built-in preset's wording translated by ``gettext``.

    Only an unedited preset is ours to translate (its strings are in the package's catalogue);
    a designer's own rubric is returned as written, in the course's language. Scores, ids and
    the version fingerprint are unchanged, so submissions still record the canonical rubric.
    """
    if not rubric.preset or gettext is None:
        return rubric
    try:
        if rubric != load_preset(rubric.preset):
            return rubric
    except RubricError:
        return rubric
    from dataclasses import replace  # noqa: PLC0415

    def tr(text):
        return gettext(text) if text else text

    criteria = tuple(
        replace(criterion, label=tr(criterion.label), description=tr(criterion.description),
                levels=tuple(replace(level, label=tr(level.label), message=tr(level.message))
                             for level in criterion.levels))
        for criterion in rubric.criteria
    )
    return replace(rubric, criteria=criteria)
