"""
Workbench settings for local runs and the integration tests.

Starts from xblock-sdk's own settings, then adds what the LMS would give the block: the
edx-submissions app, this package's grading app, a user service with course-specific anonymous
ids and course staff, and an embedded SQLite database (or another via DISCLOSURE_DB_* below).
"""
import os

from workbench.settings import *  # noqa: F401,F403  (the workbench's defaults are the base)
from workbench.settings import INSTALLED_APPS, WORKBENCH

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VAR_DIR = os.environ.get("DISCLOSURE_VAR_DIR", os.path.join(REPO_ROOT, "var"))
os.makedirs(VAR_DIR, exist_ok=True)

DEBUG = os.environ.get("DISCLOSURE_DEBUG", "true").lower() == "true"

if os.environ.get("DISCLOSURE_DB_ENGINE") == "mysql":
    # The LMS runs MySQL in production; the integration suite can run against MariaDB too.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.mysql",
            "NAME": os.environ.get("DISCLOSURE_DB_NAME", "disclosure"),
            "USER": os.environ.get("DISCLOSURE_DB_USER", "disclosure"),
            "PASSWORD": os.environ.get("DISCLOSURE_DB_PASSWORD", "disclosure"),
            "HOST": os.environ.get("DISCLOSURE_DB_HOST", "127.0.0.1"),
            "PORT": os.environ.get("DISCLOSURE_DB_PORT", "3306"),
            "OPTIONS": {"charset": "utf8mb4"},
            "TEST": {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"},
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("DISCLOSURE_SQLITE", os.path.join(VAR_DIR, "workbench.db")),
            # Several dev-server threads write at once; wait for the lock instead of failing.
            "OPTIONS": {"timeout": 20},
        }
    }

INSTALLED_APPS = [*INSTALLED_APPS, "submissions", "disclosure_xblock.grading"]

# The SDK's sample blocks keep files through django-pyfs; keep them under var/, not the repo root.
DJFS = {"type": "osfs", "directory_root": os.path.join(VAR_DIR, "djpyfs"), "url_root": "/static/djpyfs"}

# Hide the SDK's sample blocks so the index shows the demo course only.
EXCLUDED_XBLOCKS = {
    "allscopes_demo", "attempts_scoreboard_demo", "equality_demo", "filethumbs",
    "helloworld_demo", "html_demo", "problem_demo", "sidebar_demo", "slider_demo",
    "textinput_demo", "thumbs", "view_counter_demo",
}

WORKBENCH = {
    **WORKBENCH,
    "services": {
        **WORKBENCH["services"],
        "user": "devserver.services.DevUserService",
    },
}

# Dev users the user service marks as course staff, with their Open edX course role.
DISCLOSURE_DEV_STAFF = {
    "instructor_1": "instructor",
    "instructor_2": "instructor",
    "staff_1": "staff",
}
# Dev users seen as Studio's unit preview sees its authors (anonymous id 'student', no staff).
DISCLOSURE_DEV_STUDIO_AUTHORS = {"studio_author"}
# Dev users who are signed in but not enrolled in the course (the LMS lets them reach handlers).
DISCLOSURE_DEV_UNENROLLED = {"stranger_1"}
# The workbench has no enrolment table: the block asks this function (the LMS: CourseEnrollment).
DISCLOSURE_ENROLLMENT_CHECK = "devserver.services.dev_is_enrolled"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR"},
        "disclosure_xblock": {"handlers": ["console"], "level": "INFO"},
    },
}

LANGUAGES = [("en", "English"), ("es", "Español")]
# The block's catalogues (conf/locale, the Open edX layout) for Django's gettext and {% trans %}.
LOCALE_PATHS = [os.path.join(REPO_ROOT, "disclosure_xblock", "conf", "locale")]
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # cookie / Accept-Language pick the language
    "devserver.middleware.QueryLanguageMiddleware",  # ?lang=es overrides both (dev only)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
