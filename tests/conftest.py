"""Shared test set-up: the workbench's global scenario state is reset around each DB test."""
import pytest


@pytest.fixture
def workbench(db):
    """The real workbench with the demo course loaded on a clean test database."""
    from workbench.runtime_util import reset_global_state
    from workbench.scenarios import get_scenarios

    reset_global_state()
    return get_scenarios()
