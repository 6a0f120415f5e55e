"""The privacy gate both ways: identifiers are found; doses, times and ordinary words are not."""
import pytest

from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import Rubric, load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")


def kinds(text, scenario="anxiety-withdrawal"):
    result = evaluate(text, RUBRIC, load_scenario(scenario) if scenario else None)
    for finding in result.privacy_findings:
        assert text[finding.start:finding.end] == finding.text
    return [(f.kind, f.text) for f in result.privacy_findings]


@pytest.mark.parametrize("text, kind, found", [
    ("Call 555-201-8890 any time.", "phone", "555-201-8890"),
    ("My cell is (415) 555-0199.", "phone", "(415) 555-0199"),
    ("Write to jo.smith@gmail.com please.", "email", "jo.smith@gmail.com"),
    ("My SSN is 123-45-6789.", "ssn", "123-45-6789"),
    ("My chart said MRN 4821337 back then.", "record_number", "MRN 4821337"),
    ("It happened on March 14th, at home.", "date", "March 14th"),
    ("It happened on 14 March, at home.", "date", "14 March"),
    ("It happened on 3/14/2019, at home.", "date", "3/14/2019"),
    ("I lived near 90210.", "zip", "90210"),
    ("I lived at 42 Maple Street then.", "address", "42 Maple Street"),
    ("See www.example.org for the group.", "url", "www.example.org"),
    ("Server 192.168.0.12 was down.", "ip_address", "192.168.0.12"),
    ("My grandmother is 93 years old.", "age", "93 years old"),
    ("Find me at @calm_coach_22 online.", "handle", "@calm_coach_22"),
    ("My cousin Daniel felt the same.", "name", "Daniel"),
    ("I talked with Maria Lopez about it.", "name", "Maria Lopez"),
    ("Dr. Okafor helped me a lot.", "name", "Okafor"),
    ("Sarah and I went to group together.", "name", "Sarah"),
])
def test_identifiers_are_found(text, kind, found):
    assert (kind, found) in kinds(text)


@pytest.mark.parametrize("text", [
    "I took 50 mg every morning at 8 am.",            # a dose and a time
    "At 3 pm I walked 10000 steps.",                   # a time and a count
    "Around 6:30 each day it felt worse, for 2 weeks.",
    "In 2019 I was 24 and felt hopeless.",             # a year, an age under 90
    "It was a Monday in March, around Christmas.",     # days, months, holidays
    "Jamie, I felt that way too. What helps you?",     # the scenario's own patient
    "I moved to Ohio and my Mom helped.",               # state-level place, family word
    "Breathing helped. Walking helped. Journaling helped.",  # capitalised sentence starts
    "I felt like the PTSD and OCD labels didn't fit.",  # acronyms
    "It was 24/7 for a while, and 3/4 of my day.",
    "Sertraline is not something I'd talk about.",      # a drug name is a boundary issue
])
def test_ordinary_text_passes(text):
    assert kinds(text) == []


def test_other_scenario_name_is_flagged():
    # "Sam" belongs to the group scenario, not to Jamie's.
    assert ("name", "Sam") in kinds("I told Sam about it once.", "anxiety-withdrawal")
    assert kinds("I told Sam about it once.", "group-reluctance") == []


def test_gate_can_be_switched_off_but_contact_is_still_flagged():
    rubric = Rubric(criteria=RUBRIC.criteria, privacy_gate=False)
    result = evaluate("Text me at 555-201-8890, Maria.", rubric)
    assert result.privacy_passed and result.privacy_findings == ()
    assert [flag.kind for flag in result.red_flags] == ["contact_details"]


def test_failed_gate_is_a_red_flag():
    result = evaluate("My cousin Daniel had this too.", RUBRIC)
    assert not result.privacy_passed
    assert "privacy" in [flag.kind for flag in result.red_flags]
