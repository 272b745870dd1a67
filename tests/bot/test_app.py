"""Bot.handle: one turn of the core, whatever adapter it came from."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Reply
from bot.scheduling.models import DisconnectedRow
from bot.turn import Turn
from bot.vocabulary import Person
from knowledge import Decision


async def test_a_question_is_looked_up_once_and_small_talk_never(
        chat: ConsoleChat, teacher: Person, runtime: Runtime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up: list[str] = []
    decide = runtime.kb.decide

    def counted(question: str, language: str | None = None) -> Decision:
        looked_up.append(question)
        return decide(question, language)

    monkeypatch.setattr(runtime.kb, "decide", counted)
    for small_talk in ("hello", "thanks!", "open a ticket please"):
        await chat.say(small_talk, as_=teacher)
    [reply] = await chat.say("the scanner in the library will not scan to email", as_=teacher)

    assert looked_up == ["the scanner in the library will not scan to email"]
    assert reply.text


async def test_a_turn_run_again_after_a_clash_is_the_whole_turn_again(
        chat: ConsoleChat, runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 50): the first run of a reinstalled platform's first turn forgot, in
    # memory, that it was gone, and its rollback kept the record: the re-run left it so, and
    # every delivery there was skipped. A clash is what PostgreSQL raises when two turns
    # write one unique row at once; here the first run raises it.
    await runtime.bot.disconnect("console", "uninstalled")
    dispatch, runs = runtime.bot.router.dispatch, []

    async def clashing_once(turn: Turn[Any]) -> list[Reply]:
        runs.append(turn)
        if len(runs) == 1:
            raise IntegrityError("INSERT ...", {}, Exception("duplicate key value"))
        return await dispatch(turn)
    monkeypatch.setattr(runtime.bot.router, "dispatch", clashing_once)
    await chat.say("hello", as_=Person(platform="console", user_id="lee"))
    assert len(runs) == 2
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(DisconnectedRow)) == 0
    assert "console" not in runtime.bot.dispatcher.gone


async def test_a_platform_reinstalled_through_another_replica_sends_again(
        runtime: Runtime, second: Runtime) -> None:
    # A red team's (stop 58): only a replica whose own memory said the platform was gone
    # counted it back, so a reinstalled workspace whose first turn reached a follower stayed
    # gone in the database, and the leader's every tick marked its deliveries undeliverable.
    await runtime.bot.disconnect("console", "uninstalled")

    await ConsoleChat(second.bot).say("hello", as_=Person(platform="console", user_id="lee"))

    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(DisconnectedRow)) == 0
    await runtime.bot.dispatcher.tick()  # the leader reads what is gone with each tick
    assert "console" not in runtime.bot.dispatcher.gone
