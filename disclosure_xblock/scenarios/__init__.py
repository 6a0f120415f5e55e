"""
The built-in scenario library: ready-made exercises a designer can start from.

Each file in ``library/`` is a complete ``<disclosure_exercise>`` OLX element (scenario, rubric
preset and an exemplar that models the whole rubric). The demo course and Studio's "start from
the library" both read these files.
"""
from __future__ import annotations

import importlib.resources

from .. import patterns
from ..exercise import Exercise
from ..rubric import RubricError

_KEY_RE = patterns.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


def _folder():
    return importlib.resources.files(__package__).joinpath("library")


def scenario_keys():
    """Keys of every library scenario, sorted."""
    return sorted(p.name[:-4] for p in _folder().iterdir() if p.name.endswith(".xml"))


def library_olx(key):
    """The OLX text of library exercise ``key``."""
    if not isinstance(key, str) or not _KEY_RE.match(key) or key not in scenario_keys():
        raise RubricError("scenario", f"unknown scenario {key!r}; available: {', '.join(scenario_keys())}")
    return _folder().joinpath(f"{key}.xml").read_text(encoding="utf-8")


def load_exercise(key):
    """The library exercise ``key`` as an Exercise."""
    return Exercise.from_olx_string(library_olx(key))


def load_scenario(key):
    """Just the Scenario of library exercise ``key`` (the batch CLI's ``--scenario KEY``)."""
    return load_exercise(key).scenario
