"""A kept help-channel question follows its teacher: edited, it is kept as it now reads
(masked); deleted, or edited into something that is not a tech question, it is forgotten
with the coaches' replies in its thread. Nothing else anyone edits or deletes is touched."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from adapters.runtime import Runtime
from bot.features.helpchannels import revising
from bot.privacy import delete_person
from bot.vocabulary import Conversation, Person, Revision
from tests.bot.features.helpchannels.conftest import (
    LIBRARY,
    TECH_HELP,
    Channel,
    kept_replies,
    kept_threads,
)

EDITED = datetime(2026, 12, 1, 15, tzinfo=UTC)
EDITS = itertools.count(1)

async def revise(runtime: Runtime, where: Conversation, message_id: str,
                 text: str | None) -> None:
    """Its writer edited (the new text) or deleted (None) a message, as a platform says:
    each edit stamped later than the one before."""
    edited_at = EDITED + timedelta(seconds=next(EDITS)) if text is not None else None
    assert await runtime.bot.revised(Revision(where=where, message_id=message_id, text=text,
                                              edited_at=edited_at))

async def test_a_deleted_question_is_forgotten_with_its_replies(
        channel: Channel, help_on: None, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    await channel.post("is anyone else having trouble with google classroom", teacher)
    question = channel.thread
    await channel.reply(question, "Sign out of Chrome and back in.", coach)
    await channel.post("the projector says no signal", teacher)
    assert len(await kept_threads(runtime)) == 2 and len(await kept_replies(runtime)) == 1

    await revise(runtime, TECH_HELP, question, None)

    assert [t.text for t in await kept_threads(runtime)] == ["the projector says no signal"]
    assert await kept_replies(runtime) == []


async def test_an_edited_question_is_kept_as_it_now_reads_and_masked(
        channel: Channel, help_on: None, teacher: Person, runtime: Runtime) -> None:
    await channel.post("the projector says no signal", teacher)
    await revise(runtime, TECH_HELP, channel.thread,
                              "the projector says no signal when Jaden Wilks (448812) plugs in")
    [kept] = await kept_threads(runtime)
    assert kept.text.endswith("plugs in")
    assert "Jaden" not in kept.text and "448812" not in kept.text


async def test_a_question_edited_into_chatter_is_forgotten(
        channel: Channel, help_on: None, teacher: Person, runtime: Runtime) -> None:
    await channel.post("the projector says no signal", teacher)
    await revise(runtime, TECH_HELP, channel.thread, "nvm, thanks everyone!")
    assert await kept_threads(runtime) == []


async def test_edits_and_deletions_of_anything_not_kept_change_nothing(
        channel: Channel, help_on: None, teacher: Person, coach: Person,
        runtime: Runtime) -> None:
    await channel.post("the projector says no signal", teacher)
    question = channel.thread
    await channel.post("Happy Friday everyone!", teacher)
    chatter = channel.thread
    before = [(t.id, t.text) for t in await kept_threads(runtime)]

    await revise(runtime, TECH_HELP, chatter, None)
    await revise(runtime, TECH_HELP, chatter, "my smartboard pen is off by an inch")
    await revise(runtime, TECH_HELP, "1700009999.000001", None)
    await revise(runtime, LIBRARY, question, None)  # the same id, another channel

    assert [(t.id, t.text) for t in await kept_threads(runtime)] == before


async def test_a_question_deleted_before_its_turn_ran_is_neither_kept_nor_answered(
        channel: Channel, help_on: None, teacher: Person, runtime: Runtime) -> None:
    # A red team's (stop 45): the deletion outran the post's turn (a slow sender lookup, or a
    # turn waiting to be worked again after a database failure), and the turn kept the
    # question and answered it in the deleted message's thread.
    await revise(runtime, TECH_HELP, "1700000000.999999", None)
    said = await channel.post("the projector says no signal", teacher,
                              thread="1700000000.999999")
    assert said == [] and await kept_threads(runtime) == []
    assert await channel.post("the projector says no signal", teacher) != [], "others are"


async def test_an_edit_racing_the_erase_of_its_writer_does_not_bring_her_words_back(
        channel: Channel, help_on: None, teacher: Person, runtime: Runtime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 48): the edit read the kept question, the erase blanked it and
    # committed, and then the edit wrote her new words into the blanked copy.
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: the edit and the erase never interleave")
    await channel.post("the projector says no signal", teacher)
    read, go_on = asyncio.Event(), asyncio.Event()
    thread_in = revising.thread_in

    async def slow_after_reading(*args: Any) -> Any:
        found = await thread_in(*args)
        read.set()
        await go_on.wait()
        return found

    monkeypatch.setattr(revising, "thread_in", slow_after_reading)
    editing = asyncio.create_task(revise(runtime, TECH_HELP, channel.thread,
                                         "the projector says no signal in room 214"))
    await asyncio.wait_for(read.wait(), 30)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, teacher.platform, teacher.user_id)
    go_on.set()
    await asyncio.wait_for(editing, 30)
    assert not any("projector" in t.text for t in await kept_threads(runtime))
