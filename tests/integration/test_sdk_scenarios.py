"""xblock-sdk's own scenario test, run with this block installed.

It loads the workbench index and renders every installed block's scenarios (ours included);
one scenario that fails to load breaks the whole index, which is what this guards against.
"""
import pytest
from workbench.test.test_scenarios import ScenarioTest  # noqa: F401  (collected by pytest)

from disclosure_xblock.block import DisclosureXBlock

pytestmark = pytest.mark.django_db


def test_our_scenarios_are_among_those_the_sdk_test_renders(workbench):
    ours = [sid for sid in workbench if sid.startswith("disclosure_exercise.")]
    assert len(ours) == len(DisclosureXBlock.workbench_scenarios()) == 4
