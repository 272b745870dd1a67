"""Teachers answer in one form, can change it until it is released, and each counts once;
answers wait, sealed, and are released five at a time."""

from __future__ import annotations

import base64
import dataclasses
import uuid

import pytest
from sqlalchemy import func, select, update

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime, load_settings
from bot.blocks import Choice, Form
from bot.errors import BadInput
from bot.features.pulse.models import PendingRow, RespondentRow, ResponseRow
from bot.people.directory import find_person
from bot.privacy import delete_person
from bot.server_secret import ServerSecret
from bot.stored_settings import mark_secret
from bot.vocabulary import Conversation, Person, Submission
from knowledge import KnowledgeBase
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.support.clock import FakeClock

OTHER_KEY = "b3RoZXItc2VydmVyLXNlY3JldC1vZi0zMi1ieXRlcyE="  # another server's secret


def as_ints(points: tuple[tuple[int, int], ...]) -> dict[str, int]:
    """An answer set as stored."""
    return {key: int(value) for key, value in likert(*points).items()}


def points_of(answers: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """An answer set in a sortable form."""
    return tuple(sorted(answers.items()))


async def stored(runtime: Runtime) -> tuple[list[dict[str, int]], int]:
    """The released answer sets and the number of released respondents."""
    async with runtime.sessions() as session:
        answers = [dict(a) for a in (await session.execute(select(ResponseRow.answers)))
                   .scalars()]
        people = (await session.execute(select(func.count()).select_from(RespondentRow)))
        return answers, int(people.scalar_one())


async def waiting(runtime: Runtime) -> list[bytes]:
    """What waits in the pool for the next release, as stored: sealed."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(PendingRow.sealed))).scalars())


async def test_five_teachers_answer_and_one_changes_their_mind(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    [first] = await answer(chat, outbox, pilot[3], likert((1, 1), (1, 1), (1, 1)))
    assert "your answers are saved" in first.text
    [changed] = await chat.click("Change my answers", as_=pilot[3])  # the form, filled in
    form = changed.blocks[-1]
    assert isinstance(form, Form) and isinstance(form.fields[0], Choice)
    assert form.fields[0].selected == "1"
    [done] = await chat.submit(form.form_id, likert(*ANSWERS[3]), form.context, as_=pilot[3])
    assert "updated" in done.text
    for person, points in zip(pilot[:4], ANSWERS, strict=False):
        if person is not pilot[3]:
            await answer(chat, outbox, person, likert(*points))
    assert await stored(runtime) == ([], 0) and len(await waiting(runtime)) == 4
    await answer(chat, outbox, pilot[4], likert(*ANSWERS[4]))  # the fifth: a release
    answers, respondents = await stored(runtime)
    assert respondents == 5 and await waiting(runtime) == []
    assert sorted(map(points_of, answers)) == sorted(map(points_of, map(as_ints, ANSWERS)))


async def test_released_answers_are_final_and_their_teacher_is_told_why(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        await answer(chat, outbox, person, likert(*points))
    before = await stored(runtime)
    [clicked] = await chat.click("Change my answers", as_=pilot[4])
    [done] = await answer(chat, outbox, pilot[0], likert((1, 1), (1, 1), (1, 1)))
    for reply in (clicked, done):
        assert "can't change now: a change would show which answers were yours" in reply.text
        assert not [b for b in reply.blocks if isinstance(b, Form)]
    assert await stored(runtime) == before and await waiting(runtime) == []
    await chat.say("/pulse close", as_=coach)
    assert await stored(runtime) == before


async def test_an_entry_sealed_under_another_secret_waits_and_the_rest_are_released(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 44): a database restored without its key file; every answer that
    # should have made a release failed with "sealed with another secret" from then on. The
    # entry is left waiting, not dropped: a replica given another key must not destroy what
    # the right one could still release (a third red team's).
    await launch(chat, coach, runtime)
    for person, points in zip(pilot[:3], ANSWERS, strict=False):
        await answer(chat, outbox, person, likert(*points))
    async with runtime.sessions() as session, session.begin():
        await session.execute(update(PendingRow).where(PendingRow.key == select(
            PendingRow.key).limit(1).scalar_subquery()).values(sealed=b"\x00" * 8720))
    for person, points in zip(pilot[3:5], ANSWERS[3:], strict=False):
        [saved] = await answer(chat, outbox, person, likert(*points))
        assert "your answers are saved" in saved.text
    assert (await stored(runtime))[1] == 0  # five waited, four readable: no release
    await answer(chat, outbox, pilot[5], likert(*ANSWERS[0]))
    answers, respondents = await stored(runtime)
    assert respondents == 5 and len(answers) == 5 and len(await waiting(runtime)) == 1
    closed = await chat.say("/pulse close", as_=coach)
    assert "1 answer was not released" in str(closed)


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
    assert len(await waiting(runtime)) == 1 and await stored(runtime) == ([], 0)


async def test_a_second_form_from_the_same_teacher_is_refused_not_counted(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    forged = outbox.forms_to(pilot[0])[0].context.split(":")[0] + ":" + "x" * 22
    [reply] = await chat.submit("pulse.answer", likert(*ANSWERS[1]), forged, as_=pilot[0])
    assert "already answered" in reply.text
    assert len(await waiting(runtime)) == 1


async def test_someone_outside_the_cohort_cannot_answer(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], teacher: Person, morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    context = outbox.forms_to(pilot[0])[0].context.split(":")[0] + ":" + "y" * 22
    [reply] = await chat.submit("pulse.answer", likert(*ANSWERS[0]), context, as_=teacher)
    assert "isn't one you were invited to" in reply.text
    assert await waiting(runtime) == []


async def test_a_missing_answer_is_asked_for_and_nothing_is_saved(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    values = likert(*ANSWERS[0]) | {"bi2": ""}
    [reply] = await answer(chat, outbox, pilot[0], values)
    assert "Please pick an answer" in reply.text and await waiting(runtime) == []


async def test_answers_cannot_change_after_closing(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    await chat.say("/pulse close", as_=coach)
    [reply] = await answer(chat, outbox, pilot[0], likert(*ANSWERS[1]))
    assert "has closed" in reply.text
    assert await stored(runtime) == ([], 0)  # one answer alone is never shown
    assert await waiting(runtime) == []


async def test_student_identifiers_in_a_comment_are_masked_and_the_teacher_is_told(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    values = likert(*ANSWERS[0]) | {"comment": "my student Maya Lopez could not log in"}
    [reply] = await answer(chat, outbox, pilot[0], values)
    assert "To protect student privacy I hid a name" in str(reply.blocks)
    [sealed] = await waiting(runtime)
    assert b"Maya" not in sealed and b"log in" not in sealed  # unreadable while it waits
    for person, points in zip(pilot[1:5], ANSWERS[1:], strict=False):
        await answer(chat, outbox, person, likert(*points))
    async with runtime.sessions() as session:
        [comment] = (await session.execute(select(ResponseRow.comment).where(
            ResponseRow.comment != ""))).scalars()
    assert comment == "my student [name] could not log in"


async def test_an_erased_teachers_waiting_answers_are_taken_back_never_released(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 44): the erase left them waiting; the next release showed the coach
    # her comment and wrote her tombstone in as a respondent.
    words = "Honestly the quizzing mode crashes my projector every Tuesday afternoon"
    await launch(chat, coach, runtime)
    theirs = ((1, 1), (1, 1), (1, 1))
    await answer(chat, outbox, pilot[0], {**likert(*theirs), "comment": words})
    await answer(chat, outbox, pilot[1], likert(*ANSWERS[1]))
    async with runtime.sessions() as session, session.begin():
        changed = await delete_person(session, runtime.bot.privacy, "console",
                                      pilot[0].user_id)
    assert changed["pulse_pool"] == 1 and len(await waiting(runtime)) == 1
    for person, points in zip(pilot[2:6], (*ANSWERS[2:], ANSWERS[0]), strict=True):
        await answer(chat, outbox, person, likert(*points))
    results = await chat.say("/pulse results", as_=coach)
    answers, respondents = await stored(runtime)
    assert respondents == 5 and words not in str(results)
    assert points_of(as_ints(theirs)) not in {points_of(a) for a in answers}


async def test_an_erase_run_with_another_secret_is_refused_and_erases_nothing(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 44): `prepbot privacy delete` in a shell without the server's key
    # made a key of its own, found none of her waiting answers, and said it had erased her.
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    elsewhere = dataclasses.replace(runtime.bot.privacy,
                                    secret=ServerSecret(b"a-key-this-server-never-had-32b!"))
    with pytest.raises(BadInput, match="not the server's"):
        async with runtime.sessions() as session, session.begin():
            await delete_person(session, elsewhere, "console", pilot[0].user_id)
    async with runtime.sessions() as session:
        assert await find_person(session, "console", pilot[0].user_id) is not None
    assert len(await waiting(runtime)) == 1


async def test_an_entry_waiting_under_a_restored_key_never_counts_its_teacher_twice(
        chat: ConsoleChat, coach: Person, admin: Person, runtime: Runtime,
        outbox: CohortMessenger, pilot: list[Person], morning: FakeClock,
        knowledge_base: KnowledgeBase) -> None:
    # A red team's (stop 44): run a while under another key, a teacher answered again and was
    # released; with the right key back, her first entry broke every release after it and
    # the next teachers were told they had "already answered", their answers thrown away.
    await chat.say("/prepbot settings pulse_min_responses 3", as_=admin)
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    other = await build_runtime(load_settings(
        DATABASE_URL=runtime.settings.database_url,
        PREPBOT_SECRET_KEY=OTHER_KEY),
        clock=morning, kb=knowledge_base.fork(), migrate=False)
    other.bot.messengers.add(outbox)
    try:
        for person, points in zip(pilot[:3], ANSWERS[1:4], strict=True):
            await answer(ConsoleChat(other.bot), outbox, person, likert(*points))
    finally:
        await other.close()
    assert (await stored(runtime))[1] == 3 and len(await waiting(runtime)) == 1

    told = [(await answer(chat, outbox, person, likert(*ANSWERS[4])))[0].text
            for person in pilot[3:6]]
    assert all("your answers are saved" in text for text in told)
    answers, respondents = await stored(runtime)
    assert respondents == 6 and len(answers) == 6 and await waiting(runtime) == []


async def test_an_erase_needs_the_secret_the_server_runs_with_even_where_another_opens_some(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock, knowledge_base: KnowledgeBase) -> None:
    # A fifth red team's (stop 44): a replica given another key took one answer; an erase run
    # with that key passed the "opens none" check, missed her entry and said she was erased.
    async with runtime.sessions() as session, session.begin():
        await mark_secret(session, runtime.bot.secret)  # as `prepbot serve` does at start
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    other = await build_runtime(load_settings(
        DATABASE_URL=runtime.settings.database_url, PREPBOT_SECRET_KEY=OTHER_KEY),
        clock=morning, kb=knowledge_base.fork(), migrate=False)
    other.bot.messengers.add(outbox)
    try:
        await answer(ConsoleChat(other.bot), outbox, pilot[1], likert(*ANSWERS[1]))
        with pytest.raises(BadInput, match="not the server's"):
            async with runtime.sessions() as session, session.begin():
                await delete_person(session, other.bot.privacy, "console", pilot[0].user_id)
    finally:
        await other.close()
    async with runtime.sessions() as session, session.begin():
        changed = await delete_person(session, runtime.bot.privacy, "console",
                                      pilot[0].user_id)
    # Hers, and the one its key cannot open: it could have been hers (a sixth red team's).
    assert changed["pulse_pool"] == 2 and await waiting(runtime) == []


async def test_after_a_restore_without_its_key_the_servers_new_key_still_erases(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # The same team's: every waiting answer sealed under the lost key made every erase fail.
    # And a sixth's: the erase said it was done, and her answer came back with the old key.
    async with runtime.sessions() as session, session.begin():
        await mark_secret(session, runtime.bot.secret)
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))  # sealed with it; then it is lost
    restored = ServerSecret(base64.urlsafe_b64decode(OTHER_KEY))
    async with runtime.sessions() as session, session.begin():
        assert not await mark_secret(session, restored)  # the server started with a new one
        rules = dataclasses.replace(runtime.bot.privacy, secret=restored)
        changed = await delete_person(session, rules, "console", pilot[0].user_id)
    assert changed["pulse_pool"] == 1 and await waiting(runtime) == []
