"""A coach's answer in a help thread, kept in one click: a resolved ticket or an article draft."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button
from bot.features.tickets.models import DraftRow, TicketEventRow, TicketRow
from bot.privacy import delete_person, export_person
from bot.roles import Role
from bot.vocabulary import Person
from tests.bot.features.helpchannels.conftest import Channel, kept_threads
from tests.support.clock import FakeClock

QUESTION = "anyone else having trouble with google classroom class codes"
ANSWER = "Sign out of Chrome and back in, then rejoin with the class code."
MORE = "If it still fails, clear the cache (Ctrl+Shift+Delete)."
BELL = Person(platform="console", user_id="bell", display_name="Coach Bell")


async def answered_thread(channel: Channel, teacher: Person, coach: Person) -> str:
    """A teacher's question, and the coach's two replies in its thread."""
    await channel.post(QUESTION, teacher)
    await channel.reply(channel.thread, ANSWER, coach)
    await channel.reply(channel.thread, MORE, coach)
    return channel.thread


async def drafts(runtime: Runtime) -> list[DraftRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(DraftRow))).scalars())


async def tickets(runtime: Runtime) -> list[TicketRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(TicketRow))).scalars())


async def test_one_click_makes_an_article_draft_once(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime) -> None:
    await channel.post(QUESTION, teacher)
    await channel.reply(channel.thread, ANSWER, coach)
    draft_button = chat.button("helpchannels.draft")  # on the offer the first reply got
    await channel.reply(channel.thread, MORE, coach)
    [saved] = await chat.press(draft_button, as_=coach)
    assert saved.private and "article draft" in saved.text
    [draft] = await drafts(runtime)
    assert draft.title == QUESTION and draft.body == f"{ANSWER}\n\n{MORE}"
    assert draft.ticket_id is None and draft.category == "lms"
    [again] = await chat.press(draft_button, as_=coach)
    assert "already saved" in again.text and len(await drafts(runtime)) == 1


async def test_one_click_makes_a_resolved_ticket_for_the_teacher(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime, clock: FakeClock) -> None:
    asked_at = clock.now()
    await channel.post(QUESTION, teacher)
    clock.advance(minutes=5)
    await channel.reply(channel.thread, ANSWER, coach)
    clock.advance(minutes=30)
    resolve = chat.button("helpchannels.resolve")
    [told] = await chat.press(resolve, as_=coach)
    [ticket] = await tickets(runtime)
    assert f"Ticket #{ticket.id}" in told.text and told.private
    assert ticket.status == "resolved" and ticket.text == QUESTION
    assert ticket.created_at == asked_at and ticket.category == "lms"
    async with runtime.sessions() as session:
        events = list((await session.execute(select(TicketEventRow).where(
            TicketEventRow.ticket_id == ticket.id).order_by(TicketEventRow.id))).scalars())
    assert [e.kind for e in events] == ["opened", "reply", "resolved"]
    assert events[1].text == ANSWER
    [again] = await chat.press(resolve, as_=coach)
    assert f"Ticket #{ticket.id}" in again.text and len(await tickets(runtime)) == 1
    [mine] = await chat.say("/tickets", as_=teacher)
    assert f"#{ticket.id}" in mine.text


async def test_another_coach_has_nothing_of_theirs_to_keep(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime) -> None:
    await chat.bot.grant(BELL, Role.COACH)
    await answered_thread(channel, teacher, coach)
    [thread] = await kept_threads(runtime)
    for action in ("helpchannels.draft", "helpchannels.resolve"):
        [said] = await chat.press(_button(action, thread.id), as_=BELL)
        assert "nothing you wrote" in said.text
    assert await drafts(runtime) == [] and await tickets(runtime) == []


async def test_kept_threads_expire_and_off_forgets_them(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime, clock: FakeClock) -> None:
    await answered_thread(channel, teacher, coach)
    clock.advance(days=29)
    await answered_thread(channel, teacher, coach)
    clock.advance(days=2)
    await runtime.dispatcher.tick()
    [left] = await kept_threads(runtime)
    assert left.asked_at == clock.now() - timedelta(days=2)
    await channel.command("off", coach)
    assert await kept_threads(runtime) == []
    [said] = await chat.press(_button("helpchannels.draft", left.id), as_=coach)
    assert "no longer have that thread" in said.text


async def test_erasing_the_teacher_erases_their_question(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime) -> None:
    await answered_thread(channel, teacher, coach)
    async with runtime.sessions() as session, session.begin():
        changed = await delete_person(session, runtime.bot.privacy, "console",
                                      teacher.user_id)
    assert changed["help_threads"] == 1
    [thread] = await kept_threads(runtime)
    assert thread.text == ""
    [said] = await chat.press(_button("helpchannels.draft", thread.id), as_=coach)
    assert "erased" in said.text and await drafts(runtime) == []


async def test_erasing_the_teacher_takes_their_question_out_of_a_draft_saved_from_it(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime) -> None:
    # A third red team's (stop 43): the draft, titled with her question, outlived the erase.
    await answered_thread(channel, teacher, coach)
    [thread] = await kept_threads(runtime)
    [saved] = await chat.press(_button("helpchannels.draft", thread.id), as_=coach)
    assert "article draft" in saved.text
    async with runtime.sessions() as session, session.begin():
        changed = await delete_person(session, runtime.bot.privacy, "console",
                                      teacher.user_id)
    assert changed["kb_drafts"] == 1
    [draft] = await drafts(runtime)
    assert "class codes" not in draft.title and draft.body.startswith("Sign out of Chrome")
    [listing] = await chat.say("/prepbot articles drafts", as_=coach)
    assert "class codes" not in listing.text


async def test_her_question_leaves_the_draft_at_her_erase_though_retention_deleted_it(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 52): a year on, the kept thread and the questions log had expired,
    # nothing of hers held the question any more, and the draft kept it as its title.
    await answered_thread(channel, teacher, coach)
    [thread] = await kept_threads(runtime)
    await chat.press(_button("helpchannels.draft", thread.id), as_=coach)
    clock.advance(days=366)
    await runtime.dispatcher.tick()
    assert await kept_threads(runtime) == []
    async with runtime.sessions() as session, session.begin():
        exported = await export_person(session, runtime.bot.privacy, "console", teacher.user_id)
        changed = await delete_person(session, runtime.bot.privacy, "console",
                                      teacher.user_id)
    assert [row["title"] for row in exported["tables"]["kb_drafts"]] == [QUESTION]
    assert changed["kb_drafts"] == 1
    [draft] = await drafts(runtime)
    assert "class codes" not in draft.title and draft.body.startswith("Sign out of Chrome")


async def test_a_colleagues_draft_of_the_same_question_keeps_its_title_at_her_erase(
        channel: Channel, help_on: None, teacher: Person, coach: Person, chat: ConsoleChat,
        runtime: Runtime) -> None:
    # A red team's (stop 52): he asked in her very words, and his draft lost its title.
    chen = Person(platform="console", user_id="chen", display_name="Mr Chen")
    await channel.post(QUESTION, teacher)
    await answered_thread(channel, chen, coach)
    theirs = [t for t in await kept_threads(runtime) if t.thread == channel.thread]
    await chat.press(_button("helpchannels.draft", theirs[0].id), as_=coach)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", teacher.user_id)
    [draft] = await drafts(runtime)
    assert draft.title == QUESTION


@pytest.mark.parametrize("question", [
    f"{QUESTION} for room 12\nthe kids get class not found",  # folded into one line
    f"{QUESTION}? " + "the kids type the code and it says class not found, " * 4,  # cut at 200
], ids=["on two lines", "longer than a title"])
async def test_an_erase_finds_her_question_in_a_draft_title_folded_or_cut_short(
        question: str, channel: Channel, help_on: None, teacher: Person, coach: Person,
        chat: ConsoleChat, runtime: Runtime) -> None:
    # A red team's (stop 47): the title is her question's lines folded into one and cut at
    # 200 characters, and the erase looked only for the question as stored, whole.
    await channel.post(question, teacher)
    await channel.reply(channel.thread, ANSWER, coach)
    [thread] = await kept_threads(runtime)
    await chat.press(_button("helpchannels.draft", thread.id), as_=coach)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", teacher.user_id)
    [draft] = await drafts(runtime)
    assert "class codes" not in draft.title and draft.body.startswith("Sign out of Chrome")


async def test_an_erase_takes_the_link_to_her_message_out_of_her_kept_question(
        channel: Channel, help_on: None, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    # A red team's (stop 47): the kept row kept her post's id, which with the channel points
    # at her message in Slack or Teams; two erased questions in one channel must both fit.
    posts = []
    for question in (QUESTION, "the document camera shows a grey screen in room 4"):
        await channel.post(question, teacher)
        posts.append(channel.thread)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", teacher.user_id)
    kept = await kept_threads(runtime)
    assert [t.text for t in kept] == ["", ""]
    assert not {t.thread for t in kept} & set(posts)


def _button(action_id: str, thread_id: int) -> Button:
    """The offer's button for a thread (the offer itself went by in an earlier reply)."""
    return Button("", action_id, str(thread_id))
