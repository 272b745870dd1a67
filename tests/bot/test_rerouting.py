"""A notice that can never reach where it was meant: which go to the admins instead (a coach's
news any coach may read, a channel's post), and which never do (a teacher's, a coach's own)."""

from __future__ import annotations

import pytest

from adapters.runtime import Runtime
from bot.blocks import say
from bot.outbox import plan, sent_by, to_notice
from bot.people.directory import find_person
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.tickets.test_shut_out import ShutOutMessenger

COACH = Person(platform="console", user_id="okafor", display_name="Mr Okafor")
LEE = Person(platform="console", user_id="lee", display_name="Ms Lee")


@pytest.fixture
async def outbox(runtime: Runtime) -> ShutOutMessenger:
    """A coach prepbot can no longer reach, and an admin it can."""
    messenger = ShutOutMessenger(shut={COACH.user_id})
    runtime.bot.messengers.add(messenger)
    await runtime.bot.grant(COACH, Role.COACH)
    await runtime.bot.grant(LEE, Role.ADMIN)
    return messenger


async def notify_coach(runtime: Runtime, text: str, **kind: bool) -> None:
    """Plan a DM for the coach, as a teacher's turn (person 99) would, and send it."""
    async with runtime.sessions() as session, session.begin():
        coach = await find_person(session, "console", COACH.user_id)
        assert coach is not None
        planned = await plan(session, [to_notice(coach, say(text), **kind)], sent_by(99) + "x",
                             runtime.bot.clock.now())
    await runtime.dispatcher.send_notices(planned)


async def test_a_coachs_news_any_coach_may_read_reaches_the_admin(
        runtime: Runtime, outbox: ShutOutMessenger) -> None:
    await notify_coach(runtime, "#4: Ms Rivera wrote: the light is off", shared=True)
    [warning] = outbox.to(LEE)
    assert warning.startswith("⚠️ I can no longer reach okafor")  # no name stored: the id
    assert warning.endswith("#4: Ms Rivera wrote: the light is off")


@pytest.mark.parametrize("kind", [{"staff": True}, {}], ids=["for her coach alone", "plain"])
async def test_what_is_for_the_coach_alone_reaches_no_one_else(
        runtime: Runtime, outbox: ShutOutMessenger, kind: dict[str, bool]) -> None:
    await notify_coach(runtime, "Step 4 (debrief): I felt rushed in the lesson", **kind)
    assert not outbox.sent


async def test_the_rerouted_copy_keeps_whose_turn_planned_it(
        runtime: Runtime, outbox: ShutOutMessenger) -> None:
    from sqlalchemy import select

    from bot.scheduling.models import DeliveryRow
    await notify_coach(runtime, "#4: Ms Rivera wrote: the light is off", shared=True)
    async with runtime.sessions() as session:
        occurrences = (await session.execute(select(DeliveryRow.occurrence))).scalars().all()
    assert len(occurrences) == 2 and all(o.startswith(sent_by(99)) for o in occurrences), \
        "so that erasing her withholds the copy too"
