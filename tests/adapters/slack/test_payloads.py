"""Every payload Slack documents is acknowledged: what prepbot does not act on is a quiet 200
(a 404 would make Slack count a failed delivery and send it again); an uninstall stops
deliveries to the workspace and keeps its data; only the bot's own mention is removed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from adapters.runtime import Runtime
from bot.arrivals import InboxRow
from bot.blocks import Reply, reply_to_json
from bot.features.answers.models import QuestionRow
from bot.scheduling.ledger import Planned, plan
from bot.scheduling.models import DeliveryRow
from tests.adapters.slack.conftest import SlackClient
from tests.support.clock import FakeClock

OTHER_EVENTS = [
    {"type": "member_joined_channel", "user": "U2", "channel": "C1", "channel_type": "C",
     "team": "T1", "inviter": "U3"},
    {"type": "team_join", "user": {"id": "U9", "name": "new", "is_restricted": False}},
    {"type": "channel_created", "channel": {"id": "C9", "name": "pilot", "created": 1700000000,
                                            "creator": "U1"}},
    {"type": "file_shared", "file_id": "F1", "user_id": "U1", "file": {"id": "F1"},
     "channel_id": "C1", "event_ts": "1700000000.1"},
    {"type": "function_executed", "function": {"id": "Fn1", "callback_id": "other_app_step",
                                               "title": "Step"},
     "inputs": {}, "function_execution_id": "Fx1", "workflow_execution_id": "Wx1",
     "event_ts": "1700000000.2", "bot_access_token": "xwfp-not-real"},
    {"type": "message", "subtype": "channel_join", "channel": "C1", "user": "U2",
     "text": "<@U2> has joined the channel", "ts": "1700000000.3", "channel_type": "channel"},
]
OTHER_INTERACTIONS = [
    {"type": "shortcut", "callback_id": "someone_elses_shortcut", "trigger_id": "t1",
     "user": {"id": "U1"}, "team": {"id": "T1"}, "action_ts": "1700000000.4"},
    {"type": "message_action", "callback_id": "another_apps_action", "trigger_id": "t2",
     "user": {"id": "U1"}, "team": {"id": "T1"}, "channel": {"id": "C1"},
     "message": {"ts": "1700000000.5", "text": "hi"}, "response_url": "http://127.0.0.1:9/x"},
    {"type": "block_suggestion", "action_id": "pick_school", "block_id": "b1", "value": "lin",
     "user": {"id": "U1"}, "team": {"id": "T1"}, "container": {"type": "view", "view_id": "V1"},
     "view": {"id": "V1", "type": "modal", "callback_id": "x", "state": {"values": {}}}},
    {"type": "dialog_submission", "callback_id": "legacy_dialog", "state": "opened-with-this",
     "submission": {"name": "x"}, "user": {"id": "U1"}, "team": {"id": "T1"},
     "channel": {"id": "C1"}, "response_url": "http://127.0.0.1:9/y", "action_ts": "1.6"},
    {"type": "dialog_cancellation", "callback_id": "legacy_dialog", "state": "",
     "user": {"id": "U1"}, "team": {"id": "T1"}, "channel": {"id": "C1"}, "action_ts": "1.7"},
]


async def arrivals(runtime: Runtime) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(InboxRow.id)))).scalar_one())


@pytest.mark.parametrize("event", OTHER_EVENTS, ids=lambda e: str(e["type"]))
async def test_events_prepbot_does_not_act_on_are_a_quiet_200(
        slack: SlackClient, runtime: Runtime, event: dict[str, object]) -> None:
    status, _ = await slack.event(event)
    assert status == 200 and await arrivals(runtime) == 0
    assert [c.method for c in slack.stub.calls if c.method != "auth.test"] == []


@pytest.mark.parametrize("payload", OTHER_INTERACTIONS, ids=lambda p: str(p["type"]))
async def test_interactions_prepbot_does_not_act_on_are_a_quiet_200(
        slack: SlackClient, runtime: Runtime, payload: dict[str, object]) -> None:
    status, text = await slack.interact(payload)
    assert status == 200, text
    if payload["type"] == "block_suggestion":
        assert '"options": []' in text or '"options":[]' in text
    assert await arrivals(runtime) == 0


@pytest.mark.parametrize("reason", ["app_uninstalled", "tokens_revoked"])
async def test_an_uninstall_stops_deliveries_and_keeps_the_data_until_slack_speaks_again(
        slack: SlackClient, runtime: Runtime, clock: FakeClock, reason: str) -> None:
    await slack.dm("the projector says no signal")
    event = {"type": reason} | ({"tokens": {"bot": ["UBOT"]}} if reason != "app_uninstalled"
                                else {})
    status, _ = await slack.event(event)
    assert status == 200
    now = clock.now()
    async with runtime.sessions() as session, session.begin():
        await plan(session, [Planned("notice", "after-uninstall", "slack", now,
                                     now + timedelta(days=1), user_id="UTEACHER",
                                     payload=reply_to_json(Reply("hello")), urgent=True)])
    before = len(slack.stub.calls)
    await runtime.dispatcher.tick()
    assert len(slack.stub.calls) == before  # nothing sent to a workspace that is gone
    async with runtime.sessions() as session:
        row = (await session.execute(select(DeliveryRow).where(
            DeliveryRow.occurrence == "after-uninstall"))).scalar_one()
        assert row.status == "failed" and "disconnected" in row.error
    assert await arrivals(runtime) == 1  # the earlier question is kept, not erased
    clock.current += timedelta(hours=1)  # reinstalled later: it speaks to prepbot again
    await slack.dm("hello again")
    assert "slack" not in runtime.dispatcher.gone


async def test_only_the_bots_own_mention_is_removed(slack: SlackClient, runtime: Runtime
                                                    ) -> None:
    await slack.event({"type": "app_mention", "user": "UTEACHER", "channel": "CGENERAL",
                       "text": "<@UBOT> <@U0PARTNER> and I both see no signal",
                       "ts": "1700000000.8"})
    async with runtime.sessions() as session:
        [stored] = (await session.execute(select(QuestionRow.text))).scalars()
    assert "<@U0PARTNER>" in stored and "<@UBOT>" not in stored
