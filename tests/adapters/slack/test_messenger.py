"""The Slack messenger: DMs, posts, paginated members, cached profiles, 429 and 5xx retries."""

from __future__ import annotations

import time

from adapters.runtime import Runtime
from adapters.slack.inbound import conversation, person
from adapters.slack.messenger import SlackMessenger
from bot.blocks import Reply, Text
from tests.support.slack_stub import SlackStub

HELLO = Reply("Coffee and Curriculum is on Thursday", (Text("Coffee on **Thursday**"),))


def messenger(runtime: Runtime) -> SlackMessenger:
    """The messenger mount() registered for the core."""
    found = runtime.messengers["slack"]
    assert isinstance(found, SlackMessenger)
    return found


async def test_mount_registers_the_messenger(runtime: Runtime, server: object) -> None:
    assert runtime.messengers["slack"].platform == "slack"


async def test_a_dm_opens_the_conversation_then_posts(runtime: Runtime, server: object,
                                                      slack_stub: SlackStub) -> None:
    await messenger(runtime).dm(person("U7"), HELLO)
    assert [c.method for c in slack_stub.calls] == ["conversations.open", "chat.postMessage"]
    posted = slack_stub.of("chat.postMessage")[0].params
    assert posted["channel"] == "DU7" and posted["text"] == HELLO.text
    assert posted["blocks"][0]["text"]["text"] == "Coffee on *Thursday*"


async def test_a_post_goes_to_the_channel_root(runtime: Runtime, server: object,
                                               slack_stub: SlackStub) -> None:
    await messenger(runtime).post(conversation("C9", False, thread_ts="5.0"), HELLO)
    [posted] = slack_stub.of("chat.postMessage")
    assert posted.params["channel"] == "C9" and "thread_ts" not in posted.params


async def test_a_429_is_retried_after_retry_after_and_delivered_once(
        runtime: Runtime, server: object, slack_stub: SlackStub) -> None:
    slack_stub.fail_next("chat.postMessage", 429, {"Retry-After": "1"})
    started = time.monotonic()
    await messenger(runtime).post(conversation("C9", False), HELLO)
    assert time.monotonic() - started >= 1.0, "Retry-After was honoured"
    assert len(slack_stub.of("chat.postMessage")) == 2  # refused once, then accepted


async def test_a_server_error_is_retried(runtime: Runtime, server: object,
                                         slack_stub: SlackStub) -> None:
    slack_stub.fail_next("chat.postMessage", 503)
    await messenger(runtime).post(conversation("C9", False), HELLO)
    assert len(slack_stub.of("chat.postMessage")) == 2


async def test_members_are_read_page_by_page_without_bots_and_guests_marked(
        runtime: Runtime, server: object, slack_stub: SlackStub) -> None:
    everyone = [f"U{n:03d}" for n in range(450)] + ["UROBOT", "UGUEST"]
    slack_stub.members["CPILOT"] = everyone
    slack_stub.users["UROBOT"] = {"id": "UROBOT", "name": "robot", "is_bot": True}
    slack_stub.users["UGUEST"] = {"id": "UGUEST", "name": "visitor", "is_restricted": True}
    found = await messenger(runtime).members(conversation("CPILOT", False))
    assert [p.user_id for p in found] == [*everyone[:-2], "UGUEST"]  # no bot
    assert [p.user_id for p in found if p.guest] == ["UGUEST"]
    assert found[0].display_name == "Teacher U000" and found[0].tz == "America/Chicago"
    assert len(slack_stub.of("conversations.members")) == 3  # 200 + 200 + 51


async def test_profiles_are_cached(runtime: Runtime, server: object,
                                   slack_stub: SlackStub) -> None:
    first = await messenger(runtime).profile(person("U1"))
    again = await messenger(runtime).profile(person("U1"))
    assert first == again and first.display_name == "Teacher U1"
    assert len(slack_stub.of("users.info")) == 1


async def test_an_unknown_user_keeps_the_bare_id(runtime: Runtime, server: object,
                                                 slack_stub: SlackStub) -> None:
    slack_stub.fail_next("users.info", 404)
    found = await messenger(runtime).profile(person("UGONE"))
    assert found.user_id == "UGONE" and found.display_name == ""
