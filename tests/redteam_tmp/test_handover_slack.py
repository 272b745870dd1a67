"""Red team T: `/prepbot handover` over signed Slack HTTP, the leaving coach typed (she has
left the workspace, so Slack offers no @-pick for her) and the new coach picked from the
@-list (`/prepbot` is escaped in the manifest, so she arrives as `<@UPARK|ms.park>`).

The promise (docs/first-run.md, the command's usage line): "the first one's open coaching
cycles, pilots, tools and pulse surveys go to the second"."""

from __future__ import annotations

from datetime import UTC, datetime, time

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.cycles.models import CycleRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.slack.conftest import SlackClient, settings, slack, slack_stub  # noqa: F401  (fixtures)
from tests.support.clock import FakeClock

COACH, PARK, ADMIN = "UCOACH", "UPARK", "UADMIN"
PEOPLE = {COACH: "Mr Okafor", PARK: "Ms Park", "UT1": "Ms Rivera", "UT2": "Mr Chen"}


async def test_slack_handover_with_a_typed_leaving_coach_goes_the_right_way(
        slack: SlackClient, runtime: Runtime, clock: FakeClock) -> None:  # noqa: F811
    """Observed: "Mr Okafor now runs 1 coaching cycle that Ms Park ran.": Park's own cycle
    with Mr Chen goes to Okafor, who is leaving, and Okafor's cycle with Ms Rivera stays his
    (`named_people` puts Slack's mentions before typed names)."""
    clock.current = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 30))
    for user, name in PEOPLE.items():
        slack.stub.users[user] = {"id": user, "tz": "America/New_York",
                                  "profile": {"display_name": name}}
        await slack.command("/prepbot", "school Lincoln Elementary", user=user)
    for user in (COACH, PARK):
        await runtime.bot.grant(Person(platform="slack", user_id=user), Role.COACH)
    await runtime.bot.grant(Person(platform="slack", user_id=ADMIN), Role.ADMIN)
    await slack.command("/cycle", "start <@UT1|rivera>", user=COACH)
    await slack.command("/cycle", "start <@UT2|chen>", user=PARK)

    await slack.command("/prepbot", "handover @Mr Okafor <@UPARK|ms.park>", user=ADMIN)
    async with runtime.sessions() as session:
        ids = {p.id: p.user_id for p in (await session.execute(select(PersonRow))).scalars()}
        cycles = {ids[t]: ids[c] for t, c in (await session.execute(
            select(CycleRow.teacher_id, CycleRow.coach_id))).all()}
    told = [c.params for c in slack.stub.calls if "now runs" in str(c.params)]
    assert cycles == {"UT1": PARK, "UT2": PARK}, (cycles, told)
