"""Properties on any text: never raises, deterministic, evidence spans inside and matching."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_xblock.feedback import count_words, evaluate
from disclosure_xblock.rubric import load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")
SCENARIO = load_scenario("group-reluctance")
WORDS = st.sampled_from(["I", "you", "don't", "know", "exactly", "how", "feel", "'", "\"", "?", ".",
                         "Sam", "Maria", "50 mg", "3 pm", "555-201-8890", "used to", "helped",
                         "just", "relax", "kill myself", "\u201c", "\u201d", "\n", "at least", "*"])
TEXTS = st.one_of(st.text(max_size=5000), st.lists(WORDS, max_size=300).map(" ".join))


def check_spans(text, data):
    spans = [e for c in data["criteria"] for e in c["evidence"]]
    spans += data["privacy"]["findings"]
    spans += [e for flag in data["red_flags"] for e in flag["evidence"]]
    for span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans())
def test_any_text(text, with_scenario):
    scenario = SCENARIO if with_scenario else None
    first = evaluate(text, RUBRIC, scenario).to_dict()
    assert evaluate(text, RUBRIC, scenario).to_dict() == first
    check_spans(text, first)
    assert 0 <= first["score"] <= first["max_score"]
    assert first["word_count"] == count_words(text)
