"""The privacy gate's cheap pre-tests skip a pattern only where it cannot match.

privacy._may_be_disguised_address decides whether the two disguised-address patterns (email
and URL written with "dot", "[.]", " . " …) run at all; a pre-test that said no where a pattern
matches would lose a finding, so it is checked here against the patterns themselves.
"""
from __future__ import annotations

import inspect
import random

from disclosure_xblock.feedback import privacy

DISGUISED = [pattern for (_kind, pattern), need in zip(privacy.PATTERNS, privacy._NEEDS)
             if need is privacy._may_be_disguised_address]

DOTS = [".", " . ", "[.]", "(.)", " dot ", " punto ", "[dot]", "( . )", ".  ", " .", "<.>", "{ . }",
        ". ", "  .  ", " DOT "]
def pre_test(text):
    """The pre-test on ``text`` (newer versions also take the draft's word set; None: unknown)."""
    arity = len(inspect.signature(privacy._may_be_disguised_address).parameters)
    return privacy._may_be_disguised_address(*(text, text.lower(), None)[:arity])


ATS = [" at ", "@", " @ ", "[at]", "(arroba)", " arroba ", "{at}", " AT ", " "]
TLDS = ["com", "Com", "COM", "it", "It", "es", "me", "Me", "org", "mx", "de", "xyz", "co", "io"]
WORDS = ["maria", "Ana", "lopez", "x1", "gmail", "clinic", "yo", "www", "hxxp://", "http://", "",
         "Me", "the", "is", "calm-coach"]


def test_the_disguised_patterns_never_match_where_the_pre_test_says_no():
    rng = random.Random(11)
    matched = 0
    for _ in range(20000):
        parts = []
        for _word in range(rng.randint(1, 5)):
            parts += [rng.choice(WORDS), rng.choice(DOTS + ATS)]
        text = "".join(parts + [rng.choice(TLDS), rng.choice(["", " ", ".", "/x", "s", " ok"])])
        if any(pattern.search(text) for pattern in DISGUISED):
            matched += 1
            assert pre_test(text), text
    assert matched > 1000  # the generated texts really hold disguised addresses


def test_a_sentence_end_before_a_word_that_is_also_a_domain_runs_no_disguised_pattern():
    text = "Me quedé. Me ayudó respirar. Es difícil. De verdad. It helped."
    assert not pre_test(text)
    for disguised in ("ana arroba correo punto mx", "calmcoach[.]org", "site . com", "x.Com"):
        assert pre_test(disguised)
