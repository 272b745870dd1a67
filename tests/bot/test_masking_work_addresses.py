"""A district's own domain is where students get mail, whether it ends in ".org" or ".net": a
student's address there is hidden as at any district's, and a vendor's is still kept. A
colleague's own address is kept when the staff directory lists it exactly (Slack's
users:read.email), never for its shape (red teams broke every shape rule, stops 66 and 67),
and only in a text that hides nothing else and speaks of no child or family: a colleague may
be a student's parent (red team RR's, test_masking_stop68_attacked.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.masking.staff import forget_staff, know_staff
from tests.bot.test_masking import masked


@pytest.fixture
def directory() -> Iterator[None]:
    """Two colleagues whose addresses the member list gives."""
    know_staff(["Grace Lee", "Tomás Herrera"], afresh=True,
               addresses=["grace.lee@rvaschools.net", "THerrera@lcps.net"])
    yield
    forget_staff()


@pytest.mark.parametrize(("text", "address"), [
    ("His login is 2231045@yisd.net and it says account disabled", "2231045@yisd.net"),
    ("jdoe2031@rvaschools.net can't get into Canvas", "jdoe2031@rvaschools.net"),
    ("Found a Chromebook signed in as 601338@asdk12.net, whose is it?", "601338@asdk12.net"),
    ("please reset dante.w@usd259.net, he's new", "dante.w@usd259.net"),
    ("mreyes@fresnocusd.net locked out again", "mreyes@fresnocusd.net"),
    ("share the doc with ana.g@ocps.net please", "ana.g@ocps.net"),
    ("kwilliams22@dcps.net won't sync in Clever", "kwilliams22@dcps.net"),
])
def test_an_address_at_a_districts_net_or_com_domain_is_hidden(text: str, address: str) -> None:
    assert address not in masked(text)


@pytest.mark.parametrize("text", [
    "Our PowerSchool rep is jane.doe@powerschool.com if the sync breaks again",
    "Quote came from tom_ng@dell-k12partners.com for the new carts",
    "The Securly contact is angela.dorsey@securly.com",
    "Our School Specialty rep for the furniture order is jpatel@schoolspecialty.com",
])
def test_a_vendors_address_is_kept(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize("text", [
    "Email me at grace.lee@rvaschools.net when the cart is back",
    "Ms. Lee (Grace.Lee@RVASchools.net) has the key to 114",
    "cc therrera@lcps.net on the projector ticket",
    "send it to grace dot lee at rvaschools dot net",
])
def test_a_colleagues_listed_address_is_kept_in_any_case_or_spelling(text: str) -> None:
    assert masked(text) == text


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(("text", "address"), [
    ("grace.lee2@rvaschools.net can't log in", "grace.lee2@rvaschools.net"),  # one off
    ("glee@rvaschools.net can't log in", "glee@rvaschools.net"),  # her name, not her address
    ("student email grace.lee@rvaschools.net is locked", "grace.lee@rvaschools.net"),
    ("Jayden's dad works here, his email is therrera@lcps.net", "therrera@lcps.net"),
    ("Her son is in my 3rd period, she asked for the link: grace.lee@rvaschools.net",
     "grace.lee@rvaschools.net"),
    ("cc grace.lee@rvaschools.net about 2231045@yisd.net", "grace.lee@rvaschools.net"),
])
def test_an_address_the_list_does_not_give_or_a_sentence_gives_a_student_is_hidden(
        text: str, address: str) -> None:
    assert address.lower() not in masked(text).lower()


def test_without_the_directory_a_colleagues_district_address_is_hidden() -> None:
    forget_staff()
    assert masked("Email me at grace.lee@rvaschools.net") == "Email me at [email]"
