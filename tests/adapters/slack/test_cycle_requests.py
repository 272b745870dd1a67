"""Over Slack's HTTP endpoint: a cycle request is for the teacher's school's coaches."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.cycles import service
from bot.features.cycles.models import CycleRow
from bot.people.directory import find_person
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient
from tests.support.clock import FakeClock

TEACHER, PARK, LEE = "UT1", "UPARK", "ULEE"


async def test_slack_cycle_start_by_a_coach_of_another_school_does_not_take_a_request(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 57): a request no coach is named for goes to the coaches of the
    # teacher's school, and only they may plan it; typed as a signed `/cycle start` over
    # Slack's HTTP, Mr Lee (Hillside) took Ms Rivera's (Lincoln).
    clock.current = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 30))
        await save_school(session, "Hillside Middle", "America/New_York", time(8, 0),
                          time(15, 30))
    for user, name in ((TEACHER, "Ms Rivera"), (PARK, "Ms Park"), (LEE, "Mr Lee")):
        slack.stub.users[user] = {"id": user, "tz": "America/New_York",
                                  "profile": {"display_name": name}}
    for user, school in ((TEACHER, "Lincoln Elementary"), (PARK, "Lincoln Elementary"),
                         (LEE, "Hillside Middle")):
        await slack.command("/prepbot", f"school {school}", user=user)
    await slack.command("/prepbot", "prep 10:15-11:00 mon-fri", user=TEACHER)
    for coach in (PARK, LEE):
        await runtime.bot.grant(Person(platform="slack", user_id=coach), Role.COACH)
    async with runtime.sessions() as session, session.begin():
        rivera = await find_person(session, "slack", TEACHER)
        assert rivera is not None
        await service.create(session, rivera, None, "requested", "coffee",
                             "I want help with small groups", "coffee:1:1", clock.current)

    before = len(slack.stub.of("response_url"))
    status, _ = await slack.command("/cycle", f"start <@{TEACHER}|rivera>", user=LEE)
    assert status == 200
    *_, refused = await slack.stub.wait_for("response_url", before + 1)
    assert refused.params["text"] == "That request is for another coach."

    async with runtime.sessions() as session:
        [cycle] = (await session.execute(select(CycleRow))).scalars().all()
        lee = await find_person(session, "slack", LEE)
        assert lee is not None
        told = [c.params for c in slack.stub.calls if "small groups" in json.dumps(c.params)]
        assert cycle.coach_id != lee.id and cycle.status == "requested", (
            f"Mr Lee (Hillside) planned Ms Rivera's (Lincoln) request: {cycle.status}; "
            f"what Slack was told: {told}")
