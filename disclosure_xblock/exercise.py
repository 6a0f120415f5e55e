"""
An exercise's authored settings as one validated value, and its OLX form.

The block's content/settings fields, the Studio editor, OLX import/export and the scenario
library all go through ``Exercise``: one place decides what a valid exercise is.
Plain Python (lxml only).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from lxml import etree

from .draft_policy import MAX_DRAFT_CHARS
from .rubric import DEFAULT_PRESET, Rubric, RubricError, Scenario, load_preset
from .rubric.olx import (
    _only_known_children,
    element_text,
    parse_rubric,
    parse_scenario,
    parse_xml_string,
    xml_text,
    write_rubric,
    write_scenario,
)

TAG = "disclosure_exercise"
GRADING_MODES = ("auto", "instructor", "auto_and_instructor")
SHOW_EXEMPLAR = ("never", "after_submit")
MAX_WORDS_CEILING = 1000
MAX_FEEDBACK_REQUESTS = 100
MAX_WEIGHT = 1000.0
# The support message a learner sees with a self-harm, suicide or overdose flag: plain text.
MAX_SUPPORT_CHARS = 1000


@dataclass(frozen=True)
class Exercise:
    """Everything a designer sets on one exercise."""

    display_name: str = "Self-disclosure practice"
    scenario: Scenario = field(default_factory=Scenario)
    rubric: Rubric = None
    exemplar: str = ""
    min_words: int = 15
    max_words: int = 120
    max_feedback_requests: int = 5
    grading_mode: str = "auto_and_instructor"
    weight: float | None = None
    show_exemplar: str = "after_submit"
    allow_resubmission: bool = False
    hold_staff_grades: bool = False
    # Empty means the default (feedback/flags.py SUPPORT_MESSAGE, in the learner's language).
    support_message: str = ""

    def __post_init__(self):
        if self.rubric is None:
            object.__setattr__(self, "rubric", load_preset(DEFAULT_PRESET))

    # --- validation ---------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data, require_prompt=True):
        """Validate editor or field data into an Exercise; raise RubricError naming the field."""
        if not isinstance(data, dict):
            raise RubricError("exercise", "must be an object")
        display_name = str(data.get("display_name") or "").strip()
        if not display_name:
            raise RubricError("display_name", "the display name must not be empty")
        if len(display_name) > 200:
            raise RubricError("display_name", "the display name is longer than 200 characters")
        min_words = _bounded_int(data.get("min_words", 15), "min_words", 0, MAX_WORDS_CEILING)
        max_words = _bounded_int(data.get("max_words", 120), "max_words", 1, MAX_WORDS_CEILING)
        if min_words > max_words:
            raise RubricError("min_words", "the minimum word count is greater than the maximum")
        grading_mode = data.get("grading_mode", "auto_and_instructor")
        if grading_mode not in GRADING_MODES:
            raise RubricError("grading_mode", f"must be one of {', '.join(GRADING_MODES)}, not {grading_mode!r}")
        show_exemplar = data.get("show_exemplar", "after_submit")
        if show_exemplar not in SHOW_EXEMPLAR:
            raise RubricError("show_exemplar", f"must be one of {', '.join(SHOW_EXEMPLAR)}, not {show_exemplar!r}")
        rubric_data = data.get("rubric")
        if isinstance(rubric_data, Rubric):
            rubric = rubric_data
        elif rubric_data is None or rubric_data == {"preset": DEFAULT_PRESET}:
            rubric = load_preset(DEFAULT_PRESET)
        else:
            rubric = Rubric.from_dict(rubric_data)
        if grading_mode == "auto":
            manual = [c.id for c in rubric.criteria if not c.is_automatic]
            if manual:
                raise RubricError(
                    "grading_mode",
                    "automatic grading needs an automatic check on every criterion; "
                    f"these have none: {', '.join(manual)}")
        scenario_data = data.get("scenario") or {}
        scenario = scenario_data if isinstance(scenario_data, Scenario) else Scenario.from_dict(
            scenario_data, require_prompt=require_prompt)
        exemplar = str(data.get("exemplar") or "").strip()
        if len(exemplar) > MAX_DRAFT_CHARS:
            raise RubricError("exemplar", f"the exemplar is longer than {MAX_DRAFT_CHARS} characters")
        support_message = data.get("support_message") or ""
        if not isinstance(support_message, str):
            raise RubricError("support_message", "the support message must be text")
        support_message = support_message.strip()
        if len(support_message) > MAX_SUPPORT_CHARS:
            raise RubricError("support_message",
                              f"the support message is longer than {MAX_SUPPORT_CHARS} characters")
        return cls(
            display_name=display_name,
            scenario=scenario,
            rubric=rubric,
            exemplar=exemplar,
            min_words=min_words,
            max_words=max_words,
            max_feedback_requests=_bounded_int(
                data.get("max_feedback_requests", 5), "max_feedback_requests", 0, MAX_FEEDBACK_REQUESTS),
            grading_mode=grading_mode,
            weight=_weight(data.get("weight")),
            show_exemplar=show_exemplar,
            allow_resubmission=_bool(data.get("allow_resubmission", False), "allow_resubmission"),
            hold_staff_grades=_bool(data.get("hold_staff_grades", False), "hold_staff_grades"),
            support_message=support_message,
        )

    def to_dict(self):
        return {
            "display_name": self.display_name,
            "scenario": self.scenario.to_dict(),
            "rubric": self.rubric.to_dict(),
            "exemplar": self.exemplar,
            "min_words": self.min_words,
            "max_words": self.max_words,
            "max_feedback_requests": self.max_feedback_requests,
            "grading_mode": self.grading_mode,
            "weight": self.weight,
            "show_exemplar": self.show_exemplar,
            "allow_resubmission": self.allow_resubmission,
            "hold_staff_grades": self.hold_staff_grades,
            "support_message": self.support_message,
        }

    def with_changes(self, **changes):
        return replace(self, **changes)

    # --- OLX ----------------------------------------------------------------------------------

    @classmethod
    def from_olx(cls, node):
        """Read a ``<disclosure_exercise>`` element; raise RubricError naming what is wrong."""
        if node.tag != TAG:
            raise RubricError(node.tag, f"expected <{TAG}>")
        children = ("scenario", "rubric", "exemplar", "support_message")
        _only_known_children(node, children, TAG)
        found = {}
        for tag in children:
            nodes = [c for c in node if c.tag == tag]
            if len(nodes) > 1:
                raise RubricError(TAG, f"has more than one <{tag}>")
            found[tag] = nodes[0] if nodes else None
        attrs = dict(node.attrib)
        data = {
            "display_name": attrs.get("display_name", cls.display_name),
            "min_words": attrs.get("min_words", cls.min_words),
            "max_words": attrs.get("max_words", cls.max_words),
            "max_feedback_requests": attrs.get("max_feedback_requests", cls.max_feedback_requests),
            "grading_mode": attrs.get("grading_mode", cls.grading_mode),
            "weight": attrs.get("weight"),
            "show_exemplar": attrs.get("show_exemplar", cls.show_exemplar),
            "allow_resubmission": attrs.get("allow_resubmission", "false"),
            "hold_staff_grades": attrs.get("hold_staff_grades", "false"),
            "exemplar": element_text(found["exemplar"]),
            "support_message": element_text(found["support_message"]),
        }
        if found["scenario"] is not None:
            data["scenario"] = parse_scenario(found["scenario"])
        data["rubric"] = (parse_rubric(found["rubric"], load_preset=load_preset) if found["rubric"] is not None
                          else load_preset(DEFAULT_PRESET))
        try:
            return cls.from_dict(data, require_prompt=False)
        except RubricError as exc:
            raise RubricError(f"{TAG}/@{exc.path}" if "/" not in exc.path else exc.path, exc.message,
                              exc.field) from None

    @classmethod
    def from_olx_string(cls, text):
        return cls.from_olx(parse_xml_string(text, f"<{TAG}>"))

    def write_olx(self, node):
        """Fill ``node`` (a ``<disclosure_exercise>`` element) with this exercise."""
        node.set("display_name", xml_text(self.display_name))
        node.set("grading_mode", self.grading_mode)
        node.set("min_words", str(self.min_words))
        node.set("max_words", str(self.max_words))
        node.set("max_feedback_requests", str(self.max_feedback_requests))
        node.set("show_exemplar", self.show_exemplar)
        if self.weight is not None:
            node.set("weight", repr(float(self.weight)))
        if self.allow_resubmission:
            node.set("allow_resubmission", "true")
        if self.hold_staff_grades:
            node.set("hold_staff_grades", "true")
        write_scenario(self.scenario, node)
        preset = None
        if self.rubric.preset:
            try:
                preset = load_preset(self.rubric.preset)
            except RubricError:
                preset = None
        write_rubric(self.rubric, node, preset_rubric=preset)
        if self.exemplar:
            etree.SubElement(node, "exemplar").text = xml_text(self.exemplar)
        if self.support_message:
            etree.SubElement(node, "support_message").text = xml_text(self.support_message)
        return node

    def to_olx_string(self):
        node = etree.Element(TAG)
        self.write_olx(node)
        return etree.tostring(node, encoding="unicode", pretty_print=True)


def _bounded_int(value, name, low, high):
    if isinstance(value, bool):
        raise RubricError(name, "must be a whole number")
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise RubricError(name, f"must be a whole number, not {value!r}") from None
    if number < low or number > high:
        raise RubricError(name, f"must be between {low} and {high}")
    return number


def _bounded_float(value, name, low, high):
    if isinstance(value, bool):
        raise RubricError(name, "must be a number")
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        raise RubricError(name, f"must be a number, not {value!r}") from None
    if number != number or number < low or number > high:
        raise RubricError(name, f"must be between {low:g} and {high:g}")
    return number


def _weight(value):
    """None (score in raw rubric points) or a whole number of gradebook points.

    edx-submissions stores whole points, and the LMS grades learners who never submitted against
    the weight itself, so a fractional weight could not be honoured consistently (see
    grading/scoring.py).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = _bounded_float(value, "weight", 0.0, MAX_WEIGHT)
    if number != int(number):
        raise RubricError("weight", "must be a whole number of points (the gradebook stores whole points), "
                                    "or empty to score in rubric points")
    return float(number)


def _bool(value, name):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", ""):
        return False
    raise RubricError(name, f"must be true or false, not {value!r}")
