"""Messages go through stdlib gettext with the package's django.mo catalogues."""
import struct

import pytest

from disclosure_xblock.feedback import evaluate, i18n
from disclosure_xblock.rubric import load_preset


def write_mo(path, messages):
    """A minimal GNU .mo file (what msgfmt writes) holding ``messages`` {msgid: msgstr}."""
    keys = sorted(messages)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(messages[k].encode() + b"\0" for k in keys)
    start = 7 * 4 + 16 * len(keys)
    offsets, pos = [], 0
    for k in keys:
        offsets.append((len(k.encode()), start + pos))
        pos += len(k.encode()) + 1
    trans, pos = [], 0
    for k in keys:
        trans.append((len(messages[k].encode()), start + len(ids) + pos))
        pos += len(messages[k].encode()) + 1
    header = struct.pack("Iiiiiii", 0x950412de, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    table = b"".join(struct.pack("ii", *o) for o in offsets) + b"".join(struct.pack("ii", *t) for t in trans)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + table + ids + strs)


@pytest.fixture
def spanish(tmp_path, monkeypatch):
    write_mo(tmp_path / "es" / "LC_MESSAGES" / "django.mo", {
        "": "Content-Type: text/plain; charset=UTF-8\n",
        "An instructor will assess this part.": "Un instructor evaluará esta parte.",
        "Nothing here claims sameness, plays the feeling down or gives orders.":
            "Nada aquí afirma igualdad, minimiza ni da órdenes.",
        "This looks like a phone number.": "Parece un número de teléfono {broken}.",
    })
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    yield
    i18n.translations.cache_clear()


def test_spanish_catalogue_is_used(spanish):
    rubric = load_preset("appropriate-self-disclosure")
    result = evaluate("I felt nervous once. My number is 555-201-8890.", rubric, language="es-419")
    minimizing = next(c for c in result.criteria if c.id == "no_minimizing")
    level_message = rubric.criterion("no_minimizing").levels[-1].message
    # The designer's level message is kept as written; the engine's sentence is translated.
    assert minimizing.message == level_message + " Nada aquí afirma igualdad, minimiza ni da órdenes."
    # A translation with a broken placeholder falls back to English instead of failing.
    assert result.privacy_findings[0].message == "This looks like a phone number."


def test_unknown_or_odd_language_falls_back_to_english(spanish):
    rubric = load_preset("appropriate-self-disclosure")
    for language in ("fr", "", None, "../../etc", "x" * 50):
        result = evaluate("I felt nervous once.", rubric, language=language)
        assert "Nothing here claims sameness" in result.criteria[5].message


def test_plural_forms_and_nested_messages():
    null = i18n.translations("en")
    assert i18n.render(i18n.ngettext("{n} word", "{n} words", 1, n=1), null) == "1 word"
    assert i18n.render(i18n.ngettext("{n} word", "{n} words", 3, n=3), null) == "3 words"
    nested = i18n._("Hello {who}", who=i18n._("the patient"))
    assert i18n.render(nested, null) == "Hello the patient"
