"""``python -m disclosure_xblock.feedback``: the batch CLI, which lives at the package's edge
(disclosure_xblock/cli.py) because it reads exercise files and the scenario library."""
import sys

from ..cli import main

sys.exit(main())
