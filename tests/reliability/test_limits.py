"""Bodies too big, too deep, not UTF-8, or full of control characters: refused or answered."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from adapters.runtime import Runtime
from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import MAX_BODY, SLACK_SECRET, Slack, row_counts, tracebacks
from tests.support.connector_stub import ConnectorStub
from tests.support.signing import signed_headers

POSTS = ["/slack/events", "/api/messages", "/playground/send"]


@pytest.mark.parametrize("path", POSTS)
async def test_a_declared_oversized_body_is_a_413_before_it_is_read(
        server: TestServer, path: str, caplog: pytest.LogCaptureFixture) -> None:
    # Declare 10 GB and send none of it: only a server that looks at Content-Length first
    # can answer before the body arrives.
    reader, writer = await asyncio.open_connection(server.host, server.port)
    writer.write(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 f"Content-Length: 10000000000\r\n\r\n".encode())
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), timeout=5)
    writer.close()
    assert status_line.split()[1] == b"413"
    assert not tracebacks(caplog)


@pytest.mark.parametrize("path", POSTS)
async def test_a_body_one_byte_over_the_limit_is_a_413(http: ClientSession, path: str) -> None:
    async with http.post(path, data=b"x" * (MAX_BODY + 1),
                         headers={"Content-Type": "application/json"}) as response:
        assert response.status == 413


async def chunks(total: int, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    """A chunked body (no Content-Length) of `total` bytes."""
    sent = 0
    while sent < total:
        yield b"x" * min(size, total - sent)
        sent += size


@pytest.mark.parametrize("path", POSTS)
async def test_a_chunked_body_over_the_limit_is_a_413(http: ClientSession, path: str) -> None:
    async with http.post(path, data=chunks(MAX_BODY * 4),
                         headers={"Content-Type": "application/json"}) as response:
        assert response.status == 413


DEEP = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = json.dumps({"a": 1}).encode()[:-1] + b', "b": ' + b'{"c": ' * 5_000 + b"1" + \
    b"}" * 5_000 + b"}"


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT], ids=["deep array", "deep object"])
async def test_deeply_nested_json_is_refused_everywhere(
        slack: Slack, teams: Teams, http: ClientSession, body: bytes, runtime: Runtime,
        caplog: pytest.LogCaptureFixture) -> None:
    before = await row_counts(runtime)
    status, _ = await slack.post(body, "application/json")
    assert status == 400
    assert (await teams.post(body)).status == 400
    async with http.post("/playground/send", data=body) as response:
        assert response.status == 400
    assert await row_counts(runtime) == before
    assert not tracebacks(caplog)


def nested(depth: int) -> Any:
    """A value nested `depth` deep: fine for json, deep for anything that walks it."""
    value: Any = "leaf"
    for _ in range(depth):
        value = {"v": value}
    return value


async def test_a_well_formed_activity_carrying_deep_values_is_answered_or_refused(
        teams: Teams, caplog: pytest.LogCaptureFixture) -> None:
    for field in ("value", "channelData", "entities"):
        activity = teams.message("help", **{field: nested(900)})
        response = await teams.post(activity)
        assert response.status < 500, field
    assert not tracebacks(caplog)


INVALID_UTF8 = [b"\xff\xfe", b'{"type": "message", "text": "\xc3\x28"}', b"\xed\xa0\x80",
                b'{"kind": "message", "text": "caf\xe9"}']


@pytest.mark.parametrize("body", INVALID_UTF8)
async def test_invalid_utf8_is_a_400_everywhere(slack: Slack, teams: Teams, http: ClientSession,
                                                body: bytes,
                                                caplog: pytest.LogCaptureFixture) -> None:
    status, _ = await slack.post(body, "application/json")
    assert status == 400
    assert (await teams.post(body)).status == 400
    async with http.post("/playground/send", data=body) as response:
        assert response.status == 400
    assert not tracebacks(caplog)


CONTROL = "".join(chr(c) for c in range(32)) + "\u202e\u200b\ufeff\x7f"


async def test_huge_and_control_character_text_is_answered_within_platform_limits(
        slack: Slack, teams: Teams, connector: ConnectorStub, http: ClientSession,
        caplog: pytest.LogCaptureFixture) -> None:
    text = ("projector " + CONTROL) * 800  # about 37,000 characters: near Slack's 40,000
    assert (await slack.dm(text))[0] == 200
    assert (await slack.dm("/ticket " + text))[0] == 200
    for call in slack.stub.of("chat.postMessage"):
        blocks = call.params.get("blocks") or []
        assert len(blocks) <= 50
        assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
        assert len(call.params["text"]) <= 3000
    assert len(slack.stub.of("chat.postMessage")) == 2
    response = await teams.post(teams.message(text))
    assert response.status in (200, 201)
    assert len(json.dumps(connector.sent()[-1].body)) < 28_000  # Teams' card size limit
    async with http.post("/playground/send", json={"kind": "message",
                                                   "text": text[:4000]}) as page:
        assert page.status == 200
    assert not tracebacks(caplog)


async def test_a_signed_body_from_six_minutes_ago_is_a_replay_and_refused(
        slack: Slack, runtime: Runtime) -> None:
    body = json.dumps({"type": "event_callback", "event_id": "EvOLD", "event": {
        "type": "message", "channel_type": "im", "channel": "D1", "user": "U1",
        "text": "hi", "ts": "1.1"}}).encode()
    headers = signed_headers(SLACK_SECRET, body, "application/json", int(time.time()) - 360)
    before = await row_counts(runtime)
    async with slack.http.post("/slack/events", data=body, headers=headers) as response:
        assert response.status == 401
    future = signed_headers(SLACK_SECRET, body, "application/json", int(time.time()) + 360)
    async with slack.http.post("/slack/events", data=body, headers=future) as response:
        assert response.status == 401
    assert await row_counts(runtime) == before and slack.stub.prompted() == []
