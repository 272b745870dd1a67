"""A Slack teacher's ticket handed to the district helpdesk, end to end: the admin routes it
from Slack, the email reaches a real SMTP server masked and threaded, and the helpdesk's
email reply and signed status webhook reach the teacher's Slack DM through the ledger."""

from __future__ import annotations

import json
from datetime import time
from typing import Any

import pytest
from aiohttp import ClientSession
from pydantic import SecretStr
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.helpdesk.models import HandoffRow
from bot.features.tickets.models import TicketRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.schools.service import save_school
from bot.settings import Settings
from bot.vocabulary import Person
from tests.adapters.helpdesk.conftest import (
    ADDRESS,
    MAILGUN_KEY,
    SECRET,
    mailgun_fields,
    post_status,
)
from tests.adapters.helpdesk.conftest import mailbox as mailbox  # a fixture, used by name
from tests.adapters.slack.conftest import TEACHER, SlackClient
from tests.adapters.slack.test_triage import ADMIN, TRIAGE, posts_to
from tests.support.clock import FakeClock
from tests.support.helpdesk_stubs import Mailbox

DM = f"D{TEACHER}"  # the stub opens a person's DM as "D" + their user id
PROBLEM = ("The projector in room 204 is dead and Jayden Smith (student id 4482913) "
           "cannot see the board")


@pytest.fixture
def settings(settings: Settings, mailbox: Mailbox) -> Settings:
    """Slack against its stub, mail through the local SMTP server, Mailgun's key set."""
    return settings.model_copy(update={
        "smtp_host": "127.0.0.1", "smtp_port": mailbox.port, "smtp_security": "none",
        "smtp_from": "prepbot@district.test", "mailgun_signing_key": SecretStr(MAILGUN_KEY)})


@pytest.fixture
async def handed_over(slack: SlackClient, runtime: Runtime, mailbox: Mailbox) -> int:
    """An admin routes tickets to the helpdesk and a triage channel from Slack; the teacher
    opens a ticket with a student's name in it; the next tick emails it. Its number."""
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    await slack.command("/prepbot", "school Lincoln Elementary")
    await slack.command("/prepbot", "settings route default here", user=ADMIN, channel=TRIAGE)
    for setting in (f"default email {ADDRESS}", f"default secret {SECRET}"):
        await slack.command("/prepbot", f"settings helpdesk {setting}", user=ADMIN)
    await slack.stub.wait_for("response_url", 4)
    assert "secret is saved" in slack.stub.of("response_url")[-1].params["text"]

    await slack.command("/ticket", PROBLEM, channel=DM)
    await runtime.dispatcher.tick()
    async with runtime.sessions() as session:
        return int((await session.execute(select(TicketRow.id))).scalar_one())


def told(slack: SlackClient) -> list[dict[str, Any]]:
    """What the bot posted in the teacher's DM."""
    return posts_to(slack, DM)


async def thread_of(runtime: Runtime, number: int) -> str:
    async with runtime.sessions() as session:
        query = select(HandoffRow.thread).where(HandoffRow.ticket_id == number)
        return str((await session.execute(query)).scalar_one())


async def notices_to_teacher(runtime: Runtime) -> list[DeliveryRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(DeliveryRow).join(
            PersonRow, PersonRow.id == DeliveryRow.person_id).where(
            DeliveryRow.job == "notice", DeliveryRow.occurrence.startswith("helpdesk."),
            PersonRow.user_id == TEACHER))).scalars())


async def test_a_slack_ticket_is_emailed_masked_with_its_thread_reference(
        slack: SlackClient, runtime: Runtime, mailbox: Mailbox, handed_over: int) -> None:
    [email] = mailbox.messages
    thread = await thread_of(runtime, handed_over)

    assert mailbox.recipients == [[ADDRESS]]
    assert f"[{thread}]" in email["Subject"] and f"#{handed_over}" in email["Subject"]
    assert email["Message-ID"] == f"<{thread}.1@district.test>"
    assert "Jayden" not in email.as_string() and "4482913" not in email.as_string()
    assert "[name] (student id [id number])" in email.get_content()
    assert f"Teacher {TEACHER} (in Slack)" in email.get_content()


async def test_the_helpdesks_email_reply_reaches_the_teacher_in_slack(
        slack: SlackClient, runtime: Runtime, http: ClientSession, mailbox: Mailbox,
        clock: FakeClock, handed_over: int) -> None:
    sent = mailbox.messages[0]
    headers = [["In-Reply-To", sent["Message-ID"]], ["Message-Id", "<zd-7@helpdesk.test>"]]

    response = await http.post("/helpdesk/email", data=mailgun_fields(
        clock.now(), subject=f"Re: {sent['Subject']}", **{
            "stripped-text": "A technician will swap the lamp at 2pm.",
            "message-headers": json.dumps(headers)}))

    assert response.status == 200, await response.text()
    dm = told(slack)[-1]
    assert "helpdesk wrote: A technician will swap the lamp at 2pm." in dm["text"]
    assert any("swap the lamp" in post["text"] for post in posts_to(slack, TRIAGE))
    [notice] = await notices_to_teacher(runtime)
    assert (notice.platform, notice.status) == ("slack", "sent")


async def test_a_signed_resolved_status_closes_the_loop_in_slack_once(
        slack: SlackClient, runtime: Runtime, http: ClientSession, clock: FakeClock,
        handed_over: int) -> None:
    thread = await thread_of(runtime, handed_over)
    document = {"thread": f"INC0042 [{thread}]", "status": "resolved",
                "message": "New lamp fitted.", "id": "inc0042-resolved"}

    first = await post_status(http, document, clock.now())
    clock.advance(seconds=30)
    again = await post_status(http, document, clock.now())  # the helpdesk retries it

    assert [first.status, again.status] == [200, 200]
    assert (await again.json())["result"] == "duplicate"
    async with runtime.sessions() as session:
        ticket = await session.get(TicketRow, handed_over)
        assert ticket is not None and ticket.status == "resolved"
    resolved = [post for post in told(slack) if "marked it resolved" in post["text"]]
    assert len(resolved) == 1 and "New lamp fitted." in resolved[0]["text"]
    labels = [element["text"]["text"] for block in resolved[0]["blocks"]
              if block["type"] == "actions" for element in block["elements"]]
    assert any("reopen" in label for label in labels)
    [notice] = await notices_to_teacher(runtime)
    assert (notice.platform, notice.status) == ("slack", "sent")


async def test_a_forged_status_never_reaches_the_teacher(
        slack: SlackClient, runtime: Runtime, http: ClientSession, clock: FakeClock,
        handed_over: int) -> None:
    thread = await thread_of(runtime, handed_over)
    before = len(told(slack))

    forged = await post_status(http, {"thread": thread, "status": "resolved"}, clock.now(),
                               secret="someone-guessing-the-secret")

    assert forged.status == 401
    assert len(told(slack)) == before and await notices_to_teacher(runtime) == []
