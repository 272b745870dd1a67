"""Coaching cycles: one at a time per teacher, steps that keep their order when one moves,
a teacher with no prep period, calling a cycle off, the digest's counts, erasing a teacher."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.cycles.models import CycleRow, CycleStepRow
from bot.privacy import delete_person
from bot.vocabulary import Person
from tests.bot.features.conftest import NEW_YORK, Staff, TimedMessenger, advance, local
from tests.support.clock import FakeClock


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


def step_lines(reply_text: str) -> list[str]:
    """The plan's step lines."""
    return [line for line in reply_text.splitlines() if line.startswith("• ")]


async def test_one_cycle_at_a_time_per_teacher(chat: ConsoleChat, runtime: Runtime,
                                               staff: Staff) -> None:
    [first] = await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    [again] = await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    assert step_lines(render(first)) == step_lines(render(again))
    async with runtime.sessions() as session:
        assert len((await session.execute(select(CycleRow))).scalars().all()) == 1
    [two] = await chat.say("/cycle start @Ms Rivera @Mr Chen", as_=staff.coach)
    assert "one teacher" in two.text
    [teacher] = await chat.say("/cycle start @Mr Chen", as_=staff.rivera)
    assert "Only coaches plan coaching cycles" in teacher.text


async def test_moving_a_step_past_the_next_moves_the_next_too(
        chat: ConsoleChat, staff: Staff) -> None:
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    [moved] = await chat.say("/cycle reschedule @Ms Rivera step 3 to 2026-12-22",
                             as_=staff.coach)
    assert moved.text == "Moved: step 3 is now Tuesday 22 December at 10:15."
    [plan] = await chat.say("/cycle", as_=staff.coach)
    assert step_lines(render(plan))[2:] == [
        "• 3. Co-teaching: Tuesday 22 December at 10:15",
        "• 4. Reflective debrief: Wednesday 23 December at 10:15"]
    [bad] = await chat.say("/cycle reschedule @Ms Rivera to 2026-13-40", as_=staff.coach)
    assert bad.text == "A date like 2027-03-10, please."


async def test_a_teacher_with_no_prep_period_meets_at_the_end_of_the_school_day(
        chat: ConsoleChat, staff: Staff) -> None:
    await chat.say("/prepbot prep off", as_=staff.rivera)
    [planned] = await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    assert step_lines(render(planned))[0] == ("• 1. Goal-setting conference: Tuesday 1 December "
                                              "at 14:50")


async def test_the_coachs_other_bookings_push_a_step_to_another_day(
        chat: ConsoleChat, staff: Staff) -> None:
    chen = staff.teachers[1]
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=chen)  # the same as Ms Rivera
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    [planned] = await chat.say("/cycle start @Mr Chen", as_=staff.coach)
    assert step_lines(render(planned))[0] == ("• 1. Goal-setting conference: Wednesday 2 "
                                              "December at 10:15")


async def test_calling_a_cycle_off_withdraws_its_messages(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    [off] = await chat.say("/cycle cancel @Ms Rivera", as_=staff.coach)
    assert off.text == "The cycle with Ms Rivera is cancelled."
    await advance(runtime, clock, at("2026-12-03", 12))
    assert timed.received(staff.rivera, "called off your coaching cycle")
    assert not timed.received(staff.rivera, "Coaching cycle, step")
    assert not timed.received(staff.coach, "step 1 of 4")


async def test_the_digest_counts_cycles_at_each_step(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await chat.say("/cycle start @Mr Chen", as_=staff.coach)
    await chat.say("/cycle done @Mr Chen", as_=staff.coach)
    [digest] = await chat.say("/digest", as_=staff.coach)
    shown = render(digest)
    assert "Coaching cycles" in shown
    assert "Goal-setting conference: 1" in shown and "Model lesson: 1" in shown
    assert "Completed this period: 0" in shown


async def test_erasing_a_teacher_blanks_what_they_told_their_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    rivera = staff.rivera
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    await advance(runtime, clock, at("2026-11-30", 11))
    [(sent, prompt)] = timed.received(rivera, "step 1 of 4")
    assert local(sent).strftime("%H:%M") == "10:15"
    form = next(b for b in prompt.blocks if hasattr(b, "form_id"))
    await chat.submit(form.form_id, {"goal": "Exit tickets daily", "target": "Explain it"},
                      form.context, as_=rivera)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    async with runtime.sessions() as session:
        cycle = (await session.execute(select(CycleRow))).scalar_one()
        steps = (await session.execute(select(CycleStepRow))).scalars().all()
    assert (cycle.goal, cycle.target) == ("", "") and all(s.answers == {} for s in steps)
    assert len(steps) == 4


async def test_a_teacher_sees_only_their_own_cycle(chat: ConsoleChat, staff: Staff) -> None:
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    [mine] = await chat.say("/cycle", as_=staff.rivera)
    assert "With Ms Rivera: planned" in render(mine)
    [none] = await chat.say("/cycle", as_=Person(platform="console", user_id="chen",
                                                 display_name="Mr Chen"))
    assert none.text.startswith("You have no coaching cycle")


async def test_a_step_keeps_only_its_prompts_fields(
        chat: ConsoleChat, runtime: Runtime, staff: Staff, timed: TimedMessenger) -> None:
    # A red team's (stop 47): a forged field's name ("Jaden Wilks ID 4412345") was kept with
    # the step and relayed to the coach as typed; only the values were masked.
    await chat.say("/cycle start @Ms Rivera", as_=staff.coach)
    async with runtime.sessions() as session:
        step = (await session.execute(select(CycleStepRow).order_by(CycleStepRow.step))
                ).scalars().first()
    assert step is not None
    await chat.submit("cycles.step", {"goal": "exit tickets daily",
                                      "Jaden Wilks ID 4412345": "see above"},
                      str(step.id), as_=staff.rivera)
    async with runtime.sessions() as session:
        kept = await session.get(CycleStepRow, step.id)
    told = " ".join(render(r) for _, who, r in timed.sent if who == staff.coach.user_id)
    assert kept is not None and kept.answers == {"goal": "exit tickets daily"}
    assert "4412345" not in told and "goal: exit tickets daily" in told
