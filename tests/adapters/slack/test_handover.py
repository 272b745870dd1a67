"""`/prepbot handover` through /slack/events: the work goes from the first person named to
the second, however each is named (a Slack mention, or a name typed with an @), as an
admin's escaped slash command arrives (a red team's, stop 51: typed then mentioned, the
handover ran backwards); and a checklist modal the leaving coach left open, submitted after
(a red team's, stop 52)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tools.models import ToolCheckRow, ToolRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, state_of

OKAFOR, PARK, ADMIN = "UOKAFOR", "UPARK", "UADMIN"


async def owner_of_blooket(runtime: Runtime) -> str:
    """The Slack id of the coach who owns the tool."""
    async with runtime.sessions() as session:
        return (await session.execute(select(PersonRow.user_id).join(
            ToolRow, ToolRow.owner_id == PersonRow.id))).scalar_one()


@pytest.fixture
async def okafor_owns_a_tool(slack: SlackClient, runtime: Runtime) -> None:
    """Mr Okafor and Ms Park are coaches; Mr Okafor owns Blooket; Ada is the admin."""
    for user, name in ((OKAFOR, "Mr Okafor"), (PARK, "Ms Park"), (ADMIN, "Ada")):
        slack.stub.users[user] = {"id": user, "profile": {"display_name": name}}
        await slack.dm("hello", user=user)
    for user, role in ((OKAFOR, Role.COACH), (PARK, Role.COACH), (ADMIN, Role.ADMIN)):
        await runtime.bot.grant(Person(platform="slack", user_id=user), role)
    await slack.command("/tools", "add Blooket", user=OKAFOR)
    assert await owner_of_blooket(runtime) == OKAFOR


@pytest.mark.usefixtures("okafor_owns_a_tool")
@pytest.mark.parametrize("text", [f"<@{OKAFOR}|okafor> <@{PARK}|park>",
                                  f"@Mr Okafor <@{PARK}|park>",
                                  f"<@{OKAFOR}|okafor> @Ms Park",
                                  "@Mr Okafor @Ms Park"])
async def test_the_work_goes_from_the_first_named_to_the_second(
        slack: SlackClient, runtime: Runtime, text: str) -> None:
    status, _ = await slack.command("/prepbot", f"handover {text}", user=ADMIN)
    assert status == 200
    assert await owner_of_blooket(runtime) == PARK
    replies = [json.dumps(c.params) for c in slack.stub.calls if "now runs" in json.dumps(c.params)]
    assert replies and "Ms Park now runs 1 tool that Mr Okafor ran" in replies[-1]


@pytest.mark.usefixtures("okafor_owns_a_tool")
async def test_named_the_other_way_round_nothing_moves(slack: SlackClient,
                                                       runtime: Runtime) -> None:
    await slack.command("/prepbot", f"handover @Ms Park <@{OKAFOR}|okafor>", user=ADMIN)
    assert await owner_of_blooket(runtime) == OKAFOR
    assert any("Ms Park has no open work" in json.dumps(c.params) for c in slack.stub.calls)


@pytest.mark.usefixtures("okafor_owns_a_tool")
async def test_a_checklist_modal_opened_before_the_handover_keeps_her_privacy_fail(
        slack: SlackClient, runtime: Runtime) -> None:
    # A red team's (stop 52): his modal, submitted after she recorded a privacy fail, wrote
    # "pass" back and let the tool into a pilot. His other points are saved (stop 57).
    await slack.command("/tools", "checklist Blooket", user=OKAFOR)
    [opened] = [c.params["view"] for c in slack.stub.calls if c.method == "views.open"
                and "Checklist: Blooket" in json.dumps(c.params)]
    await slack.command("/prepbot", f"handover <@{OKAFOR}|okafor> <@{PARK}|park>", user=ADMIN)
    await slack.command("/tools", "check Blooket privacy fail the vendor sells student data",
                        user=PARK)
    points = {p: "pass" for p in ("privacy", "sso", "accessibility", "cost", "mobile")}

    status, _ = await slack.interact({
        "type": "view_submission", "user": {"id": OKAFOR}, "team": {"id": "T1"},
        "trigger_id": "t-submit", "view": {**opened, "id": "V1", "state": {
            "values": state_of(opened["blocks"], points)}}})

    assert status == 200
    async with runtime.sessions() as session:
        check = (await session.execute(select(ToolCheckRow).where(
            ToolCheckRow.point == "privacy"))).scalar_one()
        sso = (await session.execute(select(ToolCheckRow.result).where(
            ToolCheckRow.point == "sso"))).scalar_one()
    assert (check.result, check.note, sso) == ("fail", "the vendor sells student data", "pass")
    [told] = [c.params for c in slack.stub.calls if c.method == "chat.postEphemeral"
              and c.params.get("user") == OKAFOR]
    assert "Not saved: someone else changed this since you opened the form" in told["text"]
    assert "• Data privacy (FERPA/COPPA): pass\n" in told["text"]
