#!/usr/bin/env python
"""
Translations for disclosure-xblock: extract → merge → compile, and a completeness check.

Open edX conventions for pip-installed XBlocks (OEP-58):
  * source strings:   disclosure_xblock/conf/locale/en/LC_MESSAGES/django.po (msgstr empty)
  * one file a language: disclosure_xblock/conf/locale/<lang>/LC_MESSAGES/django.po, compiled
    to django.mo next to it (Python and Django templates; the engine reads it with stdlib gettext,
    the workbench through LOCALE_PATHS, the LMS after `atlas pull` or from the package).
  * JavaScript: static/js/translations/<lang>/text.js, a catalogue wrapped in the block's
    ``i18n_js_namespace`` (``DisclosureXBlockI18N``), the same shape edx-platform's
    ``compile_xblock_translations`` writes, so it never touches the page's global gettext.

Usage (from the repository root, with the venv's python):
    python scripts/i18n.py extract   # sources → en/django.po
    python scripts/i18n.py merge     # en/django.po → every <lang>/django.po (keeps translations)
    python scripts/i18n.py compile   # <lang>/django.po → django.mo and text.js
    python scripts/i18n.py check     # exit 1 if a string lacks a translation or files are stale
    python scripts/i18n.py all       # extract, merge, compile, check

Sources scanned: disclosure_xblock/**/*.py (keywords _, gettext, ugettext, gettext_lazy,
gettext_noop, ngettext, ungettext, pgettext), templates/**/*.html ({% trans %} and
{% blocktrans %}, through Django's own templatize), static/js/**/*.js (gettext, ngettext),
translations excluded, and the built-in rubrics disclosure_xblock/rubric/presets/*.xml: each
criterion's label and <description>, each level's label and message, exactly as
disclosure_xblock/rubric/olx.py reads them (``element_text``: trimmed), because
``rubric.presets.localize`` translates an unedited preset with the same catalogue at run time.
"""
from __future__ import annotations

import io
import json
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "disclosure_xblock"
LOCALE_DIR = PACKAGE / "conf" / "locale"
JS_TRANSLATIONS_DIR = ROOT / "static" / "js" / "translations"
# Where edx-platform's XBlockI18nService looks for a pip-installed XBlock's own catalogue:
# <package>/translations/<locale>/LC_MESSAGES/text.mo (domain "text"). The same compiled
# catalogue goes there, so the LMS translates block.py's strings and the templates' {% trans %}.
LMS_LOCALE_DIR = PACKAGE / "translations"


def lms_mo_path(lang):
    return LMS_LOCALE_DIR / lang.replace("-", "_") / "LC_MESSAGES" / "text.mo"
PRESETS_DIR = PACKAGE / "rubric" / "presets"
SOURCE_LANGUAGE = "en"
LANGUAGES = ["es"]
JS_NAMESPACE = "DisclosureXBlockI18N"
PROJECT = "disclosure-xblock"

PY_KEYWORDS = {
    "_": None, "gettext": None, "ugettext": None, "gettext_lazy": None, "gettext_noop": None,
    "ngettext": (1, 2), "ungettext": (1, 2), "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3),
}
JS_KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLURAL_FORMS = {"es": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);"}
PLACEHOLDER = re.compile(r"\{(\w*)\}|%\((\w+)\)[sd]")


def _rel(path):
    return str(Path(path).resolve().relative_to(ROOT))


def source_files():
    """The files strings are extracted from, in a stable order."""
    py = sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)
    html = sorted((ROOT / "templates").rglob("*.html"))
    js = sorted(p for p in (ROOT / "static" / "js").rglob("*.js")
                if JS_TRANSLATIONS_DIR not in p.parents)
    return py, html, js


def preset_files():
    """The built-in rubric presets (OLX), whose wording is translated at run time."""
    return sorted(PRESETS_DIR.glob("*.xml"))


def extract_preset(path):
    """(lineno, msgid, comments, context) for the learner-facing wording of one preset file.

    The msgids are the strings ``parse_rubric`` puts into the Rubric (attribute values and
    ``element_text`` of <description> and <level>), so ``gettext(criterion.label)`` etc. find them.
    """
    sys.path.insert(0, str(ROOT))
    try:
        from disclosure_xblock.rubric.olx import element_text, parse_xml_string  # noqa: PLC0415
    finally:
        sys.path.remove(str(ROOT))
    root = parse_xml_string(path.read_bytes(), f"preset {path.stem}")
    messages = []

    def add(node, text, what):
        text = (text or "").strip()
        if text:
            messages.append((node.sourceline, text, [f"Built-in rubric: {what}."], None))

    def children(node, tag):
        return [child for child in node if isinstance(child.tag, str) and child.tag == tag]

    for crit in children(root, "criterion"):
        cid = crit.get("id", "")
        add(crit, crit.get("label"), "the name of a criterion")
        for desc in children(crit, "description")[:1]:  # parse_rubric reads the first one
            add(desc, element_text(desc), f"what the criterion \"{cid}\" asks for")
        for level in children(crit, "level"):
            add(level, level.get("label"), "the name of a level, shown with its points")
            add(level, element_text(level), f"what the learner reads at a level of \"{cid}\"")
    return messages


def _django_templatize(text, origin):
    """Django's own template → Python-ish conversion, the one `makemessages` feeds to xgettext."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(USE_I18N=True, TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}])
        django.setup()
    from django.utils.translation.template import templatize

    return templatize(text, origin=origin)


def _add(catalog, messages, path):
    for lineno, msgid, comments, context in messages:
        if not msgid:
            continue
        if isinstance(msgid, tuple) and not msgid[0]:
            continue
        catalog.add(msgid, locations=[(_rel(path), lineno)], auto_comments=comments, context=context)


def extract_catalog():
    """Every translatable string in the sources, as a Babel catalogue (the template)."""
    catalog = Catalog(project=PROJECT, version="1.0", locale=SOURCE_LANGUAGE, fuzzy=False,
                      charset="utf-8", msgid_bugs_address="")
    py, html, js = source_files()
    options = {"encoding": "utf-8"}
    for path in py:
        with open(path, "rb") as fileobj:
            _add(catalog, extract("python", fileobj, keywords=PY_KEYWORDS,
                                  comment_tags=("Translators:",), options=options, strip_comment_tags=True), path)
    for path in html:
        code = _django_templatize(path.read_text(encoding="utf-8"), origin=str(path))
        # templatize keeps line numbers but not Python's indentation rules: flatten each line.
        code = "\n".join(line.lstrip() for line in code.split("\n"))
        _add(catalog, extract("python", io.BytesIO(code.encode("utf-8")), keywords=PY_KEYWORDS,
                              comment_tags=("Translators:",), options=options, strip_comment_tags=True), path)
    for path in js:
        with open(path, "rb") as fileobj:
            _add(catalog, extract("javascript", fileobj, keywords=JS_KEYWORDS,
                                  comment_tags=("Translators:",), options=options, strip_comment_tags=True), path)
    for path in preset_files():
        _add(catalog, extract_preset(path), path)
    return catalog


def po_path(lang):
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def read_catalog(path, locale=None):
    with open(path, "rb") as fileobj:
        return read_po(fileobj, locale=locale)


def write_catalog(catalog, path, width=100):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=width, sort_output=False, sort_by_file=True, include_previous=False)
    data = buffer.getvalue()
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def cmd_extract():
    template = extract_catalog()
    template.revision_date = datetime(2025, 1, 1, tzinfo=timezone.utc)  # stable files, clean diffs
    template.creation_date = template.revision_date
    set_header(template, SOURCE_LANGUAGE)
    write_catalog(template, po_path(SOURCE_LANGUAGE))
    print(f"extracted {len(template)} messages → {_rel(po_path(SOURCE_LANGUAGE))}")
    return template


def cmd_merge(template=None):
    template = template or read_catalog(po_path(SOURCE_LANGUAGE))
    for lang in LANGUAGES:
        path = po_path(lang)
        if path.exists():
            catalog = read_catalog(path, locale=lang)
        else:
            catalog = Catalog(project=PROJECT, version="1.0", locale=lang, charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()  # removed strings go; git keeps their history
        set_header(catalog, lang)
        catalog.revision_date = template.revision_date
        catalog.language_team = f"{lang} <{lang}@li.org>"
        write_catalog(catalog, path)
        missing = untranslated(catalog)
        print(f"merged {_rel(path)}: {len(catalog)} messages, {len(missing)} untranslated")


def set_header(catalog, lang):
    """Stable header; gettext's two plural forms (what edx-platform's catalogues use for es)."""
    catalog.fuzzy = False
    catalog.header_comment = (f"# {lang} translation of {PROJECT}.\n"
                              "# Maintained with scripts/i18n.py; this file is the record of the translations.\n#")
    if lang in PLURAL_FORMS:
        expr = PLURAL_FORMS[lang].split("plural=", 1)[1].rstrip(";")
        catalog._num_plurals = 2  # pylint: disable=protected-access
        catalog._plural_expr = expr  # pylint: disable=protected-access
    catalog.last_translator = f"{PROJECT} team"


def untranslated(catalog):
    """msgids of ``catalog`` with no (or a fuzzy) translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(s and s.strip() for s in strings):
            missing.append(message.id)
    return missing


def placeholder_problems(catalog):
    """Messages whose translation uses other placeholders than the source."""
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        wanted = set().union(*(set(m.group(0) for m in PLACEHOLDER.finditer(i)) for i in ids))
        for s in strings:
            if not s:
                continue
            got = set(m.group(0) for m in PLACEHOLDER.finditer(s))
            # A singular may drop {count} ("one word"), but must not invent or misspell one.
            if got - wanted or (len(strings) == 1 and got != wanted):
                problems.append((message.id, s))
    return problems


def js_msgids(catalog):
    """msgids used by the JavaScript files (only those go into text.js)."""
    ids = []
    for message in catalog:
        if message.id and any(loc.endswith(".js") for loc, _line in message.locations):
            ids.append(message.id)
    return ids


def js_catalogue_text(catalog, template):
    """The namespaced JS catalogue for one language (same API as Django's jsi18n)."""
    wanted = {m if isinstance(m, str) else m[0] for m in js_msgids(template)}
    entries = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key not in wanted:
            continue
        if message.context:
            key = f"{message.context}\x04{key}"
        if isinstance(message.string, (list, tuple)):
            if all(message.string):
                entries[key] = list(message.string)
        elif message.string:
            entries[key] = message.string
    plural = catalog.plural_expr or "(n != 1)"
    body = json.dumps(dict(sorted(entries.items())), ensure_ascii=True, indent=2)
    return f"""// Generated by scripts/i18n.py from {_rel(po_path(catalog.locale_identifier or 'xx'))}: do not edit.
// The block's own catalogue, kept in window.{JS_NAMESPACE} so it never replaces the page's gettext.
(function (global) {{
  'use strict';
  var catalog = {body};
  function pluralidx(n) {{
    var v = {plural};
    return typeof v === 'boolean' ? (v ? 1 : 0) : v;
  }}
  var ns = global.{JS_NAMESPACE} || {{}};
  ns.catalog = Object.assign(ns.catalog || {{}}, catalog);
  ns.pluralidx = pluralidx;
  ns.gettext = function (msgid) {{
    var value = ns.catalog[msgid];
    if (value === undefined) {{ return msgid; }}
    return typeof value === 'string' ? value : value[0];
  }};
  ns.ngettext = function (singular, plural, count) {{
    var value = ns.catalog[singular];
    if (value === undefined) {{ return count === 1 ? singular : plural; }}
    return typeof value === 'string' ? value : value[pluralidx(count)];
  }};
  ns.pgettext = function (context, msgid) {{
    var value = ns.gettext(context + '\\x04' + msgid);
    return value.indexOf('\\x04') !== -1 ? msgid : value;
  }};
  global.{JS_NAMESPACE} = ns;
}}(this));
"""


def mo_bytes(catalog):
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def cmd_compile():
    template = read_catalog(po_path(SOURCE_LANGUAGE))
    for lang in [SOURCE_LANGUAGE, *LANGUAGES]:
        catalog = read_catalog(po_path(lang), locale=lang)
        mo = po_path(lang).with_suffix(".mo")
        data = mo_bytes(catalog)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
        print(f"compiled {_rel(mo)}")
        if lang == SOURCE_LANGUAGE:
            continue
        lms_mo = lms_mo_path(lang)
        lms_mo.parent.mkdir(parents=True, exist_ok=True)
        if not lms_mo.exists() or lms_mo.read_bytes() != data:
            lms_mo.write_bytes(data)
        print(f"copied to {_rel(lms_mo)}")
        js = JS_TRANSLATIONS_DIR / lang / "text.js"
        js.parent.mkdir(parents=True, exist_ok=True)
        text = js_catalogue_text(catalog, template)
        if not js.exists() or js.read_text(encoding="utf-8") != text:
            js.write_text(text, encoding="utf-8")
        print(f"wrote {_rel(js)}")


def problems():
    """Everything that makes the translations incomplete or stale, as readable lines."""
    found = []
    template = extract_catalog()
    source_ids = {m.id for m in template if m.id}
    en_path = po_path(SOURCE_LANGUAGE)
    if not en_path.exists():
        return [f"{_rel(en_path)} is missing: run scripts/i18n.sh"]
    en_ids = {m.id for m in read_catalog(en_path) if m.id}
    for msgid in sorted(source_ids - en_ids, key=str):
        found.append(f"not extracted into {_rel(en_path)} (run scripts/i18n.sh): {msgid!r}")
    for lang in LANGUAGES:
        path = po_path(lang)
        if not path.exists():
            found.append(f"{_rel(path)} is missing")
            continue
        catalog = read_catalog(path, locale=lang)
        by_id = {m.id: m for m in catalog if m.id}
        for msgid in sorted(source_ids, key=str):
            message = by_id.get(msgid)
            if message is None:
                found.append(f"[{lang}] not in {_rel(path)}: {msgid!r}")
        for msgid in untranslated(catalog):
            if msgid in source_ids:
                found.append(f"[{lang}] untranslated: {msgid!r}")
        for msgid, string in placeholder_problems(catalog):
            found.append(f"[{lang}] placeholders differ: {msgid!r} → {string!r}")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            found.append(f"[{lang}] {_rel(mo)} is stale: run scripts/i18n.sh compile")
        lms_mo = lms_mo_path(lang)
        if not lms_mo.exists() or lms_mo.read_bytes() != mo_bytes(catalog):
            found.append(f"[{lang}] {_rel(lms_mo)} is stale: run scripts/i18n.sh compile")
        js = JS_TRANSLATIONS_DIR / lang / "text.js"
        if not js.exists() or js.read_text(encoding="utf-8") != js_catalogue_text(catalog, template):
            found.append(f"[{lang}] {_rel(js)} is stale: run scripts/i18n.sh compile")
    return found


def cmd_check():
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


def main(argv):
    command = argv[1] if len(argv) > 1 else "all"
    os.chdir(ROOT)
    if command == "extract":
        cmd_extract()
    elif command == "merge":
        cmd_merge()
    elif command == "compile":
        cmd_compile()
    elif command == "check":
        return cmd_check()
    elif command == "all":
        cmd_merge(cmd_extract())
        cmd_compile()
        return cmd_check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
