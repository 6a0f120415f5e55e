"""
The engine's answer: per-criterion feedback, the privacy result and red flags, as plain data.

``FeedbackResult.to_dict()`` is the public JSON shape (the block, the batch CLI and exports use
it); ``compact()`` is the small form kept in a learner's feedback history.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .flags import SCHEME as FLAG_SCHEME
from .flags import needs_support


class Evidence(NamedTuple):
    """Words of the draft behind a judgement: ``text == draft[start:end]``."""

    start: int
    end: int
    text: str
    note: str = ""

    def to_dict(self):
        return {"start": self.start, "end": self.end, "text": self.text, "note": self.note}


@dataclass(frozen=True)
class CriterionFeedback:
    id: str
    label: str
    level: int | None
    level_label: str
    points: float
    max_points: float
    met: bool
    outcome: str | None
    automatic: bool
    message: str
    evidence: tuple = ()
    # Why the engine did not judge an automatic criterion: "language" when it could not read
    # the draft's language with confidence (language.py), so the views say that plainly
    # rather than "your instructor will assess this". None: judged, or an instructor's criterion.
    not_judged: str | None = None

    def to_dict(self):
        out = {
            "id": self.id,
            "label": self.label,
            "level": self.level,
            "level_label": self.level_label,
            "points": self.points,
            "max_points": self.max_points,
            "met": self.met,
            "outcome": self.outcome,
            "automatic": self.automatic,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.not_judged:
            out["not_judged"] = self.not_judged  # absent otherwise: the stored shape is unchanged
        return out


class PrivacyFinding(NamedTuple):
    kind: str
    start: int
    end: int
    text: str
    message: str

    def to_dict(self):
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "message": self.message}


class RedFlag(NamedTuple):
    kind: str
    message: str
    evidence: tuple = ()

    def to_dict(self):
        return {"kind": self.kind, "message": self.message, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class FeedbackResult:
    score: float
    max_score: float
    word_count: int
    criteria: tuple = ()
    privacy_passed: bool = True
    privacy_findings: tuple = ()
    red_flags: tuple = field(default_factory=tuple)
    # The draft's language as read ("en", "es"; None: could not tell). Not in to_dict(): the
    # stored shape stays as it was; the batch CLI reports it beside the dict.
    language: str | None = "en"

    def to_dict(self):
        return {
            "score": self.score,
            "max_score": self.max_score,
            "word_count": self.word_count,
            "criteria": [c.to_dict() for c in self.criteria],
            "privacy": {"passed": self.privacy_passed,
                        "findings": [f.to_dict() for f in self.privacy_findings]},
            "red_flags": [flag.to_dict() for flag in self.red_flags],
            "flag_scheme": FLAG_SCHEME,  # how to read the kinds (flags.py); absent before 2
        }

    @property
    def needs_support(self):
        """True when a red flag calls for the exercise's support message (self-harm …)."""
        return needs_support(flag.kind for flag in self.red_flags)

    def compact(self):
        """What a feedback history entry keeps: scores and levels, never the learner's text."""
        return {
            "score": self.score,
            "max_score": self.max_score,
            "levels": {c.id: c.level for c in self.criteria},
            "privacy_passed": self.privacy_passed,
            "red_flags": [flag.kind for flag in self.red_flags],
        }
