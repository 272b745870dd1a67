"""Pilot helpers: New York times, starting the Blooket pilot, and a two-week pilot run to its
report."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from tests.bot.features.conftest import NEW_YORK, Staff, TimedMessenger, advance
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock

PILOT = "/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz for 4 weeks"
AGREE, LOW = ((6, 6), (6, 5), (6, 7)), ((2, 1), (2, 2), (1, 2))


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


async def start(chat: ConsoleChat, staff: Staff, words: str = PILOT) -> str:
    """The coach adds Blooket and starts its pilot; returns what they were told."""
    await chat.say("/tools add Blooket", as_=staff.coach)
    [started] = await chat.say(words, as_=staff.coach)
    return render(started)


async def end_of_pilot(chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
                       timed: TimedMessenger, answers: list[tuple[tuple[int, int], ...]]
                       ) -> None:
    """A two-week pilot; the post survey (week 2) answered so; the report is out."""
    await chat.say("/prepbot settings pulse_min_responses 3", as_=staff.admin)
    await chat.say("/tools request Blooket", as_=staff.teachers[2])
    await start(chat, staff, PILOT.replace(" for 4 weeks", " for 2 weeks"))
    await advance(runtime, clock, at("2026-12-07", 15))
    for person, points in zip(staff.teachers, answers, strict=True):
        _, form = timed.forms(person, "pulse.answer")[-1]
        await chat.submit(form.form_id, likert(*points), form.context, as_=person)
    await advance(runtime, clock, at("2026-12-14", 9))
