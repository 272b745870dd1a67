"""A colleague's work address, known by the names in the district's directory
(bot/masking/staff_addresses.py): the shapes districts build ("castellanosj@",
"tracy.cathcart@", "shanika.glover-reed@" under a married name) are kept; a student's address,
a family's mail, a students' domain, an address with digits, or one said beside a child or a
family is still hidden, though it is built from a colleague's name. And the address under a
signature the masker keeps, when the signer's name has a capital inside ("LaToya Pennington",
penningtonl@: contacts.spare_kept_names_addresses)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.staff import know_staff
from tests.bot.test_masking import masked

DIRECTORY = ["Jennifer Castellanos", "Tracy Cathcart", "Shanika Glover"]


@pytest.fixture
def directory() -> Iterator[None]:
    """These colleagues known, as Slack lists them."""
    know_staff(DIRECTORY, afresh=True)
    yield


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("text", [
    "anyone have a newer address? castellanosj@duvalschools.org bounced back",
    "Questions → tracy.cathcart@richlandone.org",
    "New is shanika.glover-reed@richlandone.org, the old one still gets mail",
    "cc jcastellanos@duvalschools.org on the work order",
])
def test_a_colleagues_work_address_is_kept(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "expected"), [
    ("castellanosj@gmail.com bounced", "[email] bounced"),
    ("her login is castellanosj2031@duvalschools.org", "her login is [email]"),
    ("jcastellanos@students.duvalschools.org is locked", "[email] is locked"),
    ("My student uses jcastellanos@duvalschools.org", "My student uses [email]"),
    ("His mom wrote from tracy.cathcart@richlandone.org", "His mom wrote from [email]"),
    ("marcus.bell@richlandone.org is locked", "[email] is locked"),
])
def test_an_address_built_from_a_colleagues_name_is_still_hidden_where_a_student_may_own_it(
        text: str, expected: str) -> None:
    assert masked(text) == expected


SIGNED = ("My email signature disappeared after the update.\n\nLaToya Pennington\n"
          "Instructional Technology Coach\nShortridge High School\npenningtonl@myips.org")


def test_a_kept_signers_address_is_kept_though_her_name_has_a_capital_inside() -> None:
    assert masked(SIGNED) == SIGNED


def test_a_parents_address_built_like_her_name_is_hidden() -> None:
    text = "My son Lamar can't log in.\n\nLaToya Pennington\nlpennington@hcpss.org"
    assert masked(text).endswith("[email]")


def test_without_a_directory_every_such_address_is_hidden() -> None:
    assert masked("Questions → tracy.cathcart@richlandone.org") == "Questions → [email]"
