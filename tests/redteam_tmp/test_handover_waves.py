"""Red team T: `/prepbot handover` and the pulse's release rule.

The promise (docs/privacy.md, "A coach made a teacher again" and "Pulse answers"): a handover
gives another coach the open pulse surveys, "never ... a survey they were asked to answer",
and "no figure may hold an answer its reader knows"; a wave's figure is "its coach's and the
admins' alone"."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.features.pulse.models import SurveyRow
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import (
    ANSWERS,
    CHANNEL,
    CohortMessenger,
    answer,
    launch,
    likert,
)
from tests.support.clock import FakeClock


async def survey_coaches(runtime: Runtime) -> dict[int, str]:
    """Each survey's wave and who runs it, by user id."""
    async with runtime.sessions() as session:
        rows = (await session.execute(select(SurveyRow.wave, PersonRow.user_id).join(
            PersonRow, PersonRow.id == SurveyRow.coach_id))).all()
    return {wave: who for wave, who in rows}


async def test_handover_shows_the_new_coach_an_earlier_wave_holding_her_own_answer(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    """Promise: a handover never gives a coach a survey she was asked to answer, since she
    would read groups holding her own answer.
    Attack: Teacher 1 answers wave 1 of Mr Okafor's Nearpod pulse (released with four
    colleagues'); she leaves the pilot channel and is made a coach; Okafor launches wave 2 in
    the same channel (she is not in it), then an admin hands Okafor's work to her.
    Observed: wave 2 is handed to her (the check looks only at wave 2's invitations), and
    `/pulse results nearpod` shows her "+x since wave 1", and the chart, for each construct:
    wave 1's means, a group of five holding her own answer (and Okafor's figure)."""
    teacher_1 = pilot[0]
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:5], ANSWERS, strict=True):  # the fifth releases all five
        await answer(chat, outbox, person, likert(*points))
    await chat.say("/pulse close", as_=coach)

    outbox.channels[CHANNEL] = [*pilot[1:], coach]  # she moves on, and becomes a coach
    await runtime.bot.grant(teacher_1, Role.COACH)
    await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes next friday")
    for person, points in zip(pilot[1:], ANSWERS, strict=True):
        await answer(chat, outbox, person, likert(*points), outbox.forms_to(person)[-1])

    await chat.say("/prepbot handover @Mr Okafor @Teacher 1", as_=admin)
    [results] = await chat.say("/pulse results nearpod", as_=teacher_1)
    shown = render(results)
    assert "since wave 1" not in shown, shown
    assert await survey_coaches(runtime) == {1: "okafor", 2: "okafor"}


async def test_handover_gives_a_survey_she_answered_once_its_invitations_are_forgotten(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    """Promise: a handover never gives a coach a survey she was asked to answer.
    Attack: the admin keeps the record of sent messages one day
    (`/prepbot settings delivery_retention_days 1`, an allowed value); Mr Okafor's pulse
    runs two weeks; Teacher 1 answers with four colleagues (released), is made a coach three
    days later, and the admin hands Okafor's work to her.
    Observed: the retention job deleted the sent invitations, which are the only record
    `pulse.service.hand_over` reads of who was asked, so the open survey is handed to her and
    `/pulse results nearpod` shows her a group of five holding her own answer."""
    teacher_1 = pilot[0]
    await chat.say("/prepbot settings delivery_retention_days 1", as_=admin)
    await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes 2026-12-14")
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        await answer(chat, outbox, person, likert(*points))
    morning.current += timedelta(days=3)
    await runtime.dispatcher.tick()  # retention runs with every tick

    await runtime.bot.grant(teacher_1, Role.COACH)
    await chat.say("/prepbot handover @Mr Okafor @Teacher 1", as_=admin)
    [results] = await chat.say("/pulse results nearpod", as_=teacher_1)
    assert "agree" not in render(results), render(results)
    assert await survey_coaches(runtime) == {1: "okafor"}


async def test_a_reminded_teacher_can_still_answer_when_sent_messages_are_kept_one_day(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    """Promise (privacy.md, Pulse answers): "On the reminder's day everyone invited gets a
    message: the reminder, with the form, for those who have not answered"; an invited
    teacher may answer until the survey closes.
    Attack: `delivery_retention_days 1`; a pulse closing in two weeks; Teacher 6 answers on
    day three, from the form she was sent.
    Observed: "That survey isn't one you were invited to." Her invitation's ledger row was
    the only proof she was invited (`service.was_invited`), and retention deleted it a day
    after it was sent: every teacher slower than a day is refused, their answer lost."""
    await chat.say("/prepbot settings delivery_retention_days 1", as_=admin)
    await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes 2026-12-14")
    morning.current += timedelta(days=3)
    await runtime.dispatcher.tick()
    said = await answer(chat, outbox, pilot[5], likert(*ANSWERS[0]))
    assert all("invited" not in reply.text for reply in said), [r.text for r in said]
