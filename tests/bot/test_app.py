"""Bot.handle: one turn of the core, whatever adapter it came from."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.console import ConsoleChat
from adapters.console.messenger import ConsoleMessenger
from adapters.runtime import Runtime
from bot import outbox
from bot.blocks import Reply, say
from bot.people.models import PersonRow
from bot.repeats import withdrawn
from bot.scheduling.models import DeliveryRow, DisconnectedRow
from bot.turn import Turn
from bot.vocabulary import AnyIncoming, Person
from knowledge import Decision
from tests.support.clock import FakeClock


async def planned_notice(runtime: Runtime, text: str) -> list[str]:
    """A notice to lee planned on this replica, as after a webhook it received."""
    async with runtime.sessions() as session, session.begin():
        lee = (await session.execute(select(PersonRow).where(
            PersonRow.platform == "console", PersonRow.user_id == "lee"))).scalar_one()
        return await outbox.plan(session, [outbox.to_notice(lee, say(text, private=False))],
                                 "hook:1", runtime.bot.clock.now())


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
        chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 50): the first run of a reinstalled platform's first turn forgot, in
    # memory, that it was gone, and its rollback kept the record: the re-run left it so, and
    # every delivery there was skipped. A clash is what PostgreSQL raises when two turns
    # write one unique row at once; here the first run raises it.
    await runtime.bot.disconnect("console", "uninstalled")
    clock.current += timedelta(hours=1)  # reinstalled later
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
        runtime: Runtime, second: Runtime, clock: FakeClock) -> None:
    # A red team's (stop 58): only a replica whose own memory said the platform was gone
    # counted it back, so a reinstalled workspace whose first turn reached a follower stayed
    # gone in the database, and the leader's every tick marked its deliveries undeliverable.
    await runtime.bot.disconnect("console", "uninstalled")
    clock.current += timedelta(hours=1)  # reinstalled later

    await ConsoleChat(second.bot).say("hello", as_=Person(platform="console", user_id="lee"))

    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(DisconnectedRow)) == 0
    await runtime.bot.dispatcher.tick()  # the leader reads what is gone with each tick
    assert "console" not in runtime.bot.dispatcher.gone


async def test_an_uninstall_while_a_turn_of_that_platform_runs_elsewhere_is_kept(
        runtime: Runtime, second: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    # A second red team's (stop 58, on PostgreSQL): a turn counting the platform back held its
    # record deleted, and the uninstall's read-then-write found it gone and failed.
    await runtime.bot.disconnect("console", "tokens_revoked")
    dispatch, inside, release = second.bot.router.dispatch, asyncio.Event(), asyncio.Event()

    async def slow(turn: Turn[Any]) -> list[Reply]:
        inside.set()
        await release.wait()
        return await dispatch(turn)
    monkeypatch.setattr(second.bot.router, "dispatch", slow)
    turn = asyncio.create_task(ConsoleChat(second.bot).say(
        "hello", as_=Person(platform="console", user_id="lee")))
    await asyncio.wait_for(inside.wait(), 10)
    uninstall = asyncio.create_task(runtime.bot.disconnect("console", "app_uninstalled"))
    await asyncio.sleep(0.5)  # the uninstall reaches the database while the turn runs
    release.set()
    await turn

    await uninstall
    await runtime.bot.dispatcher.tick()
    assert runtime.bot.dispatcher.gone == {"console": "app_uninstalled"}


async def test_a_replica_that_heard_the_uninstall_sends_once_another_counts_it_back(
        runtime: Runtime, second: Runtime, clock: FakeClock) -> None:
    # A second red team's (stop 58): the replica that took the uninstall kept the platform
    # gone in its memory, and marked its notices there undeliverable for good.
    await second.bot.disconnect("console", "uninstalled")
    clock.current += timedelta(hours=1)  # reinstalled later
    console = ConsoleMessenger()  # what reaches the platform from the follower
    second.bot.messengers.add(console)
    await ConsoleChat(runtime.bot).say("hello", as_=Person(platform="console", user_id="lee"))
    planned = await planned_notice(second, "Your ticket was answered")

    await second.bot.dispatcher.send_notices(planned)

    async with second.sessions() as session:
        row = (await session.execute(select(DeliveryRow))).scalars().one()
    assert (row.status, row.error) == ("sent", "")
    assert [reply.text for _, reply in console.waiting] == ["Your ticket was answered"]


async def test_an_uninstall_heard_while_an_earlier_message_waits_elsewhere_stands(
        runtime: Runtime, second: Runtime, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A third red team's (stop 58, on PostgreSQL): a message sent before the uninstall, whose
    # turn reached the record after it, deleted it and counted the platform back.
    inside, release = asyncio.Event(), asyncio.Event()

    async def slow(session: AsyncSession, incoming: AnyIncoming) -> bool:
        inside.set()  # the turn has begun; the uninstall is heard before it reads the record
        await release.wait()
        return await withdrawn(session, incoming)
    monkeypatch.setattr("bot.app.withdrawn", slow)
    turn = asyncio.create_task(ConsoleChat(second.bot).say(
        "hello", as_=Person(platform="console", user_id="lee")))
    await asyncio.wait_for(inside.wait(), 10)
    clock.current += timedelta(seconds=1)
    uninstall = asyncio.create_task(runtime.bot.disconnect("console", "app_uninstalled"))
    await asyncio.sleep(0.5)  # on PostgreSQL it commits now; on SQLite it waits for the turn
    release.set()
    await asyncio.wait_for(turn, 10)
    await asyncio.wait_for(uninstall, 10)

    await runtime.bot.dispatcher.tick()
    assert runtime.bot.dispatcher.gone == {"console": "app_uninstalled"}


async def test_a_notice_sent_as_the_platform_comes_back_on_this_replica_is_sent(
        runtime: Runtime, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    # A third red team's (stop 58): what is gone was read while the reinstall's first turn
    # committed here, and the answer, older, put the platform back in memory: the notice was
    # marked undeliverable for good. The delay stands for a slow answer from the database.
    if not runtime.settings.database_url.startswith("postgresql"):
        pytest.skip("SQLite begins each transaction IMMEDIATE: the read holds off the turn")
    lee = Person(platform="console", user_id="lee")
    await ConsoleChat(runtime.bot).say("hello", as_=lee)
    await runtime.bot.disconnect("console", "uninstalled")
    clock.current += timedelta(hours=1)
    console = ConsoleMessenger()
    runtime.bot.messengers.add(console)
    planned = await planned_notice(runtime, "Your ticket was answered")
    disconnected = runtime.dispatcher.disconnected
    reading, answer = asyncio.Event(), asyncio.Event()
    sessions = disconnected.sessions

    @contextlib.asynccontextmanager
    async def slow_answers() -> AsyncIterator[AsyncSession]:
        async with sessions() as session:
            execute = session.execute

            async def answered_late(statement: Any, *args: Any, **kwargs: Any) -> Any:
                result = await execute(statement, *args, **kwargs)
                if "disconnected" in str(statement).lower() and not reading.is_set():
                    reading.set()
                    await answer.wait()
                return result
            monkeypatch.setattr(session, "execute", answered_late)
            yield session
    monkeypatch.setattr(disconnected, "sessions", slow_answers)

    sending = asyncio.create_task(runtime.dispatcher.send_notices(planned))
    await asyncio.wait_for(reading.wait(), 10)
    monkeypatch.setattr(disconnected, "sessions", sessions)
    await ConsoleChat(runtime.bot).say("hello again", as_=lee)  # the reinstall's first turn
    answer.set()
    await asyncio.wait_for(sending, 10)

    assert [reply.text for _, reply in console.waiting] == ["Your ticket was answered"]
