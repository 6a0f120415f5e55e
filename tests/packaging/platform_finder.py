"""What edx-platform's static pipeline would publish of this block, found the platform's way.

Run as a script with the Python of the install under test (editable or wheel); prints one JSON
line. It follows openedx/core/lib/xblock_pipeline/finder.py (XBlockPipelineFinder and
XBlockPackageStorage): every class from ``XBlock.load_classes()``, its package
(``xblock_resource_pkg``: the module name without its last part) and ``get_resources_dir()``;
the files are ``importlib.resources.files(package) / resources_dir / ...`` listed recursively,
skipping .py/.pyc/.scss as the storage's listdir does. The LMS's asset URL for
``local_resource_url(block, uri)`` is ``xblock/resources/<package>/<uri>``, so each uri the views
ask for must be one of the published paths (the tests check the views' URIs against the list),
and XBlock's own ``open_local_resource`` (the ``xblock_resource`` view in development) must
read the same bytes as ours.
"""
import importlib.resources
import json
import os
import sys
import tempfile


def setup_django():
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            SECRET_KEY="finder", USE_TZ=True,
            INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "submissions",
                            "disclosure_xblock.grading"],
            DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3",
                                   "NAME": os.path.join(tempfile.mkdtemp(), "db.sqlite3")}},
        )
        django.setup()


def published_files(package, resources_dir):
    """Paths (relative to resources_dir) that collectstatic would copy, like XBlockPackageStorage."""
    if resources_dir is None:
        return []
    root = importlib.resources.files(package).joinpath(resources_dir)
    found = []

    def walk(node, prefix):
        for item in node.iterdir():
            if os.path.splitext(item.name)[1] in (".py", ".pyc", ".scss"):
                continue
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            else:
                found.append(prefix + item.name)

    if root.is_dir():
        walk(root, "")
    return sorted(found)


def main():
    setup_django()
    from xblock.core import XBlock

    import disclosure_xblock
    from disclosure_xblock.block import DisclosureXBlock

    classes = [cls for _tag, cls in XBlock.load_classes() if cls is DisclosureXBlock]
    assert classes, "the xblock.v1 entry point does not load DisclosureXBlock"
    cls = classes[0]
    package = cls.__module__.rsplit(".", 1)[0]
    files = published_files(package, cls.get_resources_dir())
    # Every published script and style sheet (the views' own URLs are checked by the callers).
    uris = [path for path in files if path.endswith((".js", ".css"))]
    same_bytes = bool(uris) and all(
        XBlock.open_local_resource.__func__(cls, uri).read() == cls.open_local_resource(uri).read()
        for uri in uris
    )
    print(json.dumps({
        "package": package,
        "source": os.path.dirname(disclosure_xblock.__file__),
        "resources_dir": cls.get_resources_dir(),
        "public_dir": cls.get_public_dir(),
        "published": files,
        "same_bytes": same_bytes,
    }))


if __name__ == "__main__":
    sys.exit(main())
