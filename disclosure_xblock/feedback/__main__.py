"""``python -m disclosure_xblock.feedback``: the batch CLI (see cli.py)."""
import sys

from .cli import main

sys.exit(main())
