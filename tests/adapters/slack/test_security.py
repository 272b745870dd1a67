"""Bad signatures, stale timestamps and malformed bodies: refused, with no side effect."""

from __future__ import annotations

import time

import pytest

from adapters.runtime import Runtime
from tests.adapters.slack.conftest import DM, TEACHER, SlackClient, stored_questions
from tests.support.signing import form_body, json_body

QUESTION = {"type": "event_callback", "event_id": "EvBAD", "team_id": "T1",
            "event": {"type": "message", "channel_type": "im", "channel": DM, "user": TEACHER,
                      "text": "the projector says no signal", "ts": "1700000000.000001"}}


@pytest.mark.parametrize(("secret", "age"), [("wrong-secret", 0), (None, 6 * 60)],
                         ids=["wrong signature", "six minutes old"])
async def test_unsigned_or_stale_requests_get_401_and_do_nothing(
        slack: SlackClient, runtime: Runtime, secret: str | None, age: int) -> None:
    kwargs = {"secret": secret} if secret else {}
    status, _ = await slack.post(*json_body(QUESTION), timestamp=int(time.time()) - age,
                                 **kwargs)  # type: ignore[arg-type]
    assert status == 401
    assert slack.stub.prompted() == []
    assert await stored_questions(runtime) == 0
    status, _ = await slack.post(*json_body(QUESTION))  # the control: signed now, it works
    assert status == 200
    await slack.stub.wait_for("chat.postMessage")


async def test_a_missing_signature_is_refused(slack: SlackClient) -> None:
    async with slack.http.post("/slack/events", json=QUESTION) as response:
        assert response.status == 401


@pytest.mark.parametrize(("body", "content_type"), [
    (b"{not json", "application/json"),
    (b"[1, 2]", "application/json"),
    (b"\xff\xfe", "application/json"),
    (b"payload=%7Bbroken", "application/x-www-form-urlencoded"),
    (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    (b"hello there", "application/x-www-form-urlencoded"),
    (b"text=no+command", "application/x-www-form-urlencoded"),
], ids=["broken json", "json array", "not utf-8", "broken payload", "payload not an object",
        "not a form", "form without command"])
async def test_malformed_bodies_get_400(slack: SlackClient, body: bytes,
                                        content_type: str) -> None:
    status, text = await slack.post(body, content_type)
    assert status == 400 and "bad_request" in text
    assert slack.stub.calls == []


async def test_a_signed_command_form_is_accepted(slack: SlackClient) -> None:
    status, _ = await slack.post(*form_body({"command": "/prepbot", "text": "help",
                                             "user_id": TEACHER, "channel_id": DM,
                                             "response_url": slack.stub.response_url()}))
    assert status == 200
    await slack.stub.wait_for("response_url")
