"""
The one place the package compiles regular expressions, and the rule that keeps them linear.

Learner text reaches several patterns (the privacy gate, the tokeniser, sentence ends), so one
pattern that backtracks over a long run of spaces or digits lets a single draft stall a worker
(a draft of "id", 1,200 spaces and "1" once took 9 s). Every pattern goes through ``compile``,
which refuses the shapes that backtrack:

- an unbounded repeat (``*``, ``+``, ``{n,}``, lazy or greedy) must be possessive (``*+``,
  ``++``, ``{n,}+``): once it has taken its run it never gives a character back, so the rest
  of the pattern cannot make it re-read the run (an atomic group does not exempt what is
  inside it: it backtracks freely until it first succeeds);
- a bounded repeat that may run more than once may hold no other repeat with a choice (a
  possessive or exact one is fine): nested backtracking multiplies;
- no backreferences or conditional groups.

What the rule cannot see is a search that restarts inside a long run at every position and
re-reads the rest of it each time (``[\\w.]++@`` on a 5,000-letter word with no "@"): such
patterns start with a look-behind that refuses to begin inside the run (``(?<![\\w.])``).
tests/unit/test_patterns.py checks both, and benchmarks/worst_case.py measures the whole
engine on generated worst cases against ordinary prose.

Python's own engine is kept (rather than RE2's wheels) because the tokeniser runs one match per
word and RE2's Python binding costs several times more per match, its str offsets need
re-encoding on every ``search(text, pos)``, and it has no look-behind or Unicode ``\\b`` (which
the privacy gate relies on); the rule, the start guards and the scaling test protect the
patterns we write as well. Possessive quantifiers need Python 3.11, the oldest Python the
package supports.
"""
from __future__ import annotations

import re

# The parser behind re.compile (sre_parse before 3.11; the same API under re since, to 3.13).
from re import _constants as _c  # noqa: E402
from re import _parser as _sre_parse  # noqa: E402

IGNORECASE = re.IGNORECASE

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
_FORBIDDEN = {_c.GROUPREF: "a backreference", _c.GROUPREF_EXISTS: "a conditional group"}


class NonLinearPattern(ValueError):
    """A pattern shape that can backtrack (see the module docstring)."""


def compile(source, flags=0):  # noqa: A001 - the name mirrors re.compile on purpose
    """``re.compile(source, flags)`` after checking that the pattern cannot backtrack."""
    check(source, flags)
    return re.compile(source, flags)


def check(source, flags=0):
    """Raise NonLinearPattern when ``source`` has a shape that backtracks; else return None."""
    _walk(_sre_parse.parse(source, flags), source, in_repeat=False)


def _walk(subpattern, source, in_repeat):
    for op, av in subpattern:
        if op in _FORBIDDEN:
            raise NonLinearPattern(f"{source!r}: {_FORBIDDEN[op]} can backtrack")
        if op in _REPEATS:
            low, high, body = av
            if high == _c.MAXREPEAT:
                raise NonLinearPattern(
                    f"{source!r}: an unbounded repeat must be possessive (*+, ++, {{n,}}+)")
            if in_repeat and low != high:
                raise NonLinearPattern(
                    f"{source!r}: a repeat inside a repeat must be possessive (nested "
                    "backtracking multiplies)")
            # An optional part (at most once) does not multiply what it holds.
            _walk(body, source, in_repeat=in_repeat or high > 1)
        elif op == _c.POSSESSIVE_REPEAT:
            # Once the repeat has its run it keeps it; inside one iteration the same rules hold.
            _walk(av[2], source, in_repeat=False)
        elif op == _c.ATOMIC_GROUP:
            _walk(av, source, in_repeat)
        elif op == _c.SUBPATTERN:
            _walk(av[-1], source, in_repeat)
        elif op == _c.BRANCH:
            for branch in av[1]:
                _walk(branch, source, in_repeat)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _walk(av[1], source, in_repeat)
