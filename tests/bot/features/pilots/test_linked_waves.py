"""A tool's card shows a pulse wave's buy-in only for a wave about that tool, linked by the
coach who runs it (or an admin): a wave's figures are its coach's to show."""

from __future__ import annotations

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.pilots.models import PilotRow
from bot.features.tools.models import ToolLinkRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, TimedMessenger, advance
from tests.bot.features.pilots.conftest import AGREE, at, start
from tests.bot.features.pulse.conftest import likert
from tests.bot.features.tools.test_register import tool
from tests.support.clock import FakeClock


async def released_wave(chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
                        timed: TimedMessenger) -> int:
    """Mr Okafor's Blooket pilot, its first wave answered and released; its survey's id."""
    await chat.say("/prepbot settings pulse_min_responses 3", as_=staff.admin)
    await start(chat, staff)
    await advance(runtime, clock, at("2026-11-30", 15))
    for person in staff.teachers:
        _, form = timed.forms(person, "pulse.answer")[-1]
        await chat.submit(form.form_id, likert(*AGREE), form.context, as_=person)
    async with runtime.sessions() as session:
        survey = (await session.execute(select(PilotRow.pre_survey_id))).scalar_one()
    assert survey is not None
    return survey


async def links_of(runtime: Runtime) -> list[tuple[int, str, str]]:
    async with runtime.sessions() as session:
        rows = await session.execute(select(ToolLinkRow.tool_id, ToolLinkRow.kind,
                                            ToolLinkRow.ref).order_by(ToolLinkRow.id))
        return [(tool_id, kind, ref) for tool_id, kind, ref in rows]


async def test_another_coach_cannot_show_a_colleagues_wave_on_a_tool(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 49): `/tools link Kahoot pulse 1` took any survey's number, and the
    # card then showed a colleague's pilot wave ("Last buy-in: 100%"), which `/pulse results`
    # refuses that coach.
    survey = await released_wave(chat, runtime, clock, staff, timed)
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await runtime.bot.grant(park, Role.COACH)
    await chat.say("/tools add Kahoot adopted", as_=park)
    links = await links_of(runtime)
    [refused] = await chat.say(f"/tools link Kahoot pulse {survey}", as_=park)
    [blooket] = await chat.say(f"/tools link Blooket pulse {survey}", as_=park)
    [card] = await chat.say("/tools Kahoot", as_=park)
    assert f"You have no pulse {survey}" in refused.text
    assert f"You have no pulse {survey}" in blooket.text
    assert "Last buy-in" not in render(card)
    assert await links_of(runtime) == links


async def test_a_wave_links_only_to_the_tool_it_asked_about(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    survey = await released_wave(chat, runtime, clock, staff, timed)
    await chat.say("/tools add Kahoot adopted", as_=staff.coach)
    [other] = await chat.say(f"/tools link Kahoot pulse {survey}", as_=staff.coach)
    [own] = await chat.say(f"/tools link Blooket pulse {survey}", as_=staff.coach)
    [card] = await chat.say("/tools Blooket", as_=staff.coach)
    assert f"Pulse {survey} asked about Blooket, not Kahoot." in other.text
    assert own.text == f"Linked pulse {survey} to Blooket."
    assert f"Pulses: #{survey}" in render(card)


async def test_a_link_made_before_links_were_checked_shows_nothing_on_another_tool(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    survey = await released_wave(chat, runtime, clock, staff, timed)
    await chat.say("/tools add Kahoot adopted", as_=staff.coach)
    kahoot = await tool(runtime, "Kahoot")
    async with runtime.sessions() as session, session.begin():
        session.add(ToolLinkRow(tool_id=kahoot.id, kind="pulse", ref=str(survey), at=clock.now()))
    [card] = await chat.say("/tools Kahoot", as_=staff.coach)
    assert "Last buy-in" not in render(card)
