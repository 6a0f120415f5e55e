"""The draft policy: how long a learner's draft may be and how much feedback history is kept.

One module owns these numbers; the block, the Studio editor's "Try a draft", the exercise
(its exemplar) and the grading store all read them. Plain Python, no imports.
"""

# Hard ceiling on a draft whatever the word limits say (an answer in edx-submissions is
# capped at 100 KB of JSON, which this stays far below).
MAX_DRAFT_CHARS = 5000

# How many feedback requests the learner's history keeps (older ones drop off); the grading
# store keeps the same number with a submission.
MAX_HISTORY = 30
