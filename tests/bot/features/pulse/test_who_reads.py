"""Nobody reads a figure holding an answer they know: not an admin who was asked as a teacher,
not a coach handed a wave chain she answered in; and who was asked outlives the record of
sent messages while the survey is open (a red team's, stop 51); nor, through a later wave's
comparison, a wave she was asked in (a red team's, stop 55)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Fields, Image
from bot.errors import BadInput
from bot.privacy import delete_person
from bot.roles import Role
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Person
from tests.bot.features.conftest import SCHOOL, Staff, TimedMessenger, advance
from tests.bot.features.pilots.conftest import AGREE, LOW, at, start
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.bot.features.pulse.test_results import answered_by
from tests.support.clock import FakeClock


async def test_an_admin_asked_as_a_teacher_reads_none_of_that_surveys_figures(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answered_by(chat, outbox, pilot, 5)  # released: her answer is in the group of five
    await runtime.bot.grant(pilot[0], Role.ADMIN)
    morning.current += timedelta(hours=1)
    [refused] = await chat.say("/pulse results nearpod", as_=pilot[0])
    assert refused.text.startswith("You were asked to answer the Nearpod pulse")
    assert not any(isinstance(b, Fields | Image) for b in refused.blocks)
    [digest] = await chat.say("/digest this week", as_=pilot[0])
    assert "Nearpod wave 1" not in render(digest)
    [overseen] = await chat.say("/digest this week", as_=admin)  # another admin: as before
    assert "Nearpod wave 1" in render(overseen)


async def test_a_handover_gives_no_wave_chain_the_new_coach_answered_in(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    # She answered wave 1, left the channel, was made a coach; wave 2 (she was not asked)
    # would have shown her wave 1's figures as "since wave 1".
    await launch(chat, coach, runtime)
    await answered_by(chat, outbox, pilot, 5)
    await chat.say("/pulse close nearpod", as_=coach)
    outbox.channels["nearpod-pilot"].remove(pilot[0])
    await runtime.bot.grant(pilot[0], Role.COACH)
    await launch(chat, coach, runtime, "Nearpod #nearpod-pilot closes in 4 weeks")
    [told] = await chat.say(f"/prepbot handover @{coach.display_name} @Teacher 1", as_=admin)
    assert told.text.startswith("Staying with Mr Okafor, since Teacher 1 teaches in it or was "
                                "asked in its surveys: 1 open pulse survey.")
    [refused] = await chat.say("/pulse results nearpod", as_=pilot[0])
    assert refused.text.startswith("You have no pulse for nearpod")


async def test_a_handed_over_wave_takes_its_earlier_waves_with_it(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answered_by(chat, outbox, pilot, 5)
    await chat.say("/pulse close nearpod", as_=coach)
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await chat.say("hello", as_=park)
    await runtime.bot.grant(park, Role.COACH)
    await launch(chat, coach, runtime, "Nearpod #nearpod-pilot closes in 4 weeks")
    [told] = await chat.say(f"/prepbot handover @{coach.display_name} @Ms Park", as_=admin)
    assert "1 open pulse survey" in told.text
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        await answer(chat, outbox, person, likert(*points), outbox.forms_to(person)[-1])
    [reply] = await chat.say("/pulse results nearpod", as_=park)
    assert "since wave 1" in render(reply), "the chain is hers now, wave 1 with it"
    [gone] = await chat.say("/pulse results nearpod", as_=coach)
    assert gone.text.startswith("You have no pulse")


async def test_an_invited_teacher_answers_after_the_sent_messages_record_is_forgotten(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    await chat.say("/prepbot settings delivery_retention_days 1", as_=admin)
    await launch(chat, coach, runtime, "Nearpod #nearpod-pilot closes in 2 weeks")
    morning.current += timedelta(days=3)
    await runtime.dispatcher.tick()  # housekeeping runs with every tick
    said = await answer(chat, outbox, pilot[5], likert(*ANSWERS[0]))
    assert "invited" not in " ".join(r.text for r in said)
    assert said[0].text.startswith("Thanks")


async def test_a_coach_whose_surveys_are_all_closed_is_erased_without_a_handover(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # Closed waves are no open work: only what still runs must go to another coach first.
    await launch(chat, coach, runtime)
    await chat.say("/pulse close nearpod", as_=coach)
    async with runtime.sessions() as session, session.begin():
        changed = await delete_person(session, runtime.bot.privacy, "console", coach.user_id)
    assert changed["people"] == 1


async def test_a_coach_with_an_open_survey_is_erased_only_once_it_is_handed_over(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    async with runtime.sessions() as session, session.begin():
        with pytest.raises(BadInput, match="still runs 1 open pulse survey"):
            await delete_person(session, runtime.bot.privacy, "console", coach.user_id)


async def test_an_admin_asked_in_one_survey_still_oversees_another_of_the_same_tool(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 51): the refusal took the latest Nearpod survey, the one she was
    # asked in, and with it her oversight of every other coach's survey of the tool.
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await runtime.bot.grant(park, Role.COACH)
    outbox.channels["other-pilot"] = [pilot[5], park]
    await launch(chat, park, runtime, "Nearpod #other-pilot closes friday")
    await launch(chat, coach, runtime)  # the latest; she answers it
    await answered_by(chat, outbox, pilot, 5)
    await runtime.bot.grant(pilot[0], Role.ADMIN)
    for words in ("/pulse status nearpod", "/pulse results nearpod"):
        [said] = await chat.say(words, as_=pilot[0])
        assert said.text.startswith("Nearpod pulse, wave 1 (#other-pilot)"), words


async def test_who_was_asked_is_forgotten_after_an_early_close_as_after_any(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 51): closed early, a survey kept who had been messaged until its
    # planned close, weeks away, whatever the retention said.
    await chat.say("/prepbot settings delivery_retention_days 1", as_=admin)
    await launch(chat, coach, runtime, "Nearpod #nearpod-pilot closes in 4 weeks")
    await chat.say("/pulse close nearpod", as_=coach)
    morning.current += timedelta(days=3)
    await runtime.dispatcher.tick()
    async with runtime.sessions() as session:
        invites = await session.scalar(select(func.count()).select_from(DeliveryRow).where(
            DeliveryRow.job == "pulse.invite"))
    assert invites == 0


async def test_an_admin_who_answered_wave_1_reads_none_of_it_through_wave_2(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 55): wave 2's "since wave 1" and chart showed wave 1's means, her
    # answer among the five.
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        await answer(chat, outbox, person, likert(*points))
    await chat.say("/pulse close nearpod", as_=coach)
    outbox.channels["nearpod-pilot"].remove(pilot[0])
    await launch(chat, coach, runtime, "Nearpod #nearpod-pilot closes in 4 weeks")
    for person in pilot[1:6]:
        await answer(chat, outbox, person, likert((4, 4), (4, 4), (4, 4)),
                     outbox.forms_to(person)[-1])
    await runtime.bot.grant(pilot[0], Role.ADMIN)
    morning.current += timedelta(hours=1)
    [reply] = await chat.say("/pulse results nearpod", as_=pilot[0])
    shown = render(reply) + " ".join(b.alt for b in reply.blocks if isinstance(b, Image))
    assert "wave 1" not in shown, shown


async def test_a_pilot_teacher_made_admin_reads_none_of_the_pre_survey_through_the_post(
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock, staff: Staff,
        timed: TimedMessenger) -> None:
    # The same, by a pilot's own waves (a red team's, stop 55): `/pilot report` refused her,
    # `/pulse results` showed the pre survey's means beside the post survey's.
    park = Person(platform="console", user_id="park", display_name="Ms Park")
    await chat.say(f"/prepbot school {SCHOOL}", as_=park)
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=park)
    await chat.say("/prepbot settings pulse_min_responses 3", as_=staff.admin)
    teachers = [*staff.teachers, park]
    await start(chat, staff, "/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz @Ms Park "
                "for 2 weeks")
    await advance(runtime, clock, at("2026-11-30", 15))
    for person, points in zip(teachers, (AGREE, AGREE, LOW, LOW), strict=True):
        forms = timed.forms(person, "pulse.answer")
        assert forms, f"{person.display_name} got no pre survey"
        await chat.submit(forms[-1][1].form_id, likert(*points), forms[-1][1].context,
                          as_=person)
    await runtime.bot.grant(staff.teachers[0], Role.ADMIN)
    await advance(runtime, clock, at("2026-12-07", 15))
    for person in teachers[1:]:
        forms = timed.forms(person, "pulse.answer")
        await chat.submit(forms[-1][1].form_id, likert(*AGREE), forms[-1][1].context,
                          as_=person)
    [refused] = await chat.say("/pilot report Blooket", as_=staff.teachers[0])
    assert "You were asked to answer this pilot's surveys" in refused.text
    [reply] = await chat.say("/pulse results blooket", as_=staff.teachers[0])
    shown = render(reply) + " ".join(b.alt for b in reply.blocks if isinstance(b, Image))
    assert "wave 1" not in shown, shown
