"""Invitations go out at the right local time in each zone, across DST, never on a holiday,
in school hours and inside prep periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    HILLSIDE,
    LOS_ANGELES,
    NEW_YORK,
    CohortMessenger,
    run,
    set_up,
)
from tests.support.clock import FakeClock

INVITE = "☕ Coffee and Curriculum,"


def local(moments: list[datetime], tz: str) -> list[str]:
    return [f"{m.astimezone(ZoneInfo(tz)):%a %d %b %H:%M}" for m in moments]


async def test_a_weekly_series_across_dst_and_a_holiday_in_two_time_zones(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person],
        hillside_staff: list[Person]) -> None:
    clock.current = datetime(2026, 10, 26, 4, tzinfo=UTC)  # Monday, before the DST change
    await set_up(chat, coach, schools["lincoln"], ends="2026-11-19")
    await set_up(chat, coach, schools["hillside"], cohort=HILLSIDE, days="thu", time="14:30",
                 invite="morning_of", ends="2026-11-12")

    await run(runtime, clock, datetime(2026, 11, 20, 4, tzinfo=UTC), timedelta(minutes=30),
              busy=(11, 17), quiet=timedelta(hours=2))

    rivera, diaz = lincoln_staff[0], hillside_staff[0]
    east = [at for at, _ in outbox.received(rivera, INVITE)]
    west = [at for at, _ in outbox.received(diaz, INVITE)]
    # The school day before at opening (07:30 New York), before and after DST ends on Nov 1;
    # Wednesday Nov 11 is Veterans Day at Lincoln, so no invitation on the 10th.
    assert local(east, NEW_YORK) == ["Tue 27 Oct 07:30", "Tue 03 Nov 07:30",
                                     "Tue 17 Nov 07:30"]
    assert [m.hour for m in east] == [11, 12, 12]  # the UTC hour moved, the local one did not
    # That morning at opening (08:00 Los Angeles); Hillside has no holiday that week.
    assert local(west, LOS_ANGELES) == ["Thu 29 Oct 08:00", "Thu 05 Nov 08:00",
                                        "Thu 12 Nov 08:00"]
    texts = [reply.text for _, reply in outbox.received(diaz, INVITE)]
    assert all("at 14:30" in text for text in texts)
    assert len(outbox.received(lincoln_staff[1], INVITE)) == 3
    assert outbox.received(coach, INVITE) == []  # the coach is in the channel, not invited


async def test_invitations_wait_for_the_prep_period_and_never_go_at_the_weekend(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=rivera)
    clock.current = datetime(2026, 12, 4, 22, tzinfo=UTC)  # Friday 17:00, after school
    await set_up(chat, coach, schools["lincoln"], days="mon", time="8:00")

    await run(runtime, clock, datetime(2026, 12, 12, 0, tzinfo=UTC))

    # Monday's first session was due to be invited on Friday, already over: nothing goes out
    # at the weekend, Mr Chen hears when school opens on Monday, and Ms Rivera's prep period
    # comes after the session, so hers is dropped rather than sent late.
    east = {p.user_id: local([at for at, _ in outbox.received(p, INVITE)], NEW_YORK)
            for p in (rivera, chen)}
    assert east == {"rivera": ["Fri 11 Dec 10:15"],
                    "chen": ["Mon 07 Dec 07:30", "Fri 11 Dec 07:30"]}
    for at in outbox.times:
        moment = at.astimezone(ZoneInfo(NEW_YORK))
        assert moment.weekday() < 5 and 7 <= moment.hour < 16
