"""
The grading Django app: per-criterion assessments, claims and submission records.

Installed in the LMS and Studio by the Open edX plugin system through the ``lms.djangoapp`` and
``cms.djangoapp`` entry points in setup.py; ``plugin_app`` below tells the plugin manager what
to wire. The app has no URLs or settings of its own: the XBlock's handlers are its only door.
"""
from django.apps import AppConfig


class GradingConfig(AppConfig):
    name = "disclosure_xblock.grading"
    label = "disclosure_grading"
    verbose_name = "Disclosure exercise grading"
    default_auto_field = "django.db.models.BigAutoField"

    # Read by edx_django_utils.plugins: the app is added to INSTALLED_APPS of both services.
    # No url_config / settings_config / signals_config: nothing else to register.
    plugin_app = {}

    def ready(self):
        # The feedback engine's caches are built here, at process start (before gunicorn forks
        # its workers when it preloads the app, else before a worker takes its first request),
        # not in a learner's first feedback request; see feedback.warm. Off with
        # DISCLOSURE_WARM_FEEDBACK = False (e.g. for short-lived management commands).
        from django.conf import settings  # noqa: PLC0415

        if getattr(settings, "DISCLOSURE_WARM_FEEDBACK", True):
            from ..feedback import warm  # noqa: PLC0415

            warm()
