"""No silent nagging: three ignored invitations lead to one question, then a pause; opt-out
is one tap and respected everywhere; a pause lasts until its date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import CohortMessenger, button, form_in, set_up
from tests.bot.features.coffee.conftest import run as tick_run
from tests.support.clock import FakeClock

INVITE = "☕ Coffee and Curriculum,"
ASK = "You've missed the last three"
MONDAY = datetime(2026, 11, 30, 5, tzinfo=UTC)  # Monday 00:00 in New York


async def run(runtime: Runtime, clock: FakeClock, until: datetime) -> None:
    """Half-hourly around the New York morning (07:00-09:00), every two hours otherwise."""
    await tick_run(runtime, clock, until, timedelta(minutes=30), busy=(12, 14),
                   quiet=timedelta(hours=2))


async def test_three_ignored_invitations_lead_to_one_question_then_a_pause(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera, chen = lincoln_staff
    clock.current = MONDAY
    await set_up(chat, coach, schools["lincoln"], ends="2027-01-31")
    for week in range(3):
        await run(runtime, clock, datetime(2026, 12, 1 + 7 * week, 13, tzinfo=UTC))
        [*_, (_, invite)] = outbox.received(chen, INVITE)
        await chat.press(button(invite, "Not this time"), as_=chen)  # an answer is not ignoring
        await run(runtime, clock, datetime(2026, 12, 3 + 7 * week, 5, tzinfo=UTC))
    assert len(outbox.received(rivera, INVITE)) == 3
    [(_, question)] = outbox.received(rivera, ASK)
    assert outbox.received(chen, ASK) == []

    await run(runtime, clock, datetime(2026, 12, 31, 5, tzinfo=UTC))
    assert len(outbox.received(rivera, INVITE)) == 3  # paused: no more invitations
    assert len(outbox.received(rivera, ASK)) == 1  # and asked only once
    assert len(outbox.received(chen, INVITE)) == 5

    await chat.press(button(question, "Yes, keep inviting me"), as_=rivera)
    await run(runtime, clock, datetime(2027, 1, 6, 5, tzinfo=UTC))
    assert len(outbox.received(rivera, INVITE)) == 4


async def test_stop_inviting_me_is_one_tap_and_respected_everywhere(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera = lincoln_staff[0]
    clock.current = MONDAY
    await set_up(chat, coach, schools["lincoln"], ends="2027-01-31")
    await run(runtime, clock, datetime(2026, 12, 1, 13, tzinfo=UTC))
    [(_, invite)] = outbox.received(rivera, INVITE)
    await chat.press(button(invite, "Going"), as_=rivera)
    [done] = await chat.press(button(invite, "Stop inviting me"), as_=rivera)
    assert "no more Coffee and Curriculum invitations" in done.text

    await run(runtime, clock, datetime(2026, 12, 16, 5, tzinfo=UTC))
    assert len(outbox.received(rivera, INVITE)) == 1
    assert outbox.received(rivera, "☕ Coffee and Curriculum starts") == []  # no reminder
    assert outbox.received(rivera, "Thanks for coming") == []  # no follow-up
    [mine] = await chat.say("/coffee", as_=rivera)
    assert "not getting Coffee and Curriculum invitations" in mine.text
    await chat.click("Start inviting me again", as_=rivera)
    await run(runtime, clock, datetime(2026, 12, 23, 5, tzinfo=UTC))
    assert len(outbox.received(rivera, INVITE)) == 2


async def test_pause_until_a_date_skips_the_sessions_before_it(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    rivera = lincoln_staff[0]
    clock.current = MONDAY
    await set_up(chat, coach, schools["lincoln"])
    await run(runtime, clock, datetime(2026, 12, 1, 13, tzinfo=UTC))
    [(_, invite)] = outbox.received(rivera, INVITE)
    form = form_in(await chat.press(button(invite, "Pause until…"), as_=rivera))
    [paused] = await chat.submit("coffee.pause", {"until": "2026-12-10"},
                                 context=form.context, as_=rivera)
    assert "Paused until Thu 10 Dec" in paused.text
    await run(runtime, clock, datetime(2026, 12, 16, 5, tzinfo=UTC))
    # Dec 2 was already invited; Dec 9 is paused; Dec 16 is invited on the 15th.
    assert len(outbox.received(rivera, INVITE)) == 2
    assert len(outbox.received(lincoln_staff[1], INVITE)) == 3
