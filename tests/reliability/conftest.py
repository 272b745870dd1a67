"""The reliability suite's fixtures: one server with Slack, Teams and the playground mounted.

Every test here runs with distinctive secrets, and an autouse check reads every log record
the test produced (at DEBUG) for them: a secret in a log line fails the test that wrote it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from collections.abc import AsyncIterator, Iterator
from datetime import time
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy import func, select
from typer.testing import CliRunner

import adapters.teams
from adapters.cli import app
from adapters.cli.operations import register
from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from adapters.slack import ADAPTER
from bot.app import Bot
from bot.schools.service import save_school
from bot.settings import Settings
from bot.tables import metadata
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient
from tests.adapters.teams.conftest import APP_ID, Teams, local_authentication
from tests.support.bf_tokens import OpenIdStub
from tests.support.connector_stub import ConnectorStub
from tests.support.recording import FlakyMessenger, RecordingMessenger
from tests.support.slack_stub import SlackStub

SLACK_SECRET = "rel-signing-secret-3f9c1e77"
BOT_TOKEN = "xoxb-rel-bot-token-8d21aa"
APP_PASSWORD = "rel-app-password-5a7b0c"
SECRETS = (SLACK_SECRET, BOT_TOKEN, APP_PASSWORD)
MAX_BODY = 256 * 1024

# A few dozen examples per property, the same ones on every run: fast and stable in CI.
# PREPBOT_FUZZ_EXAMPLES=500 explores further, with fresh random examples each run.
EXPLORE = int(os.environ.get("PREPBOT_FUZZ_EXAMPLES", "0"))
FAST = hypothesis_settings(max_examples=EXPLORE or 30, deadline=None, derandomize=not EXPLORE,
                           database=None,
                           suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                  HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def no_secret_in_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Capture every log record at DEBUG; fail the test if any of them carries a secret."""
    caplog.set_level(logging.DEBUG)
    # aiosqlite narrates every call at DEBUG: nothing secret goes through it, and it is slow
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
    yield
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    records = [record for phase in ("setup", "call", "teardown")
               for record in caplog.get_records(phase)]
    leaked = [formatter.format(record) for record in records
              if any(secret in formatter.format(record) for secret in SECRETS)]
    assert not leaked, f"a secret was logged: {leaked[0][:500]}"


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    """ERROR records, and any record carrying an exception: what an operator would page on."""
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records
            if r.levelno >= logging.ERROR or r.exc_info]


@pytest.fixture(scope="session")
def openid() -> Iterator[OpenIdStub]:
    """Local OpenID metadata and signing key for Bot Framework tokens."""
    stub = OpenIdStub()
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture
async def slack_stub() -> AsyncIterator[SlackStub]:
    """The Slack Web API and response_url on 127.0.0.1."""
    stub = await SlackStub().start()
    yield stub
    await stub.close()


@pytest.fixture
async def connector() -> AsyncIterator[ConnectorStub]:
    """The Bot Connector on 127.0.0.1."""
    stub = ConnectorStub()
    await stub.start()
    yield stub
    await stub.close()


@pytest.fixture
def settings(settings: Settings, slack_stub: SlackStub) -> Settings:
    """Slack (HTTP) and Teams both configured, with the suite's secrets and a small body limit;
    the playground on, as an operator may turn it on: on a demo database of its own."""
    return settings.model_copy(update={
        "slack_bot_token": BOT_TOKEN, "slack_signing_secret": SLACK_SECRET,
        "slack_api_url": slack_stub.api_url, "microsoft_app_id": APP_ID,
        "microsoft_app_password": APP_PASSWORD, "max_body_bytes": MAX_BODY,
        "playground": True})


@pytest.fixture(autouse=True)
def local_cloud(settings: Settings, openid: OpenIdStub, monkeypatch: pytest.MonkeyPatch) -> None:
    """Teams is mounted with authentication that trusts the local key (nothing leaves 127.0.0.1)."""
    monkeypatch.setattr(adapters.teams, "mount", functools.partial(
        adapters.teams.mount, authentication=local_authentication(settings, openid)))


class Slack(SlackClient):
    """The Slack adapter tests' client, signing with this suite's secret."""

    async def post(self, body: bytes, content_type: str, *, secret: str = SLACK_SECRET,
                   timestamp: int | None = None, extra: dict[str, str] | None = None,
                   settle: bool = True) -> tuple[int, str]:
        """POST a signed body to /slack/events and let the work it started finish."""
        return await super().post(body, content_type, secret=secret, timestamp=timestamp,
                                  extra=extra, settle=settle)


@pytest.fixture
def slack(http: ClientSession, slack_stub: SlackStub, server: TestServer) -> Slack:
    """A Slack workspace talking to the real server."""
    return Slack(http, slack_stub, server.app[ADAPTER])


@pytest.fixture
def teams(http: ClientSession, connector: ConnectorStub, openid: OpenIdStub) -> Teams:
    """Teams, talking to the real server with valid tokens."""
    return Teams(http, connector, openid)


# What every arrival leaves, refused or not: it was written down before it was worked.
RECEIPTS = {"inbox"}


async def row_counts(runtime: Runtime | Bot) -> dict[str, int]:
    """How many rows every table in the metadata holds (but the inbox's receipts)."""
    async with runtime.sessions() as session:
        return {table.name: int((await session.execute(
            select(func.count()).select_from(table))).scalar_one())
            for table in metadata.sorted_tables if table.name not in RECEIPTS}


def walk_texts(node: Any, kinds: tuple[str, ...]) -> list[str]:
    """Every `text` of a JSON tree's objects whose `type` is one of `kinds`."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") in kinds and isinstance(node.get("text"), str):
            found.append(node["text"])
        for value in node.values():
            found.extend(walk_texts(value, kinds))
    elif isinstance(node, list):
        for item in node:
            found.extend(walk_texts(item, kinds))
    return found


# An erase and what it leaves to others (test_erased_notices.py, test_erase_spares_others.py).
RIVERA = Person(platform="console", user_id="rivera", display_name="Ms Rivera")
LEE = Person(platform="console", user_id="lee", display_name="Mr Lee")
ADA = Person(platform="console", user_id="ada", display_name="Ada")


@pytest.fixture
def outbox(runtime: Runtime) -> FlakyMessenger:
    """The console platform's messenger."""
    messenger = FlakyMessenger()
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def triage(runtime: Runtime, chat: ConsoleChat) -> None:
    """Rivera and Lee teach at Lincoln; new tickets are posted to Ada's triage channel."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    for person in (RIVERA, LEE):
        await chat.say("/prepbot school Lincoln Elementary", as_=person)
    [routed] = await chat.say("/prepbot settings route default here", as_=ADA)
    assert "will be posted here" in routed.text


async def erase(runtime: Runtime, who: str = "console:rivera") -> None:
    """The real CLI erase, in its own event loop."""
    register(app)
    done = await asyncio.to_thread(CliRunner().invoke, app,
                                   ["privacy", "delete", who, "--yes"],
                                   env={"DATABASE_URL": runtime.settings.database_url})
    assert done.exit_code == 0, done.output


def cards(outbox: RecordingMessenger, containing: str) -> int:
    """How many posts carried these words."""
    return sum(containing in r.text or any(containing in getattr(b, "text", "")
                                           for b in r.blocks)
               for kind, _, r in outbox.sent if kind == "post")
