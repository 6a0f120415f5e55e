"""The weight rule: what edx-submissions is sent for rubric points and a block weight."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from disclosure_xblock.grading.export import safe_cell
from disclosure_xblock.grading.scoring import gradebook_points
from disclosure_xblock.grading.calibration import kappa


@pytest.mark.parametrize("earned, possible, weight, expected", [
    (19, 20, None, (19, 20)),     # no weight: raw rubric points
    (19, 20, 10, (10, 10)),       # 9.5 rounds half up
    (13, 20, 20, (13, 20)),
    (13, 20, 1, (1, 1)),          # weight 1: pass/fail at 50 %
    (9, 20, 1, (0, 1)),
    (10, 20, 1, (1, 1)),
    (7, 20, 2.5, (1, 3)),         # non-whole weight: possible rounds half up to 3 (logged)
    (5, 20, 0, None),             # weight 0: no score at all
    (5, 0, 10, None),             # rubric worth nothing
    (25, 20, 10, (10, 10)),       # clamped
    (-3, 20, 10, (0, 10)),
])
def test_gradebook_points(earned, possible, weight, expected):
    assert gradebook_points(earned, possible, weight) == expected


@given(st.floats(0, 100), st.floats(0.5, 100), st.one_of(st.none(), st.integers(1, 1000)))
def test_points_are_whole_and_in_range(earned, possible, weight):
    points = gradebook_points(earned, possible, weight)
    assert points is not None
    got, out_of = points
    assert isinstance(got, int) and isinstance(out_of, int)
    assert 0 <= got <= out_of and out_of >= 1
    if weight is not None:
        assert out_of == weight


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
    ("plain", "plain"), (None, ""), (3.0, 3), (True, "yes"),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_kappa():
    assert kappa([]) is None
    assert kappa([(1, 1), (1, 1)]) is None          # one category only: undefined
    assert kappa([(0, 0), (1, 1)]) == 1
    assert round(kappa([(2, 2), (2, 1), (1, 1), (0, 0)]), 6) == round(7 / 11, 6)
