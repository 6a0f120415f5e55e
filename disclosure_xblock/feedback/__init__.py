"""
The automatic feedback engine: plain Python, no XBlock or Django.

Front door::

    from disclosure_xblock.feedback import evaluate, count_words
    result = evaluate(draft, rubric, scenario=None, language="en")
    result.to_dict()   # score, max_score, word_count, criteria, privacy, red_flags
    result.compact()   # the small form kept in a learner's feedback history

``evaluate`` never raises on any text; it raises only for a rubric that is not a Rubric.
The feedback is advisory: lexical cues miss irony, euphemism and misspelling, and the
instructor grades. The batch CLI is ``python -m disclosure_xblock.feedback``.
"""
from .engine import evaluate, warm
from .result import CriterionFeedback, Evidence, FeedbackResult
from .text import count_words

__all__ = ["evaluate", "warm", "count_words", "FeedbackResult", "CriterionFeedback", "Evidence"]
