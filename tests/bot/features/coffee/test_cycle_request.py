"""After Coffee and Curriculum, "Book a coaching cycle" asks the cycles feature (the core's
`start_cycle` hook): the coach plans the four steps with one click."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    TUESDAY,
    CohortMessenger,
    button,
    run,
    set_up,
)
from tests.support.clock import FakeClock


async def test_a_follow_up_books_a_cycle_the_coach_plans_in_one_click(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, _ = lincoln_staff
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))
    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    await chat.press(button(invite, "Going"), as_=rivera)
    await chat.say("/prepbot school Lincoln Elementary", as_=rivera)
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=rivera)
    await run(runtime, clock, datetime(2026, 12, 9, 16, tzinfo=UTC))
    [(_, followup)] = outbox.received(rivera, "Thanks for coming")

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
