"""Pilots: starting one (and what is refused), the anonymity of its waves, the observation
calendar, check-ins, who sees what, and the coach's decision."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Form, Reply
from bot.features.pilots.models import CheckinRow, ObservationRow, PilotRow
from bot.features.tools.models import ToolRow
from bot.people.models import PersonRow
from bot.privacy import delete_person
from bot.vocabulary import Person
from tests.bot.features.conftest import (
    Staff,
    TimedMessenger,
    advance,
    button,
    in_prep,
    local,
)
from tests.bot.features.pilots.conftest import AGREE, LOW, PILOT, at, end_of_pilot, start
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock


async def pilot_row(runtime: Runtime) -> PilotRow:
    async with runtime.sessions() as session:
        return (await session.execute(select(PilotRow))).scalar_one()


async def observations(runtime: Runtime) -> list[ObservationRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(ObservationRow).order_by(
            ObservationRow.starts_at))).scalars())


async def test_what_a_start_refuses_changes_nothing(chat: ConsoleChat, runtime: Runtime,
                                                    staff: Staff) -> None:
    coach = staff.coach
    [unknown] = await chat.say(PILOT, as_=coach)
    assert unknown.text.startswith("Blooket isn't in the tool register yet. `/tools add")
    await chat.say("/tools add Blooket", as_=coach)
    for words, said in (
            ("/pilot start Blooket with @Ms Rivera @Nobody Here", "I don't know 'Nobody Here'"),
            ("/pilot start Blooket with @Ms Rivera for 9 weeks", "2 to 8 weeks"),
            ("/pilot start Blooket", "Which tool, and which teachers?"),
            ("/pilot start Blooket with @Mr Okafor", "Which teachers?")):
        [reply] = await chat.say(words, as_=coach)
        assert said in reply.text, words
    async with runtime.sessions() as session:
        assert (await session.execute(select(PilotRow))).first() is None
        assert (await session.execute(select(ToolRow.status))).scalar_one() == "evaluating"
    [teacher] = await chat.say(PILOT, as_=staff.rivera)
    assert teacher.text.startswith("Only coaches start pilots")


async def test_below_the_threshold_no_buy_in_is_shown_and_the_report_says_why(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await start(chat, staff)  # pulse_min_responses stays at 5: three teachers never show
    await advance(runtime, clock, at("2026-11-30", 15))
    for person in staff.teachers:
        _, form = timed.forms(person, "pulse.answer")[-1]
        await chat.submit(form.form_id, likert(*AGREE), form.context, as_=person)
    [interim] = await chat.say("/pilot report Blooket", as_=staff.coach)
    assert ("Before (wave 1): not shown, 0 released of 3 asked (figures show from 5 answers, "
            "for anonymity)") in render(interim)
    await advance(runtime, clock, at("2026-12-07", 9))  # wave 1 closed on Friday
    [later] = await chat.say("/pilot report Blooket", as_=staff.coach)
    assert "for anonymity; 3 held back at the close" in render(later)
    assert "%" not in render(later).split("Error log")[0].split("Buy-in")[1]


async def test_a_later_answer_changes_nothing_a_coach_can_see_until_a_whole_release(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    extra = [Person(platform="console", user_id=f"t{n}", display_name=f"Teacher {n}")
             for n in range(4, 7)]
    for person in extra:
        await chat.say("/prepbot school Lincoln Elementary", as_=person)
    await start(chat, staff, PILOT.replace(" for 4", " @Teacher 4 @Teacher 5 @Teacher 6 for 4"))
    await advance(runtime, clock, at("2026-11-30", 16))
    cohort = [*staff.teachers, *extra]
    for person in cohort[:5]:
        _, form = timed.forms(person, "pulse.answer")[-1]
        await chat.submit(form.form_id, likert(*AGREE), form.context, as_=person)
    [five] = await chat.say("/pilot report Blooket", as_=staff.coach)
    _, form = timed.forms(cohort[5], "pulse.answer")[-1]
    await chat.submit(form.form_id, likert((1, 1), (1, 1), (1, 1)), form.context,
                      as_=cohort[5])
    [six] = await chat.say("/pilot report Blooket", as_=staff.coach)
    line = "Before (wave 1): 100% agree they'll keep using it, meets the 85% target"
    assert line in render(five) and line in render(six)


async def test_two_observations_a_week_in_the_coachs_free_time_outside_prep_periods(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    diaz = staff.teachers[2]
    await chat.say("/prepbot prep 8:30-9:15 mon-fri", as_=diaz)
    await chat.say("/cycle start @Dr Diaz", as_=staff.coach)  # the coach: Tue 08:30-09:15
    await start(chat, staff)
    slots = await observations(runtime)
    assert len(slots) == 8
    weeks = [s.week for s in slots]
    assert weeks == sorted(weeks) and all(weeks.count(w) == 2 for w in range(1, 5))
    # 08:30 on Tuesday is the coach's goal-setting conference with Dr Diaz.
    assert local(slots[0].starts_at).strftime("%a %H:%M") == "Tue 09:30"
    people = {p.user_id: p for p in staff.teachers}
    async with runtime.sessions() as session:
        names = {r.id: r.user_id for r in (await session.execute(select(PersonRow))).scalars()}
    for slot in slots:  # while each teacher teaches: never in their prep period
        teacher = people[names[slot.person_id]]
        if teacher.user_id != "diaz":  # her prep period moved to 8:30 above
            assert not in_prep(teacher, slot.starts_at) and not in_prep(
                teacher, slot.ends_at - timedelta(minutes=1))


async def test_another_time_moves_a_slot_and_tells_the_coach(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await start(chat, staff)
    await advance(runtime, clock, at("2026-11-30", 11))
    [(sent, notice)] = timed.received(staff.rivera, "will visit your class")
    assert in_prep(staff.rivera, sent) and "Tuesday 1 December at 08:30" in notice.text
    [moved] = await chat.press(button(notice, "Another time"), as_=staff.rivera)
    assert moved.text == "Moved: the observation is now Wednesday 2 December at 09:30."
    assert timed.received(staff.coach, "observation moved to Wednesday 2 December at 09:30")
    await advance(runtime, clock, at("2026-12-02", 12))
    visits = [r.text for _, r in timed.received(staff.coach, "Observation ")]
    assert not any("Tuesday 1 December" in v for v in visits)  # the old slot's was withdrawn
    assert any("Wednesday 2 December at 09:30: Ms Rivera" in v for v in visits)


async def test_teachers_see_their_own_pilots_and_check_ins_are_masked(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await start(chat, staff, "/pilot start Blooket with @Ms Rivera for 4 weeks")
    [mine] = await chat.say("/pilot", as_=staff.rivera)
    assert "Blooket: Monday 30 November to Sunday 27 December, week 1 of 4" in render(mine)
    [none] = await chat.say("/pilot", as_=staff.teachers[1])
    assert none.text == "You aren't in a tool pilot right now."
    [refused] = await chat.say("/pilot report Blooket", as_=staff.rivera)
    assert "only for coaches" in refused.text
    await advance(runtime, clock, at("2026-12-04", 12))
    [(_, checkin)] = timed.received(staff.rivera, "anything break this week?")
    form = next(b for b in checkin.blocks if hasattr(b, "form_id"))
    [thanks] = await chat.submit(form.form_id, {"text": "Jaden Smith's Chromebook froze"},
                                 form.context, as_=staff.rivera)
    assert "hid" in thanks.text
    async with runtime.sessions() as session:
        [line] = (await session.execute(select(CheckinRow.text))).scalars().all()
    assert "Jaden" not in line and "[name]" in line
    for week in ("0", "5", "99"):  # a four-week pilot: a form with another week is forged
        [forged] = await chat.submit(form.form_id, {"text": "fine"},
                                     form.context.rpartition(":")[0] + ":" + week,
                                     as_=staff.rivera)
        assert forged.text == "That check-in isn't one of yours."
    async with runtime.sessions() as session:
        assert len((await session.execute(select(CheckinRow))).scalars().all()) == 1


async def note_first_visit(chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
                           timed: TimedMessenger, values: dict[str, str]) -> Reply:
    """The Blooket pilot; on its first visit's evening the coach saves this note of it."""
    await start(chat, staff)
    await advance(runtime, clock, at("2026-12-01", 18))
    [(_, visit)] = timed.received(staff.coach, "Observation Tuesday 1 December")
    [note_form] = await chat.press(button(visit, "Add my note"), as_=staff.coach)
    form = next(b for b in note_form.blocks if isinstance(b, Form))
    [saved] = await chat.submit(form.form_id, values, form.context, as_=staff.coach)
    return saved


async def test_an_observations_note_and_time_on_task_are_both_masked(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 46): the note was masked, "intervals on task" kept as typed, and
    # printed in the pilot report.
    saved = await note_first_visit(chat, runtime, clock, staff, timed, {
        "note": "Jaden Wilks lost his work when it froze",
        "on_task": "6 of 9, Jaden Wilks 448812 off"})

    assert "hid 2 names and an id number" in saved.text
    [report] = await chat.say("/pilot report Blooket", as_=staff.coach)
    assert "6 of 9" in render(report)
    async with runtime.sessions() as session:
        [(note, on_task)] = (await session.execute(select(
            ObservationRow.note, ObservationRow.on_task).where(
                ObservationRow.status == "done"))).all()
    for kept in (note, on_task, render(report)):
        assert "Jaden" not in kept and "448812" not in kept


async def test_a_noted_observation_keeps_its_time_and_the_erase_takes_all_its_words(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 49): "Another time" on her notice moved an observation the coach had
    # noted, and her erase left "intervals on task" (words the coach typed) as written.
    await note_first_visit(chat, runtime, clock, staff, timed,
                           {"note": "students engaged", "on_task": "Ms Rivera 3 of 9"})
    [(_, notice)] = timed.received(staff.rivera, "will visit your class")
    [refused] = await chat.press(button(notice, "Another time"), as_=staff.rivera)
    assert refused.text == "That observation is done already."
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    async with runtime.sessions() as session:
        [(note, on_task, starts)] = (await session.execute(select(
            ObservationRow.note, ObservationRow.on_task, ObservationRow.starts_at).where(
                ObservationRow.status == "done"))).all()
    assert (note, on_task) == ("", "") and local(starts).strftime("%a %H:%M") == "Tue 08:30"


async def test_an_erased_teachers_observations_still_to_come_are_called_off(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 52): erased on the pilot's first day, her class kept being visited:
    # "Observation Tuesday 1 December at 08:30: 's class using Blooket", buttons and all.
    await start(chat, staff)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    await advance(runtime, clock, at("2026-12-14", 9))
    visits = [reply.text for _, reply in timed.received(staff.coach, "Observation ")]
    assert visits and all("Mr Chen's class" in v or "Dr Diaz's class" in v for v in visits)
    [report] = await chat.say("/pilot report Blooket", as_=staff.coach)
    assert "Observations: 0 of 5 noted" in render(report)  # hers (3 of 8) called off


async def test_a_note_form_left_open_writes_nothing_of_a_teacher_erased_meanwhile(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 52): the called-off observation was marked done again, with a note
    # about her class, and counted in the report.
    await start(chat, staff)
    await advance(runtime, clock, at("2026-12-01", 18))
    [(_, visit)] = timed.received(staff.coach, "Observation Tuesday 1 December")
    [opened] = await chat.press(button(visit, "Add my note"), as_=staff.coach)
    form = next(b for b in opened.blocks if isinstance(b, Form))
    async with runtime.sessions() as session:
        row = await session.get(ObservationRow, int(form.context))
        teacher = await session.get(PersonRow, row.person_id) if row else None
    async with runtime.sessions() as session, session.begin():
        assert teacher is not None
        await delete_person(session, runtime.bot.privacy, "console", teacher.user_id)
    [refused] = await chat.submit(form.form_id, {"note": "on task all period",
                                                 "on_task": "8 of 9"}, form.context,
                                  as_=staff.coach)
    assert refused.text == "That observation slot no longer exists."
    async with runtime.sessions() as session:
        row = await session.get(ObservationRow, int(form.context))
        assert row is not None and (row.status, row.note) == ("cancelled", "")


async def test_extending_adds_two_weeks_with_check_ins_observations_and_a_new_post_survey(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await end_of_pilot(chat, runtime, clock, staff, timed, [AGREE, AGREE, LOW])
    [(_, report)] = timed.received(staff.coach, "Blooket pilot report")
    assert "Recommendation: extend" in render(report)
    assert button(report, "Extend two weeks").style == "primary"
    [extended] = await chat.press(button(report, "Extend two weeks"), as_=staff.coach)
    assert "two more weeks, to Sunday 27 December" in extended.text
    pilot = await pilot_row(runtime)
    assert (pilot.status, pilot.post_survey_id) == ("running", None)
    assert len(await observations(runtime)) == 8
    await advance(runtime, clock, at("2026-12-21", 15))
    for person in staff.teachers:  # the new last week's post survey, in their prep period
        sent, _ = timed.forms(person, "pulse.answer")[-1]
        assert local(sent).date().isoformat() == "2026-12-21" and in_prep(person, sent)
    [again] = await chat.press(button(report, "Adopt"), as_=staff.coach)
    assert again.text == ("The Blooket pilot was extended to Sunday 27 December; its new "
                          "report comes then, with the buttons to decide.")


async def test_dropping_tells_those_who_asked_why(chat: ConsoleChat, runtime: Runtime,
                                                  clock: FakeClock, staff: Staff,
                                                  timed: TimedMessenger) -> None:
    await end_of_pilot(chat, runtime, clock, staff, timed, [LOW, LOW, LOW])
    [(_, report)] = timed.received(staff.coach, "Blooket pilot report")
    assert "Recommendation: drop: buy-in 0% is far below the 85% target" in render(report)
    await chat.press(button(report, "Drop"), as_=staff.coach)
    await advance(runtime, clock, at("2026-12-15", 15))
    [(_, told)] = timed.received(staff.teachers[2], "which you asked for, isn't approved")
    assert "after its pilot (your coach can tell you more)" in told.text
    assert "0%" not in told.text  # a wave's figure is its coach's
    [mine] = await chat.say("/pilot", as_=staff.coach)
    assert "decided: drop" in render(mine)


async def test_a_check_in_opens_on_its_week_and_counts_in_that_weeks_digest(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # A red team's (stop 57): a forged form filed a week not begun, and last week's digest
    # counted this week's check-ins.
    await start(chat, staff, "/pilot start Blooket with @Ms Rivera for 4 weeks")
    await advance(runtime, clock, at("2026-12-04", 12))
    [(_, first)] = timed.received(staff.rivera, "anything break this week?")
    form = next(b for b in first.blocks if isinstance(b, Form))
    next_week = form.context.rpartition(":")[0] + ":2"
    [early] = await chat.submit(form.form_id, {"text": "fine"}, next_week, as_=staff.rivera)
    assert early.text == "That week's check-in isn't open yet: it comes on its Friday."
    await advance(runtime, clock, at("2026-12-11", 12))
    [thanks] = await chat.submit(form.form_id, {"text": "froze twice"}, next_week,
                                 as_=staff.rivera)
    assert thanks.text.startswith("Thanks!")
    clock.current += timedelta(minutes=5)

    [last_week] = await chat.say("/digest last week", as_=staff.coach)
    [this_week] = await chat.say("/digest", as_=staff.coach)

    assert "0 check-ins" in render(last_week), render(last_week)
    assert "1 check-in" in render(this_week), render(this_week)


async def test_last_weeks_digest_tells_the_pilots_week_as_it_was_then(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff) -> None:
    await start(chat, staff, "/pilot start Blooket with @Ms Rivera for 4 weeks")
    await advance(runtime, clock, at("2026-12-11", 12))

    [last_week] = await chat.say("/digest last week", as_=staff.coach)
    [this_week] = await chat.say("/digest", as_=staff.coach)

    assert "Blooket: week 1 of 4" in render(last_week), render(last_week)
    assert "Blooket: week 2 of 4" in render(this_week), render(this_week)


async def test_last_weeks_digest_keeps_a_pilot_decided_since(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    await end_of_pilot(chat, runtime, clock, staff, timed, [LOW, LOW, LOW])
    [(_, report)] = timed.received(staff.coach, "Blooket pilot report")
    await chat.press(button(report, "Drop"), as_=staff.coach)  # Monday 14 December
    clock.current += timedelta(minutes=5)

    [last_week] = await chat.say("/digest last week", as_=staff.coach)  # 7 to 13 December
    [this_week] = await chat.say("/digest", as_=staff.coach)

    assert "Blooket: week 2 of 2" in render(last_week), render(last_week)
    assert "• Blooket:" not in render(this_week), render(this_week)  # its wave stays
