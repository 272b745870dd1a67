"""Slack fixtures: the Web API stub, settings pointing at it, and a signed-request client."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from adapters.runtime import Runtime
from adapters.slack import ADAPTER, SlackAdapter, places
from bot.features.answers.models import QuestionRow
from bot.roles import Role
from bot.settings import Settings
from bot.vocabulary import Person
from tests.support.signing import form_body, interactive_body, json_body, signed_headers
from tests.support.slack_stub import SlackStub

SECRET = "test-signing-secret"
TEACHER = "UTEACHER"
DM = f"D{TEACHER}"  # the teacher's DM with prepbot, as conversations.open names it
CHANNEL = "CGENERAL"
# How long a test waits for the work a payload started (a loaded CI machine is slow; a
# test whose work never ends hears it in the log, "still running").
SETTLE_SECONDS = 30.0


@pytest.fixture(autouse=True)
def slack_answers_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stub answers at once, but a loaded CI machine can take longer than the second
    prepbot gives Slack before its acknowledgement (stop 55's CI read it as a no); a test of
    Slack's silence sets the wait itself."""
    monkeypatch.setattr(places, "WAIT", SETTLE_SECONDS)


@pytest.fixture
async def slack_stub() -> AsyncIterator[SlackStub]:
    """The Slack Web API, response_url and Socket Mode, stubbed on 127.0.0.1."""
    stub = await SlackStub().start()
    yield stub
    await stub.close()


@pytest.fixture
def settings(settings: Settings, slack_stub: SlackStub) -> Settings:
    """The shared settings with Slack configured for HTTP mode against the stub."""
    return settings.model_copy(update={"slack_bot_token": "xoxb-test",
                                       "slack_signing_secret": SECRET,
                                       "slack_api_url": slack_stub.api_url})


class SlackClient:
    """Sends what Slack would send, correctly signed, and waits for the work it started."""

    def __init__(self, http: ClientSession, stub: SlackStub, adapter: SlackAdapter) -> None:
        self.http = http
        self.stub = stub
        self.adapter = adapter
        self.ids = itertools.count(1)

    async def post(self, body: bytes, content_type: str, *, secret: str = SECRET,
                   timestamp: int | None = None, extra: dict[str, str] | None = None,
                   settle: bool = True) -> tuple[int, str]:
        """POST a body to /slack/events; returns status and text, after the work settles
        (`settle=False`: as soon as Slack would have its acknowledgement)."""
        headers = {**signed_headers(secret, body, content_type, timestamp), **(extra or {})}
        async with self.http.post("/slack/events", data=body, headers=headers) as response:
            status, text = response.status, await response.text()
        if settle:
            await self.adapter.drain(SETTLE_SECONDS)
        return status, text

    async def event(self, event: dict[str, Any], event_id: str | None = None,
                    retry: int | None = None, settle: bool = True) -> tuple[int, str]:
        """An Events API callback."""
        body = {"type": "event_callback", "team_id": "T1", "api_app_id": "A1",
                "event_id": event_id or f"Ev{next(self.ids):04d}", "event_time": 1700000000,
                "event": event}
        extra = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} \
            if retry else None
        return await self.post(*json_body(body), extra=extra, settle=settle)

    async def dm(self, text: str, user: str = TEACHER, **fields: Any) -> tuple[int, str]:
        """A teacher types in the bot's DM."""
        event = {"type": "message", "channel_type": "im", "channel": DM, "user": user,
                 "text": text, "ts": f"1700000100.{next(self.ids):06d}", **fields}
        return await self.event(event)

    async def command(self, command: str, text: str = "", user: str = TEACHER,
                      channel: str = CHANNEL, channel_name: str = "general") -> tuple[int, str]:
        """A slash command."""
        fields = {"command": command, "text": text, "user_id": user, "user_name": "teacher",
                  "channel_id": channel, "channel_name": channel_name, "team_id": "T1",
                  "response_url": self.stub.response_url(f"cmd{next(self.ids)}"),
                  "trigger_id": f"trigger-{next(self.ids)}"}
        return await self.post(*form_body(fields))

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        """An interactivity payload (block_actions, view_submission, shortcut)."""
        return await self.post(*interactive_body(payload))

    async def click(self, button: dict[str, Any], channel: str = DM, user: str = TEACHER,
                    message: dict[str, Any] | None = None,
                    state: dict[str, Any] | None = None,
                    ephemeral: bool = False) -> tuple[int, str]:
        """Click a rendered Block Kit button (as the stub received it), on a message everyone
        in `channel` sees or, `ephemeral`, only the clicker."""
        payload = {"type": "block_actions", "user": {"id": user, "username": "teacher"},
                   "team": {"id": "T1"}, "trigger_id": f"trigger-{next(self.ids)}",
                   "channel": {"id": channel}, "container": {
                       "type": "message", "channel_id": channel, "is_ephemeral": ephemeral},
                   "message": message or {"ts": "1700000000.000001", "text": ""},
                   "response_url": self.stub.response_url(f"click{next(self.ids)}"),
                   "actions": [{"type": "button", "action_id": button["action_id"],
                                "block_id": "b1", "value": button.get("value", ""),
                                "action_ts": "1700000200.000001"}]}
        if state is not None:
            payload["state"] = {"values": state}
        return await self.interact(payload)

    async def fill_in(self, blocks: list[dict[str, Any]], values: dict[str, str],
                      channel: str = DM, user: str = TEACHER) -> tuple[int, str]:
        """Fill in a form shown inside a message (blocks as the stub got them), click Submit."""
        [submit] = [b for b in buttons(blocks) if b["action_id"] == "prepbot.submit"]
        message = {"type": "message", "ts": "1700000000.000009", "text": "", "blocks": blocks}
        return await self.click(submit, channel, user, message, state_of(blocks, values))


@pytest.fixture
async def slack(http: ClientSession, slack_stub: SlackStub, server: TestServer) -> SlackClient:
    """A Slack workspace talking to the real server."""
    return SlackClient(http, slack_stub, server.app[ADAPTER])


async def stored_questions(runtime: Runtime) -> int:
    """How many questions the core recorded."""
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(QuestionRow.id)))).scalar_one())


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every button element in some Block Kit blocks."""
    return [element for block in blocks if block["type"] == "actions"
            for element in block["elements"] if element["type"] == "button"]


def state_of(blocks: list[dict[str, Any]], values: dict[str, str]) -> dict[str, Any]:
    """The `state.values` Slack sends for a message's input blocks (untouched ones empty)."""
    state: dict[str, Any] = {}
    for block in blocks:
        if block["type"] != "input":
            continue
        element, name = block["element"], block["block_id"]
        value, kind = values.get(name), element["type"]
        if kind in ("radio_buttons", "static_select"):
            picked = next((o for o in element["options"] if o["value"] == value), None) \
                if value else element.get("initial_option")
            item: dict[str, Any] = {"type": kind, "selected_option": picked}
        elif kind == "datepicker":
            item = {"type": kind, "selected_date": value or element.get("initial_date")}
        else:
            item = {"type": kind, "value": value if value is not None
                    else element.get("initial_value")}
        state[name] = {element["action_id"]: item}
    return state


def texts(blocks: list[dict[str, Any]]) -> str:
    """All the section and context text of some blocks, joined (for `in` assertions)."""
    found = []
    for block in blocks:
        if "text" in block and isinstance(block["text"], dict):
            found.append(block["text"]["text"])
        found.extend(field["text"] for field in block.get("fields", []))
        found.extend(e.get("text", "") for e in block.get("elements", [])
                     if block["type"] == "context")
    return "\n".join(found)


def dumps(value: Any) -> str:
    """Compact JSON for assertion messages."""
    return json.dumps(value)[:2000]


# A help channel (bot/features/helpchannels): a coach turned it on; posts and replies.

HELP = "CTECHHELP"
OTHER = "CLOUNGE"
COACH = "UCOACH"
ADMIN = "UADMIN"
TS = itertools.count(1)


def post(text: str, user: str = TEACHER, channel: str = HELP, **fields: Any) -> dict[str, Any]:
    """A `message.channels` event: a new message in a channel prepbot is a member of."""
    return {"type": "message", "channel": channel, "channel_type": "channel", "user": user,
            "text": text, "ts": f"1700000500.{next(TS):06d}", **fields}


def reply(thread: dict[str, Any], text: str, user: str = COACH) -> dict[str, Any]:
    """The same event for a reply in a message's thread."""
    return post(text, user, thread["channel"], thread_ts=thread["ts"],
                parent_user_id=thread["user"])


async def count(runtime: Runtime, table: type[Any]) -> int:
    """How many rows a table holds."""
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count()).select_from(table)))
                   .scalar_one())


@pytest.fixture
async def help_channel(slack: SlackClient, runtime: Runtime) -> None:
    """A coach (and an admin) exist, and #tech-help is a help channel."""
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "channel help on", user=COACH, channel=HELP)
    [told] = await slack.stub.wait_for("response_url")
    assert told.params["response_type"] == "in_channel", "the channel is told it is read"
    assert "I'll read new questions" in told.params["text"]
    slack.stub.calls.clear()


def user(user_id: str, real_name: str, **flags: Any) -> dict[str, Any]:
    """A Slack user as users.info and users.list give it."""
    return {"id": user_id, "name": user_id.lower(), "tz": "America/Chicago",
            "profile": {"display_name": "", "real_name": real_name}, **flags}


@pytest.fixture
def workspace(slack_stub: SlackStub) -> SlackStub:
    """A workspace of two members, a guest, a bot and a deactivated account."""
    for found in (user("UKB", "Kayden Brooks"), user("UAW", "Amy Wong"),
                  user("UMV", "Marisol Vega", is_restricted=True),
                  user("UBOT", "Pat Quinn", is_bot=True),
                  user("UDW", "Dana Whitfield", deleted=True)):
        slack_stub.users[found["id"]] = found
    return slack_stub
