"""Socket Mode against a local WebSocket stub: connect, receive an event, acknowledge, answer."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from adapters.runtime import Runtime
from adapters.slack import ADAPTER
from bot.settings import Settings
from tests.adapters.slack.conftest import DM, TEACHER, buttons
from tests.support.slack_stub import SlackStub


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Socket Mode only: an app-level token and no signing secret."""
    return settings.model_copy(update={"slack_app_token": "xapp-test",
                                       "slack_signing_secret": ""})


@pytest.fixture
async def connected(server: TestServer, slack_stub: SlackStub) -> AsyncIterator[TestServer]:
    """The server, once its Socket Mode client has connected to the stub."""
    await slack_stub.connected()
    yield server


async def test_socket_mode_answers_an_event_and_acknowledges_it(
        connected: TestServer, slack_stub: SlackStub, runtime: Runtime) -> None:
    [opened] = slack_stub.of("apps.connections.open")
    assert opened.headers["Authorization"] == "Bearer xapp-test"
    await slack_stub.push({
        "envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
        "retry_attempt": 0, "retry_reason": "",
        "payload": {"type": "event_callback", "event_id": "EvSOCK", "team_id": "T1",
                    "event": {"type": "message", "channel_type": "im", "channel": DM,
                              "user": TEACHER, "text": "the projector says no signal",
                              "ts": "1700000000.000009"}}})
    [posted] = await slack_stub.wait_for("chat.postMessage")
    assert "Yes" in [b["text"]["text"] for b in buttons(posted.params["blocks"])]
    assert {"envelope_id": "env-1"} in slack_stub.socket_received
    await connected.app[ADAPTER].drain()


async def test_the_http_route_says_socket_mode_is_used(connected: TestServer) -> None:
    async with ClientSession() as http, \
            http.post(connected.make_url("/slack/events"), data=b"{}") as response:
        assert response.status == 404
        assert (await response.json())["error"] == "socket_mode"
