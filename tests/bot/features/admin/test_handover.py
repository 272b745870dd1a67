"""`/prepbot handover`: a leaving coach's open cycles, pilots, tools and pulse surveys go to
another coach, never work in which that coach is one of the teachers (from stop 49's notes:
nothing handed a former coach's cycles and pilots to anyone)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button, Buttons, Form
from bot.errors import BadInput
from bot.features.cycles.models import CycleRow
from bot.features.pilots.models import PilotRow
from bot.features.pulse.models import SurveyRow
from bot.features.tools.models import ToolRow
from bot.people.directory import find_person
from bot.people.models import PersonRow
from bot.privacy import delete_person
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, TimedMessenger, advance, button
from tests.bot.features.pilots.conftest import PILOT, at, start
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")



@pytest.fixture
async def park_coaches(chat: ConsoleChat, runtime: Runtime) -> None:
    """Ms Park has written to prepbot and is a coach: the one work is handed to."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)


async def coaches_of(runtime: Runtime) -> dict[str, set[str]]:
    """Who runs each kind of work, by user id."""
    async with runtime.sessions() as session:
        found: dict[str, set[str]] = {}
        for kind, column in (("cycles", CycleRow.coach_id), ("pilots", PilotRow.coach_id),
                             ("tools", ToolRow.owner_id), ("surveys", SurveyRow.coach_id)):
            for person_id in (await session.execute(select(column))).scalars():
                person = await session.get(PersonRow, person_id) if person_id else None
                found.setdefault(kind, set()).add(person.user_id if person else "")
        return found


@pytest.mark.usefixtures("park_coaches")
async def test_a_leaving_coachs_open_work_goes_to_another_coach(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say("/pilot start Blooket with @Mr Chen @Dr Diaz for 4 weeks", as_=staff.coach)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    assert told.text == ("Ms Park now runs 1 open pulse survey, 1 tool, 1 pilot, and 1 coaching "
                         "cycle that Mr Okafor ran.")  # the pilot's first wave is open
    assert await coaches_of(runtime) == {"cycles": {"park"}, "pilots": {"park"},
                                          "tools": {"park"}, "surveys": {"park"}}
    [cycles] = await chat.say("/cycle", as_=PARK)
    assert "Ms Rivera" in render(cycles)
    # The coach's messages still to come are the new coach's: each step's reminder, each visit.
    async with runtime.sessions() as session:
        waiting = (await session.execute(select(DeliveryRow.job, PersonRow.user_id).join(
            PersonRow, PersonRow.id == DeliveryRow.person_id).where(
            DeliveryRow.job.in_(("cycles.remind", "pilots.visit")),
            DeliveryRow.status == "pending"))).all()
    assert {job for job, _ in waiting} == {"cycles.remind", "pilots.visit"}
    assert {who for _, who in waiting} == {"park"}


async def test_work_in_which_the_new_coach_teaches_stays_where_it_was(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # She would read a report and surveys holding her own answers, or coach herself.
    await chat.say("hello", as_=PARK)
    await chat.say("/cycle start @Ms Park", as_=staff.coach)
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say("/pilot start Blooket with @Ms Park @Mr Chen for 4 weeks", as_=staff.coach)
    await runtime.bot.grant(PARK, Role.COACH)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    # what stayed is named, so the admin hands it on (a red team's, stop 52: it went unsaid)
    assert told.text == ("Ms Park now runs 1 tool that Mr Okafor ran. Staying with Mr Okafor, "
                         "since Ms Park teaches in it or was asked in its surveys: 1 open pulse "
                         "survey, 1 pilot, and 1 coaching cycle. Hand that to another coach.")
    assert (await coaches_of(runtime))["pilots"] == {"okafor"}
    [none] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    assert none.text.startswith("Staying with Mr Okafor, since Ms Park teaches in it")


async def test_only_to_a_coach_and_only_by_an_admin(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    await chat.say("/tools add Blooket", as_=staff.coach)
    [teacher] = await chat.say("/prepbot handover @Mr Okafor @Ms Rivera", as_=staff.admin)
    assert teacher.text.startswith("Ms Rivera isn't a coach")
    [coach] = await chat.say("/prepbot handover @Mr Okafor @Ms Rivera", as_=staff.coach)
    assert "admin" in coach.text
    async with runtime.sessions() as session:
        okafor = await find_person(session, "console", staff.coach.user_id)
        assert okafor is not None
        assert await session.scalar(select(ToolRow.owner_id)) == okafor.id


@pytest.mark.usefixtures("park_coaches")
async def test_a_pilot_report_not_sent_yet_goes_to_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # The report is planned in the night after the pilot ends and waits for school hours.
    await start(chat, staff, PILOT.replace(" for 4 weeks", " for 2 weeks"))
    await advance(runtime, clock, at("2026-12-14", 2))
    assert not timed.received(staff.coach, "Blooket pilot report")
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    await advance(runtime, clock, at("2026-12-14", 9))
    assert timed.received(PARK, "Ada handed you the open work Mr Okafor ran: `/cycle`")
    assert timed.received(PARK, "Blooket pilot report")
    assert not timed.received(staff.coach, "Blooket pilot report")


@pytest.mark.usefixtures("park_coaches")
async def test_a_tools_review_not_sent_yet_goes_to_the_new_owner(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 51): the review flagged in the night stayed planned to the coach who
    # left, was withheld from him (no longer a coach), and the tool was never flagged again.
    await chat.say("/tools add Seesaw", as_=staff.coach)
    await chat.say("/tools status Seesaw adopted", as_=staff.coach)
    await chat.say("/tools use Seesaw 3 of 20", as_=staff.coach)
    async with runtime.sessions() as session, session.begin():
        tool = (await session.execute(select(ToolRow))).scalar_one()
        tool.adopted_on = clock.current.date() - timedelta(days=130)
    clock.current = at("2026-12-01", 2)
    await runtime.dispatcher.tick()  # flagged in the night: the review waits for school hours
    assert not timed.received(staff.coach, "used by 3 of the 20")
    await runtime.bot.grant(staff.coach, Role.TEACHER)
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    await advance(runtime, clock, at("2026-12-01", 10))
    assert timed.received(PARK, "Seesaw is used by 3 of the 20")
    assert not timed.received(staff.coach, "used by 3 of the 20")


@pytest.mark.usefixtures("park_coaches")
async def test_a_pilot_awaiting_its_decision_sends_its_report_to_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 51): the report had reached the coach who left; nobody else heard,
    # and the decision waited on no one.
    await start(chat, staff, PILOT.replace(" for 4 weeks", " for 2 weeks"))
    await advance(runtime, clock, at("2026-12-14", 10))
    assert timed.received(staff.coach, "Blooket pilot report")
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    await advance(runtime, clock, at("2026-12-14", 11))
    [(_, report)] = timed.received(PARK, "Blooket pilot report")
    assert button(report, "Adopt")


@pytest.mark.usefixtures("park_coaches")
async def test_a_visit_made_before_the_handover_is_noted_by_the_coach_who_made_it(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 51): "Add my note" answered "Only the coach who runs this pilot",
    # the new coach never had that slot, and the visit stayed unobserved in the report.
    await start(chat, staff)
    visits: list[Button] = []
    while not visits and clock.current < at("2026-12-05", 0):
        await advance(runtime, clock, clock.current + timedelta(hours=1))
        visits = [b for _, reply in timed.received(staff.coach) for block in reply.blocks
                  if isinstance(block, Buttons) for b in block.buttons
                  if b.action_id == "pilots.observed"]
    await advance(runtime, clock, clock.current + timedelta(hours=3))  # the slot is over
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    [asked] = await chat.press(visits[0], as_=staff.coach)
    [form] = [b for b in asked.blocks if isinstance(b, Form)]
    [noted] = await chat.submit(form.form_id, {"note": "all on task", "on_task": "90%"},
                                form.context, as_=staff.coach)
    assert noted.text.startswith("Observation noted")
    [again] = await chat.press(visits[0], as_=staff.coach)  # noted: the pilot's coach's now
    assert again.text.startswith("Only the coach who runs this pilot")
    [refused] = await chat.press(visits[0], as_=staff.rivera)  # a forged press: as before
    assert "only coaches" in refused.text


@pytest.mark.usefixtures("park_coaches")
async def test_the_admin_is_told_when_the_new_coach_is_now_booked_twice_at_once(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    # A red team's (stop 51): two teachers sharing a prep period, one cycle with each coach;
    # handed over, the new coach held two steps at the same time every week, and nobody knew.
    kim = Person(platform="console", user_id="kim", display_name="Ms Kim")
    await chat.say("/prepbot school Lincoln Elementary", as_=PARK)
    await chat.say("/prepbot school Lincoln Elementary", as_=kim)
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=kim)  # Ms Rivera's too
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await chat.say("/cycle start @Ms Kim", as_=PARK)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    assert told.text.startswith("Ms Park now runs 1 coaching cycle that Mr Okafor ran. Ms Park "
                                "is now booked twice at once on Tue, Dec 1 10:15\u202fAM, ")
    assert "`/cycle reschedule @teacher`" in told.text  # (with no clash, no such line: above)


@pytest.mark.usefixtures("park_coaches")
async def test_an_erase_hands_over_only_to_a_coach_who_can_take_all_of_it_and_tells_her(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 51): handed to a coach who teaches in one of the cycles, the erase
    # went on and left that cycle with a row that names no one; and she was never told.
    await chat.say("/cycle start @Ms Park", as_=staff.coach)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    async with runtime.sessions() as session:
        park = await find_person(session, "console", "park")
    assert park is not None
    with pytest.raises(BadInput, match="can't take 1 coaching cycle: they teach in it"):
        async with runtime.sessions() as session, session.begin():
            await delete_person(session, runtime.bot.privacy, "console", "okafor", park)
    await chat.say("/cycle cancel @Ms Park", as_=staff.coach)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "okafor", park,
                            clock.current)
    await advance(runtime, clock, clock.current + timedelta(minutes=5))
    assert timed.received(PARK, "You were handed the open work of a coach erased")
    assert (await coaches_of(runtime))["cycles"] >= {"park"}
