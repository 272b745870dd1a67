"""Property tests: whatever arrives at an HTTP endpoint, the answer is a 2xx or a 4xx.

Bodies, headers and encodings come from Hypothesis; each property also checks that nothing
was logged as an error or with a traceback, and that no answer carries a secret.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

import pytest
from aiohttp import ClientSession
from hypothesis import given
from hypothesis import strategies as st

from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import FAST, SECRETS, SLACK_SECRET, Slack, tracebacks
from tests.support.signing import signed_headers

HEADER_TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)
CONTENT_TYPES = st.sampled_from(["application/json", "application/x-www-form-urlencoded",
                                 "text/plain", "application/json; charset=utf-16",
                                 "multipart/form-data", "", "application/octet-stream"])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=40),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)
# Text a person could type, including controls, bidi marks, NULs and astral characters.
TYPED = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-32"])


async def post(http: ClientSession, path: str, body: bytes,
               headers: dict[str, str]) -> tuple[int, str]:
    """POST raw bytes and read the answer."""
    async with http.post(path, data=body, headers=headers) as response:
        return response.status, await response.text()


def held(status: int, text: str, caplog: pytest.LogCaptureFixture) -> None:
    """The invariant of every endpoint: no 5xx, no traceback in the log, no secret told."""
    assert status < 500, text[:300]
    assert not tracebacks(caplog), tracebacks(caplog)
    assert not any(secret in text for secret in SECRETS)


@FAST
@given(body=st.binary(max_size=2000), content_type=CONTENT_TYPES, extra=st.dictionaries(
    st.sampled_from(["X-Slack-Signature", "X-Slack-Request-Timestamp", "X-Slack-Retry-Num",
                     "Authorization", "X-Request-Id"]), HEADER_TEXT, max_size=3))
async def test_unsigned_slack_bodies_are_refused(slack: Slack, body: bytes, content_type: str,
                                                 extra: dict[str, str],
                                                 caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    status, text = await post(slack.http, "/slack/events", body,
                              {"Content-Type": content_type, **extra})
    held(status, text, caplog)
    assert status == 401
    assert slack.stub.prompted() == []


@FAST
@given(body=st.binary(max_size=2000), content_type=CONTENT_TYPES)
async def test_signed_slack_bytes_never_fail(slack: Slack, body: bytes, content_type: str,
                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    headers = signed_headers(SLACK_SECRET, body, content_type)
    status, text = await post(slack.http, "/slack/events", body, headers)
    await slack.adapter.drain()
    held(status, text, caplog)


def slack_event(text: str, extra: dict[str, Any]) -> dict[str, Any]:
    """A DM event with hostile text and fields."""
    event = {"type": "message", "channel_type": "im", "channel": "DUTEACHER", "user": "UTEACHER",
             "text": text, "ts": f"{time.time():.6f}", **extra}
    return {"type": "event_callback", "team_id": "T1", "event_id": f"Ev{time.time_ns()}",
            "event": event}


@FAST
@given(text=TYPED, extra=st.dictionaries(st.sampled_from(
    ["user", "channel", "thread_ts", "subtype", "bot_id", "blocks", "files", "message",
     "deleted_ts", "channel_type"]), JSON, max_size=2),
    edit=st.sampled_from([{}, {"subtype": "message_changed", "channel_type": "channel"},
                          {"subtype": "message_deleted", "channel_type": "group"}]),
    encoding=ENCODINGS)
async def test_signed_slack_events_with_hostile_fields_never_fail(
        slack: Slack, text: str, extra: dict[str, Any], edit: dict[str, str], encoding: str,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    event = slack_event(text, {**edit, **extra})  # an edit's or deletion's fields too
    body = json.dumps(event, ensure_ascii=False).encode(encoding, "replace")
    status, answer = await slack.post(body, "application/json")
    held(status, answer, caplog)


VIEW = st.fixed_dictionaries({}, optional={
    "type": st.sampled_from(["modal", "home"]) | JSON, "callback_id": st.text(max_size=20) | JSON,
    "private_metadata": st.text(max_size=40) | JSON, "id": JSON,
    "state": st.fixed_dictionaries({}, optional={"values": JSON}) | JSON})
ACTION = st.fixed_dictionaries({}, optional={
    "action_id": st.sampled_from(["answers.helpful.yes", "tickets.claim", "x"]) | JSON,
    "value": st.text(max_size=20) | JSON, "type": st.just("button") | JSON,
    "selected_option": JSON})


@FAST
@given(payload=st.dictionaries(st.sampled_from(
    ["type", "user", "actions", "view", "channel", "message", "response_url", "trigger_id",
     "container", "team", "callback_id"]), JSON, max_size=6),
    view=VIEW, actions=st.lists(ACTION, max_size=2), shaped=st.booleans(),
    kind=st.sampled_from(["block_actions", "view_submission", "message_action", "shortcut",
                          "view_closed", "nonsense"]))
async def test_signed_slack_interactions_with_hostile_fields_never_fail(
        slack: Slack, payload: dict[str, Any], kind: str, view: dict[str, Any],
        actions: list[dict[str, Any]], shaped: bool, caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    payload.setdefault("type", kind)
    if shaped:  # nearly what Slack sends, so the listeners are reached too
        payload.update(view=view, actions=actions, user={"id": "UTEACHER"})
    status, answer = await slack.interact(payload)
    held(status, answer, caplog)


@FAST
@given(fields=st.dictionaries(st.sampled_from(
    ["command", "text", "user_id", "channel_id", "response_url", "trigger_id", "team_id"]),
    TYPED, max_size=7), name=st.sampled_from(["/ask", "/ticket", "/tickets", "/prepbot",
                                              "/pulse", "/coffee", "/digest", "/x"]))
async def test_signed_slash_commands_with_hostile_fields_never_fail(
        slack: Slack, fields: dict[str, str], name: str,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    fields.setdefault("command", name)
    fields["response_url"] = slack.stub.response_url()  # never let the bot post elsewhere
    status, answer = await slack.post(urlencode(fields).encode(),
                                      "application/x-www-form-urlencoded")
    held(status, answer, caplog)


@FAST
@given(body=st.binary(max_size=2000), content_type=CONTENT_TYPES, token=st.booleans())
async def test_teams_bytes_never_fail(teams: Teams, body: bytes, content_type: str, token: bool,
                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    response = await teams.post(body, token="valid" if token else None,
                                content_type=content_type or "application/json")
    held(response.status, await response.text(), caplog)


@FAST
@given(text=TYPED, extra=st.dictionaries(st.sampled_from(
    ["value", "channelData", "entities", "attachments", "replyToId", "name", "locale",
     "localTimezone", "textFormat", "membersAdded", "from", "conversation"]), JSON, max_size=3),
    kind=st.sampled_from(["message", "invoke", "conversationUpdate", "installationUpdate",
                          "messageReaction", "event", "messageUpdate", "messageDelete"]))
async def test_teams_activities_with_hostile_fields_never_fail(
        teams: Teams, text: str, extra: dict[str, Any], kind: str,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    activity = teams.activity(kind, text=text)
    activity.update(extra)
    response = await teams.post(activity)
    held(response.status, await response.text(), caplog)


@FAST
@given(body=JSON, raw=st.binary(max_size=500), use_raw=st.booleans())
async def test_playground_bodies_never_fail(http: ClientSession, body: Any, raw: bytes,
                                            use_raw: bool,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    data = raw if use_raw else json.dumps(body).encode()
    status, text = await post(http, "/playground/send", data,
                              {"Content-Type": "application/json"})
    held(status, text, caplog)
    assert status in (200, 400)


@FAST
@given(kind=st.sampled_from(["message", "command", "action", "submission"]), text=TYPED,
       name=st.text(max_size=20), action_id=st.text(max_size=40), value=TYPED,
       values=st.dictionaries(st.text(max_size=10), TYPED, max_size=5), context=TYPED)
async def test_playground_requests_with_hostile_fields_never_fail(
        http: ClientSession, kind: str, text: str, name: str, action_id: str, value: str,
        values: dict[str, str], context: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    body = {"kind": kind, "text": text, "name": name, "action_id": action_id, "value": value,
            "form_id": action_id, "values": values, "context": context}
    status, answer = await post(http, "/playground/send", json.dumps(body).encode(),
                                {"Content-Type": "application/json"})
    held(status, answer, caplog)
    assert status in (200, 400)


@FAST
@given(query=st.dictionaries(st.sampled_from(["visitor", "role", "name", "other"]),
                             TYPED, max_size=4))
async def test_playground_inbox_queries_never_fail(http: ClientSession, query: dict[str, str],
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()  # records would pile up across examples
    async with http.get("/playground/inbox", params=query) as response:
        held(response.status, await response.text(), caplog)
        assert response.status in (200, 400)
