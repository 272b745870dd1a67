"""`/prepbot handover`: a leaving coach's Coffee and Curriculum series go on with the new
coach, who gets the brief (a red team's note, stop 51: her series kept inviting teachers to
meet a coach who had left); the coach who ran a session still marks who came."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    SESSION,
    TUESDAY,
    CohortMessenger,
    button,
    form_in,
    run,
    set_up,
)
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def test_a_series_goes_on_with_the_new_coach_who_gets_its_brief(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, admin: Person, schools: dict[str, int],
        lincoln_staff: list[Person]) -> None:
    clock.current = TUESDAY
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await set_up(chat, coach, schools["lincoln"])
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))  # invitations out
    await runtime.bot.grant(coach, Role.TEACHER)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=admin)
    assert told.text == "Ms Park now runs 1 Coffee and Curriculum series that Mr Okafor ran."
    await run(runtime, clock, SESSION)
    assert outbox.received(PARK, "Your Coffee and Curriculum brief")
    assert not outbox.received(coach, "Your Coffee and Curriculum brief")


async def test_the_coach_who_ran_a_session_marks_who_came_after_handing_the_series_over(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, admin: Person, schools: dict[str, int],
        lincoln_staff: list[Person]) -> None:
    # A red team's (stop 52): his brief's "Mark who came" answered "Only the coach who set up
    # this series can change it." once the series was Ms Park's, who was not there.
    rivera, _chen = lincoln_staff
    clock.current = TUESDAY
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await set_up(chat, coach, schools["lincoln"])
    await run(runtime, clock, datetime(2026, 12, 8, 13, tzinfo=UTC))  # invitations out
    [(_, invite)] = outbox.received(rivera, "☕ Coffee")
    await chat.press(button(invite, "Going"), as_=rivera)
    await run(runtime, clock, SESSION)
    [(_, brief)] = outbox.received(coach, "Your Coffee and Curriculum brief")
    [early] = await chat.press(button(brief, "Mark who came"), as_=coach)
    assert "Only the coach who set up this series" not in early.text, "still his series"
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=admin)
    [before_it_ended] = await chat.press(button(brief, "Mark who came"), as_=coach)
    assert "Only the coach who set up this series" in before_it_ended.text
    clock.current = datetime(2026, 12, 9, 13, tzinfo=UTC)  # the session is over

    form = form_in(await chat.press(button(brief, "Mark who came"), as_=coach))
    [saved] = await chat.submit("coffee.attended", {f.name: "came" for f in form.fields},
                                context=form.context, as_=coach)

    assert "Marked 1" in saved.text
    [again] = await chat.submit("coffee.attended", {f.name: "missed" for f in form.fields},
                                context=form.context, as_=coach)
    assert "Only the coach who set up this series" in again.text, "marked: Ms Park's now"
    [hers] = await chat.submit("coffee.attended", {f.name: "missed" for f in form.fields},
                               context=form.context, as_=PARK)
    assert "Marked 0" in hers.text
