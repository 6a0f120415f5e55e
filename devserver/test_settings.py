"""
Settings for the test suite: the dev settings, with the SDK's sample blocks listed too.

xblock-sdk's own workbench/test/test_scenarios.py counts one index link per loaded scenario and
expects a <vertical_demo> among them, so the index must not hide the sample blocks here.
"""
from .settings import *  # noqa: F401,F403

EXCLUDED_XBLOCKS = set()
# Fast, deterministic password hashing and an in-memory cache per test process.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
