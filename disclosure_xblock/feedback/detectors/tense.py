"""Where a draft tells of the past: the tense cues that resolution, one episode and minimizing
share (a module of its own so that minimizing, which resolution imports, can read them too)."""
from __future__ import annotations

from ..lexicons import words

# "-ed" words that are not past verbs, and words before an "-ed" adjective that make it
# present ("I'm worried", "I am scared").
_NOT_PAST = frozenset(("need", "indeed", "speed", "proceed", "succeed", "exceed",
                       "bed", "red", "seed", "feed", "breed", "shed", "embed", "hundred",
                       "sacred", "naked", "wicked", "kindred", "ed", "greed", "tired"))
_PRESENT_BEFORE = frozenset(("am", "is", "are", "i'm", "you're", "we're", "they're", "be",
                             "being", "get", "feel", "seem", "look", "it's", "im", "youre"))


def past_positions(ctx):
    """Word indexes that set the story in the past (markers, listed verbs, regular -ed), once per
    draft (resolution, one episode and minimizing's own-past check read it)."""
    return ctx.cached("past_positions", _find_past)


def _find_past(ctx):
    a = ctx.analysis
    found = ctx.cues("resolution.past", negation=False)
    verbs = words("resolution", "past_verbs", ctx.language)
    english = ctx.language == "en"  # the regular "-ed" past is English's (Spanish lists its forms)
    norms = a.norms
    for k, norm in enumerate(norms):
        if a.quoted[k]:
            continue
        if norm in verbs or k in a.past_marks:  # past_marks: endings outside English (text.py)
            found.append((k, k))
        elif (english and len(norm) > 4 and norm.endswith("ed") and norm not in _NOT_PAST
                and (k == 0 or norms[k - 1] not in _PRESENT_BEFORE) and not a.quoted[k]):
            found.append((k, k))
    return sorted(set(found))
