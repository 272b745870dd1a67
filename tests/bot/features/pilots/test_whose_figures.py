"""A pilot's survey figures are its coach's (and the admins'), and nobody who may read them is
asked to answer: the tool's card and digest show another coach none of them, the register's
reason none to the teachers, and neither the coach nor an admin is ever a respondent. A red
team's (stop 50): a coach in her own tool's quarterly pulse, or an admin named in a pilot,
read groups of N holding her own answer; a pilot teacher read her colleagues' answers in
the register's "buy-in 33%"; a colleague coach read the figure on the tool's card."""

from __future__ import annotations

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, TimedMessenger, advance, button
from tests.bot.features.pilots.conftest import AGREE, LOW, at, end_of_pilot
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def adopted_at_67(chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
                        timed: TimedMessenger) -> None:
    """Mr Okafor's pilot of Blooket ends at 67% agreeing, and he adopts it."""
    await end_of_pilot(chat, runtime, clock, staff, timed, [AGREE, AGREE, LOW])
    [(_, report)] = timed.received(staff.coach, "Blooket pilot report")
    assert "67%" in render(report)
    await chat.press(button(report, "Adopt"), as_=staff.coach)


async def test_another_coach_reads_no_figure_on_the_tools_card(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await runtime.bot.grant(PARK, Role.COACH)
    await adopted_at_67(chat, runtime, clock, staff, timed)
    [theirs] = await chat.say("/tools Blooket", as_=PARK)
    [mine] = await chat.say("/tools Blooket", as_=staff.coach)
    [admins] = await chat.say("/tools Blooket", as_=staff.admin)
    assert "67%" not in render(theirs)
    assert "Last buy-in: 67%" in render(mine) and "Last buy-in: 67%" in render(admins)


async def test_the_tools_owner_reads_no_figure_of_a_colleagues_pilot_in_her_digest(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/prepbot school Lincoln Elementary", as_=PARK)
    await chat.say("/tools add Blooket", as_=PARK)  # hers: she owns it
    await adopted_at_67(chat, runtime, clock, staff, timed)
    await advance(runtime, clock, at("2026-12-15", 9))
    digest = " ".join(render(r) for r in await chat.say("/digest", as_=PARK))
    assert "Blooket" in digest and "67%" not in digest


async def test_the_register_tells_teachers_no_figure_of_the_pilot(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await end_of_pilot(chat, runtime, clock, staff, timed, [AGREE, LOW, LOW])
    [(_, report)] = timed.received(staff.coach, "Blooket pilot report")
    await chat.press(button(report, "Drop"), as_=staff.coach)
    [told] = await chat.say("can I use Blooket with my class?", as_=staff.teachers[0])
    assert "after its pilot" in told.text and "33%" not in told.text


async def test_neither_the_coach_nor_an_admin_is_asked_in_a_tools_quarterly_pulse(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await chat.say("/tools add Blooket adopted", as_=staff.coach)
    for person in (staff.coach, staff.admin, *staff.teachers[:2]):
        await chat.say("/tools request Blooket", as_=person)
    clock.current = at("2027-03-01", 6)
    await advance(runtime, clock, at("2027-03-02", 16))
    assert all(timed.forms(teacher, "pulse.answer") for teacher in staff.teachers[:2])
    assert timed.forms(staff.coach, "pulse.answer") == []
    assert timed.forms(staff.admin, "pulse.answer") == []


async def test_an_admin_named_in_a_pilot_is_not_asked_in_its_surveys(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say("/pilot start Blooket with @Ms Rivera @Mr Chen @Ada for 4 weeks",
                   as_=staff.coach)
    await advance(runtime, clock, at("2026-11-30", 15))
    assert all(timed.forms(teacher, "pulse.answer") for teacher in staff.teachers[:2])
    assert timed.forms(staff.admin, "pulse.answer") == []


async def test_a_pilot_is_two_weeks_at_least(chat: ConsoleChat, staff: Staff) -> None:
    # A one-week pilot's survey after closed its survey before, unsent.
    await chat.say("/tools add Blooket", as_=staff.coach)
    [told] = await chat.say("/pilot start Blooket with @Ms Rivera for 1 week", as_=staff.coach)
    assert told.text.startswith("A pilot runs 2 to 8 weeks")


async def test_a_pilot_teacher_made_an_admin_reads_none_of_its_figures(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 51): made an admin after answering, she read the groups holding her
    # own answer on the tool's card, in her digest and in the pilot's report.
    await adopted_at_67(chat, runtime, clock, staff, timed)
    rivera = staff.teachers[0]  # one of the three who answered
    await runtime.bot.grant(rivera, Role.ADMIN)
    [card] = await chat.say("/tools Blooket", as_=rivera)
    assert "Last buy-in" not in render(card)
    [refused] = await chat.say("/pilot report Blooket", as_=rivera)
    assert refused.text.startswith("You were asked to answer this pilot's surveys")
    await advance(runtime, clock, at("2026-12-15", 9))
    digest = " ".join(render(r) for r in await chat.say("/digest", as_=rivera))
    assert "Blooket" in digest and "67%" not in digest
    [admins] = await chat.say("/tools Blooket", as_=staff.admin)  # oversight as before
    assert "Last buy-in: 67%" in render(admins)
