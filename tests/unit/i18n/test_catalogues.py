"""Every user-facing string is translatable and has a Spanish translation (issue 6).

The catalogues are made by scripts/i18n.py (``bash scripts/i18n.sh``): when one of these tests
fails, run it, translate what it lists in disclosure_xblock/conf/locale/es/LC_MESSAGES/django.po,
and run it again (it recompiles django.mo and static/js/translations/es/text.js).
"""
from __future__ import annotations

import html.parser
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("dx_i18n_script", ROOT / "scripts" / "i18n.py")
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)

LETTERS = re.compile(r"[A-Za-z]{2,}")
USER_FACING_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-roledescription", "aria-valuetext"}


def test_every_string_is_extracted_and_translated_into_spanish():
    problems = i18n.problems()
    assert not problems, "Translations are incomplete or stale (run bash scripts/i18n.sh):\n" + "\n".join(problems)


def test_the_spanish_catalogue_uses_two_plural_forms_and_no_fuzzy_entries():
    catalog = i18n.read_catalog(i18n.po_path("es"), locale="es")
    assert catalog.num_plurals == 2
    assert not [m.id for m in catalog if m.id and m.fuzzy]


# --- strings left out of the catalogues ------------------------------------------------------

class _TextCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in USER_FACING_ATTRIBUTES and value and LETTERS.search(value):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and LETTERS.search(data):
            self.found.append(data.strip())


def untranslated_template_text(text):
    """Literal text a template shows without {% trans %} / {% blocktrans %}."""
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", text, flags=re.S)
    text = re.sub(r"{#.*?#}", "", text, flags=re.S)
    text = re.sub(r"{%\s*blocktrans(late)?\b.*?%}.*?{%\s*endblocktrans(late)?\s*%}", "T", text, flags=re.S)
    text = re.sub(r"{%.*?%}", "T", text, flags=re.S)
    text = re.sub(r"{{.*?}}", "V", text, flags=re.S)
    collector = _TextCollector()
    collector.feed(text)
    return collector.found


@pytest.mark.parametrize("path", sorted((ROOT / "templates").rglob("*.html")), ids=lambda p: p.name)
def test_templates_show_no_untranslated_text(path):
    found = untranslated_template_text(path.read_text(encoding="utf-8"))
    assert not found, f"{path.name} shows text outside {{% trans %}}: {found}"


# A string literal assigned as visible text or an accessible name, not passed through gettext.
JS_LITERAL_TEXT = re.compile(
    r"""(?:\.textContent\s*=|\.innerText\s*=|\btext:|setAttribute\(\s*['"](?:aria-label|title|placeholder|alt)['"]\s*,)"""
    r"""\s*(['"])((?:(?!\1).)*[A-Za-z]{3,}(?:(?!\1).)*)\1""")


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "static" / "js").rglob("*.js")
                                        if i18n.JS_TRANSLATIONS_DIR not in p.parents), ids=lambda p: p.name)
def test_scripts_show_no_untranslated_literals(path):
    found = [m.group(2) for m in JS_LITERAL_TEXT.finditer(path.read_text(encoding="utf-8"))]
    assert not found, f"{path.name} shows literal text without gettext(): {found}"


PY_LITERAL_ERROR = re.compile(
    r"""(?:HandlerError\(\s*\d+\s*,|["']error["']\s*:)\s*f?(["'])((?:(?!\1).)*[A-Za-z]{3,}(?:(?!\1).)*)\1""")


# The batch CLI (python -m disclosure_xblock.feedback) writes machine-readable JSON lines for
# designers' scripts: its "error" values are not UI text.
NOT_UI = {"cli.py", "__main__.py"}


def test_python_error_messages_go_through_gettext():
    found = []
    for path in sorted(p for p in i18n.PACKAGE.rglob("*.py") if p.name not in NOT_UI):
        for match in PY_LITERAL_ERROR.finditer(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(ROOT)}: {match.group(2)!r}")
    assert not found, "error messages a learner or grader reads must be translated:\n" + "\n".join(found)


# --- the catalogues work where they are loaded -----------------------------------------------

def test_django_reads_the_block_catalogue_in_the_workbench():
    from django.utils import translation

    with translation.override("es"):
        assert translation.gettext("Get feedback") == "Pedir retroalimentación"
        assert translation.ngettext("{count} word", "{count} words", 3) == "{count} palabras"
    with translation.override("es-419"):
        assert translation.gettext("Your draft") == "Tu borrador"
    with translation.override("en"):
        assert translation.gettext("Get feedback") == "Get feedback"


def test_the_template_renders_in_spanish():
    from django.template import Context, Template
    from django.utils import translation

    template = Template((ROOT / "templates" / "learner.html").read_text(encoding="utf-8"))
    context = {"display_name": "D", "patient": "Jamie", "context_html": "", "prompt": "P",
               "init_json_id": "dx-init-x", "init_args": {}, "instructor_panel_html": "", "lang": "es"}
    with translation.override("es"):
        rendered = template.render(Context(context))
    assert "La situación: Jamie" in rendered
    assert "Pedir retroalimentación" in rendered


def test_the_engine_catalogue_is_the_same_file():
    """The feedback engine reads conf/locale with stdlib gettext (no Django)."""
    import gettext

    catalogue = gettext.translation("django", localedir=str(i18n.LOCALE_DIR), languages=["es"])
    assert catalogue.gettext("Write something first, then ask for feedback.") == \
        "Escribe algo primero y luego pide retroalimentación."


@pytest.mark.skipif(not shutil.which("node"), reason="node is not installed")
def test_the_javascript_catalogue_defines_the_namespace():
    script = (ROOT / "static" / "js" / "translations" / "es" / "text.js").read_text(encoding="utf-8")
    probe = script + """
        var ns = this.DisclosureXBlockI18N;
        console.log(JSON.stringify([ns.gettext('Close to the limit.'), ns.ngettext('{count} word', '{count} words', 1),
            ns.ngettext('{count} word', '{count} words', 4), ns.gettext('not in the catalogue'),
            typeof this.gettext]));
    """
    out = subprocess.run(["node", "-e", f"(function() {{ {probe} }}).call(globalThis)"],
                         capture_output=True, text=True, check=True, timeout=30).stdout
    assert json.loads(out) == ["Cerca del límite.", "{count} palabra", "{count} palabras",
                               "not in the catalogue", "undefined"]
