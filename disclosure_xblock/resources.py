"""
Where the block's front-end files live: inside the package, read through importlib.resources.

The design card keeps static/ and templates/ at the repository's top level. A wheel carries them
as disclosure_xblock/assets/static and disclosure_xblock/templates (setup.py maps them); a
source checkout, and so an editable install, has symlinks at the same two places. The platform
reads our assets the same way (``files(package) / resources_dir / uri``), so there is one path.
"""
from __future__ import annotations

import functools
import importlib.resources

from django.template import Context, Engine, Template
from django.template.backends.django import get_installed_libraries

from . import patterns

_SAFE_PATH = patterns.compile(r"^[A-Za-z0-9_\-]++(?:/[A-Za-z0-9_\-]++)*+\.[A-Za-z0-9]++$")

# The block's XBlock ``resources_dir`` and ``public_dir``: the platform publishes
# files(package)/RESOURCES_DIR/** under xblock/resources/<package>/ and asks for
# "<PUBLIC_DIR>/<path>", so RESOURCES_DIR holds the public folder and nothing else.
RESOURCES_DIR = "assets"
PUBLIC_DIR = "static"
_ROOTS = {"static": (RESOURCES_DIR, PUBLIC_DIR), "templates": ("templates",)}


def _root(kind):
    return importlib.resources.files(__package__).joinpath(*_ROOTS[kind])


def is_safe_path(relpath):
    """Only plain relative paths (no '..', no hidden files) may name a resource."""
    return bool(_SAFE_PATH.match(relpath or ""))


@functools.lru_cache(maxsize=64)  # read-only package files: their presence never changes
def has_resource(kind, relpath):
    """Whether ``kind``/``relpath`` exists (without reading it)."""
    if kind not in ("static", "templates") or not is_safe_path(relpath):
        return False
    return _root(kind).joinpath(relpath).is_file()


def read_resource(kind, relpath):
    """Bytes of ``kind``/``relpath`` where kind is "static" or "templates"."""
    if kind not in ("static", "templates") or not is_safe_path(relpath):
        raise FileNotFoundError(relpath)
    return _root(kind).joinpath(relpath).read_bytes()


@functools.lru_cache(maxsize=16)  # read-only package files: compile each once per process
def _compiled(relpath):
    text = read_resource("templates", relpath).decode("utf-8")
    engine = Engine(libraries={**get_installed_libraries(), "i18n": "xblock.utils.templatetags.i18n"})
    return Template(text, engine=engine)


def render_template(relpath, context, i18n_service=None):
    """Render one of our Django templates (autoescaped) to a string.

    ``{% trans %}`` goes through the runtime's i18n service (XBlock's own i18n tag library, as
    xblock.utils' ResourceLoader does), so the LMS uses this block's catalogue, not only Django's.
    """
    return _compiled(relpath).render(Context({**context, "_i18n_service": i18n_service}))
