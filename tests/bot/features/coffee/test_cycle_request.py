"""After Coffee and Curriculum, "Book a coaching cycle" asks the cycles feature (the core's
`start_cycle` hook): the coach plans the four steps with one click."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.features.cycles.models import CycleRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    TUESDAY,
    CohortMessenger,
    button,
    run,
    set_up,
)
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def follow_up(chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
                    outbox: CohortMessenger, coach: Person, lincoln: int, rivera: Person
                    ) -> Reply:
    """Ms Rivera went to Mr Okafor's Coffee and Curriculum: its follow-up, to her."""
    clock.current = TUESDAY
    await set_up(chat, coach, lincoln)
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))
    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    await chat.press(button(invite, "Going"), as_=rivera)
    await chat.say("/prepbot school Lincoln Elementary", as_=rivera)
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=rivera)
    await run(runtime, clock, datetime(2026, 12, 9, 16, tzinfo=UTC))
    [(_, followup)] = outbox.received(rivera, "Thanks for coming")
    return followup


async def test_a_follow_up_books_a_cycle_the_coach_plans_in_one_click(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, _ = lincoln_staff
    followup = await follow_up(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)

    [booked] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    assert "Mr Okafor will be in touch to plan your four-week coaching cycle" in booked.text
    [request] = [r for _, r in outbox.received(coach, "Ms Rivera would like to book")]
    assert "asked after Coffee and Curriculum on 9 December" in request.text
    [again] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    assert len(outbox.received(coach, "Ms Rivera would like to book")) == 1, again.text

    [planned] = await chat.press(button(request, "Plan the four steps"), as_=coach)
    assert "(from Coffee and Curriculum on 9 December)" in render(planned)
    assert "Goal-setting conference: Thursday 10 December at 10:15" in render(planned)
    assert outbox.received(rivera, "Mr Okafor planned your coaching cycle: the first step is "
                                   "Thursday 10 December")
    [late] = await chat.press(button(request, "Plan the four steps"), as_=coach)
    assert "already planned" in late.text


async def test_another_coach_cannot_take_over_the_request_by_button_or_by_command(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 46): the button refused her, but `/cycle start @Ms Rivera` planned
    # the request Ms Rivera had made to Mr Okafor under Ms Park's name.
    rivera, _ = lincoln_staff
    followup = await follow_up(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    [request] = [r for _, r in outbox.received(coach, "Ms Rivera would like to book")]
    await runtime.bot.grant(PARK, Role.COACH)

    [by_button] = await chat.press(button(request, "Plan the four steps"), as_=PARK)
    [by_command] = await chat.say("/cycle start @Ms Rivera", as_=PARK)

    assert "another coach" in by_button.text and "another coach" in by_command.text
    [planned] = await chat.press(button(request, "Plan the four steps"), as_=coach)
    assert "Goal-setting conference" in render(planned), "still his to plan"


async def cycles(runtime: Runtime) -> list[tuple[str, str | None]]:
    """Each cycle's status and its coach's user id (None: any coach may plan it)."""
    async with runtime.sessions() as session:
        rows = await session.execute(select(CycleRow.status, PersonRow.user_id).outerjoin(
            PersonRow, PersonRow.id == CycleRow.coach_id).order_by(CycleRow.id))
        return [(str(status), user) for status, user in rows]


async def cancel_series(chat: ConsoleChat, coach: Person) -> None:
    """Mr Okafor calls his series off for good."""
    await chat.say("/coffee", as_=coach)
    await chat.click("Cancel", as_=coach)
    await chat.click("Yes, cancel the series", as_=coach)


async def test_a_request_from_a_series_called_off_reaches_the_coaches_once_its_coach_left(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, admin: Person, schools: dict[str, int],
        lincoln_staff: list[Person]) -> None:
    # A red team's (stop 52): the request was filed with Mr Okafor, a teacher again by then
    # (his notice withheld), and she was told he "will be in touch": nobody ever heard of it.
    rivera, _chen = lincoln_staff
    followup = await follow_up(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await cancel_series(chat, coach)
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await runtime.bot.grant(coach, Role.TEACHER)
    [handed] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=admin)
    assert "no open work" in handed.text  # a cancelled series is not work to hand

    [booked] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)

    assert "passed your request to the coaches" in booked.text
    assert "Mr Okafor" not in booked.text
    assert await cycles(runtime) == [("requested", None)]
    [(_, request)] = outbox.received(PARK, "Ms Rivera would like to book")
    [listed] = await chat.say("/cycle", as_=PARK)
    assert "With Ms Rivera: requested" in listed.text
    [planned] = await chat.press(button(request, "Plan the four steps"), as_=PARK)
    assert "Goal-setting conference" in render(planned)
    assert await cycles(runtime) == [("planned", "park")]


async def test_a_request_naming_a_coach_made_a_teacher_again_is_filed_for_any_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # The same red team's: the cycles feature filed a request under whoever the series
    # named, coach or not (here his series still runs: no one handed it over yet).
    rivera, _chen = lincoln_staff
    followup = await follow_up(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await runtime.bot.grant(coach, Role.TEACHER)

    [booked] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)

    assert "passed your request to the coaches" in booked.text
    assert await cycles(runtime) == [("requested", None)]
    assert outbox.received(PARK, "Ms Rivera would like to book")
    assert not outbox.received(coach, "Ms Rivera would like to book")


async def test_asking_again_after_the_coach_called_the_cycle_off_files_a_new_request(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    # A red team's (stop 52): "Ask any time to start another", but the same button found the
    # cancelled cycle: "will be in touch", and nothing was filed.
    rivera, _chen = lincoln_staff
    followup = await follow_up(chat, runtime, clock, outbox, coach, schools["lincoln"], rivera)
    await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    [(_, request)] = outbox.received(coach, "Ms Rivera would like to book")
    await chat.press(button(request, "Plan the four steps"), as_=coach)
    [under_way] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    assert "already under way" in under_way.text
    await chat.say("/cycle cancel @Ms Rivera", as_=coach)

    [again] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)
    [twice] = await chat.press(button(followup, "Book a coaching cycle"), as_=rivera)

    assert "Mr Okafor will be in touch" in again.text
    assert await cycles(runtime) == [("cancelled", "okafor"), ("requested", "okafor")]
    assert len(outbox.received(coach, "Ms Rivera would like to book")) == 2
    assert "already asked" in twice.text and "will be in touch" not in twice.text
