"""
The self-disclosure drafting exercise as an XBlock.

A learner reads a patient scenario, drafts a short disclosure, asks for rubric feedback, revises
and submits; course staff grade in a panel inside the same view. This class only wires things
together: validation and authoring live in exercise.py / authoring.py, feedback in feedback/,
submissions and scores in grading/ (the only module that talks to edx-submissions).
"""
from __future__ import annotations

import dataclasses
import datetime
import hashlib
import io
import logging

import nh3
from django.utils import translation
from web_fragments.fragment import Fragment
from webob import Response
from xblock.core import XBlock
from xblock.exceptions import DisallowedFileError, InvalidScopeError
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String

from . import authoring, enrollment, resources, schema
from .draft_policy import MAX_DRAFT_CHARS
from .exercise import GRADING_MODES, SHOW_EXEMPLAR, TAG, Exercise
from .feedback import count_words, evaluate
from .feedback.flags import SUPPORT_MESSAGE, needs_support
from .grading import api as grading
from .grading import handlers as staff
from .grading.context import Identity, ItemContext
from .grading.errors import GradingError
from .rubric import DEFAULT_PRESET, Rubric, RubricError, Scenario, load_preset
from .rubric.presets import localize
from .scenarios import library_olx, load_exercise, scenario_keys
from .web import HandlerError, json_api, json_response

log = logging.getLogger(__name__)

# Studio's unit preview gives every author this anonymous id, with no staff flag; the LMS never
# does (its ids are 32 hex characters). Anything written for it would land on the real course item.
STUDIO_PREVIEW_ANONYMOUS_ID = "student"
# Scenario context is designer-authored rich text: only these tags survive sanitizing.
CONTEXT_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote"}


def _(text):
    """Mark a field's display text for extraction; the LMS translates field help itself."""
    return text


# The learner handlers' body: the draft (its limits are checked by _checked_draft).
DRAFT_BODY = schema.Body({"text": schema.text(message=_("The draft must be text."))})


def word_target(rubric):
    """``{"min", "max"}``: the length the rubric rewards (its first word-count check's met
    range), or None. The one target the learner is shown; min/max_words are submit limits."""
    for criterion in rubric.criteria:
        for check in criterion.checks:
            if check.type == "word_count":
                return {"min": check.params["met_min"], "max": check.params["met_max"]}
    return None


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


def _ms(value):
    """An ISO time as ``_now`` writes it (UTC, milliseconds), so that the strings compare."""
    try:
        parsed = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return parsed.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds")


@XBlock.needs("user")
@XBlock.needs("i18n")
@XBlock.wants("settings")
class DisclosureXBlock(XBlock):
    """A patient scenario, a drafting area with rubric feedback, submission and staff grading."""

    # --- authored content and settings -------------------------------------------------------
    display_name = String(display_name=_("Display name"), default="Self-disclosure practice",
                          scope=Scope.settings, help=_("The name learners see in the course outline."))
    scenario = Dict(scope=Scope.content, default={},
                    help=_("The patient scenario: key, patient, context, prompt, keywords, allowed names."))
    rubric = Dict(scope=Scope.content, default={"preset": DEFAULT_PRESET},
                  help=_("The rubric as data (Rubric.to_dict), or {'preset': name} for a built-in one."))
    exemplar = String(scope=Scope.content, default="",
                      help=_("A model disclosure learners may see after they submit."))
    min_words = Integer(scope=Scope.settings, default=15, help=_("Fewest words a submission may have."))
    max_words = Integer(scope=Scope.settings, default=120, help=_("Most words a submission may have."))
    max_feedback_requests = Integer(scope=Scope.settings, default=5,
                                    help=_("Automatic feedback requests per learner; 0 means unlimited."))
    grading_mode = String(scope=Scope.settings, default="auto_and_instructor", values=GRADING_MODES,
                          help=_("auto: the automatic score counts; instructor modes wait for a grader."))
    weight = Float(display_name=_("Problem weight"), scope=Scope.settings, default=None,
                   help=_("Gradebook points this exercise is worth (a whole number); "
                          "empty means the rubric's own points."))
    show_exemplar = String(scope=Scope.settings, default="after_submit", values=SHOW_EXEMPLAR,
                           help=_("When learners see the exemplar."))
    allow_resubmission = Boolean(scope=Scope.settings, default=False,
                                 help=_("Whether graders may return a submission for revision."))
    hold_staff_grades = Boolean(scope=Scope.settings, default=False,
                                help=_("Grades entered by non-instructor staff wait for an instructor's release."))
    support_message = String(scope=Scope.content, default="",
                             help=_("Shown to a learner whose draft mentions self-harm, suicide or an "
                                    "overdose; empty means the default message."))

    # --- the learner's own state (one row per learner and block) -----------------------------
    draft = String(scope=Scope.user_state, default="", help=_("The learner's autosaved draft."))
    draft_saved_at = String(scope=Scope.user_state, default="")
    # Read only, for learners of older versions: their history is copied into the grading app's
    # table (append-only rows, see grading/drafts.py) the first time it is read, then dropped.
    feedback_history = List(scope=Scope.user_state, default=[],
                            help=_("Feedback history kept by older versions (now in the database)."))
    # The LMS's "reset attempts" sets a field named exactly this to 0: it gives feedback requests
    # back. The count itself is kept atomically in the database (grading/drafts.py); this block
    # writes here only when it uses a reset (never 0), so a stored 0 is the reset's mark.
    attempts = Integer(scope=Scope.user_state, default=0, help=_("Feedback requests used."))
    # {"epoch", "used"}, written with ``attempts``: which reset has been used.
    feedback_sync = Dict(scope=Scope.user_state, default={})

    has_score = True
    has_author_view = True  # Studio shows author_view (a preview that writes nothing), not student_view
    icon_class = "problem"
    # Assets live at files("disclosure_xblock")/assets/static (see resources.py): the platform's
    # static finder publishes resources_dir, so it must hold only the public folder.
    resources_dir = resources.RESOURCES_DIR
    public_dir = resources.PUBLIC_DIR
    i18n_js_namespace = "DisclosureXBlockI18N"

    def __repr__(self):
        # Runtimes log repr(block) (a missing handler, InvalidScopeError, tracebacks on the debug
        # page); XBlock's default lists every field, the learner's draft and history included.
        usage_id = getattr(getattr(self, "scope_ids", None), "usage_id", None)
        return f"<{type(self).__name__} {usage_id}>"

    # --- derived values ----------------------------------------------------------------------

    # The fields that make up the Exercise, in Exercise.from_dict's terms.
    EXERCISE_FIELDS = ("display_name", "scenario", "rubric", "exemplar", "min_words", "max_words",
                       "max_feedback_requests", "grading_mode", "weight", "show_exemplar",
                       "allow_resubmission", "hold_staff_grades", "support_message")

    @property
    def exercise(self):
        """The fields as one validated Exercise, rebuilt only when a field has changed."""
        values = tuple(getattr(self, name) for name in self.EXERCISE_FIELDS)
        return self._memo("_exercise_cache", values, lambda _values: self._build_exercise())

    @property
    def feedback_setup(self):
        """(Rubric, Scenario): all a feedback request needs, read from those two fields only.

        Every field read costs a store look-up in some runtimes (the workbench's is a database
        query), and a learner asks for feedback far more often than anything else.
        """
        return self._memo("_feedback_cache", (self.rubric, self.scenario),
                          lambda _values: (self._rubric_model(), self._scenario_model()))

    def _memo(self, name, key, build):
        # Per block instance, i.e. per request: the runtime builds a fresh block for each one.
        cached = self.__dict__.get(name)
        if cached and cached[0] == key:
            return cached[1]
        value = build(key)
        self.__dict__[name] = (key, value)
        return value

    def _rubric_model(self):
        field = self.rubric or {}
        try:
            if set(field) <= {"preset"}:
                return load_preset(field.get("preset") or DEFAULT_PRESET)
            return Rubric.from_dict(field)
        except RubricError:
            # Fields only change through validated paths; an invalid value is logged, not shown.
            log.exception("Invalid rubric field in %s; using the default", self.scope_ids.usage_id)
            return load_preset(DEFAULT_PRESET)

    def _scenario_model(self):
        try:
            return Scenario.from_dict(self.scenario or {})
        except RubricError:
            log.exception("Invalid scenario field in %s; using none", self.scope_ids.usage_id)
            return Scenario()

    def _build_exercise(self):
        data = {name: getattr(self, name) for name in self.EXERCISE_FIELDS}
        data["rubric"], data["scenario"] = self.feedback_setup
        try:
            return Exercise.from_dict(data, require_prompt=False)
        except RubricError:
            log.exception("Invalid exercise fields in %s; using defaults", self.scope_ids.usage_id)
            return Exercise(display_name=self.display_name or "Self-disclosure practice")

    def _store_exercise(self, exercise):
        """Write a validated Exercise into the fields (the inverse of ``exercise``)."""
        data = exercise.to_dict()
        rubric = exercise.rubric
        if rubric.preset and rubric == load_preset(rubric.preset):
            data["rubric"] = {"preset": rubric.preset}
        for name, value in data.items():
            setattr(self, name, value)

    def max_score(self):
        """Raw rubric points; the LMS applies ``weight`` (see grading/scoring.py)."""
        return self.exercise.rubric.max_score

    @property
    def i18n(self):
        return self.runtime.service(self, "i18n")

    def ugettext(self, text):
        return self.i18n.gettext(text)

    def ungettext(self, singular, plural, number):
        """The plural form for ``number`` in the reader's language ("1 word", "5 words")."""
        return self.i18n.ngettext(singular, plural, number)

    def _language(self):
        return (translation.get_language() or "en").split("-")[0]

    def _identity(self):
        """Who is asking, from the runtime's user service only (never from the request)."""
        try:
            user = self.runtime.service(self, "user").get_current_user()
        except Exception:  # pylint: disable=broad-except  (a runtime without users: no identity)
            return Identity()
        attrs = getattr(user, "opt_attrs", {}) or {}
        role = attrs.get("edx-platform.user_role") or "student"
        return Identity(
            anonymous_id=attrs.get("edx-platform.anonymous_user_id") or None,
            username=attrs.get("edx-platform.username") or None,
            user_id=str(attrs["edx-platform.user_id"]) if attrs.get("edx-platform.user_id") else None,
            is_staff=bool(attrs.get("edx-platform.user_is_staff")),
            role=role if role in ("instructor", "staff", "student") else "student",
        )

    def _course_id(self):
        usage_id = self.scope_ids.usage_id
        course_key = getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None)
        if course_key is not None:
            return str(course_key)
        # The workbench has no course keys; its runtime patches a course_id onto the block.
        return str(getattr(self, "course_id", None) or "workbench")

    def _context(self, identity=None, exercise=None):
        exercise = exercise or self.exercise  # a caller that has it passes it (13 field reads each)
        return ItemContext(
            course_id=self._course_id(),
            item_id=str(self.scope_ids.usage_id),
            item_type=TAG,
            identity=identity or self._identity(),
            rubric=exercise.rubric.to_dict(),
            rubric_version=exercise.rubric.version(),
            grading_mode=exercise.grading_mode,
            weight=exercise.weight,
            max_score=exercise.rubric.max_score,
            allow_resubmission=exercise.allow_resubmission,
            hold_staff_grades=exercise.hold_staff_grades,
            scenario_key=exercise.scenario.key,
        )

    def _in_studio_preview(self, identity):
        return identity.anonymous_id == STUDIO_PREVIEW_ANONYMOUS_ID

    def _student_item_context(self, identity):
        # The feedback path needs only the student item; building the rubric snapshot costs more.
        return ItemContext.for_student_item(course_id=self._course_id(), item_id=str(self.scope_ids.usage_id),
                                            item_type=TAG, identity=identity)

    def _learner_identity(self, identity=None):
        """The requesting learner, or 403: not signed in, Studio's preview, or not enrolled.

        ``identity``: the runtime's identity when the caller has just read it (read once).

        Every learner handler that reads or writes a learner's data starts here. Preview must
        never write (its shared id would put rows on the real course item). A signed-in user who
        is not enrolled (the LMS's handler checks sign-in only) may not save, ask for feedback or
        submit: those rows would reach the grading panel, the CSV and the gradebook for someone
        outside the roster. Course staff need no enrolment; where enrolment is unknown (no
        enrolment records in this runtime) the learner is let through.
        """
        identity = identity or self._identity()
        if not identity.anonymous_id:
            raise HandlerError(403, self.ugettext("Sign in to the course to work on this exercise."))
        if self._in_studio_preview(identity):
            raise HandlerError(403, self.ugettext(
                "This is a preview: learners save drafts and submit in the LMS."))
        if not identity.is_staff and enrollment.is_enrolled(identity.user_id, self._course_key()) is False:
            raise HandlerError(403, self.ugettext("Enroll in this course to work on this exercise."))
        return identity

    def _course_key(self):
        """The course key as the platform's tables store it (the key object where there is one)."""
        usage_id = self.scope_ids.usage_id
        return getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None) \
            or self._course_id()

    # --- views -------------------------------------------------------------------------------

    def student_view(self, context=None):
        """The learner's exercise; course staff also get the grading panel below it."""
        identity = self._identity()
        if self._in_studio_preview(identity):
            return self.author_view(context)  # a runtime that previews with student_view
        ctx = self._context(identity)
        frag = Fragment()
        panel_html = ""
        if identity.is_staff:
            panel_html = resources.render_template("instructor_panel.html", {
                "display_name": self.exercise.display_name,
                "is_instructor": identity.is_instructor,
            }, self.i18n)
        init_args, scenario = self._learner_page(ctx)
        frag.add_content(resources.render_template(
            "learner.html", self._learner_template_context(init_args, panel_html, scenario), self.i18n))
        self._add_assets(frag, ["css/learner.css"], [
            "js/core.js", "js/feedback_view.js", "js/learner/draft.js", "js/learner/history.js",
            "js/learner/submission.js", "js/learner/submit_dialog.js", "js/learner.js"])
        if identity.is_staff:
            self._add_assets(frag, ["css/instructor_panel.css"], [
                "js/instructor/workspace.js", "js/instructor/cohort.js", "js/instructor_panel.js"],
                catalogue=False)
        frag.initialize_js("DisclosureLearner")  # state is in the escaped json_script block
        return frag

    def author_view(self, context=None):
        """Studio's preview: the learner view, noting that submitting and grading happen in the LMS.

        It reads no submission or grade, and its handlers write nothing (see _learner_identity
        and _preview_feedback): every author previews as the same anonymous id.
        """
        frag = Fragment()
        init_args, scenario = self._learner_page(self._context(Identity()), preview=True)
        template_context = self._learner_template_context(init_args, "", scenario)
        template_context["preview_note"] = self.ugettext(
            "Preview: learners draft and get feedback here; submissions and grading run in the LMS.")
        frag.add_content(resources.render_template("learner.html", template_context, self.i18n))
        self._add_assets(frag, ["css/learner.css"], [
            "js/core.js", "js/feedback_view.js", "js/learner/draft.js", "js/learner/history.js",
            "js/learner/submission.js", "js/learner/submit_dialog.js", "js/learner.js"])
        frag.initialize_js("DisclosureLearner")  # state is in the escaped json_script block
        return frag

    def studio_view(self, context=None):
        """The designer's editor for every authored setting, with a try-a-draft panel."""
        frag = Fragment()
        data = authoring.editor_data(self.exercise, has_submissions=self._has_submissions(),
                                     gettext=self.ugettext)
        frag.add_content(resources.render_template("studio.html", {
            **data, "exercise_json_id": f"dx-studio-{self._html_id()}"}, self.i18n))
        self._add_assets(frag, ["css/studio.css"], [
            "js/core.js", "js/feedback_view.js", "js/studio/form.js", "js/studio/rubric_editor.js",
            "js/studio/field_errors.js", "js/studio.js"])
        # Authored text travels only in the json_script block (escaped by Django); the runtime
        # writes init args into a <script> without escaping "</script>", so they carry none.
        frag.initialize_js("DisclosureStudio", {k: v for k, v in data.items() if k != "exercise"})
        return frag

    def _html_id(self):
        return "".join(c if c.isalnum() else "-" for c in str(self.scope_ids.usage_id))[-60:]

    def _learner_template_context(self, init_args, panel_html, scenario):
        exercise = self.exercise
        return {
            "display_name": exercise.display_name,
            "patient": scenario.patient,
            "context_html": nh3.clean(scenario.context.replace("\n\n", "<br><br>"),
                                      tags=CONTEXT_TAGS, attributes={}),
            "prompt": scenario.prompt,
            "target": init_args.get("target_words"),
            "init_args": init_args,
            "init_json_id": f"dx-init-{self._html_id()}",
            "instructor_panel_html": panel_html,
            "lang": self._language(),
        }

    def _add_assets(self, frag, css, js, catalogue=True):
        """Our CSS and JS, preceded (once per view) by this block's JS translations."""
        language = self._language()
        if catalogue and language != "en":
            catalogue_url = self._js_catalogue_url(language)
            if catalogue_url:
                frag.add_javascript_url(catalogue_url)
        for path in css:
            frag.add_css_url(self.runtime.local_resource_url(self, f"static/{path}"))
        for path in js:
            frag.add_javascript_url(self.runtime.local_resource_url(self, f"static/{path}"))

    def _js_catalogue_url(self, language):
        # Recent LMS releases serve each XBlock's compiled JS catalogue themselves; elsewhere
        # (the workbench, older releases) use the one packaged under static/js/translations.
        try:
            url = self.i18n.get_javascript_i18n_catalog_url(self)
        except Exception:  # pylint: disable=broad-except  (the service lacks the method)
            url = None
        if url:
            return url
        catalogue = f"js/translations/{language}/text.js"
        if not resources.has_resource("static", catalogue):
            return None
        return self.runtime.local_resource_url(self, f"static/{catalogue}")

    @classmethod
    def open_local_resource(cls, uri):
        """Serve files from static/ only (the mapped folder; see resources.py)."""
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8")
        prefix = f"{cls.public_dir}/"
        if not uri.startswith(prefix) or not resources.is_safe_path(uri[len(prefix):]):
            raise DisallowedFileError(f"Only files from {prefix} are served: {uri!r}")
        return io.BytesIO(resources.read_resource("static", uri[len(prefix):]))

    def _learner_page(self, ctx, preview=False):
        """``(init_args, scenario)`` of the learner's page.

        While a submission stands, everything about it (scenario, rubric, levels, score,
        automatic feedback, exemplar) comes from what was stored when it was made: a designer's
        later edit applies to new attempts only (a returned submission's next attempt).
        """
        learner = not preview and bool(ctx.identity.anonymous_id)
        submission, snapshot = grading.learner_view(ctx) if learner else (None, None)
        rubric, scenario, exemplar = self._shown(snapshot)
        history = self._history(ctx) if learner else []
        exercise = self.exercise
        args = {
            "usage_id": str(self.scope_ids.usage_id),
            "storage_key": self._storage_key(ctx.identity),
            "display_name": exercise.display_name,
            "min_words": exercise.min_words,
            "max_words": exercise.max_words,
            "max_chars": MAX_DRAFT_CHARS,
            "target_words": word_target(rubric),
            "max_feedback_requests": exercise.max_feedback_requests,
            "feedback_requests_used": self._feedback_used(ctx) if learner else self.attempts,
            **self._current_draft(history, submission),
            "history": [{k: v for k, v in entry.items() if k != "text"} for entry in history],
            **(self._submitted_feedback(snapshot, submission) if snapshot else self._last_feedback(history)),
            "submission": submission,
            "exemplar": self._visible_exemplar(submitted=bool(submission), exemplar=exemplar),
            "rubric": [
                {"id": c.id, "label": c.label, "description": c.description,
                 "max_points": c.max_points, "automatic": c.is_automatic,
                 "levels": [{"points": lvl.points, "label": lvl.label} for lvl in c.levels]}
                for c in localize(rubric, self.ugettext).criteria
            ],
            "grading_mode": exercise.grading_mode,
            "is_staff": ctx.identity.is_staff,
            "preview": preview,
            "language": self._language(),
        }
        return args, scenario

    def _init_args(self, ctx, preview=False):
        return self._learner_page(ctx, preview)[0]

    def _shown(self, snapshot):
        """(Rubric, Scenario, exemplar) the page shows: the submission's own (see
        ``_learner_page``) or, with no standing submission, the exercise as it is now. A record
        made before scenarios and exemplars were kept shows the current ones."""
        exercise = self.exercise
        rubric, scenario, exemplar = exercise.rubric, exercise.scenario, exercise.exemplar
        if not snapshot:
            return rubric, scenario, exemplar
        presented = snapshot.get("presented") or {}
        try:
            if snapshot.get("rubric"):
                rubric = Rubric.from_dict(snapshot["rubric"])
            if isinstance(presented.get("scenario"), dict):
                scenario = Scenario.from_dict(presented["scenario"])
        except RubricError:
            log.exception("Invalid submission snapshot in %s; showing the exercise", self.scope_ids.usage_id)
        if isinstance(presented.get("exemplar"), str):
            exemplar = presented["exemplar"]
        return rubric, scenario, exemplar

    def _submitted_feedback(self, snapshot, submission):
        """The automatic feedback as the learner got it on submitting (stored with it)."""
        feedback = snapshot.get("auto_feedback") or {}
        if not isinstance(feedback.get("criteria"), list):
            return {"last_feedback": None, "last_feedback_text": None}
        feedback = dict(feedback)
        kinds = [f.get("kind") for f in feedback.get("red_flags") or [] if isinstance(f, dict)]
        if needs_support(kinds):
            feedback["support_message"] = self.exercise.support_message or self.ugettext(SUPPORT_MESSAGE.msgid)
        return {"last_feedback": feedback, "last_feedback_text": (submission or {}).get("text", "")}

    def _storage_key(self, identity):
        """An opaque per-learner tag for the browser's local copy of the draft (a hash, so the
        anonymous id itself never reaches the page's storage)."""
        if not identity.anonymous_id:
            return "anonymous"
        seed = f"{identity.anonymous_id}|{self.scope_ids.usage_id}".encode("utf-8")
        return hashlib.sha256(seed).hexdigest()[:20]

    def _history(self, ctx):
        """The learner's feedback history (append-only rows in the grading app's tables)."""
        history = grading.feedback_history(ctx, legacy=self.feedback_history)
        if self.feedback_history:
            self.feedback_history = []  # copied into the table; saved with the next handler
        return history

    def _feedback_state(self):
        """The user_state side of the feedback allowance (see grading/drafts.py); call it before
        anything else in the request reads ``attempts``."""
        # Read in this order: in a store that reads field by field (the workbench's), each value
        # is then at least as new as the one before, so a stored 0 is never one this block's
        # own writes left half-done. Only the LMS's "reset attempts" stores an explicit 0; this
        # block writes 1 and up.
        sync = self.feedback_sync
        stored = self.fields["attempts"].is_set_on(self)
        attempts = self.attempts
        return {"state_attempts": attempts, "attempts_zeroed": stored and attempts == 0, "sync": sync}

    def _feedback_used(self, ctx):
        return grading.feedback_used(ctx, **self._feedback_state())

    def _current_draft(self, history, submission=None):
        """The learner's latest text: the autosaved draft or, if newer, the last text sent for
        feedback or the submitted text (each kept once, where it is stored, rather than written
        to user_state too)."""
        last = history[-1] if history else None
        current = {"draft": self.draft, "draft_saved_at": self.draft_saved_at}
        if last and last.get("at", "") >= (current["draft_saved_at"] or ""):
            current = {"draft": last.get("text", ""), "draft_saved_at": last["at"]}
        submitted_at = _ms((submission or {}).get("submitted_at"))
        if submitted_at and submitted_at >= (current["draft_saved_at"] or ""):
            current = {"draft": submission.get("text", ""), "draft_saved_at": submitted_at}
        return current

    def _last_feedback(self, history):
        """The feedback on the learner's latest feedback request, rebuilt from its text.

        The engine is deterministic and fast, so the stored history entry's text is enough:
        keeping the whole result too would double what every request writes.
        """
        if not history:
            return {"last_feedback": None, "last_feedback_text": None}
        text = history[-1].get("text", "")
        rubric, scenario = self.feedback_setup
        feedback = evaluate(text, rubric, scenario, language=self._language())
        return {"last_feedback": self._with_support(feedback), "last_feedback_text": text}

    def _with_support(self, result, feedback=None, exercise=None):
        """``result.to_dict()`` (or ``feedback``, that dict already built) for the learner: with
        the support message when a red flag calls for it (self-harm, suicide, overdose). Never
        stored: the designer may change the text."""
        feedback = dict(feedback) if feedback is not None else result.to_dict()
        if result.needs_support:
            exercise = exercise or self.exercise
            feedback["support_message"] = exercise.support_message or self.ugettext(SUPPORT_MESSAGE.msgid)
        return feedback

    # --- learner handlers --------------------------------------------------------------------

    def _checked_draft(self, data, for_submit=False, exercise=None):
        """The draft text from a request, or HandlerError saying exactly what is wrong."""
        text = data.get("text")
        if not isinstance(text, str):
            raise HandlerError(400, self.ugettext("The draft must be text."))
        text = text.replace("\r\n", "\n")
        if len(text) > MAX_DRAFT_CHARS:
            raise HandlerError(400, self.ungettext(
                "The draft is longer than {limit} character. Shorten it and try again.",
                "The draft is longer than {limit} characters. Shorten it and try again.", MAX_DRAFT_CHARS
            ).format(limit=MAX_DRAFT_CHARS))
        if for_submit:
            exercise = exercise or self.exercise
            words = count_words(text)
            if not text.strip():
                raise HandlerError(400, self.ugettext("Write your disclosure before you submit it."))
            if words > exercise.max_words:
                raise HandlerError(400, self.ungettext(
                    "Your draft has {count} word; the limit is {limit}. Shorten it and try again.",
                    "Your draft has {count} words; the limit is {limit}. Shorten it and try again.", words
                ).format(count=words, limit=exercise.max_words))
            if words < exercise.min_words:
                raise HandlerError(400, self.ungettext(
                    "Your draft has {count} word; write at least {limit}.",
                    "Your draft has {count} words; write at least {limit}.", words
                ).format(count=words, limit=exercise.min_words))
        return text

    @json_api(DRAFT_BODY)
    def save_draft(self, data):
        """Autosave: keep the learner's draft so a reload never loses it."""
        self._learner_identity()
        text = self._checked_draft(data)
        self.draft = text
        self.draft_saved_at = _now()
        return {"saved_at": self.draft_saved_at, "word_count": count_words(text)}

    def _preview_feedback(self, data):
        """Feedback on a draft in Studio's preview: nothing stored, nothing counted."""
        text = self._checked_draft(data)
        if not text.strip():
            raise HandlerError(400, self.ugettext("Write something first, then ask for feedback."))
        rubric, scenario = self.feedback_setup
        result = evaluate(text, rubric, scenario, language=self._language())
        feedback = self._with_support(result)
        limit = self.max_feedback_requests
        return {"feedback": feedback, "preview": True,
                "history_entry": {"at": _now(), "word_count": feedback["word_count"], **result.compact()},
                "feedback_requests_used": 0, "feedback_requests_left": limit or None}

    @json_api(DRAFT_BODY)
    def get_feedback(self, data):
        """Run the automatic feedback on a draft; counts against the request limit.

        The count and the history entry are written atomically in the database (racing
        requests never pass the limit or lose an entry); user_state only mirrors the count.
        """
        identity = self._identity()
        if self._in_studio_preview(identity):
            return self._preview_feedback(data)  # Studio's preview stores and counts nothing
        state = self._feedback_state()  # before anything else reads these fields
        ctx = self._student_item_context(self._learner_identity(identity))
        text = self._checked_draft(data)
        if not text.strip():
            raise HandlerError(400, self.ugettext("Write something first, then ask for feedback."))
        limit = self.max_feedback_requests
        # An early refusal (one read) spares the engine for a learner who has none left.
        started = None
        if limit:
            used, started = grading.feedback_usage(ctx, **state)
            if used >= limit:
                raise self._limit_error(limit)
        if self.feedback_history:
            self._history(ctx)  # an older version's history goes first
        rubric, scenario = self.feedback_setup
        result = evaluate(text, rubric, scenario, language=self._language())
        feedback = self._with_support(result)
        try:
            entry, used, sync = grading.record_feedback(
                ctx, limit=limit, **state, text=text,
                word_count=feedback["word_count"], result=result.compact(), started=started)
        except grading.FeedbackLimitReached:
            raise self._limit_error(limit) from None
        if sync is not None:  # an LMS reset was used: clear its mark (see grading/drafts.py)
            self.attempts, self.feedback_sync = used, sync
        return {
            "feedback": feedback,
            "history_entry": {k: v for k, v in entry.items() if k != "text"},
            "feedback_requests_used": used,
            "feedback_requests_left": max(0, limit - used) if limit else None,
        }

    def _limit_error(self, limit):
        return HandlerError(429, self.ungettext(
            "You have used your {limit} feedback request for this exercise. You can still revise and submit.",
            "You have used all {limit} feedback requests for this exercise. You can still revise and submit.", limit
        ).format(limit=limit))

    @json_api(DRAFT_BODY)
    def submit(self, data):
        """Submit the final text (once; a double click or a race makes one submission)."""
        # The exercise once: each ``self.exercise`` reads its thirteen fields to see whether it changed.
        identity = self._learner_identity()
        exercise = self.exercise
        ctx = self._context(identity, exercise)
        text = self._checked_draft(data, for_submit=True, exercise=exercise)
        result = evaluate(text, exercise.rubric, exercise.scenario, language=self._language())
        feedback = result.to_dict()
        if not feedback["privacy"]["passed"]:
            # The safe default: identifiers never reach the submission store or a grader's screen.
            raise HandlerError(400, self.ugettext(
                "Remove the identifying details highlighted in your draft before you submit."
            ), feedback=self._with_support(result, feedback, exercise))
        if self.feedback_history:
            self._history(ctx)  # an older version's history goes to graders too
        try:
            # draft_history=None: grading reads the history table at submit time.
            submission = grading.submit(
                ctx, text=text, auto_feedback=feedback, username=ctx.identity.username,
                draft_history=None,
                presented={"scenario": exercise.scenario.to_dict(), "exemplar": exercise.exemplar})
        except GradingError as exc:
            raise HandlerError(exc.status, exc.message) from None
        # No user_state write: the view takes the submitted text as the draft (_current_draft).
        return {"submission": submission,
                "exemplar": self._visible_exemplar(submitted=True, exercise=exercise),
                "feedback": self._with_support(result, feedback, exercise)}

    def _visible_exemplar(self, submitted, exemplar=None, exercise=None):
        """The exemplar (``exemplar``, or the exercise's) when the designer lets learners see it
        now, else None."""
        exercise = exercise or self.exercise
        exemplar = exercise.exemplar if exemplar is None else exemplar
        if submitted and exercise.show_exemplar == "after_submit" and exemplar:
            return exemplar
        return None

    @json_api(schema.NO_BODY)
    def learner_state(self, data):
        """Everything the learner view shows, fresh (after a grade or a reset)."""
        return self._init_args(self._context(self._learner_identity()))

    def clear_student_state(self, user_id, course_id, item_id, requesting_user_id):
        """Instructor dashboard's "delete learner state": remove the submission and its score too.

        ``user_id`` is the learner's course-specific anonymous id (the LMS deletes the
        user_state row itself).
        """
        ctx = dataclasses.replace(self._context(Identity(anonymous_id=user_id)),
                                  course_id=str(course_id), item_id=str(item_id))
        grading.clear_learner(ctx, user_id, requesting_user_id=requesting_user_id)

    # --- staff handlers: each checks staff itself, then delegates to grading.handlers ----------

    def _staff_call(self, handler, data):
        identity = self._identity()
        if not identity.is_staff:
            raise HandlerError(403, self.ugettext("Only course staff can do this."))
        try:
            return handler(self._context(identity), data)
        except GradingError as exc:
            raise HandlerError(exc.status, exc.message, **exc.extra) from None

    @json_api(staff.STAFF_SUMMARY)
    def staff_summary(self, data):
        return self._staff_call(staff.staff_summary, data)

    @json_api(staff.STAFF_LIST)
    def staff_list(self, data):
        return self._staff_call(staff.staff_list, data)

    @json_api(staff.STAFF_DETAIL)
    def staff_detail(self, data):
        return self._staff_call(staff.staff_detail, data)

    @json_api(staff.STAFF_CLAIM)
    def staff_claim(self, data):
        return self._staff_call(staff.staff_claim, data)

    @json_api(staff.STAFF_SAVE_ASSESSMENT)
    def staff_save_assessment(self, data):
        return self._staff_call(staff.staff_save_assessment, data)

    @json_api(staff.STAFF_RELEASE)
    def staff_release(self, data):
        return self._staff_call(staff.staff_release, data)

    @json_api(staff.STAFF_RETURN)
    def staff_return(self, data):
        return self._staff_call(staff.staff_return, data)

    @json_api(staff.STAFF_CALIBRATION)
    def staff_calibration(self, data):
        return self._staff_call(staff.staff_calibration, data)

    @json_api(staff.STAFF_COHORT)
    def staff_cohort(self, data):
        return self._staff_call(staff.staff_cohort, data)

    @XBlock.handler
    def staff_export(self, request, suffix=""):  # pylint: disable=unused-argument
        """A streamed CSV download (GET): the submissions, or with suffix "calibration" the
        calibration table; each its own single-table file."""
        identity = self._identity()
        if not identity.is_staff:
            return json_response({"error": self.ugettext("Only course staff can do this.")}, 403)
        calibration = suffix.strip("/") == "calibration"
        chunks = (grading.calibration_csv if calibration else grading.export_csv)(self._context(identity))
        response = Response(content_type="text/csv", charset="utf-8")
        response.app_iter = (chunk.encode("utf-8") for chunk in chunks)
        name = "calibration" if calibration else "submissions"
        response.content_disposition = f'attachment; filename="disclosure-{self._html_id()}-{name}.csv"'
        return response

    # --- Studio handlers ---------------------------------------------------------------------

    def _has_submissions(self):
        try:
            return grading.has_submissions(self._context(Identity()))
        except Exception:  # pylint: disable=broad-except  (Studio may lack the submissions tables)
            return False

    def _authoring_call(self, func, data, **kwargs):
        """Run one authoring action on the saved exercise; AuthoringError becomes a 400."""
        # Studio's runtime gives a signed-in editor no course flags; in the LMS any enrolled
        # learner can call any handler, so a known learner (anonymous id, not staff) and an
        # anonymous visitor (no user at all) are refused.
        identity = self._identity()
        signed_in = bool(identity.user_id or identity.username)
        if not signed_in or (identity.anonymous_id and not identity.is_staff):
            raise HandlerError(403, self.ugettext("Only course authors can edit this exercise."))
        try:
            return func(self.exercise, data, language=self._language(), gettext=self.ugettext, **kwargs)
        except authoring.AuthoringError as exc:
            raise HandlerError(400, exc.message, **exc.to_dict()) from None

    @json_api(authoring.SAVE_BODY)
    def studio_save(self, data):
        """Validate and save the editor's exercise; nothing is written if anything is invalid."""
        exercise, answer = self._authoring_call(authoring.save, data, has_submissions=self._has_submissions())
        self._store_exercise(exercise)
        try:
            # Saved here, not after the handler, so that a runtime with read-only authored
            # fields (the LMS's LmsFieldData raises InvalidScopeError) gets a 403, not a 500.
            self.save()
        except InvalidScopeError:
            self._clear_dirty_fields()  # nothing was written; the runtime's own save is a no-op
            raise HandlerError(403, self.ugettext(
                "This exercise can only be edited in Studio.")) from None
        return answer

    @json_api(authoring.TRY_DRAFT_BODY)
    def studio_try_draft(self, data):
        """The feedback a learner would get with the editor's unsaved exercise."""
        return self._authoring_call(authoring.try_draft, data)

    @json_api(authoring.LIBRARY_BODY)
    def studio_library(self, data):
        """A library exercise (or a blank one, or a built-in rubric) to start from."""
        return self._authoring_call(authoring.library, data)

    @json_api(authoring.EXPORT_OLX_BODY)
    def studio_export_olx(self, data):
        """The OLX an export would write for the editor's exercise."""
        return self._authoring_call(authoring.export_olx, data)

    # --- OLX ---------------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        """Read ``<disclosure_exercise>`` with its nested scenario, rubric and exemplar."""
        block = runtime.construct_xblock_from_class(cls, keys)
        try:
            exercise = Exercise.from_olx(node)
        except RubricError as exc:
            raise ValueError(f"Invalid <{TAG}> OLX: {exc}") from None
        block._store_exercise(exercise)  # pylint: disable=protected-access
        return block

    def add_xml_to_node(self, node):
        """Write this block as OLX (the inverse of parse_xml)."""
        node.tag = TAG
        self.exercise.write_olx(node)
        url_name = getattr(self.scope_ids.usage_id, "block_id", None)
        if url_name and isinstance(url_name, str):
            node.set("url_name", url_name)

    # --- workbench ---------------------------------------------------------------------------

    @staticmethod
    def workbench_scenarios():
        """The demo course: one exercise per library scenario (see README for the dev users)."""
        exercises = [(load_exercise(key).display_name, library_olx(key)) for key in scenario_keys()]
        course = "<vertical_demo>\n" + "\n".join(olx for _name, olx in exercises) + "</vertical_demo>"
        return [*exercises, ("Demo course: the three exercises on one page", course)]
