"""A process's first drafts, arriving together on a worker's threads, build the engine's caches
once: the others wait for that build instead of repeating it (the load test's cold-start tail).

Each case runs in a fresh interpreter, where nothing is cached yet, and counts how many lexicon
indexes get built."""
import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys, threading
    from disclosure_xblock.feedback import lexicons
    built = []
    original = lexicons.LexiconIndex.__init__
    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)
    lexicons.LexiconIndex.__init__ = counting
    from disclosure_xblock.feedback import evaluate
    from disclosure_xblock.rubric import load_preset
    rubric = load_preset("appropriate-self-disclosure")
    drafts = ["I used to hide in my room when I felt anxious; short walks helped. And you?",
              "Antes me encerraba cuando tenía ansiedad; caminar me ayudó. ¿Y a ti?"] * 4
    # The same eight drafts either way: one after another on one thread, or on eight at once.
    groups = [drafts] if sys.argv[1] == "1" else [[text] for text in drafts]
    start = threading.Barrier(len(groups))
    def run(texts):
        start.wait()
        for text in texts:
            evaluate(text, rubric)
    threads = [threading.Thread(target=run, args=(texts,)) for texts in groups]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(len(built))
""")


def builds(threads):
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(threads)], capture_output=True, text=True,
                         check=True, timeout=300)
    return int(run.stdout.split()[-1])


def test_eight_threads_at_once_build_the_caches_no_more_often_than_one_thread():
    alone = builds(1)
    assert alone > 0
    assert builds(8) == alone


INDEXED = textwrap.dedent("""
    import json, sys
    from disclosure_xblock.feedback import lexicons
    indexed = []
    original = lexicons.LexiconIndex.__init__
    def counting(self, entries=(), segments=None):
        parts = ((0, entries),) if segments is None else segments
        indexed.append(sum(len(tuple(part)) for _segment, part in parts))
        original(self, entries) if segments is None else original(self, entries, segments)
    lexicons.LexiconIndex.__init__ = counting
    from disclosure_xblock.feedback import evaluate
    from disclosure_xblock.rubric import load_preset
    from disclosure_xblock.scenarios import load_scenario
    rubric = load_preset("appropriate-self-disclosure")
    steps = {}
    def step(name, run):
        before = len(indexed)
        run()
        steps[name] = indexed[before:]
    if sys.argv[1] == "warm":
        from disclosure_xblock.feedback import warm
        step("warm", warm)
        for language, text in (("en", "I used to hide in my room; short walks helped. And you?"),
                               ("en", "My café days were naïve; short walks helped. And you?"),
                               ("es", "Antes me encerraba; caminar me ayudó. ¿Y a ti?")):
            step(text, lambda: evaluate(text, rubric, language=language))
    else:
        for key in ("anxiety-withdrawal", "hopelessness", "group-reluctance"):
            scenario = load_scenario(key)
            step(key, lambda: evaluate("I used to hide in my room; short walks helped. And you?", rubric, scenario))
    print(json.dumps(steps))
""")


def indexed(mode):
    """{step: [entries indexed by each LexiconIndex built in it]} in a fresh interpreter."""
    run = subprocess.run([sys.executable, "-c", INDEXED, mode], capture_output=True, text=True,
                         check=True, timeout=300)
    return json.loads(run.stdout.splitlines()[-1])


def test_a_new_scenario_indexes_only_its_own_cues_not_the_lexicons_again():
    steps = indexed("scenarios")
    first, *others = steps.values()
    assert sum(first) > 10_000  # the lexicons' cues, once
    for built in others:
        # Only the scenario's relevance concepts (some hundred cues); in one index with the
        # lexicons', each scenario rebuilt all twenty thousand (a second of CPU per process).
        assert 0 < sum(built) < 2_000


def test_warm_builds_every_index_a_draft_without_a_scenario_needs():
    steps = indexed("warm")
    assert sum(steps.pop("warm")) > 10_000
    assert steps and all(built == [] for built in steps.values())  # nothing left to build
