"""Teachers answer in one form, can change it until close, and each counts once."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Choice, Form
from bot.features.pulse.models import RespondentRow, ResponseRow
from bot.vocabulary import Conversation, Person, Submission
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.support.clock import FakeClock


def as_ints(points: tuple[tuple[int, int], ...]) -> dict[str, int]:
    """An answer set as stored."""
    return {key: int(value) for key, value in likert(*points).items()}


def points_of(answers: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """An answer set in a sortable form."""
    return tuple(sorted(answers.items()))


async def stored(runtime: Runtime) -> tuple[list[dict[str, int]], int]:
    """The answer sets and the number of respondents."""
    async with runtime.sessions() as session:
        answers = [dict(a) for a in (await session.execute(select(ResponseRow.answers)))
                   .scalars()]
        people = (await session.execute(select(func.count()).select_from(RespondentRow)))
        return answers, int(people.scalar_one())


async def test_five_teachers_answer_and_one_changes_their_mind(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    [first] = await answer(chat, outbox, pilot[3], likert((1, 1), (1, 1), (1, 1)))
    assert "your answers are in" in first.text
    change = chat.button("Change my answers")
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        if person is not pilot[3]:
            await answer(chat, outbox, person, likert(*points))
    [changed] = await chat.press(change, as_=pilot[3])  # the form again, filled in
    form = changed.blocks[-1]
    assert isinstance(form, Form) and isinstance(form.fields[0], Choice)
    assert form.fields[0].selected == "1"
    [done] = await chat.submit(form.form_id, likert(*ANSWERS[3]), form.context, as_=pilot[3])
    assert "updated" in done.text
    answers, respondents = await stored(runtime)
    assert respondents == 5
    assert sorted(map(points_of, answers)) == sorted(map(points_of, map(as_ints, ANSWERS)))


async def test_a_double_submit_and_a_retried_event_count_once(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    form = outbox.forms_to(pilot[0])[0]
    values = likert(*ANSWERS[0])
    await answer(chat, outbox, pilot[0], values)
    await answer(chat, outbox, pilot[0], values)  # the button pressed twice
    retried = Submission(form_id=form.form_id, values=values, context=form.context,
                         person=pilot[0], event_id=f"evt-{uuid.uuid4()}",
                         conversation=Conversation(platform="console", id="dm-t1"))
    assert len(await chat.send(retried)) == 1
    assert await chat.send(retried) == []  # the platform retried the same event
    answers, respondents = await stored(runtime)
    assert (len(answers), respondents) == (1, 1)


async def test_a_second_form_from_the_same_teacher_is_refused_not_counted(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    forged = outbox.forms_to(pilot[0])[0].context.split(":")[0] + ":" + "x" * 22
    [reply] = await chat.submit("pulse.answer", likert(*ANSWERS[1]), forged, as_=pilot[0])
    assert "already answered" in reply.text
    assert len((await stored(runtime))[0]) == 1


async def test_someone_outside_the_cohort_cannot_answer(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], teacher: Person, morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    context = outbox.forms_to(pilot[0])[0].context.split(":")[0] + ":" + "y" * 22
    [reply] = await chat.submit("pulse.answer", likert(*ANSWERS[0]), context, as_=teacher)
    assert "isn't one you were invited to" in reply.text
    assert (await stored(runtime))[1] == 0


async def test_a_missing_answer_is_asked_for_and_nothing_is_saved(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    values = likert(*ANSWERS[0]) | {"bi2": ""}
    [reply] = await answer(chat, outbox, pilot[0], values)
    assert "Please pick an answer" in reply.text and (await stored(runtime))[1] == 0


async def test_answers_cannot_change_after_closing(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    await chat.say("/pulse close", as_=coach)
    [reply] = await answer(chat, outbox, pilot[0], likert(*ANSWERS[1]))
    assert "has closed" in reply.text
    assert (await stored(runtime))[0] == [as_ints(ANSWERS[0])]


async def test_student_identifiers_in_a_comment_are_masked_and_the_teacher_is_told(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    values = likert(*ANSWERS[0]) | {"comment": "my student Maya Lopez could not log in"}
    [reply] = await answer(chat, outbox, pilot[0], values)
    async with runtime.sessions() as session:
        [comment] = (await session.execute(select(ResponseRow.comment))).scalars()
    assert comment == "my student [name] could not log in"
    assert "To protect student privacy I hid a name" in str(reply.blocks)
