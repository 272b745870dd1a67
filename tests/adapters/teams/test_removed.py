"""prepbot removed from a team, or from a coach's chat, after work was set up there; and
activities whose signs of a 1:1 chat disagree (a red team's, stop 54: tickets routed to the
team reached no one, a teacher's answer to her coach was lost, a Coffee cohort stopped without
a word, a coach's queue was posted in a channel)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from adapters.teams.messenger import ATTEMPTS
from bot.features.tickets.models import RouteRow
from bot.roles import Role
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, Teams
from tests.adapters.teams.test_triage import ADMIN, COACH, COACH_CHAT, action, to
from tests.support.clock import FakeClock
from tests.support.connector_stub import ConnectorStub

ADMIN_CHAT = "a:1personal-ada"
OTHER_THREAD = CHANNEL.replace("1700000000000", "1700000000999")  # another thread of triage
TEAM = {"tenant": {"id": "tenant-1"}, "team": {"id": "19:team@thread.tacv2"},
        "channel": {"id": "19:triage@thread.tacv2"}}


async def routes_of(runtime: Runtime) -> dict[str, str]:
    """Each ticket route's category and conversation."""
    async with runtime.sessions() as session:
        rows = (await session.execute(select(RouteRow))).scalars().all()
        return {r.category: r.conversation_id for r in rows}


def texts(connector: ConnectorStub, conversation: str) -> list[str]:
    return [t for c in to(connector, conversation) for t in c.card_texts]


@pytest.fixture
async def staff(teams: Teams, runtime: Runtime) -> None:
    """A coach and an admin, each with a 1:1 chat; default tickets go to the triage channel."""
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("help", conversation=ADMIN_CHAT, user=ADMIN))
    await teams.post(teams.message("help", conversation=COACH_CHAT, user=COACH))
    await teams.post(teams.mention("prepbot settings route default here", user=ADMIN))


async def test_a_card_the_removed_team_refuses_reaches_the_admin(
        teams: Teams, connector: ConnectorStub, staff: None) -> None:
    connector.fail(403, "POST", "/v3/conversations")  # the card: the app is gone there
    await teams.post(teams.message("ticket the zebra4417 document camera is broken"))
    assert any("is open" in t for t in texts(connector, PERSONAL))
    warning, *card = [t for t in texts(connector, ADMIN_CHAT)
                      if "zebra4417" in t or "no longer" in t]
    assert warning.startswith("⚠️ I can no longer post in the channel")
    assert "I took that route away" in warning and any("zebra4417" in t for t in card)
    await teams.post(teams.message("ticket the printer in room 4 jams", user=COACH))
    assert not any("printer" in t for t in texts(connector, CHANNEL)), "the route is gone"


async def test_a_teachers_answer_to_a_coach_who_removed_prepbot_reaches_the_channel(
        teams: Teams, connector: ConnectorStub, staff: None) -> None:
    await teams.post(teams.message("ticket the projector in room 12 is dead"))
    [card] = [c for c in to(connector, CHANNEL) if any("#1" in t for t in c.card_texts)]
    await teams.post(teams.submit(action(card.card, "Claim"), card_id="card",
                                  conversation=CHANNEL, user=COACH))
    told = to(connector, PERSONAL)[-1]
    for _ in range(8):  # taken out of the coach's chat: Teams refuses every message there
        connector.fail(403, "POST", COACH_CHAT)
    await teams.post(teams.submit(action(told.card, "Reply"), card_id="told"))
    form = to(connector, PERSONAL)[-1].card
    await teams.post(teams.submit({**action(form, "Send"), "text": "No, it's off"},
                                  card_id="answer"))
    relayed = [t for t in texts(connector, CHANNEL) if "Ms Rivera wrote: No, it's off" in t
               or "no longer reach Mr Okafor" in t]
    assert relayed and relayed[0].startswith("⚠️ I can no longer reach Mr Okafor")
    assert any("no longer reach Mr Okafor" in t for t in texts(connector, ADMIN_CHAT))


async def test_a_coffee_cohort_in_a_team_that_removed_prepbot_is_said_to_the_coach(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, clock: FakeClock) -> None:
    clock.current = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # a Monday, 9:00 in New York
    async with runtime.sessions() as session, session.begin():
        school = (await save_school(session, "Lincoln Elementary", "America/New_York",
                                    time(7, 30), time(15, 0))).id
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("help", conversation=COACH_CHAT, user=COACH))
    await teams.post(teams.mention("help", user=COACH))  # prepbot knows the channel
    await teams.post(teams.submit(
        {"form_id": "coffee.setup", "context": f"new:{CHANNEL}", "cohort": CHANNEL,
         "mode": "group", "days": "wed", "cadence": "1", "time": "7:15", "minutes": "20",
         "place": "the library", "school": str(school), "ends": "2027-06-18",
         "invite": "day_before"}, card_id="setup", conversation=COACH_CHAT, user=COACH))
    for _ in range(20):
        connector.fail(403, "GET", "pagedmembers")
    before = len(texts(connector, COACH_CHAT))
    for _ in range(3):
        await runtime.dispatcher.tick()
        clock.current += timedelta(days=1)
    assert any("nobody else" in t for t in texts(connector, COACH_CHAT)[before:])


def disagreeing(activity: dict[str, Any], variant: str) -> dict[str, Any]:
    activity["conversation"]["conversationType"] = "personal"
    if variant == "channel data":
        activity["channelData"] = TEAM
    else:
        activity["conversation"]["isGroup"] = True
    return activity


@pytest.mark.parametrize("variant", ["channel data", "a group"])
async def test_a_channel_activity_labelled_personal_is_still_shared(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, variant: str) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("ticket the smartboard in room 4 is dead"))
    connector.personal[COACH["id"]] = COACH_CHAT
    await teams.post(disagreeing(teams.mention("tickets", user=COACH), variant))
    assert not any("smartboard" in t for t in texts(connector, CHANNEL))
    assert any("smartboard" in t for t in texts(connector, COACH_CHAT)), "the queue, privately"


async def test_a_refused_card_takes_away_the_routes_typed_in_other_threads_of_its_channel(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, staff: None) -> None:
    # A red team's (stop 54, AH-9): a route typed in another thread of the channel survived.
    await teams.post(teams.mention("prepbot settings route hardware here", user=ADMIN,
                                   conversation=OTHER_THREAD))
    connector.fail(403, "POST", "/v3/conversations")
    await teams.post(teams.message("ticket the zebra4417 document camera is broken"))
    [warning] = [t for t in texts(connector, ADMIN_CHAT) if "no longer" in t]
    assert "default and hardware" in warning
    async with runtime.sessions() as session:
        assert not (await session.execute(select(RouteRow))).scalars().all()


async def test_a_card_refused_in_the_thread_its_route_left_takes_the_moved_route_away(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, clock: FakeClock,
        staff: None) -> None:
    # A red team's (stop 55): the card waited for a retry while the admin moved the route to
    # another thread of the channel; refused in the thread the route left, it took nothing.
    clock.current = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    for _ in range(ATTEMPTS):  # Teams is down for the card's every attempt: it waits
        connector.fail(503, "POST", "/v3/conversations", {"Retry-After": "0"})
    await teams.post(teams.message("ticket the zebra4417 document camera is broken"))
    await teams.post(teams.mention("prepbot settings route default here", user=ADMIN,
                                   conversation=OTHER_THREAD))
    assert await routes_of(runtime) == {"default": OTHER_THREAD}
    clock.current += timedelta(minutes=1)  # what else is due goes first (the weekly digests)
    await runtime.dispatcher.tick()
    connector.fail(403, "POST", "/v3/conversations")
    clock.current += timedelta(minutes=30)
    await runtime.dispatcher.tick()
    assert any("no longer" in t for t in texts(connector, ADMIN_CHAT)), "the refusal was seen"
    assert await routes_of(runtime) == {}, "the moved route still points into the channel"
