"""
Evaluate a draft against a rubric: the one place that turns checks into levels and points.

Per criterion: each check gives an outcome; the criterion takes the weakest one, which
``Criterion.level_for_outcome`` maps to a level. The learner reads that level's designer
message followed by the engine's explanation of what triggered it.
"""
from __future__ import annotations

import functools

from .. import patterns
from ..rubric.model import MET, NOT_MET, OUTCOMES, PARTIAL, Scenario, number
from ..rubric.errors import RubricError
from ..rubric.presets import load_preset, localize
from .checks import run_check
from .detectors import Context
from .flags import KINDS as FLAG_KINDS
from .i18n import _, render, translations
from .language import detect as detect_language
from .language import page_language
from .privacy import CONTACT_KINDS, MESSAGES, scan
from .result import CriterionFeedback, Evidence, FeedbackResult, PrivacyFinding, RedFlag
from .safety import cue_scan, scan as safety_scan

_RANK = {outcome: rank for rank, outcome in enumerate(OUTCOMES)}  # met < partial < not_met
MAX_EVIDENCE = 8
# The end of a sentence in a message: ".", "!" or "?" before a space or the end.
_SENTENCE_END_RE = patterns.compile(r"[.!?](?= |\Z)")


def _localized(rubric, catalogue):
    """``localize(rubric, catalogue.gettext)``, an unedited preset's translation built once per
    catalogue (i18n.translations loads each once) rather than once per draft."""
    if rubric.preset:
        try:
            if rubric == load_preset(rubric.preset):
                return _localized_preset(rubric.preset, catalogue)
        except RubricError:
            pass
    return rubric


@functools.lru_cache(maxsize=16)  # immutable: read-only preset and catalogue
def _localized_preset(name, catalogue):
    return localize(load_preset(name), catalogue.gettext)


# One draft per way a draft is read (its language; an English draft with an accent has folded
# words of its own, scanned apart), each on a page in its own language: between them they build
# every read-only cache a draft can need.
_WARM_DRAFTS = (
    ("en", "Years ago I felt nervous around people; walking helped. How is it for you?"),
    ("en", "Years ago I felt naïve and nervous at the café; walking helped. How is it for you?"),
    ("es", "Hace años me ponía nervioso con la gente; caminar me ayudó. ¿Cómo lo vives tú?"),
)
# With keywords of both languages and a context, so that the relevance lexicon's caches (synonym
# groups, context terms; about 0.4 s of CPU, shared by every scenario) are built too.
_WARM_SCENARIO = Scenario(patient="Sam", context="Sam says: I feel anxious and alone in groups.",
                          keywords=("anxiety", "groups", "ansiedad"))


def warm():
    """Build the engine's read-only caches (lexicon indexes, compiled cues; about 2 s of CPU)
    now, at process start, rather than in a learner's first request.

    Built lazily, they stall a server worker's first feedback requests for seconds: every thread
    asking for feedback waits for the one build, and while the build holds the GIL the worker's
    other requests wait too (the load test's cold-start tail). A scenario's own keyword cues
    are still built on its first draft (milliseconds)."""
    rubric = load_preset("appropriate-self-disclosure")
    for language, text in _WARM_DRAFTS:
        for scenario in (None, _WARM_SCENARIO):
            evaluate(text, rubric, scenario, language=language, draft_language=language)


def evaluate(text, rubric, scenario=None, language="en", draft_language=None):
    """Judge ``text`` by ``rubric``; return a FeedbackResult (see result.py for its shape).

    ``language`` is the page's: messages are in it. ``draft_language`` is the draft's ("en",
    "es"); None decides it from the draft (language.py). A draft the engine cannot read with
    confidence is judged only by its language-free checks (length, phrase lists); the
    criteria that need the detectors say so (privacy and red flags still run).
    """
    text = "" if text is None else str(text)
    catalogue = translations(language)
    if language and not language.startswith("en"):
        rubric = _localized(rubric, catalogue)  # a built-in rubric speaks the learner's language
    if draft_language is None:
        decided = detect_language(text, fallback=page_language(language)).language
    else:
        decided = page_language(draft_language)
    ctx = Context(text, scenario, decided or "en")
    if decided is None:
        criteria = tuple(_unread(criterion, ctx, catalogue) for criterion in rubric.criteria)
    else:
        criteria = tuple(_criterion(criterion, ctx, catalogue) for criterion in rubric.criteria)
    score = sum(c.points for c in criteria if c.automatic)
    identifiers = scan(ctx.analysis, scenario)
    findings = ()
    if rubric.privacy_gate:
        findings = tuple(PrivacyFinding(kind, s, e, text[s:e], render(MESSAGES[kind], catalogue))
                         for kind, s, e in identifiers)
    flags = _red_flags(ctx, identifiers, findings, catalogue)
    return FeedbackResult(
        score=number(score, 4),
        max_score=rubric.max_score,
        word_count=ctx.analysis.word_count,
        criteria=criteria,
        privacy_passed=not findings,
        privacy_findings=findings,
        red_flags=flags,
        language=decided,
    )


def _unread(criterion, ctx, catalogue):
    """A criterion of a draft whose language could not be read with confidence: its checks
    that read no language (length, a designer's phrase list) still run; a criterion that needs
    the detectors is not judged."""
    neutral = tuple(check for check in criterion.checks if check.type != "detector")
    if not criterion.is_automatic or neutral:
        return _criterion(criterion, ctx, catalogue, neutral or None)
    return CriterionFeedback(
        id=criterion.id, label=criterion.label, level=None,
        level_label=render(_("Not judged"), catalogue), points=0,
        max_points=criterion.max_points, met=False, outcome=None, automatic=False, not_judged="language",
        message=render(_("Not judged: the feedback reads drafts in English or in Spanish, and "
                         "could not tell which one this is. Write the draft in one of them."),
                       catalogue))


def _criterion(criterion, ctx, catalogue, checks=None):
    if not criterion.is_automatic:
        return CriterionFeedback(
            id=criterion.id, label=criterion.label, level=None,
            level_label=render(_("Instructor review"), catalogue), points=0,
            max_points=criterion.max_points, met=False, outcome=None, automatic=False,
            message=render(_("An instructor will assess this part."), catalogue))
    findings = [run_check(check, ctx) for check in (checks or criterion.checks)]
    outcome = max((f.outcome for f in findings), key=_RANK.__getitem__)
    level_index = criterion.level_for_outcome(outcome)
    level = criterion.levels[level_index]
    deciding = [f for f in findings if f.outcome == outcome and f.explanation is not None][:2]
    explanation = " ".join(render(f.explanation, catalogue) for f in deciding)
    if any(f.neutral for f in deciding):
        message = explanation
    else:
        message = _one_paragraph(level.message, explanation)
    return CriterionFeedback(
        id=criterion.id, label=criterion.label, level=level_index, level_label=level.label,
        points=level.points, max_points=criterion.max_points,
        met=level_index == len(criterion.levels) - 1, outcome=outcome, automatic=True,
        message=message, evidence=_evidence(findings, ctx.analysis.text, catalogue))


def _sentences(text):
    """``text`` cut after each ".", "!" or "?" that ends a sentence (followed by a space)."""
    out, start = [], 0
    for end in _SENTENCE_END_RE.finditer(text):
        sentence = text[start:end.end()].strip()
        start = end.end()
        if sentence:
            out.append(sentence)
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def _core(sentence):
    return sentence.rstrip(".!?").casefold()


def _one_paragraph(level_message, explanation):
    """The level's message and the check's explanation as one paragraph, saying nothing twice.

    A level sentence that an explanation sentence repeats (or repeats and continues, "Offer …
    instead" / "Offer … instead, for example …") is dropped: the explanation is the specific one.
    """
    specific = _sentences(explanation or "")
    cores = [_core(sentence) for sentence in specific]
    kept = [sentence for sentence in _sentences(level_message or "")
            if not any(core.startswith(_core(sentence)) for core in cores)]
    return " ".join([*kept, *specific])


def _evidence(findings, text, catalogue):
    notes = {}  # (start, end) -> the first finding's note for that span
    size = len(text)
    for finding in findings:
        for start, end, note in finding.spans:
            if (start, end) not in notes and 0 <= start < end <= size:
                notes[(start, end)] = note
    # Spans are distinct, so their order is fixed; only the notes shown are rendered.
    kept = sorted(notes)[:MAX_EVIDENCE]
    return tuple(Evidence(start, end, text[start:end],
                          render(notes[start, end], catalogue) if notes[start, end] else "")
                 for start, end in kept)


def _red_flags(ctx, identifiers, findings, catalogue):
    """Reasons to route the submission to the instructor whatever its score (kinds: flags.py)."""
    text = ctx.analysis.text
    flags = []
    # Quoted or told about someone else, safety content still counts (see safety.py).
    cues = ctx.cached("safety_cues", lambda c: cue_scan(c.analysis, c.parts))
    for kind, spans in ctx.cached("safety", lambda c: safety_scan(c.analysis, cues, c.parts)).items():
        flags.append(_flag(kind, spans[:4], text, catalogue))
    contact = [(s, e) for kind, s, e in identifiers if kind in CONTACT_KINDS]
    contact += [ctx.span(h, None)[:2] for h in ctx.cues("boundaries.contact_details")]
    if contact:
        flags.append(_flag("contact_details", sorted(set(contact))[:4], text, catalogue))
    if findings:
        flags.append(_flag("privacy", [(f.start, f.end) for f in findings[:4]], text, catalogue))
    return tuple(flags)


def _flag(kind, spans, text, catalogue):
    return RedFlag(kind, render(FLAG_KINDS[kind].message, catalogue),
                   tuple(Evidence(s, e, text[s:e], "") for s, e in spans))


__all__ = ["evaluate", "MET", "PARTIAL", "NOT_MET"]
