"""A triage channel prepbot is removed from, or that is archived, after a ticket route was set
there (a red team's, stop 54: each ticket's card was refused, tried for three days, and no
coach or admin was told; a route typed there again was accepted on a yes remembered for ever).
"""

from __future__ import annotations

import json

import pytest
import yaml
from sqlalchemy import select

from adapters.runtime import Runtime
from adapters.slack import places
from bot.features.tickets.models import RouteRow
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, post
from tests.adapters.slack.test_help_channels import MANIFEST
from tests.adapters.slack.test_triage import posts_to

ADMIN, TRIAGE = "UADMIN", "CTRIAGE"


@pytest.fixture
async def routed(slack: SlackClient, runtime: Runtime) -> None:
    """The admin routes every ticket to #triage, where prepbot is."""
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    [set_up] = await slack.stub.wait_for("response_url")
    assert "will be posted here" in set_up.params["text"]


async def removed(slack: SlackClient, channel: str, event: str = "channel_left") -> None:
    """prepbot is taken out of a channel: Slack says so and refuses its posts there."""
    slack.stub.outside.add(channel)
    status, _ = await slack.event({"type": event, "channel": channel, "actor_id": ADMIN})
    assert status == 200


async def a_ticket(slack: SlackClient) -> None:
    await slack.command("/ticket", "the zebra4417 document camera is broken",
                        channel="DUTEACHER", channel_name="directmessage")
    await slack.stub.wait_for("response_url", 2)
    await slack.adapter.drain(10)


@pytest.mark.parametrize("refusal", ["not_in_channel", "is_archived"])
async def test_a_card_its_channel_refuses_reaches_the_admin_and_its_route_goes(
        slack: SlackClient, runtime: Runtime, routed: None, refusal: str) -> None:
    if refusal == "not_in_channel":
        await removed(slack, TRIAGE)
    else:
        await removed(slack, TRIAGE, "channel_archive")
        slack.stub.outside.discard(TRIAGE)
        slack.stub.refuse_next("chat.postMessage", "is_archived")
    await a_ticket(slack)
    [warning] = posts_to(slack, "DUADMIN")
    assert warning["text"].startswith("⚠️ I can no longer post in the channel")
    assert "the zebra4417 document camera is broken" in json.dumps(warning["blocks"])
    async with runtime.sessions() as session:
        assert not (await session.execute(select(RouteRow))).scalars().all()
        [card] = (await session.execute(select(DeliveryRow).where(
            DeliveryRow.conversation_id == TRIAGE))).scalars().all()
    assert (card.status, card.attempts) == ("failed", 1), "tried once, not for three days"


async def test_a_route_typed_in_a_channel_prepbot_was_removed_from_is_refused(
        slack: SlackClient, routed: None) -> None:
    await removed(slack, TRIAGE)
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    [_, again] = await slack.stub.wait_for("response_url", 2)
    assert "only in a channel I'm in" in again.params["text"]


@pytest.mark.parametrize("refusal", ["account_inactive", "invalid_auth", "invalid_blocks",
                                     "ratelimited", "internal_error"])
async def test_a_refusal_that_is_not_the_channels_keeps_the_route(
        slack: SlackClient, runtime: Runtime, routed: None, refusal: str) -> None:
    # A red team's (stop 54): "account_inactive", about prepbot's own token, took it away.
    slack.stub.refuse_next("chat.postMessage", refusal)
    await a_ticket(slack)
    async with runtime.sessions() as session:
        assert [r.category for r in (await session.execute(select(RouteRow))).scalars()] == [
            "default"]
    assert not posts_to(slack, "DUADMIN")


async def test_a_message_sent_before_prepbot_left_does_not_bring_it_back(
        slack: SlackClient, routed: None) -> None:
    # A red team's (stop 54): Slack's retry of an earlier message, after channel_left.
    await removed(slack, TRIAGE)
    status, _ = await slack.event(post("is the projector fixed?", channel=TRIAGE), retry=1)
    assert status == 200
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    [_, again] = await slack.stub.wait_for("response_url", 2)
    assert "only in a channel I'm in" in again.params["text"]


async def test_a_replica_slack_did_not_tell_asks_again_after_a_while(
        slack: SlackClient, routed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    slack.stub.outside.add(TRIAGE)  # removed, and the event went to another replica
    monkeypatch.setattr(places, "IN_CHANNEL_SECONDS", 0.0)
    await slack.command("/prepbot", "settings route default here", user=ADMIN,
                        channel=TRIAGE, channel_name="triage")
    [_, again] = await slack.stub.wait_for("response_url", 2)
    assert "only in a channel I'm in" in again.params["text"]
    assert len(slack.stub.of("conversations.info")) == 2


def test_the_manifest_subscribes_to_the_events_that_say_prepbot_left() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    assert set(places.LEFT) <= set(manifest["settings"]["event_subscriptions"]["bot_events"])
