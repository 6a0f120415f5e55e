"""Packaging for disclosure-xblock.

static/ and templates/ sit at the top of the repository (the design card's layout); they are
mapped into the installed package as disclosure_xblock/static and disclosure_xblock/templates so
that a wheel carries them and the block finds them with importlib.resources.
"""
import os

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def data_files_under(top):
    """Every file below ``top`` (relative to it), for package_data."""
    found = []
    for root, _dirs, files in os.walk(os.path.join(HERE, top)):
        for name in files:
            if name.endswith((".pyc", ".pyo")):
                continue
            found.append(os.path.relpath(os.path.join(root, name), os.path.join(HERE, top)))
    return found


packages = find_packages(include=["disclosure_xblock", "disclosure_xblock.*"])
packages += ["disclosure_xblock.static", "disclosure_xblock.templates"]

setup(
    name="disclosure-xblock",
    version="0.1.0",
    description="Self-disclosure drafting exercises with rubric-based feedback for Open edX",
    long_description=open(os.path.join(HERE, "README.md"), encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=packages,
    package_dir={
        "disclosure_xblock.static": "static",
        "disclosure_xblock.templates": "templates",
    },
    package_data={
        "disclosure_xblock": [
            "rubric/presets/*.xml",
            "scenarios/library/*.xml",
            "feedback/lexicons/*",
            "feedback/lexicons/*/*",  # one folder per language: es/safety.txt
            "conf/locale/*/LC_MESSAGES/*",
            "translations/*/LC_MESSAGES/*",
        ],
        "disclosure_xblock.static": data_files_under("static"),
        "disclosure_xblock.templates": data_files_under("templates"),
    },
    include_package_data=False,
    zip_safe=False,
    install_requires=[
        "XBlock>=6,<7",
        "web-fragments>=2",
        "lxml>=5",
        "edx-submissions>=3.8",
        "Django>=4.2",
        "nh3>=0.2.14",
    ],
    entry_points={
        "xblock.v1": ["disclosure_exercise = disclosure_xblock.block:DisclosureXBlock"],
        # Installs the grading app (per-criterion assessments, claims) into the LMS and Studio.
        "lms.djangoapp": ["disclosure_xblock = disclosure_xblock.grading.apps:GradingConfig"],
        "cms.djangoapp": ["disclosure_xblock = disclosure_xblock.grading.apps:GradingConfig"],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.12",
    ],
)
