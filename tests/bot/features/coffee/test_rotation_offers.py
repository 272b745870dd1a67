"""A 1:1 rotation's offers left in a teacher's chat: a series called off, or a time gone by,
books no one and offers nothing new; the coach's time is free again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Buttons, Reply
from bot.features.coffee import busy, rotation
from bot.features.coffee.models import CoffeeSlotRow
from bot.hooks.digest import Period
from bot.people.directory import find_person
from bot.privacy import delete_person
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import CohortMessenger, button, run, set_up
from tests.support.clock import FakeClock

MONDAY = datetime(2026, 11, 30, 5, tzinfo=UTC)  # Monday 00:00 in New York


async def offered(chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
                  outbox: CohortMessenger, coach: Person, lincoln: int, rivera: Person
                  ) -> Reply:
    """Mr Okafor's four-weekly rotation offers Ms Rivera Tue 1 Dec at 10:15 on Monday."""
    await chat.say("/prepbot prep 10:15-11:00 tue,thu", as_=rivera)
    clock.current = MONDAY
    await set_up(chat, coach, lincoln, mode="rotation", cadence="4")
    await run(runtime, clock, datetime(2026, 11, 30, 17, tzinfo=UTC))  # Monday noon
    [(_, offer)] = outbox.received(rivera, "☕ Mr Okafor would love")
    return offer


async def cancel_series(chat: ConsoleChat, coach: Person) -> Reply:
    """Mr Okafor cancels his series from `/coffee`, and confirms; his answer."""
    await chat.say("/coffee", as_=coach)
    await chat.click("Cancel", as_=coach)
    [done] = await chat.click("Yes, cancel the series", as_=coach)
    return done


async def slots(runtime: Runtime) -> list[tuple[str, int]]:
    """Each slot's status and revision."""
    async with runtime.sessions() as session:
        rows = await session.execute(select(CoffeeSlotRow.status, CoffeeSlotRow.revision)
                                     .order_by(CoffeeSlotRow.id))
        return [(str(status), int(revision)) for status, revision in rows]


async def test_a_cancelled_series_books_no_one_from_its_old_offers_and_frees_the_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 52): "Accept" on a cancelled series' offer said "It's a date" and
    # told the coach; "Another time" sent a fresh offer for a series called off for good.
    rivera, _chen = lincoln_staff
    offer = await offered(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await cancel_series(chat, coach)
    told_before = len(outbox.to(coach))

    [accepted] = await chat.press(button(offer, "Accept"), as_=rivera)
    [moved] = await chat.press(button(offer, "Another time"), as_=rivera)

    for answer in (accepted, moved):
        assert "called off these 1:1s" in answer.text and "Nothing changed" in answer.text
        assert not any(isinstance(b, Buttons) for b in answer.blocks)
    assert {status for status, _ in await slots(runtime)} == {"cancelled"}
    assert [revision for _, revision in await slots(runtime)] == [0, 0]
    assert outbox.to(coach)[told_before:] == []
    [mine] = await chat.say("/coffee", as_=rivera)
    assert "1:1 with your coach" not in "\n".join(getattr(b, "text", "") for b in mine.blocks)
    async with runtime.sessions() as session:
        okafor = await find_person(session, "console", coach.user_id)
        assert okafor is not None
        assert await rotation.coach_busy(session, okafor.id) == set()
        week = Period(MONDAY, MONDAY + timedelta(days=7))
        assert await busy.coach_busy(session, okafor.id, week) == []


async def test_an_offer_whose_time_has_passed_cannot_be_accepted(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 52): Monday's offer for Tuesday, accepted on Wednesday, said
    # "It's a date: Tue 1 Dec at 10:15." and told the coach.
    rivera, _chen = lincoln_staff
    offer = await offered(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    clock.current = datetime(2026, 12, 2, 17, tzinfo=UTC)  # Wednesday noon
    told_before = len(outbox.to(coach))

    [late] = await chat.press(button(offer, "Accept"), as_=rivera)

    assert "That time has passed" in late.text
    assert [status for status, _ in await slots(runtime)] == ["offered", "offered"]
    assert outbox.to(coach)[told_before:] == []
    [moved] = await chat.press(button(offer, "Another time"), as_=rivera)
    assert "would love 20 minutes" in moved.text, "the way to a new time still works"


async def test_a_teacher_who_agreed_to_a_1_1_is_told_when_the_series_is_called_off(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # Left at stop 52: she had said yes, was told nothing, and waited for a coach who would
    # not come.
    rivera, _chen = lincoln_staff
    offer = await offered(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await chat.press(button(offer, "Accept"), as_=rivera)
    done = await cancel_series(chat, coach)
    assert "1 session already planned called off; 1 invited person hears about it" in done.text

    await run(runtime, clock, clock.current + timedelta(hours=2))
    [(_, off)] = outbox.received(rivera, "☕ Change of plan")
    assert off.text == ("☕ Change of plan: Mr Okafor called off the 1:1s, so your 1:1 on "
                        "Tue 1 Dec at 10:15 is off.")
    assert not outbox.received(_chen, "☕ Change of plan"), "no one else had agreed to one"


async def test_another_time_on_a_paused_series_offers_nothing_until_it_resumes(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # Left at stop 52: "Pause" means no invitations, yet "Another time" made a new offer.
    rivera, _chen = lincoln_staff
    offer = await offered(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await chat.say("/coffee", as_=coach)
    await chat.click("Pause", as_=coach)

    [refused] = await chat.press(button(offer, "Another time"), as_=rivera)
    assert "paused these 1:1s" in refused.text and "Nothing changed" in refused.text
    assert (await slots(runtime))[0] == ("offered", 0)

    await chat.say("/coffee", as_=coach)
    await chat.click("Resume", as_=coach)
    [moved] = await chat.press(button(offer, "Another time"), as_=rivera)
    assert "would love 20 minutes" in moved.text


async def test_an_erased_teachers_1_1s_are_off_and_a_later_cancel_tells_no_one_for_her(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 53): her accepted slot stayed with her tombstone, kept the coach's
    # time booked, and the cancel counted her and planned her a notice.
    rivera, _chen = lincoln_staff
    offer = await offered(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await chat.press(button(offer, "Accept"), as_=rivera)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", rivera.user_id)
        okafor = await find_person(session, "console", coach.user_id)
        assert okafor is not None
        assert len(await rotation.coach_busy(session, okafor.id)) == 1, "only Mr Chen's offer"

    done = await cancel_series(chat, coach)
    assert "hears about it" not in done.text
    async with runtime.sessions() as session:
        assert not (await session.execute(select(DeliveryRow.id).where(
            DeliveryRow.job == rotation.SLOT_OFF))).first()
