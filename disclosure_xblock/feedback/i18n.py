"""
Translation of the engine's learner-facing messages, with stdlib gettext (no Django).

Detectors describe what they found as ``Msg`` values (a msgid plus its parameters) and the
engine renders them once, in the learner's language, at the end. So the detectors stay
language-free and the strings are marked with ``_()`` / ``ngettext()`` where they are written,
which is what ``xgettext`` and Django's ``makemessages`` extract.

The catalogue is ``disclosure_xblock/conf/locale/<lang>/LC_MESSAGES/django.mo`` (domain
``django``, the Open edX convention for pip-installed XBlocks).
"""
from __future__ import annotations

import functools
import gettext
from pathlib import Path
from typing import NamedTuple

from .. import patterns

DOMAIN = "django"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "conf" / "locale"
_LANGUAGE_RE = patterns.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")


class Msg(NamedTuple):
    """A message not yet translated: rendered by ``render`` in the learner's language."""

    msgid: str
    params: dict
    plural: str | None = None
    n: int = 1


def _(msgid, **params):
    """Mark ``msgid`` for extraction; translation happens later, in ``render``."""
    return Msg(msgid, params)


def ngettext(singular, plural, number, **params):
    """Mark a message whose wording depends on ``number``."""
    return Msg(singular, params, plural, number)


@functools.lru_cache(maxsize=32)  # catalogues are read-only package data: load each once
def translations(language="en"):
    """The gettext catalogue for ``language`` (``es``, ``es-419``, ``pt_BR`` …); English if absent."""
    language = str(language or "en")
    if not _LANGUAGE_RE.match(language):
        language = "en"
    code = language.replace("-", "_")
    parts = code.split("_")
    # gettext matches catalogue folders case-sensitively: es_419, pt_BR.
    code = parts[0].lower() + ("_" + (parts[1].upper() if len(parts[1]) == 2 else parts[1]) if len(parts) > 1 else "")
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True)


def render(msg, catalogue):
    """The text of ``msg`` in ``catalogue``'s language, parameters filled in."""
    if msg.plural is None:
        template = catalogue.gettext(msg.msgid)
        if not msg.params and "{" not in template and "}" not in template:
            return template  # what format() would return
    else:
        template = catalogue.ngettext(msg.msgid, msg.plural, msg.n)
    params = {key: _render_param(value, catalogue) for key, value in msg.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not break feedback: use English.
        fallback = msg.msgid if msg.plural is None or msg.n == 1 else msg.plural
        return fallback.format(**params)


def _shown(words, limit):
    return list(dict.fromkeys(" ".join(w.split()) for w in words if w and w.strip()))[:limit]


def _render_param(value, catalogue):
    if isinstance(value, Msg):
        return render(value, catalogue)
    if isinstance(value, tuple) and all(isinstance(part, Msg) for part in value):
        return " ".join(render(part, catalogue) for part in value)  # sentences, one after another
    return value


def quote_list(words, limit=3, width=60):
    """Learner's own words, quoted and joined as the language joins a list ("“a”, “b” and
    “c”"), for use as a message parameter (a Msg: the conjunction is translated)."""
    shown = [f"\u201c{clip(w, width)}\u201d" for w in _shown(words, limit)]
    if len(shown) <= 1:
        return shown[0] if shown else ""
    # Translators: the end of a list of quoted words, "“a”, “b” and “c”".
    return _("{items} and {last}", items=", ".join(shown[:-1]), last=shown[-1])


def quote_count(words, limit=3):
    """How many words ``quote_list(words, limit)`` shows: a message's verb agrees with it."""
    return len(_shown(words, limit))


def clip(text, width=60):
    """``text`` cut at a word boundary to about ``width`` characters."""
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0] or text[:width]
    return cut + "\u2026"
