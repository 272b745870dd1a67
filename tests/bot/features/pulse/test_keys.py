"""Pulse answers and the server secret: an answer no key here opens waits, never dropped;
a teacher is never counted twice across keys; an erase takes back a person's waiting answers
only with the key the server runs with, and then whatever that key cannot open too."""

from __future__ import annotations

import base64
import dataclasses

import pytest
from sqlalchemy import select, update

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime, load_settings
from bot.errors import BadInput
from bot.features.pulse.answering import form_context
from bot.features.pulse.models import PendingRow
from bot.people.directory import find_person
from bot.privacy import delete_person
from bot.server_secret import ServerSecret
from bot.stored_settings import mark_secret
from bot.vocabulary import Person
from knowledge import KnowledgeBase
from tests.bot.features.pulse.conftest import (
    ANSWERS,
    CohortMessenger,
    answer,
    as_ints,
    launch,
    likert,
    points_of,
    stored,
    waiting,
)
from tests.support.clock import FakeClock

OTHER_KEY = "b3RoZXItc2VydmVyLXNlY3JldC1vZi0zMi1ieXRlcyE="  # another server's secret


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


async def answer_on(other: Runtime, outbox: CohortMessenger, person: Person,
                    values: dict[str, str]) -> None:
    """Answer through a replica running with another key, on a form as it would have sent
    it: a form's tag binds it to its teacher under the key that made it."""
    form = outbox.forms_to(person)[0]
    survey_id, secret, _tag = form.context.split(":")
    async with other.sessions() as session:
        row = await find_person(session, "console", person.user_id)
    assert row is not None
    context = form_context(int(survey_id), secret, row.id, other.bot.secret)
    await ConsoleChat(other.bot).submit(form.form_id, values, context, as_=person)


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
            await answer_on(other, outbox, person, likert(*points))
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
        await answer_on(other, outbox, pilot[1], likert(*ANSWERS[1]))
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
