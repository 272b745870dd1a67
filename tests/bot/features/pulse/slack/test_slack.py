"""The pulse through the real Slack endpoint: signed slash commands, the Web API stub."""

from __future__ import annotations

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient
from tests.bot.features.pulse.conftest import MONDAY_MORNING
from tests.support.clock import FakeClock

COACH = "UCOACH"
PILOT = ["UT1", "UT2", "UT3", "UT4", "UT5"]


async def test_a_coach_launches_from_slack_and_each_member_gets_a_dm(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    clock.current = MONDAY_MORNING
    await runtime.bot.grant(Person(platform="slack", user_id=COACH), Role.COACH)
    slack.stub.members["CPILOT"] = [COACH, *PILOT]
    status, _ = await slack.command("/pulse", "start Nearpod <#CPILOT|nearpod-pilot> closes friday",
                                    user=COACH)
    assert status == 200
    assert slack.stub.of("conversations.members")[0].params["channel"] == "CPILOT"
    await runtime.dispatcher.tick()
    await slack.stub.wait_for("chat.postMessage", count=len(PILOT))
    surveys = [call for call in slack.stub.of("chat.postMessage")  # (the coach's digest aside)
               if "your coach sees only totals" in str(call.params["blocks"])]
    assert sorted(call.params["channel"] for call in surveys) == sorted(f"D{u}" for u in PILOT)


async def test_a_teacher_cannot_launch_or_read_results_from_slack(
        slack: SlackClient, runtime: Runtime) -> None:
    for words in ("start Nearpod <#CPILOT|nearpod-pilot>", "results"):
        await slack.command("/pulse", words, user="UT1")
    replies = [str(call.params) for call in slack.stub.calls
               if call.method in {"response_url", "chat.postEphemeral"}]
    assert len(replies) == 2 and all("only for coaches and admins" in r for r in replies)
