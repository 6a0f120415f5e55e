"""disclosure-xblock: self-disclosure drafting exercises with rubric feedback for Open edX."""

__version__ = "0.1.0"
