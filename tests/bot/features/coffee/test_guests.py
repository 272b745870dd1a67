"""A cohort's guests are left out of Coffee and Curriculum until the coach adds them."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Form
from bot.vocabulary import Person
from tests.bot.features.coffee.conftest import (
    LINCOLN,
    NEW_YORK,
    TUESDAY,
    CohortMessenger,
    form_in,
    run,
    set_up,
)
from tests.support.clock import FakeClock

INVITE = "☕ Coffee and Curriculum, "
PARK = Person(platform="console", user_id="park", display_name="Ms Park (student teacher)",
              tz=NEW_YORK, guest=True)


def week(n: int) -> datetime:
    """Tuesday noon in New York, `n` weeks after the first invitations went out."""
    return datetime(2026, 12, 8 + 7 * n, 17, tzinfo=UTC)


async def guests_form(chat: ConsoleChat, coach: Person) -> Form:
    await chat.say("/coffee", as_=coach)
    return form_in(await chat.click("Guests…", as_=coach))


async def test_a_guest_is_invited_only_while_the_coach_has_added_them(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, outbox: CohortMessenger,
        coach: Person, schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    outbox.channels[LINCOLN].append(PARK)
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    await run(runtime, clock, week(0))
    assert outbox.received(PARK, INVITE) == []
    assert all(len(outbox.received(p, INVITE)) == 1 for p in lincoln_staff)

    form = await guests_form(chat, coach)
    [(field_name, label, initial)] = [(f.name, f.label, f.initial) for f in form.fields]
    assert (label, initial) == ("Ms Park (student teacher)", "leave")
    [saved] = await chat.submit("coffee.guests", {field_name: "invite"}, context=form.context,
                                as_=coach)
    assert saved.text == "1 guest will be invited from the next invitations on."
    await run(runtime, clock, week(1))
    [(_, invitation)] = outbox.received(PARK, INVITE)
    assert "Wed 16 Dec" in invitation.text

    form = await guests_form(chat, coach)
    assert form.fields[0].initial == "invite"  # the form shows the choice as it stands
    [left] = await chat.submit("coffee.guests", {field_name: "leave"}, context=form.context,
                               as_=coach)
    assert left.text == "Guests are left out of this series."
    await run(runtime, clock, week(2))
    assert len(outbox.received(PARK, INVITE)) == 1


async def test_a_cohort_without_guests_says_so(
        chat: ConsoleChat, clock: FakeClock, coach: Person, schools: dict[str, int],
        lincoln_staff: list[Person]) -> None:
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    await chat.say("/coffee", as_=coach)
    [reply] = await chat.click("Guests…", as_=coach)
    assert reply.text == f"{LINCOLN} has no guests: everyone in it is invited."


async def test_teachers_cannot_add_guests(
        chat: ConsoleChat, clock: FakeClock, coach: Person, teacher: Person,
        schools: dict[str, int], lincoln_staff: list[Person]) -> None:
    clock.current = TUESDAY
    await set_up(chat, coach, schools["lincoln"])
    [refused] = await chat.submit("coffee.guests", {"1": "invite"}, context="1", as_=teacher)
    assert refused.text == "Sorry, only coaches and admins can do that."
