"""The LMS finds this block's own catalogue where edx-platform's XBlockI18nService looks.

That service loads ``gettext.translation("text", <the block module's package>/translations,
[locale])`` for a pip-installed XBlock and falls back to Django's catalogue when it finds none;
this test does the same lookup.
"""
import gettext
import importlib.resources

import disclosure_xblock.block as block_module


def lms_translator(locale):
    package = block_module.__name__.rpartition(".")[0]
    path = importlib.resources.files(package).joinpath("translations")
    return gettext.translation("text", str(path), [locale])


def test_block_messages_translate_through_the_lms_lookup():
    spanish = lms_translator("es")
    message = "Only course staff can do this."
    assert spanish.gettext(message) != message
    assert spanish.gettext("Sign in to the course to work on this exercise.") != \
        "Sign in to the course to work on this exercise."


def test_template_strings_are_in_the_same_catalogue():
    spanish = lms_translator("es")
    assert spanish.gettext("Get feedback") not in ("", "Get feedback")
