"""The CSV formula guard: every leading character a spreadsheet may read as a formula start."""
import csv
import io

import pytest

from disclosure_xblock.grading.export import safe_cell

FORMULA = "SUM(1)+cmd|' /C calc'!A0"


@pytest.mark.parametrize("lead", [
    "=", "+", "-", "@",                                   # the ASCII starts
    "\uff1d", "\uff0b", "\uff0d", "\uff20",              # full-width ＝ ＋ － ＠
    "\ufe66", "\ufe62", "\ufe63", "\ufe6b",              # small forms ﹦ ﹢ ﹣ ﹫
    "\u207a", "\u207c", "\u2212",                        # superscript + =, the minus sign
    " =", "   +", "\u00a0=", "\u3000=", "\u2003@",        # spaces (no-break, ideographic, em)
    "\u200b=", "\u200c=", "\u200d+", "\u2060-", "\ufeff=",  # zero-width, joiners, BOM (Cf)
    "\u200e=", "\u202e@", "\u2066=", "\u00ad=",          # bidi marks and overrides, soft hyphen
    "\u0301=", "\u3164=", "\x0b=", "\x1f=", "\u2028=",   # combining mark, Hangul filler, controls
    " \u200b \ufeff\u00a0=",                             # several invisibles in a row
])
def test_a_hidden_formula_start_is_guarded(lead):
    text = lead + FORMULA
    assert safe_cell(text) == "'" + text  # the text is kept, only made inert


@pytest.mark.parametrize("text", ["\t" + FORMULA, "\r" + FORMULA, "\n" + FORMULA, "\tplain", "\nplain",
                                  "\r\nplain"])
def test_cells_starting_with_a_tab_or_line_break_are_guarded(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", [
    "I felt anxious too.", " leading space, then words", "\u200bzero width, then words",
    "50 mg", "3 pm", "a = b", "well-being", "", "\u00a0", "'quoted'", "(1) first",
])
def test_ordinary_text_is_left_alone(text):
    assert safe_cell(text) == text


def test_guarded_cells_survive_a_csv_round_trip():
    buffer = io.StringIO()
    cells = [safe_cell(lead + FORMULA) for lead in (" =", "\u200b=", "\uff1d", "\n=")]
    csv.writer(buffer).writerow(cells)
    row = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert row == cells and all(cell.startswith("'") for cell in row)
