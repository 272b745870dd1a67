"""A district with a helpdesk: a local SMTP server, a webhook receiver, a school, a teacher,
and helpers to configure routes from chat and to answer as the helpdesk would."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import datetime, time

import pytest
from aiohttp import ClientResponse, ClientSession
from pydantic import SecretStr
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.helpdesk.models import HandoffRow
from bot.features.helpdesk.signing import signed_headers
from bot.features.tickets.models import TicketEventRow, TicketRow
from bot.schools.service import save_school
from bot.settings import Settings
from bot.vocabulary import Person
from tests.support.helpdesk_stubs import (
    SMTP_PASSWORD,
    SMTP_USER,
    Mailbox,
    WebhookReceiver,
    start_mailbox,
)
from tests.support.recording import RecordingMessenger

SECRET = "shared-secret-for-the-helpdesk-0123456789"
MAILGUN_KEY = "mailgun-signing-key-for-tests"
ADDRESS = "helpdesk@district.test"


@pytest.fixture
async def mailbox() -> AsyncIterator[Mailbox]:
    """The district's mail server (aiosmtpd on 127.0.0.1), which wants a login."""
    box, server = await start_mailbox()
    yield box
    server.close()
    await server.wait_closed()


@pytest.fixture
async def receiver() -> AsyncIterator[WebhookReceiver]:
    """Whatever the district put behind the webhook URL."""
    stub = WebhookReceiver()
    await stub.start()
    yield stub
    await stub.server.close()


@pytest.fixture
def settings(settings: Settings, mailbox: Mailbox) -> Settings:
    """prepbot's settings, with the mail server and the Mailgun signing key set."""
    settings.smtp_host, settings.smtp_port = "127.0.0.1", mailbox.port
    settings.smtp_security, settings.smtp_user = "none", SMTP_USER
    settings.smtp_password = SecretStr(SMTP_PASSWORD)
    settings.smtp_from = "prepbot@district.test"
    settings.mailgun_signing_key = SecretStr(MAILGUN_KEY)
    return settings


@pytest.fixture
def outbox(runtime: Runtime) -> RecordingMessenger:
    """What the bot DMs to people (the console platform)."""
    messenger = RecordingMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def teacher(chat: ConsoleChat, runtime: Runtime) -> Person:
    """Ms Rivera, at Lincoln Elementary."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    person = Person(platform="console", user_id="rivera", display_name="Ms Rivera")
    await chat.say("/prepbot school Lincoln Elementary", as_=person)
    return person


async def configure(chat: ConsoleChat, admin: Person, *settings: str) -> list[str]:
    """An admin types `/prepbot settings helpdesk ...` once per setting; the replies' texts."""
    said = []
    for setting in settings:
        replies = await chat.say(f"/prepbot settings helpdesk {setting}", as_=admin)
        said += [block_text for reply in replies for block_text in texts_of(reply)]
    return said


def texts_of(reply: object) -> list[str]:
    """Every sentence of a reply, its fallback text included."""
    from adapters.console import render
    from bot.blocks import Reply

    assert isinstance(reply, Reply)
    return [reply.text, render(reply)]


async def open_ticket(chat: ConsoleChat, teacher: Person, text: str) -> int:
    """The teacher opens a ticket; its number."""
    [reply] = await chat.say(f"/ticket {text}", as_=teacher)
    assert "is open" in reply.text, reply.text
    return int(reply.text.split("#")[1].split()[0])


async def handoff_of(runtime: Runtime, ticket_id: int) -> HandoffRow:
    async with runtime.sessions() as session:
        found = (await session.execute(select(HandoffRow).where(
            HandoffRow.ticket_id == ticket_id))).scalar_one()
        return found


async def ticket(runtime: Runtime, ticket_id: int) -> tuple[TicketRow, list[TicketEventRow]]:
    async with runtime.sessions() as session:
        row = await session.get(TicketRow, ticket_id)
        assert row is not None
        events = list((await session.execute(select(TicketEventRow).where(
            TicketEventRow.ticket_id == ticket_id).order_by(TicketEventRow.id))).scalars())
        return row, events


async def post_status(http: ClientSession, document: dict[str, object], now: datetime,
                      secret: str = SECRET) -> ClientResponse:
    """The helpdesk's automation rule posts a status, signed as docs/helpdesk describes."""
    body = json.dumps(document).encode()
    headers = dict(signed_headers(secret, now, body))
    headers["Content-Type"] = "application/json"
    return await http.post("/helpdesk/status", data=body, headers=headers)


def mailgun_fields(now: datetime, token: str = "t" * 50, key: str = MAILGUN_KEY,
                   **fields: str) -> dict[str, str]:
    """A Mailgun forward() post: the message's fields and Mailgun's signature."""
    stamp = str(int(now.timestamp()))
    signature = hmac.new(key.encode(), (stamp + token).encode(), hashlib.sha256).hexdigest()
    return {"timestamp": stamp, "token": token, "signature": signature, **fields}
