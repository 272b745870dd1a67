"""A colleague's work address is kept in a ticket when Slack's member list gives it (the
users:read.email scope): exactly that address, of a member, never a guest's or a departed
account's, and only in a text that hides nothing else and speaks of no child or family. Rules
that guessed a staff address from its shape were broken by red teams (stops 66 and 67); a
listed one is no guess. The addresses are kept in memory only: nothing of them is stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.people.models import PersonRow
from tests.adapters.slack.conftest import SlackClient, user
from tests.adapters.slack.test_colleagues import settle, ticket_text
from tests.support.slack_stub import SlackStub

DOMAIN = "ccsdschools.net"


def with_address(found: dict[str, Any], local: str) -> dict[str, Any]:
    """A users.list member whose profile carries a work address, as users:read.email gives."""
    found["profile"]["email"] = f"{local}@{DOMAIN}"
    return found


@pytest.fixture
def directory(slack_stub: SlackStub) -> SlackStub:
    """A member with her address listed, one without (no scope at the time), a guest and a
    deactivated account, both with addresses."""
    for found in (with_address(user("UGL", "Grace Lee"), "grace.lee"),
                  user("UKB", "Kayden Brooks"),
                  with_address(user("UMV", "Marisol Vega", is_restricted=True), "mvega"),
                  with_address(user("UDW", "Dana Whitfield", deleted=True), "dwhitfield")):
        slack_stub.users[found["id"]] = found
    return slack_stub


async def test_a_members_listed_address_is_kept(
        slack: SlackClient, runtime: Runtime, directory: SlackStub) -> None:
    await settle(runtime)
    said = f"Projector in 114 is dead again, email me at Grace.Lee@{DOMAIN} or call ext 2210"
    assert await ticket_text(slack, runtime, said) == said


async def test_beside_a_student_a_listed_address_is_hidden_too(
        slack: SlackClient, runtime: Runtime, directory: SlackStub) -> None:
    # a colleague may be the student's mother (red team RR's, stop 68)
    await settle(runtime)
    said = f"jlee2031@{DOMAIN} can't log in, cc grace.lee@{DOMAIN}"
    assert await ticket_text(slack, runtime, said) == "[email] can't log in, cc [email]"


async def test_a_listed_address_spelled_out_is_kept_too(
        slack: SlackClient, runtime: Runtime, directory: SlackStub) -> None:
    await settle(runtime)
    said = "send the invite to grace dot lee at ccsdschools dot net please"
    assert await ticket_text(slack, runtime, said) == said


@pytest.mark.parametrize("address", [f"mvega@{DOMAIN}", f"dwhitfield@{DOMAIN}",
                                     f"kbrooks@{DOMAIN}", f"grace.lee2@{DOMAIN}"])
async def test_no_address_the_list_does_not_give_a_member_is_kept(
        slack: SlackClient, runtime: Runtime, directory: SlackStub, address: str) -> None:
    # a guest's, a deactivated account's, a member's the app could not read, one a letter off
    await settle(runtime)
    assert await ticket_text(slack, runtime, f"can you reset {address} today") == (
        "can you reset [email] today")


async def test_a_listed_address_given_as_a_students_family_is_hidden(
        slack: SlackClient, runtime: Runtime, directory: SlackStub) -> None:
    await settle(runtime)
    said = f"Mia's mom works at our school, her email is grace.lee@{DOMAIN} if you need it"
    assert f"grace.lee@{DOMAIN}" not in await ticket_text(slack, runtime, said)


async def test_an_address_called_a_students_is_hidden_though_listed(
        slack: SlackClient, runtime: Runtime, directory: SlackStub) -> None:
    await settle(runtime)
    said = f"the student email grace.lee@{DOMAIN} is locked"
    assert await ticket_text(slack, runtime, said) == "the student email [email] is locked"


async def test_the_addresses_are_not_stored(
        slack: SlackClient, runtime: Runtime, directory: SlackStub) -> None:
    await slack.dm("hello", user="UGL")  # she writes: her person row is stored
    await settle(runtime)
    async with runtime.sessions() as session:
        [grace] = (await session.execute(
            select(PersonRow).where(PersonRow.user_id == "UGL"))).scalars()
        stored = [str(getattr(grace, column.key)) for column in PersonRow.__table__.columns]
    assert grace.full_name == "Grace Lee" and not any("@" in value for value in stored)
