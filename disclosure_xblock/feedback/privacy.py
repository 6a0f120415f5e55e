"""
The privacy gate: identifiers a learner must not type (HIPAA Safe Harbor's pattern-shaped ones).

Patterns: phone, email, SSN, record-like digit runs, dates with a day and month, ZIP codes,
street addresses, URLs, IP addresses, ages over 89, social handles, and capitalised person
names other than the scenario's own. Doses ("50 mg"), times ("3 pm", "10:30") and years are
not identifiers. All patterns are fixed, precompiled and linear (see patterns.py: every
unbounded run is possessive, and a pattern that could restart inside a long run refuses to
begin there with a look-behind); designers cannot change them.
"""
from __future__ import annotations

import bisect

from .. import patterns
from .i18n import _
from .lexicons import grammar, vocabulary, words

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_STREET = (r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|"
           r"pl|terrace|circle|highway|hwy|parkway|pkwy)")

# Order matters: earlier kinds claim their characters first (an email is not also a URL).
PATTERNS = (
    ("email", patterns.compile(r"(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++")),
    ("url", patterns.compile(r"\b(?:https?://|www\.)[^\s<>\"]++|(?<![A-Za-z0-9-])[A-Za-z0-9-]++\.(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly)\b(?:/[^\s<>\"]*+)?", patterns.IGNORECASE)),
    ("ip_address", patterns.compile(r"\b(?:\d{1,3}+\.){3}\d{1,3}+\b")),
    ("ssn", patterns.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("phone", patterns.compile(r"(?<![\w-])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|(?<![\w-])\+\d[\d\s.-]{7,14}\d\b|\b\d{10}\b")),
    ("date", patterns.compile(
        r"\b" + _MONTH + r"\.?\s++\d{1,2}(?:st|nd|rd|th)?\b(?!\s*+(?:mg|ml|am|pm|a\.m|p\.m|:))"
        r"|\b\d{1,2}(?:st|nd|rd|th)?\s++(?:of\s++)?" + _MONTH + r"\b"
        r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"
        r"|\b\d{4}-\d{2}-\d{2}\b", patterns.IGNORECASE)),
    ("age", patterns.compile(r"\b(?:9\d|1[0-4]\d)[\s-]*+(?:years?|yrs?)[\s-]*+old\b|\b(?:aged?|age of)\s++(?:9\d|1[0-4]\d)\b", patterns.IGNORECASE)),
    # Street names are capitalised ("12 Elm Street"); "2 blocks down the road" is not an address.
    ("address", patterns.compile(r"\b\d{1,5}\s++(?:[A-Z][A-Za-z]++\s++){1,3}(?i:" + _STREET + r")\b\.?")),
    ("record_number", patterns.compile(r"\b(?:mrn|medical record|record|chart|account|acct|member|policy|licen[cs]e|plate|id)\s*+(?:(?:number|no\.?|#)\s*+)?(?:[:#]\s*+)?[A-Z]{0,3}\d{4,}+\b|\b[A-Z]{0,3}\d{6,}+\b", patterns.IGNORECASE)),
    # A 5-digit number that is not followed by a word ("10000 steps") reads as a ZIP code.
    ("zip", patterns.compile(r"\b\d{5}(?:-\d{4})?\b(?!\s*+[A-Za-z%])")),
    ("handle", patterns.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")),
)

MESSAGES = {
    "email": _("This looks like an email address."),
    "url": _("This looks like a web address."),
    "ip_address": _("This looks like an IP address."),
    "ssn": _("This looks like a social security number."),
    "phone": _("This looks like a phone number."),
    "date": _("This looks like a date with a day and month."),
    "age": _("An age over 89 can identify someone."),
    "address": _("This looks like a street address."),
    "record_number": _("This looks like a record or account number."),
    "zip": _("This looks like a ZIP code."),
    "handle": _("This looks like a social media handle."),
    "name": _("This looks like a real person's or place's name; use the scenario's names only."),
}
CONTACT_KINDS = frozenset(("email", "url", "phone", "handle"))


# Cheap tests that decide whether a group of patterns can match at all: most drafts hold no
# digit, no "@" and no web address, so most patterns never run.
_NEEDS = {
    "email": "@", "handle": "@",
    "url": patterns.compile(r"://|www\.|\.(?:com|org|net|edu|gov|io|co|us|uk|me|info|ly)\b", patterns.IGNORECASE),
}
_DIGIT_RE = patterns.compile(r"\d")


class _Taken:
    """Disjoint character spans already claimed, kept sorted: overlap tests cost log n, so a
    draft with hundreds of findings is not compared pair by pair."""

    __slots__ = ("starts", "ends")

    def __init__(self):
        self.starts, self.ends = [], []

    def overlaps(self, start, end):
        k = bisect.bisect_right(self.starts, start)
        return (k > 0 and self.ends[k - 1] > start) or (k < len(self.starts) and self.starts[k] < end)

    def add(self, start, end):
        k = bisect.bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.ends.insert(k, end)


def _pattern_findings(text):
    taken = _Taken()
    found = []
    has_digit = _DIGIT_RE.search(text) is not None
    for kind, pattern in PATTERNS:
        need = _NEEDS.get(kind)
        if need is None:
            if not has_digit:
                continue
        elif isinstance(need, str):
            if need not in text:
                continue
        elif need.search(text) is None:
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            found.append((kind, start, end))
    return found, taken


def _is_capitalised(word):
    return word[:1].isupper() and not word.isupper() and word[:1].isalpha()


def _name_findings(analysis, allowed):
    """Capitalised words that look like a person's (or a place's) name."""
    text, starts, ends, norms = analysis.text, analysis.starts, analysis.ends, analysis.norms
    common = words("privacy", "not_names")
    known = vocabulary()
    titles = grammar()["titles"]
    sentence_starts = {first for first, _l, _s, _e in analysis.sentences}
    found = []
    k = 0
    n = len(norms)
    while k < n:
        raw = text[starts[k]:ends[k]]
        base = norms[k].split("'")[0]
        if (not _is_capitalised(raw) or len(base) < 2 or base in allowed or base in common
                or base in known or any(ch.isdigit() for ch in raw)):
            k += 1
            continue
        gap_before = text[ends[k - 1]:starts[k]] if k else ""
        after_title = k > 0 and norms[k - 1] in titles
        at_start = k in sentence_starts or any(ch in gap_before for ch in ":\"\u201c(")
        # The next word, if it is also a capitalised non-common word: "Maria Lopez".
        last = k
        while (last + 1 < n and text[ends[last]:starts[last + 1]] == " "
               and _is_capitalised(text[starts[last + 1]:ends[last + 1]])
               and norms[last + 1].split("'")[0] not in common
               and norms[last + 1].split("'")[0] not in allowed):
            last += 1
        if at_start and not after_title and last == k:
            # A capital at a sentence start is usually grammar; only "Maria and I" reads as a name.
            if not (k + 2 < n and norms[k + 1] == "and" and norms[k + 2] in ("i", "me")):
                k += 1
                continue
        found.append(("name", starts[k], ends[last]))
        k = last + 1
    return found


def scan(analysis, scenario=None):
    """Every identifier in the draft: a list of (kind, start, end), in text order."""
    allowed = frozenset()
    if scenario is not None:
        allowed = frozenset(part.lower() for name in scenario.names for part in name.split())
    found, taken = _pattern_findings(analysis.text)
    for kind, start, end in _name_findings(analysis, allowed):
        if not taken.overlaps(start, end):
            found.append((kind, start, end))
    found.sort(key=lambda item: item[1])
    return found
