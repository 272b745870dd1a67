"""Timed work: one reminder to those who have not answered, closing, results delivered."""

from __future__ import annotations

from datetime import UTC, datetime

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime
from bot.blocks import Fields, Form
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

THURSDAY_EVENING = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)  # 18:00 in New York
FRIDAY_MORNING = datetime(2026, 12, 4, 13, 0, tzinfo=UTC)  # 08:00 in New York
SATURDAY = datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
NEXT_MONDAY = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)


def forms_sent(outbox: CohortMessenger, person: Person) -> int:
    return len(outbox.forms_to(person))


async def test_one_reminder_reaches_only_those_who_have_not_answered_in_school_hours(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:3], ANSWERS, strict=False):
        await answer(chat, outbox, person, likert(*points))
    morning.current = THURSDAY_EVENING  # the reminder is due, but school is out
    assert (await runtime.dispatcher.tick()).sent == 0
    morning.current = FRIDAY_MORNING
    # Six settled as sent, so the ledger cannot tell who answered; three really went out.
    assert (await runtime.dispatcher.tick()).sent == 6
    await runtime.dispatcher.tick()
    assert [forms_sent(outbox, p) for p in pilot] == [1, 1, 1, 2, 2, 2]
    reminder = [r for _, who, r in outbox.sent if who == pilot[5].user_id][-1]
    assert reminder.text.startswith("TAM pulse: Nearpod. A reminder:")


async def test_a_reminder_form_works_for_someone_who_had_not_answered(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    morning.current = FRIDAY_MORNING
    await runtime.dispatcher.tick()
    reminder = outbox.forms_to(pilot[0])[-1]
    [reply] = await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]), reminder)
    assert "your answers are saved" in reply.text


async def test_at_the_close_the_coach_gets_results_and_a_sharing_cohort_sees_totals(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    # Released in groups of 3, twice: what any one teacher did not write is a group of 5.
    await chat.say("/prepbot settings pulse_min_responses 3", as_=admin)
    await launch(chat, coach, runtime, f"Nearpod #{CHANNEL} closes friday share")
    for person, points in zip(pilot, [*ANSWERS, ANSWERS[0]], strict=True):
        await answer(chat, outbox, person, likert(*points))
    await chat.say("/pulse status", as_=coach)
    [status] = chat.replies
    assert "open until the end of Friday 4 December" in status.text
    morning.current = SATURDAY
    await runtime.dispatcher.tick()  # closes, and plans the results
    await runtime.dispatcher.tick()  # the channel hears now; the coach on a school day
    [posted] = outbox.posted(CHANNEL)
    assert any(isinstance(b, Fields) for b in posted.blocks) and not posted.private
    assert "6 answers released" in render(posted)
    assert "What teachers wrote" not in posted.text and "sd" not in render(posted)
    assert "alpha" not in render(posted), "means and agreement only, for those who answered"
    assert not [r for _, who, r in outbox.sent if who == coach.user_id and "results" in r.text]
    morning.current = NEXT_MONDAY
    await runtime.dispatcher.tick()
    [results] = [r for _, who, r in outbox.sent if who == coach.user_id and "results" in r.text]
    assert any(isinstance(b, Fields) for b in results.blocks)
    [late] = await answer(chat, outbox, pilot[5], likert(*ANSWERS[0]))
    assert "has closed" in late.text


async def test_a_sharing_cohort_hears_nothing_when_one_of_them_could_read_a_group_under_n(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 55): N = 3, three answers, shared: each teacher, knowing her own,
    # solved her two colleagues' from the mean and the sd.
    await chat.say("/prepbot settings pulse_min_responses 3", as_=admin)
    outbox.channels["trio"] = [*pilot[:3], coach]
    await chat.say("/pulse start Nearpod #trio closes friday share", as_=coach)
    await runtime.dispatcher.tick()
    [card] = [r for kind, who, r in outbox.sent if kind == "dm" and who == pilot[0].user_id]
    assert "the totals are shown to everyone asked too, if more than 3 answers were released" \
        in render(card), "each teacher is told before she answers"
    for person, bi in zip(pilot[:3], (1, 7, 4), strict=True):
        await answer(chat, outbox, person, likert((4, 4), (4, 4), (bi, bi)))
    [closed] = await chat.say("/pulse close nearpod", as_=coach)
    assert "3 answers released" in render(closed), "the coach reads them"
    morning.current = SATURDAY
    await runtime.dispatcher.tick()
    assert not [r for r in outbox.posted("trio") if any(isinstance(b, Fields) for b in r.blocks)]


async def test_invitations_not_yet_delivered_are_dropped_when_a_survey_closes_early(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], clock: FakeClock) -> None:
    clock.current = THURSDAY_EVENING  # launched after school: invitations wait for morning
    await chat.say(f"/pulse start Nearpod #{CHANNEL} closes in 2 weeks", as_=coach)
    await runtime.dispatcher.tick()
    await chat.say("/pulse close", as_=coach)
    clock.current = FRIDAY_MORNING
    await runtime.dispatcher.tick()
    assert not [r for _, _, r in outbox.sent if any(isinstance(b, Form) for b in r.blocks)]
