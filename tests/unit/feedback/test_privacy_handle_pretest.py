"""privacy._may_be_handle decides whether the handle-without-"@" pattern runs at all; it must
say yes wherever that pattern matches (a necessary condition), or a finding would be lost."""
from __future__ import annotations

import random

from disclosure_xblock.feedback import privacy
from disclosure_xblock.feedback.text import Analysis


def pre_test(text):
    return privacy._may_be_handle(text, text.lower(), frozenset(Analysis(text).folded))


PIECES = ["add", "Add", "ADD", "follow", "dm", "DM", "message", "find", "FİND", "meſſage", "fınd",
          "re-add", "x_add", "me", "Me", "ME", "se", "que", "yo", "te", "calmkim22", "calm.kim",
          "jane_doe", "u/calmkim", "instagram", "tik tok", "on", "is", "es", ":", " :", ": ", "",
          "ayudó", "reunión", "como", "user name", "casi", "on insta", "k1m"]
# "'", "-" and "’" glue a platform name to the next word ("on insta'user name"): the pattern
# still reads it, so the pre-test must too.
SEPARATORS = [" ", "  ", ", ", "\n", "", ". ", "'", "-", "\u2019"]


def test_the_handle_pattern_never_matches_where_the_pre_test_says_no():
    rng = random.Random(7)
    matched = 0
    for _ in range(20000):
        parts = []
        for _word in range(rng.randint(1, 7)):
            parts += [rng.choice(PIECES), rng.choice(SEPARATORS)]
        text = "".join(parts)
        if privacy._HANDLE_WORD_RE.search(text):
            matched += 1
            assert pre_test(text), text
    assert matched > 1000  # the generator reaches the pattern often enough to test the pre-test


def test_a_spanish_me_and_a_colon_alone_do_not_run_the_pattern():
    text = "Me acuerdo de mi primera reunión de equipo: se me apretaba el pecho."
    assert not pre_test(text)
    assert privacy._HANDLE_WORD_RE.search(text) is None


def test_add_me_with_a_colon_still_runs_it():
    for text in ("add me: calmkim22", "pls DM me : calm.kim", "FİND me: calm_kim"):
        assert pre_test(text)
        assert privacy._HANDLE_WORD_RE.search(text)


def test_a_platform_name_glued_by_an_apostrophe_or_hyphen_still_runs_it():
    for text in ("k1m  on insta'user name", "on tik-tok calmkim22"):
        assert pre_test(text), text
