"""A draft whose language the engine cannot read: the result says which criteria were not
judged for that reason (``not_judged: "language"``), so the views can say it plainly instead of
"your instructor will assess this"; a judged draft's stored shape is unchanged (issue 15)."""
from disclosure_xblock.feedback import evaluate
from disclosure_xblock.rubric import Criterion, Level, Rubric, load_preset
from disclosure_xblock.scenarios import load_scenario

RUBRIC = load_preset("appropriate-self-disclosure")
ANXIETY = load_scenario("anxiety-withdrawal")
FRENCH = ("Quand j'ai commencé ici, je me sentais très seul et anxieux avec les autres. La marche et "
          "la respiration lente m'ont aidé, et c'est devenu plus facile avec le temps.")
GOOD = ("When I started here I used to feel anxious around people. Slow breathing helped, and it got "
        "easier over a few weeks. What feels hardest for you right now?")


def test_criteria_not_judged_for_the_language_say_so_in_the_result():
    result = evaluate(FRENCH, RUBRIC, ANXIETY)
    assert result.language is None
    criteria = {c["id"]: c for c in result.to_dict()["criteria"]}
    # "brief" reads no language (a word count): it is judged and carries no mark.
    assert "not_judged" not in criteria.pop("brief")
    assert {c.get("not_judged") for c in criteria.values()} == {"language"}
    assert all(c["outcome"] is None and c["automatic"] is False for c in criteria.values())


def test_a_judged_draft_has_no_not_judged_key():
    result = evaluate(GOOD, RUBRIC, ANXIETY)
    assert result.language == "en"
    assert all("not_judged" not in c for c in result.to_dict()["criteria"])


def test_an_instructor_criterion_of_an_undecided_draft_is_still_the_instructors():
    manual = Criterion(id="tone", label="Tone",
                       levels=(Level(label="No", points=0), Level(label="Yes", points=2)), checks=())
    rubric = Rubric(criteria=(manual,))
    [tone] = evaluate(FRENCH, rubric, ANXIETY).to_dict()["criteria"]
    assert "not_judged" not in tone and tone["outcome"] is None
