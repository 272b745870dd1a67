"""Teachers answer in one form, can change it until it is released, and each counts once;
answers wait, sealed, and are released five at a time."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from sqlalchemy import select, update

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot import masking
from bot.blocks import Choice, Form
from bot.features.pulse.answering import form_context
from bot.features.pulse.models import ResponseRow, SurveyRow
from bot.people.directory import find_person
from bot.storage.base import Base
from bot.vocabulary import Conversation, Person, Submission
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
    survey_id = int(outbox.forms_to(pilot[0])[0].context.split(":")[0])
    async with runtime.sessions() as session:  # another card of hers, as a reminder's
        her = await find_person(session, "console", pilot[0].user_id)
    assert her is not None
    second = form_context(survey_id, "x" * 22, her.id, runtime.bot.secret)
    [reply] = await chat.submit("pulse.answer", likert(*ANSWERS[1]), second, as_=pilot[0])
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


async def test_student_identifiers_in_a_comment_are_masked_at_its_release(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not while the teacher's turn runs: masking takes longer the longer the comment, and a
    # turn's time is in the log and the metrics, so an operator holding those and a copy of
    # the database told whose the long comment was (a red team's, stop 48).
    await launch(chat, coach, runtime)  # (the coach's tool name is masked as it is typed)
    read: list[str] = []
    finder = masking.find_student_data
    monkeypatch.setattr(masking, "find_student_data",
                        lambda text, *args: read.append(text) or finder(text, *args))
    values = likert(*ANSWERS[0]) | {"comment": "my student Maya Lopez could not log in"}
    [reply] = await answer(chat, outbox, pilot[0], values)
    assert "any student's name, id or contact in it is hidden" in str(reply.blocks)
    assert read == []
    [sealed] = await waiting(runtime)
    assert b"Maya" not in sealed and b"log in" not in sealed  # unreadable while it waits
    for person, points in zip(pilot[1:5], ANSWERS[1:], strict=False):
        await answer(chat, outbox, person, likert(*points))
    assert "my student Maya Lopez could not log in" in read  # by the fifth, the release
    async with runtime.sessions() as session:
        [comment] = (await session.execute(select(ResponseRow.comment).where(
            ResponseRow.comment != ""))).scalars()
    assert comment == "my student [name] could not log in"


async def test_a_comment_longer_than_is_kept_is_refused_whole_and_nothing_is_saved(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # No platform lets a teacher type more than 4,000 characters, but a forged form can: cut
    # to fit, its last student's name would be split, and half a name is not masked.
    await launch(chat, coach, runtime)
    comment = "Chromebooks froze. " * 210 + "my student Maya Lopez"
    [reply] = await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]) | {"comment": comment})
    assert "4,011 characters long, and I keep at most 4,000" in reply.text
    assert "nothing was saved" in reply.text and await waiting(runtime) == []
    [reply] = await answer(chat, outbox, pilot[0],
                           likert(*ANSWERS[0]) | {"comment": comment[-4000:]})
    assert len(await waiting(runtime)) == 1


@pytest.mark.parametrize("comment", [
    "", "ok", "great tool\x0b" * 300, "\x0b\U0001F4CC" * 1000, "\U0001F600" * 4000,
    "x" * 4000, "\u00e9" * 4000])
async def test_every_waiting_answer_is_sealed_at_one_size_whatever_its_comment(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock, comment: str) -> None:
    # A red team's (stop 48): a comment pasted from a slide, its soft line breaks escaped
    # six bytes each, sealed longer than the others, and so pinned its release on its writer.
    await launch(chat, coach, runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    await answer(chat, outbox, pilot[1], likert(*ANSWERS[1]) | {"comment": comment})
    assert len({len(sealed) for sealed in await waiting(runtime)}) == 1


async def test_a_card_forwarded_to_a_colleague_answers_nothing(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 48): two invited teachers answered on one card; both were told
    # "saved", and the next release failed on the shared key: later teachers were told they
    # had already answered, and nothing was ever released.
    await launch(chat, coach, runtime)
    hers = outbox.forms_to(pilot[0])[0]
    [refused] = await answer(chat, outbox, pilot[1], likert(*ANSWERS[1]), hers)
    assert "isn't yours to answer" in refused.text and await waiting(runtime) == []
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        await answer(chat, outbox, person, likert(*points))
    assert (await stored(runtime))[1] == 5


async def test_a_card_whose_tag_was_cut_answers_nothing(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's on the fix (stop 48): with the tag cut from her card, a colleague answered
    # on it as on a card from before tags, and she was then refused on her own.
    await launch(chat, coach, runtime)
    hers = outbox.forms_to(pilot[0])[0]
    untagged = dataclasses.replace(hers, context=hers.context.rsplit(":", 1)[0])
    [refused] = await answer(chat, outbox, pilot[1], likert(*ANSWERS[1]), untagged)
    assert "isn't yours to answer" in refused.text and await waiting(runtime) == []
    [saved] = await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
    assert "your answers are saved" in saved.text


async def test_a_card_sent_before_cards_were_tagged_answers_for_one_teacher_only(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    async with runtime.sessions() as session, session.begin():  # launched before tags
        await session.execute(update(SurveyRow).values(tagged_cards=False))
    hers = outbox.forms_to(pilot[0])[0]
    untagged = dataclasses.replace(hers, context=hers.context.rsplit(":", 1)[0])
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]), untagged)
    [refused] = await answer(chat, outbox, pilot[1], likert(*ANSWERS[1]), untagged)
    assert "already used" in refused.text and len(await waiting(runtime)) == 1
    for person, points in zip(pilot[1:5], ANSWERS[1:], strict=True):
        await answer(chat, outbox, person, likert(*points))
    assert (await stored(runtime))[1] == 5


async def test_a_comment_cut_in_half_an_emoji_is_released_like_any_other(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 48): a comment ending in half an emoji (a lone surrogate, as JSON's
    # "\ud83d" decodes) was saved, then failed every release: no database stores it.
    await launch(chat, coach, runtime)
    values = likert(*ANSWERS[0]) | {"comment": "great for exit tickets \ud83d"}
    for person, points in zip(pilot[:5], ANSWERS, strict=True):
        await answer(chat, outbox, person, values if person is pilot[0] else likert(*points))
    async with runtime.sessions() as session:
        comments = (await session.execute(select(ResponseRow.comment))).scalars().all()
    assert (await stored(runtime))[1] == 5 and "great for exit tickets" in comments


async def everything(runtime: Runtime) -> dict[str, set[str]]:
    """Every row of every table, as a copy of the database would hold them."""
    async with runtime.sessions() as session:
        return {table.name: {repr(tuple(row)) for row in await session.execute(select(table))}
                for table in Base.metadata.sorted_tables}


async def test_an_answers_commit_writes_nothing_that_names_its_teacher(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    # A red team's (stop 48): for most of a cohort the answer is their first turn with
    # prepbot, and its commit stored their chat (their id, the time) beside the sealed answer.
    await launch(chat, coach, runtime)
    before = await everything(runtime)
    await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]) | {"comment": "fine"})
    await chat.click("Change my answers", as_=pilot[0])
    after = await everything(runtime)
    written = {name: after[name] - before[name] for name in after if after[name] != before[name]}
    assert set(written) <= {"pulse_pool", "processed_events"}, written
