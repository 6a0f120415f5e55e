"""
A catalogue of hostile strings and the checks that a rendered page treats them as data only.

Every payload that could run script sets ``window.__xss`` (and some call ``alert``), so the
browser test can tell whether anything executed; the server-side checks look for the marker
``__xss`` anywhere it could act: an element the benign page does not have, an event-handler or
URL attribute, a script that is not a JSON data block.
"""
import json
import re

import lxml.html

MARKER = "__xss"
LONG_WORD = "Supercalifragilistic" * 250  # 5,000 characters, no break opportunity

# name -> payload. Short enough for most fields; ``fit`` trims to a field's limit.
CATALOGUE = {
    "script_tag": "<script>window.__xss=1;alert(1)</script>",
    "img_onerror": '<img src=x onerror="window.__xss=2;alert(2)">',
    "javascript_url": '<a href="javascript:window.__xss=3">open</a> javascript:window.__xss=3',
    "attr_breakout": '"><svg onload=window.__xss=4>\' onfocus=\'window.__xss=4\' autofocus x=\'',
    "textarea_breakout": "</textarea><script>window.__xss=5</script><textarea>",
    "script_in_json": '</script><script>window.__xss=6</script><!--',
    "broken_markup": "<div <b onmouseover=window.__xss=7>unclosed <i>tags <!-- comment <p",
    "iframe_srcdoc": '<iframe srcdoc="<script>parent.__xss=8</script>"></iframe>',
    "style_inject": "<style>body{display:none}</style><link rel=stylesheet href=//evil.invalid/x.css>",
    "template_syntax": "{{ request }} {% debug %} ${window.__xss=9} #{7*7}",
    "rtl_override": "Jamie \u202egnp.exe\u202c said \u202eolleh\u202c",
    "zero_width": "Ja\u200bmie\u200d felt\u2060 \ufeffanxious\u200c",
    "long_word": LONG_WORD,
    "formula": '=HYPERLINK("http://evil.invalid","x") +cmd|\' /C calc\'!A0 @SUM(1) -2+3',
}
SCRIPT_PAYLOADS = {k: v for k, v in CATALOGUE.items() if MARKER in v}

# Attributes whose value is code or a URL: hostile data must never land in one.
DANGEROUS_ATTRS = {"href", "src", "action", "formaction", "srcdoc", "style", "xlink:href", "data"}


def fit(payload, limit):
    """The payload cut to ``limit`` characters (still hostile at the start)."""
    return payload[:limit]


def structure(root, skip_class=None):
    """(tag, sorted attribute names) of every element, outside elements of class ``skip_class``."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if skip_class and any(skip_class in (a.get("class") or "").split() for a in el.iterancestors()):
            continue
        out.append((el.tag, tuple(sorted(el.attrib))))
    return out


def assert_inert(html, baseline_html=None, rich_text_class="dx-context", allowed_rich_tags=()):
    """Assert the page shows hostile data only as text. Returns the parsed root."""
    root = lxml.html.document_fromstring(html)
    problems = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            low_value = value.strip().lower()
            if name.lower().startswith("on") and MARKER in value:
                problems.append(f"event handler <{el.tag} {name}={value[:60]!r}>")
            if name.lower() in DANGEROUS_ATTRS and (MARKER in value or low_value.startswith("javascript:")):
                problems.append(f"url/code attribute <{el.tag} {name}={value[:60]!r}>")
        if el.tag == "script":
            body = el.text or ""
            in_block = any(a.get("data-block-type") for a in el.iterancestors())
            if el.get("type") in ("application/json", "json/xblock-args"):
                try:
                    json.loads(body)  # a data block must stay valid JSON (no early </script>)
                except ValueError:
                    problems.append(f"a JSON data block was cut short (</script> inside?): {body[-80:]!r}")
            elif MARKER in body and in_block:
                problems.append(f"hostile text inside an executable script: {body[:80]!r}")
        if el.tag in ("iframe", "svg", "object", "embed", "link", "style", "img") and MARKER in lxml.html.tostring(el, encoding="unicode"):
            problems.append(f"injected <{el.tag}>")
    rich = [el for el in root.iter() if isinstance(el.tag, str)
            and rich_text_class in (el.get("class") or "").split()]
    for container in rich:
        for el in container.iterdescendants():
            if not isinstance(el.tag, str):
                continue
            if el.tag not in allowed_rich_tags:
                problems.append(f"rich text kept <{el.tag}>")
            if el.attrib:
                problems.append(f"rich text kept attributes {dict(el.attrib)} on <{el.tag}>")
    if baseline_html is not None:
        base = lxml.html.document_fromstring(baseline_html)
        got, want = structure(root, rich_text_class), structure(base, rich_text_class)
        if got != want:
            extra = sorted(set(got) - set(want))
            problems.append(f"element structure differs from the benign page: {extra[:5]} "
                            f"({len(got)} vs {len(want)} elements)")
    assert not problems, "\n".join(problems)
    return root


def json_blocks(html):
    """Every ``<script type="application/json">`` block of a page, parsed."""
    root = lxml.html.document_fromstring(html)
    return {el.get("id"): json.loads(el.text or "null")
            for el in root.iter("script") if el.get("type") == "application/json"}


FORMULA_START = re.compile(r"^[=+\-@\t\r]")
