"""A process's first drafts, arriving together on a worker's threads, build the engine's caches
once: the others wait for that build instead of repeating it (the load test's cold-start tail).

Each case runs in a fresh interpreter, where nothing is cached yet, and counts how many lexicon
indexes get built."""
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
