"""The block under an LMS-shaped runtime: real opaque usage keys, a user service like the LMS's.

The workbench uses plain string ids and patches a course id onto blocks; the LMS gives real
usage keys. These tests pin what the block derives from them: the course id in the
edx-submissions student item, the OLX url_name, and the identity it trusts.
"""
from lxml import etree
from opaque_keys.edx.keys import UsageKey
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import NullI18nService
from xblock.test.tools import TestRuntime

from disclosure_xblock.block import DisclosureXBlock
from disclosure_xblock.exercise import Exercise
from disclosure_xblock.scenarios import library_olx

USAGE = "block-v1:Hospital+Onboarding+2026+type@disclosure_exercise+block@jamie_anxiety"


class LmsLikeUsers(UserService):
    """The attributes edx-platform's user service sets, for one user."""

    def __init__(self, **attrs):
        user = XBlockUser(is_current_user=True)
        user.opt_attrs.update(attrs)
        super().__init__(user=user)

    def get_current_user(self):
        return self._user


def make_block(**user_attrs):
    runtime = TestRuntime(services={"user": LmsLikeUsers(**user_attrs), "i18n": NullI18nService(),
                                    "field-data": DictFieldData({})})
    usage_key = UsageKey.from_string(USAGE)
    keys = ScopeIds("7", "disclosure_exercise", usage_key, usage_key)
    return runtime.construct_xblock_from_class(DisclosureXBlock, keys)


def test_course_id_and_item_come_from_the_opaque_usage_key():
    block = make_block(**{"edx-platform.anonymous_user_id": "a" * 32, "edx-platform.user_id": 7,
                          "edx-platform.username": "nurse_ana", "edx-platform.user_is_staff": False,
                          "edx-platform.user_role": "student"})
    ctx = block._context()  # pylint: disable=protected-access
    assert ctx.course_id == "course-v1:Hospital+Onboarding+2026"
    assert ctx.student_item() == {"student_id": "a" * 32, "course_id": "course-v1:Hospital+Onboarding+2026",
                                  "item_id": USAGE, "item_type": "disclosure_exercise"}
    assert ctx.identity.username == "nurse_ana" and not ctx.identity.is_staff


def test_unknown_roles_and_missing_attributes_mean_a_plain_learner_or_no_one():
    odd = make_block(**{"edx-platform.anonymous_user_id": "b" * 32, "edx-platform.user_role": "superuser",
                        "edx-platform.user_is_staff": False})
    assert odd._identity().role == "student"  # pylint: disable=protected-access
    nobody = make_block()
    identity = nobody._identity()  # pylint: disable=protected-access
    assert identity.anonymous_id is None and not identity.is_staff


def test_export_writes_the_url_name_and_round_trips():
    block = make_block()
    block._store_exercise(Exercise.from_olx_string(library_olx("group-reluctance")))  # pylint: disable=protected-access
    node = etree.Element("placeholder")
    block.add_xml_to_node(node)
    assert node.tag == "disclosure_exercise" and node.get("url_name") == "jamie_anxiety"
    assert Exercise.from_olx(node) == block.exercise
    assert block.max_score() == 20
