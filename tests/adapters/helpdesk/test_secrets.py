"""Secrets stay secret: the SMTP password and a route's shared secret are never shown back in
chat, never logged, and the shared secret is stored sealed; a webhook URL's path (it may hold
a token) is never shown either."""

from __future__ import annotations

import logging

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from sqlalchemy import text

from adapters.console import ConsoleChat, render
from adapters.logs import NOISY
from adapters.runtime import Runtime
from bot.blocks import Form
from bot.vocabulary import Person
from tests.adapters.helpdesk.conftest import (
    ADDRESS,
    SECRET,
    configure,
    handoff_of,
    open_ticket,
    post_status,
)
from tests.support.clock import FakeClock
from tests.support.helpdesk_stubs import SERVER_LOG, SMTP_PASSWORD, Mailbox, WebhookReceiver

TOKEN_PATH = "/hooks/T0K3N-in-the-path"


async def test_secrets_are_never_shown_back_nor_logged(
        chat: ConsoleChat, runtime: Runtime, server: TestServer, http: ClientSession,
        mailbox: Mailbox, receiver: WebhookReceiver, clock: FakeClock, admin: Person,
        teacher: Person, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # everything prepbot logs at its most talkative setting
    for library in NOISY:
        caplog.set_level(logging.INFO, logger=library)  # as adapters/logs.py keeps them
    said = await configure(chat, admin, f"default webhook {receiver.url(TOKEN_PATH)}",
                           f"default secret {SECRET}", f"default email {ADDRESS}",
                           "default secret short")  # refused: too short
    said += [render(r) for r in await chat.say("/prepbot settings", as_=admin)]
    said += [render(r) for r in await chat.say("/prepbot settings helpdesk", as_=admin)]
    receiver.statuses.append(500)
    number = await open_ticket(chat, teacher, "Projector in 12 is dead")
    await runtime.dispatcher.tick()
    clock.advance(minutes=5)
    await runtime.dispatcher.tick()
    thread = (await handoff_of(runtime, number)).thread
    await post_status(http, {"thread": thread, "status": "resolved"}, clock.now(), "x" * 20)

    shown = "\n".join(said)
    assert "secret set" in shown and "T0K3N" not in shown and receiver.url("") in shown + "/"
    assert "The secret is saved. I won't show it again." in shown and "Nothing was saved" in shown
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records
                       if r.name != SERVER_LOG)
    assert "delivery" in logged and "failed" in logged  # the 500 was logged, without secrets
    for secret in (SECRET, SMTP_PASSWORD, "T0K3N", "short", "x" * 20):
        assert secret not in shown + logged, secret
    assert len(mailbox.messages) == 1 and len(receiver.delivered) == 1


async def test_the_shared_secret_is_stored_sealed(
        chat: ConsoleChat, runtime: Runtime, admin: Person) -> None:
    await configure(chat, admin, f"hardware secret {SECRET}")

    async with runtime.engine.connect() as connection:
        [stored] = (await connection.execute(text("SELECT secret FROM helpdesk_routes"))).one()
    assert SECRET.encode() not in bytes(stored) and len(stored) > len(SECRET)


async def test_the_secret_form_keeps_the_value_out_of_the_conversation(
        chat: ConsoleChat, admin: Person) -> None:
    [reply] = await chat.say("/prepbot settings helpdesk school Lincoln Elementary secret",
                             as_=admin)
    assert "don't know a school" in reply.text  # no such school yet: nothing to fill in

    [reply] = await chat.say("/prepbot settings helpdesk default secret", as_=admin)
    [form] = [b for b in reply.blocks if isinstance(b, Form)]
    [saved] = await chat.submit(form.form_id, {"secret": SECRET}, form.context, as_=admin)

    assert "secret is saved" in saved.text and SECRET not in render(saved)
