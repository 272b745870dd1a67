"""After Coffee and Curriculum, "Book a coaching cycle" asks the cycles feature (the core's
`start_cycle` hook): the coach plans the four steps with one click."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Reply
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
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await runtime.bot.grant(park, Role.COACH)

    [by_button] = await chat.press(button(request, "Plan the four steps"), as_=park)
    [by_command] = await chat.say("/cycle start @Ms Rivera", as_=park)

    assert "another coach" in by_button.text and "another coach" in by_command.text
    [planned] = await chat.press(button(request, "Plan the four steps"), as_=coach)
    assert "Goal-setting conference" in render(planned), "still his to plan"
