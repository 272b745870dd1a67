"""A coaching cycle planned, rescheduled once and completed: each step's prompt reaches the
teacher in their prep period the school day before, across a holiday and the spring change
to daylight saving time (14 March 2027 in New York)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from tests.bot.features.conftest import (
    NEW_YORK,
    Staff,
    TimedMessenger,
    advance,
    button,
    close_on,
    in_prep,
    local,
)
from tests.support.clock import FakeClock

HOLIDAY = date(2027, 3, 16)


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


async def test_a_cycle_planned_rescheduled_once_and_completed_in_prep_periods(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger, lincoln: int) -> None:
    coach, rivera = staff.coach, staff.rivera
    await close_on(runtime, lincoln, HOLIDAY, "Spring PD day")
    clock.current = at("2027-03-01", 9)

    [planned] = await chat.say("/cycle start @Ms Rivera", as_=coach)
    assert render(planned).splitlines()[1:5] == [
        "• 1. Goal-setting conference: Tuesday 2 March at 10:15",
        "• 2. Model lesson: Tuesday 9 March at 10:15",
        "• 3. Co-teaching: Wednesday 17 March at 10:15",  # the 16th is a holiday
        "• 4. Reflective debrief: Tuesday 23 March at 10:15"]

    # Step 1's prompt arrives in Ms Rivera's prep period the school day before; she answers.
    await advance(runtime, clock, at("2027-03-02", 12))
    [(sent, prompt)] = timed.received(rivera, "step 1 of 4")
    assert in_prep(rivera, sent) and local(sent).date() == date(2027, 3, 1)
    await chat.submit("cycles.step", {"goal": "Use exit tickets every day",
                                      "target": "Students explain their fraction strategy"},
                      next(b for b in prompt.blocks if hasattr(b, "form_id")).context,
                      as_=rivera)
    [(_, reminder)] = timed.received(coach, "step 1 of 4")
    assert local(_).date() == date(2027, 3, 2)
    await chat.press(button(reminder, "Done"), as_=coach)

    # Step 2's prompt comes on Monday; she asks for another time: Wednesday's prep period.
    await advance(runtime, clock, at("2027-03-08", 12))
    [(sent, prompt)] = timed.received(rivera, "step 2 of 4")
    assert in_prep(rivera, sent)
    [moved] = await chat.press(button(prompt, "Another time"), as_=rivera)
    assert "now Wednesday 10 March at 10:15" in moved.text
    assert timed.received(coach, "model lesson moved to Wednesday 10 March at 10:15")

    await advance(runtime, clock, at("2027-03-10", 12))
    [(sent, _)] = timed.received(rivera, "step 2 of 4")[1:]
    assert in_prep(rivera, sent) and local(sent).date() == date(2027, 3, 9)
    reminders = timed.received(coach, "step 2 of 4")
    assert [local(when).date() for when, _ in reminders] == [date(2027, 3, 10)]
    assert "Goal: Use exit tickets every day" in reminders[0][1].text
    await chat.press(button(reminders[0][1], "Done"), as_=coach)

    # After the change to daylight time, and over the holiday: still her prep period.
    await advance(runtime, clock, at("2027-03-17", 12))
    [(sent, _)] = timed.received(rivera, "step 3 of 4")
    assert local(sent).date() == date(2027, 3, 15)  # the school day before the 17th
    assert in_prep(rivera, sent) and sent.hour == 14  # 10:15 EDT, an hour earlier in UTC
    [(_, reminder)] = timed.received(coach, "step 3 of 4")
    await chat.press(button(reminder, "Done"), as_=coach)

    await advance(runtime, clock, at("2027-03-23", 12))
    [(sent, _)] = timed.received(rivera, "step 4 of 4")
    assert in_prep(rivera, sent) and local(sent).date() == date(2027, 3, 22)
    [(_, reminder)] = timed.received(coach, "step 4 of 4")
    [complete] = await chat.press(button(reminder, "Done"), as_=coach)
    assert "Cycle complete with Ms Rivera" in complete.text

    await advance(runtime, clock, at("2027-03-24", 12))
    assert timed.received(rivera, "coaching cycle is complete")
    [mine] = await chat.say("/cycle", as_=rivera)
    assert "With Ms Rivera: done. Goal: Use exit tickets every day" in render(mine)
    every_prompt = timed.received(rivera, "Coaching cycle, step")
    assert len(every_prompt) == 5 and all(in_prep(rivera, when) for when, _ in every_prompt)
