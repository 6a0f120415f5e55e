"""
The red-flag kinds: the one registry of what a flag is called and what it tells the learner.

A red flag routes a submission to an instructor whatever its score. The safety kinds (self-harm,
suicide, overdose) also show the learner the exercise's support message.

Stored records keep flag kinds as strings. Before ``SCHEME`` 2 (results without a
"flag_scheme" key) one kind, "self_harm", meant self-harm *or* suicide: ``label`` reads such
records by the meaning they had.
"""
from __future__ import annotations

from typing import NamedTuple

from .i18n import Msg, _

SCHEME = 2


class FlagKind(NamedTuple):
    label: Msg        # the kind in words, for the instructor's queue
    message: Msg      # what the learner (and the instructor's detail view) reads
    support: bool     # show the learner the support message


KINDS = {
    "suicide": FlagKind(_("Suicide"), _(
        "Mentions suicide or not wanting to live: an instructor will read this."), True),
    "overdose": FlagKind(_("Overdose"), _(
        "Mentions an overdose: an instructor will read this."), True),
    "self_harm": FlagKind(_("Self-harm"), _(
        "Mentions self-harm: an instructor will read this."), True),
    "contact_details": FlagKind(_("Contact outside care"), _(
        "Shares a way to contact someone outside care."), False),
    "privacy": FlagKind(_("Identifying details"), _(
        "May contain identifying details: check before reading it aloud or sharing it."), False),
}
# The default support message (an exercise may set its own): neutral words, no country's number.
SUPPORT_MESSAGE = _(
    "If any of this is about you, you don't have to carry it alone. You can talk to someone "
    "confidentially through your employer's Employee Assistance Program (EAP). If you are in "
    "danger or might act on these thoughts, call your local emergency number now.")
SUPPORT_KINDS = frozenset(kind for kind, entry in KINDS.items() if entry.support)
_LEGACY_LABELS = {"self_harm": _("Self-harm or suicide")}


def label(kind, scheme=SCHEME):
    """The Msg naming ``kind`` (in a record of flag ``scheme``); None for an unknown kind."""
    if scheme < SCHEME and kind in _LEGACY_LABELS:
        return _LEGACY_LABELS[kind]
    entry = KINDS.get(kind)
    return entry.label if entry is not None else None


def scheme_of(result):
    """The flag scheme of a stored result dict (``evaluate().to_dict()``): 1 when unmarked."""
    value = result.get("flag_scheme") if isinstance(result, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def needs_support(kinds):
    """True when any of ``kinds`` (strings) calls for the support message."""
    return any(kind in SUPPORT_KINDS for kind in kinds or ())
