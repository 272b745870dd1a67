"""With an app id, only tokens signed by the channel's key, for this bot, are let in."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from adapters.runtime import Runtime, build_runtime
from adapters.teams import mount  # the real one: conftest patches the module's attribute
from bot.people.models import ConversationRow
from bot.settings import Settings
from knowledge import KnowledgeBase
from tests.adapters.teams.conftest import APP_ID, TEACHER, Teams
from tests.support.bf_tokens import OpenIdStub, new_key
from tests.support.clock import FakeClock
from tests.support.connector_stub import ConnectorStub
from tests.support.database import empty_tables


async def conversations(runtime: Runtime) -> int:
    """How many conversations the core stored (any handled activity stores one)."""
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(ConversationRow.id)))).scalar_one())


async def test_a_valid_token_is_accepted(teams: Teams, connector: ConnectorStub,
                                         runtime: Runtime) -> None:
    response = await teams.post(teams.message("help"))

    assert response.status in (200, 201)
    assert len(connector.sent()) == 1 and await conversations(runtime) == 1


def forged(openid: OpenIdStub, service_url: str) -> dict[str, str]:
    """Tokens that must each be refused, by what is wrong with them."""
    return {
        "no header": "",
        "not a bearer": "Basic dXNlcjpwYXNz",
        "not a JWT": "Bearer not-a-jwt",
        "signed by another key": "Bearer " + openid.token(APP_ID, service_url, key=new_key()),
        "for another bot": "Bearer " + openid.token("another-app", service_url),
        "for another serviceUrl": "Bearer " + openid.token(APP_ID, "http://127.0.0.1:9/"),
        "from another issuer": "Bearer " + openid.token(APP_ID, service_url,
                                                       issuer="https://evil.example/"),
        "expired": "Bearer " + openid.token(APP_ID, service_url, expires_in=-3600),
    }


@pytest.mark.parametrize("case", ["no header", "not a bearer", "not a JWT",
                                  "signed by another key", "for another bot",
                                  "for another serviceUrl", "from another issuer", "expired"])
async def test_a_request_without_a_valid_token_is_refused_with_no_side_effect(
        case: str, teams: Teams, connector: ConnectorStub, runtime: Runtime,
        openid: OpenIdStub) -> None:
    activity = teams.message("the projector says no signal")
    header = forged(openid, connector.url)[case]

    response = await teams.post(activity, token=header or None)

    assert response.status == 401
    assert connector.calls == [] and await conversations(runtime) == 0


@pytest.fixture
async def emulator(database_url: str, knowledge_base: KnowledgeBase, clock: FakeClock,
                   settings: Settings) -> AsyncIterator[tuple[ClientSession, Runtime]]:
    """Teams mounted with no app id (the Bot Framework Emulator's mode), on its own app."""
    runtime = await build_runtime(settings.model_copy(update={"microsoft_app_id": ""}),
                                  clock=clock, kb=knowledge_base, migrate=False)
    app = web.Application()
    mount(app, runtime)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    async with ClientSession(base_url=str(server.make_url("/"))) as http:
        yield http, runtime
    await server.close()
    await empty_tables(runtime.engine)
    await runtime.close()


async def test_with_no_app_id_tokens_are_not_checked_and_the_log_says_so(
        emulator: tuple[ClientSession, Runtime], connector: ConnectorStub, openid: OpenIdStub,
        caplog: pytest.LogCaptureFixture) -> None:
    http, _ = emulator
    teams = Teams(http, connector, openid)

    response = await teams.post(teams.message("help"), token=None)

    assert response.status in (200, 201)
    assert "Authorization" not in connector.sent()[0].headers
    assert any(r.levelno == logging.WARNING and "NOT authenticated" in r.getMessage()
               for r in caplog.get_records("setup"))


@pytest.mark.parametrize("channel", ["webchat", "directline", "emulator"])
async def test_a_web_chat_page_naming_a_teams_users_id_is_not_her(
        teams: Teams, connector: ConnectorStub, channel: str) -> None:
    # A red team's (stop 48): the Bot Framework's keys are good for every channel a bot
    # has, and on Web Chat or Direct Line the page picks `from.id`; naming a teacher's Teams
    # id, it read her tickets. The Emulator's channel is heard in emulator mode only.
    await teams.post(teams.message("/ticket the projector in room 12 shows no signal"))
    connector.calls.clear()
    forged = teams.message("/tickets", user=TEACHER)
    forged |= {"channelId": channel, "conversation": {"id": "webchat-conversation-7"}}
    forged.pop("channelData")
    response = await teams.post(forged)
    assert response.status == 200 and connector.calls == []
