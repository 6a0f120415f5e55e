"""The cue files are reviewed data: each phrase is written once in its section.

A second copy changes nothing the engine does, but a reviewer who edits or removes one copy
believes the cue is gone while the other still fires.
"""
from __future__ import annotations

import importlib.resources

import pytest

LEXICONS = importlib.resources.files("disclosure_xblock.feedback").joinpath("lexicons")


def _files(folder=LEXICONS, prefix=""):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _files(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".txt"):
            yield f"{prefix}{entry.name}", entry


def duplicates(text):
    """[(section, phrase, first line, repeated line)] for phrases written twice in one section."""
    seen, found, section = {}, [], None
    for number, raw in enumerate(text.splitlines(), 1):
        line = " ".join(raw.split("#", 1)[0].split())
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line
            continue
        key = (section, line)
        if key in seen:
            found.append((section, line, seen[key], number))
        else:
            seen[key] = number
    return found


def test_the_check_finds_a_repeat_within_a_section_and_not_across_sections():
    text = "[a]\nhurt myself\n# note\nhurt  myself  # again\n[b]\nhurt myself\n"
    assert duplicates(text) == [("[a]", "hurt myself", 2, 4)]


@pytest.mark.parametrize("name,entry", list(_files()), ids=lambda value: value if isinstance(value, str) else "")
def test_no_phrase_is_written_twice_in_one_section(name, entry):
    assert duplicates(entry.read_text("utf-8")) == [], name
