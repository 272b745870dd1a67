"""Tickets worked entirely in Slack: triage card in a channel, claim, replies relayed both ways."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.runtime import Runtime
from adapters.slack import places
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import TEACHER, SlackClient, buttons
from tests.adapters.slack.test_commands import submitted

COACH, ADMIN, TRIAGE = "UCOACH", "UADMIN", "CTRIAGE"


def button(blocks: list[dict[str, Any]], label: str) -> dict[str, Any]:
    return next(b for b in buttons(blocks) if b["text"]["text"].startswith(label))


def posts_to(slack: SlackClient, channel: str) -> list[dict[str, Any]]:
    return [c.params for c in slack.stub.of("chat.postMessage") if c.params["channel"] == channel]


async def test_claim_and_replies_travel_between_the_triage_channel_and_the_teacher(
        slack: SlackClient, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "settings route default here", user=ADMIN, channel=TRIAGE)
    await slack.stub.wait_for("response_url")

    await slack.command("/ticket", "the projector in room 12 is dead", channel="DUTEACHER")
    await slack.stub.wait_for("chat.postMessage")
    [card] = posts_to(slack, TRIAGE)
    assert "projector in room 12" in card["text"]

    await slack.click(button(card["blocks"], "Claim"), channel=TRIAGE, user=COACH)
    await slack.stub.wait_for("chat.postMessage", 2)
    assert "is on it" in posts_to(slack, "DUTEACHER")[-1]["text"]

    await slack.click(button(card["blocks"], "Reply"), channel=TRIAGE, user=COACH)
    [modal] = await slack.stub.wait_for("views.open")
    reply = submitted(modal.params["view"], {"text": "Is the blue light on?"})
    reply["user"] = {"id": COACH}
    await slack.interact(reply)
    await slack.stub.wait_for("chat.postMessage", 3)
    told = posts_to(slack, "DUTEACHER")[-1]
    assert "wrote: Is the blue light on?" in told["text"]

    await slack.click(button(told["blocks"], "Reply"), channel="DUTEACHER", user=TEACHER)
    [_, answer_modal] = await slack.stub.wait_for("views.open", 2)
    await slack.interact(submitted(answer_modal.params["view"], {"text": "No, it's off"}))
    await slack.stub.wait_for("chat.postMessage", 4)
    assert "No, it's off" in posts_to(slack, "DUCOACH")[-1]["text"]
    assert len(posts_to(slack, "DUCOACH")) == 1  # relayed once, to the coach who claimed it


async def test_a_route_set_in_her_dm_while_slack_was_slow_dies_with_her_role(
        slack: SlackClient, runtime: Runtime) -> None:
    # A red team's (stop 52): Slack refused the lookup that tells her DM with prepbot from a
    # colleague's, so her DM was stored as a channel, and its route outlived her demotion.
    admin, her_dm = "UADMIN", "DUADMIN"
    await runtime.bot.grant(Person(platform="slack", user_id=admin), Role.ADMIN)
    slack.stub.refuse_next("conversations.open", "ratelimited")
    await slack.command("/prepbot", "settings route default here", user=admin, channel=her_dm)
    await slack.dm("hello", user=admin, channel=her_dm)  # known as hers from now on
    await runtime.bot.grant(Person(platform="slack", user_id=admin), Role.TEACHER)
    await slack.command("/ticket", "the zebra4417 document camera is broken",
                        channel="DUTEACHER")
    await slack.stub.wait_for("response_url", 2)
    assert not [p for p in posts_to(slack, her_dm) if "zebra4417" in p.get("text", "")]


async def test_a_route_typed_in_a_dm_between_colleagues_is_refused_and_stores_nothing(
        slack: SlackClient, runtime: Runtime) -> None:
    # Left at stop 52: prepbot is not in a DM between two people, so every ticket routed there
    # was lost, and one typed while Slack was slow outlived her demotion unless she wrote again.
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    slack.stub.refuse_next("conversations.open", "ratelimited")  # whose DM? unknown
    await slack.command("/prepbot", "settings route hardware here", user=ADMIN,
                        channel="DUADMIN")
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel="DADMINANDLEE")
    refusals = [c.params for c in await slack.stub.wait_for("response_url", 2)]
    assert all("only in a channel I'm in" in r["text"] for r in refusals)
    assert all(r["response_type"] == "ephemeral" for r in refusals)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.TEACHER)
    await slack.command("/ticket", "the zebra4417 document camera is broken",
                        channel="DUTEACHER")
    await slack.stub.wait_for("response_url", 3)
    assert not [p for p in slack.stub.of("chat.postMessage") if "zebra4417" in p.params["text"]]


@pytest.mark.parametrize("channel_name", ["mpdm-uadmin--ulee--ukim-1", "privategroup"])
async def test_a_route_typed_in_a_group_dm_or_a_private_channel_prepbot_is_not_in_is_refused(
        slack: SlackClient, runtime: Runtime, channel_name: str) -> None:
    # A red team's (stop 53): Slack names a group DM "mpdm-..." and a private channel that
    # prepbot was not invited to "privategroup"; both routes were set, and tickets lost.
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel="G0ELSEWHERE", channel_name=channel_name)
    [refused] = await slack.stub.wait_for("response_url")
    assert "only in a channel I'm in" in refused.params["text"]
    assert refused.params["response_type"] == "ephemeral"
    await slack.command("/ticket", "the zebra4417 document camera is broken",
                        channel="DUTEACHER")
    await slack.stub.wait_for("response_url", 2)
    assert not posts_to(slack, "G0ELSEWHERE")


async def test_a_route_typed_in_a_public_channel_prepbot_was_never_added_to_is_refused(
        slack: SlackClient, runtime: Runtime) -> None:
    # A red team's (stop 53): Slack sends a command from any channel, but prepbot may post
    # only where it was added (no chat:write.public); the route was set, every ticket lost.
    slack.stub.outside.add("CRANDOM")
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel="CRANDOM", channel_name="random")
    await slack.command("/prepbot", "settings route hardware here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    refused, routed = [c.params for c in await slack.stub.wait_for("response_url", 2)]
    assert "only in a channel I'm in" in refused["text"]
    assert "will be posted here" in routed["text"], "a channel it is in still takes a route"
    assert [c.params["channel"] for c in slack.stub.of("conversations.info")] == [
        "CRANDOM", TRIAGE]
    await slack.command("/prepbot", "settings route network here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    await slack.stub.wait_for("response_url", 3)
    assert len(slack.stub.of("conversations.info")) == 2, "a yes is remembered"


async def test_a_route_typed_while_slack_is_slow_to_say_prepbot_is_in_the_channel_is_refused(
        slack: SlackClient, runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    # Slack must have its acknowledgement within 3 seconds: a channel Slack did not vouch for
    # in time is treated as one prepbot is not in, so no ticket is routed where it may be lost.
    monkeypatch.setattr(places, "WAIT", 0.2)
    slack.stub.delays["conversations.info"] = 1.0
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    [refused] = await slack.stub.wait_for("response_url")
    assert "only in a channel I'm in" in refused.params["text"]
    await slack.command("/ticket", "the zebra4417 document camera is broken",
                        channel="DUTEACHER")
    await slack.stub.wait_for("response_url", 2)
    assert not posts_to(slack, TRIAGE)
