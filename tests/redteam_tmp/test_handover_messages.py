"""Red team T: a handover and the leaving coach's messages still to come.

The promise (docs/first-run.md, docs/reliability.md stop 50): `/prepbot handover` gives a
leaving coach's open cycles, pilots, tools and open pulse surveys to another coach, "and its
messages still to come"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Button, Buttons
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.features.pilots.models import ObservationRow
from bot.features.tools.models import ToolRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.conftest import Staff, TimedMessenger, advance
from tests.bot.features.pilots.conftest import AGREE, LOW, PILOT, at, end_of_pilot, start
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock

PARK = Person(platform="console", user_id="park", display_name="Ms Park")


async def test_a_tools_review_planned_before_the_handover_reaches_the_new_owner(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    """Promise: the tools a leaving coach owns go to the new coach with their messages still
    to come ("their reviews, their cards", `tools.service.hand_over`).
    Attack: Seesaw, adopted a semester ago by Mr Okafor, is used by 3 of its 20 teachers; in
    the night the register flags it and plans the owner's review for school hours; before
    the school day Okafor is made a teacher again and the admin hands his work to Ms Park.
    Observed: the tool is Ms Park's, but its review was planned to Okafor and is left there:
    withheld at sending (he is no longer staff), and the flag is never raised again, so
    nobody is ever asked to retire or keep it (with Okafor still a coach, he gets it, not
    her)."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/tools add Seesaw", as_=staff.coach)
    await chat.say("/tools status Seesaw adopted", as_=staff.coach)
    await chat.say("/tools use Seesaw 3 of 20", as_=staff.coach)
    async with runtime.sessions() as session, session.begin():
        tool = (await session.execute(select(ToolRow))).scalar_one()
        tool.adopted_on = clock.current.date() - timedelta(days=130)

    clock.current = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # 03:00 in New York
    await runtime.dispatcher.tick()  # the register flags it; the review waits for the day
    assert not timed.received(staff.coach, "Seesaw")
    async with runtime.sessions() as session:
        waiting = (await session.execute(select(DeliveryRow.status).where(
            DeliveryRow.job == "tools.review"))).scalars().all()
    assert waiting == ["pending"]  # planned to Okafor, the owner at the time
    await runtime.bot.grant(staff.coach, Role.TEACHER)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    assert "1 tool" in told.text
    await advance(runtime, clock, datetime(2026, 12, 1, 17, 0, tzinfo=UTC))  # noon
    assert timed.received(PARK, "Seesaw"), "the new owner never hears of the review"


KIM = Person(platform="console", user_id="kim", display_name="Ms Kim")


async def test_a_handed_over_cycle_never_double_books_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    """Promise (coach-guide.md, Coaching cycles): each step is planned in the teacher's prep
    period "when you are free", at a time nothing else holds the coach (observations, other
    cycles' steps, coffees); the handover gives the cycles "with the reminders of the steps
    still to come".
    Attack: Ms Rivera and Ms Kim share a prep period (10:15-11:00, as a grade team does).
    Mr Okafor starts a cycle with Rivera, Ms Park one with Kim: each coach is free, so both
    plans take the same slots. The admin hands Okafor's work to Park.
    Observed: Park now has two coaching-cycle steps at the very same time, every week (the
    handover moves the cycle without looking at her calendar, nor telling anyone)."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/prepbot school Lincoln Elementary", as_=PARK)
    await chat.say("/prepbot school Lincoln Elementary", as_=KIM)
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=KIM)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await chat.say("/cycle start @Ms Kim", as_=PARK)
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)

    async with runtime.sessions() as session:
        park = (await session.execute(select(PersonRow.id).where(
            PersonRow.user_id == "park"))).scalar_one()
        steps = (await session.execute(select(CycleStepRow.starts_at, CycleStepRow.ends_at)
                                       .join(CycleRow, CycleRow.id == CycleStepRow.cycle_id)
                                       .where(CycleRow.coach_id == park)
                                       .order_by(CycleStepRow.starts_at))).all()
    assert len(steps) == 8  # both cycles are hers
    clashes = [(a, b) for a, b in pairwise(steps) if b[0] < a[1]]
    assert not clashes, f"Ms Park is booked twice at once: {clashes}"


async def test_the_leaving_coachs_record_keeps_the_work_she_did(
        chat: ConsoleChat, runtime: Runtime, staff: Staff) -> None:
    """Promise (coach-guide.md, Your record): `/portfolio` shows a coach's pilots and coaching
    cycles of the school year, "for budget season, when a coach has to show impact"; a
    handover gives the open work to another coach so it is not left with no one.
    Attack: Mr Okafor runs a pilot and a cycle with Ms Rivera (its first step done), then
    moves to another school's work, still a coach; the admin hands his open work to Ms Park.
    Observed: Okafor's record loses the pilot and the cycle he ran, and Ms Park's counts
    them, with the step he did, as hers: the record follows `coach_id`, which the handover
    overwrote."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/tools add Blooket", as_=staff.coach)
    await chat.say("/pilot start Blooket with @Mr Chen @Dr Diaz for 4 weeks", as_=staff.coach)
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await chat.say("/cycle done @Ms Rivera", as_=staff.coach)
    [before] = await chat.say("/portfolio", as_=staff.coach)
    assert "1 coaching cycle, 1 pilot" in render(before), render(before)

    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    [after] = await chat.say("/portfolio", as_=staff.coach)
    [hers] = await chat.say("/portfolio", as_=PARK)
    assert "1 coaching cycle, 1 pilot" in render(after), (render(after), render(hers))


async def test_a_handed_over_pilots_post_survey_still_compares_with_its_pre_survey(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    """Promise (coach-guide.md, Pilots): the pre survey is TAM wave 1 and the post survey
    "wave 2, the same statements", so the post survey shows the change; the handover gives
    the pilot under way to the new coach.
    Attack: a two-week Blooket pilot (N = 3); its three teachers answer the pre survey, which
    closes at the end of week 1; on Saturday the admin hands Okafor's work to Ms Park; the
    post survey opens on Monday and the three answer it.
    Observed: the post survey is launched as Park's "wave 1" with no link to the pre survey
    (`pulse.service.latest_wave` looks only for Park's waves), so `/pulse results blooket`
    shows no change since the pre survey, and the tool's quarterly pulses start a new chain."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await chat.say("/prepbot settings pulse_min_responses 3", as_=staff.admin)
    await start(chat, staff, PILOT.replace(" for 4 weeks", " for 2 weeks"))
    await advance(runtime, clock, at("2026-11-30", 15))
    for person, points in zip(staff.teachers, (AGREE, LOW, AGREE), strict=True):
        _, form = timed.forms(person, "pulse.answer")[-1]
        await chat.submit(form.form_id, likert(*points), form.context, as_=person)
    await advance(runtime, clock, at("2026-12-05", 10))
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    await advance(runtime, clock, at("2026-12-07", 15))
    for person, points in zip(staff.teachers, (AGREE, AGREE, AGREE), strict=True):
        _, form = timed.forms(person, "pulse.answer")[-1]
        await chat.submit(form.form_id, likert(*points), form.context, as_=person)
    [results] = await chat.say("/pulse results blooket", as_=PARK)
    assert "since wave 1" in render(results), render(results)


async def test_a_visit_made_before_the_handover_can_still_be_noted(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    """Promise (coach-guide.md, Pilots): on the day of each observation the coach gets the
    slot "with **Add my note** (what you saw, and time on task)"; the notes go into the
    report; the handover gives the pilot "and the coach's messages still to come".
    Attack: Mr Okafor observes his first slot and gets its visit message; before he writes
    his note, the admin hands his work to Ms Park; he presses "Add my note".
    Observed: "Only the coach who runs this pilot (or an admin) can do that."; Park got no
    visit message for that slot (the handover re-plans visits only for slots still ahead,
    and this one's window has passed), so the observation that took place can be noted by
    nobody: it stays "planned" and the report counts it as not observed."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await start(chat, staff)
    visits: list[Button] = []
    while not visits and clock.current < at("2026-12-05", 0):
        await advance(runtime, clock, clock.current + timedelta(hours=1))
        visits = [b for _, reply in timed.received(staff.coach) for block in reply.blocks
                  if isinstance(block, Buttons) for b in block.buttons
                  if b.action_id == "pilots.observed"]
    assert visits, "no visit in the first week"
    await advance(runtime, clock, clock.current + timedelta(hours=3))  # the slot is over
    await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    await advance(runtime, clock, clock.current + timedelta(hours=1))
    parks = [b for _, reply in timed.received(PARK) for block in reply.blocks
             if isinstance(block, Buttons) for b in block.buttons if b.value == visits[0].value]
    said = await chat.press(visits[0], as_=staff.coach)
    async with runtime.sessions() as session:
        slot = await session.get(ObservationRow, int(visits[0].value))
        assert slot is not None and slot.status == "planned"  # and so it stays
    assert parks or "Only the coach" not in said[0].text, said[0].text


async def test_a_pilot_awaiting_its_decision_reaches_the_new_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    """Promise (coach-guide.md, Pilots): "the day after the pilot ends it reaches you with
    the decision buttons"; the handover gives "pilots under way" (running or reporting) to
    the new coach, with "a report not yet sent" (pilots/handover.py).
    Attack: a two-week pilot ends; its report reaches Mr Okafor with Adopt / Extend / Drop;
    before he decides, he is made a teacher again and the admin hands his work to Ms Park.
    Observed: the pilot (status "reporting") is Park's, but she never receives the report or
    its buttons (only a report not yet sent is re-planned), nobody tells her she has a
    decision to make, and Okafor's buttons are refused: the decision waits on no one."""
    await chat.say("hello", as_=PARK)
    await runtime.bot.grant(PARK, Role.COACH)
    await end_of_pilot(chat, runtime, clock, staff, timed, [AGREE, AGREE, AGREE])
    assert timed.received(staff.coach, "Blooket pilot report")
    await runtime.bot.grant(staff.coach, Role.TEACHER)
    [told] = await chat.say("/prepbot handover @Mr Okafor @Ms Park", as_=staff.admin)
    assert "1 pilot" in told.text
    await advance(runtime, clock, clock.current + timedelta(days=2))
    assert timed.received(PARK, "Blooket pilot report"), "the new coach never hears of it"
