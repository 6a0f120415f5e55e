"""
Read and write the ``<rubric>`` and ``<scenario>`` OLX elements with lxml.

The format is documented in docs/olx.md. Reading validates as it goes and raises RubricError
naming the element and the problem; writing is the exact inverse, so import -> export -> import
gives the same rubric.
"""
from __future__ import annotations

from lxml import etree

from .. import patterns
from .model import Check, Rubric, RubricError, Scenario, number, split_list

# A parser that never touches the network or expands entities: OLX comes from course imports.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False
)
MAX_OLX_BYTES = 512 * 1024
# What XML 1.0 cannot hold (most C0 controls, U+FFFE/U+FFFF, lone surrogates): lxml refuses to
# write them ("All strings must be XML compatible"). The editor refuses them at save; text
# stored before that loses them on export rather than making the course unexportable.
NOT_XML = patterns.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    """``value`` as text that XML can hold: the characters it cannot are dropped."""
    return NOT_XML.sub("", str(value))


def parse_xml_string(text, what="OLX"):
    """Parse untrusted XML text safely; raise RubricError on malformed input."""
    if isinstance(text, str):
        text = text.encode("utf-8")
    if len(text) > MAX_OLX_BYTES:
        raise RubricError(what, f"is larger than {MAX_OLX_BYTES // 1024} KB")
    try:
        return etree.fromstring(text, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise RubricError(what, f"is not well-formed XML ({exc})") from None


def element_text(node):
    """The whole text inside an element, inner markup included, trimmed."""
    if node is None:
        return ""
    parts = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
        else:
            parts.append(child.tail or "")
    return "".join(parts).strip()


def _children(node, tag):
    return [child for child in node if isinstance(child.tag, str) and child.tag == tag]


def _only_known_children(node, allowed, path):
    for child in node:
        if isinstance(child.tag, str) and child.tag not in allowed:
            raise RubricError(path, f"unexpected element <{child.tag}>; expected one of: "
                                    + ", ".join(f"<{tag}>" for tag in allowed))


# --- checks ------------------------------------------------------------------------------------

def _parse_check(node, path):
    check_type = node.get("type")
    params = {key: value for key, value in node.attrib.items() if key != "type"}
    if check_type == "phrases":
        _only_known_children(node, ("phrase",), path)
        params["phrases"] = [element_text(p) for p in _children(node, "phrase")]
    return Check.from_dict({"type": check_type, "params": params}, path).to_dict()


def _write_check(check, parent):
    node = etree.SubElement(parent, "check", type=check.type)
    for key, value in check.params.items():
        if key == "phrases":
            continue
        node.set(key, xml_text(value))
    for phrase in check.params.get("phrases", ()):
        etree.SubElement(node, "phrase").text = xml_text(phrase)


# --- rubric ------------------------------------------------------------------------------------

def parse_rubric(node, load_preset=None):
    """Build a Rubric from a ``<rubric>`` element.

    An empty ``<rubric preset="NAME"/>`` means the built-in rubric NAME (``load_preset``, e.g.
    ``presets.load_preset``, is called with it); otherwise the ``<criterion>`` children define the rubric.
    """
    path = "rubric"
    _only_known_children(node, ("criterion",), path)
    criteria_nodes = _children(node, "criterion")
    preset = node.get("preset")
    if not criteria_nodes:
        if not preset:
            raise RubricError(path, "needs <criterion> elements or a preset attribute")
        if load_preset is None:
            # presets.py parses its files with this module, so the caller passes the loader.
            raise RubricError(path, "presets cannot be used here")
        return load_preset(preset)
    criteria = []
    for index, crit in enumerate(criteria_nodes, start=1):
        cpath = f"rubric/criterion[{crit.get('id') or index}]"
        _only_known_children(crit, ("description", "level", "check"), cpath)
        levels = [
            {"points": lvl.get("points"), "label": lvl.get("label", ""), "message": element_text(lvl)}
            for lvl in _children(crit, "level")
        ]
        if any(level["points"] is None for level in levels):
            raise RubricError(cpath, "every <level> needs a points attribute")
        checks = [
            _parse_check(chk, f"{cpath}/check[{i}]")
            for i, chk in enumerate(_children(crit, "check"), start=1)
        ]
        description = _children(crit, "description")
        criteria.append({
            "id": crit.get("id", ""),
            "label": crit.get("label", ""),
            "description": element_text(description[0]) if description else "",
            "levels": levels,
            "checks": checks,
        })
    privacy = node.get("privacy_gate", "true").strip().lower()
    if privacy not in ("true", "false"):
        raise RubricError(path, f"privacy_gate must be true or false, not {privacy!r}")
    return Rubric.from_dict({"criteria": criteria, "privacy_gate": privacy == "true"})


def write_rubric(rubric, parent, preset_rubric=None):
    """Append a ``<rubric>`` element for ``rubric`` to ``parent``.

    When the rubric is still exactly its preset (``preset_rubric``), the short preset form is
    written so that later improvements to the built-in rubric reach the course.
    """
    node = etree.SubElement(parent, "rubric")
    if rubric.preset and preset_rubric is not None and _same(rubric, preset_rubric):
        node.set("preset", xml_text(rubric.preset))
        return node
    if not rubric.privacy_gate:
        node.set("privacy_gate", "false")
    for criterion in rubric.criteria:
        crit = etree.SubElement(node, "criterion", id=xml_text(criterion.id), label=xml_text(criterion.label))
        if criterion.description:
            etree.SubElement(crit, "description").text = xml_text(criterion.description)
        for level in criterion.levels:
            lvl = etree.SubElement(crit, "level", points=str(number(level.points)))
            if level.label:
                lvl.set("label", xml_text(level.label))
            lvl.text = xml_text(level.message)
        for check in criterion.checks:
            _write_check(check, crit)
    return node


def _same(a, b):
    da, db = a.to_dict(), b.to_dict()
    da.pop("preset", None)
    db.pop("preset", None)
    return da == db


# --- scenario ----------------------------------------------------------------------------------

def parse_scenario(node):
    """Build a Scenario from a ``<scenario>`` element."""
    path = "scenario"
    _only_known_children(node, ("context", "prompt", "keywords"), path)

    def child_text(tag):
        found = _children(node, tag)
        if len(found) > 1:
            raise RubricError(path, f"has more than one <{tag}>")
        return element_text(found[0]) if found else ""

    return Scenario.from_dict({
        "key": node.get("key", ""),
        "patient": node.get("patient", ""),
        "allowed_names": split_list(node.get("allowed_names", "")),
        "context": child_text("context"),
        "prompt": child_text("prompt"),
        "keywords": split_list(child_text("keywords")),
    })


def write_scenario(scenario, parent):
    node = etree.SubElement(parent, "scenario")
    for attr, value in (("key", scenario.key), ("patient", scenario.patient),
                        ("allowed_names", ", ".join(scenario.allowed_names))):
        if value:
            node.set(attr, xml_text(value))
    for tag, value in (("context", scenario.context), ("prompt", scenario.prompt),
                       ("keywords", ", ".join(scenario.keywords))):
        if value:
            etree.SubElement(node, tag).text = xml_text(value)
    return node
