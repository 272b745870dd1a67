"""A published article reaches every replica on the same database without a restart.

Two runtimes on one database stand for two replicas (SQLite here; PostgreSQL when
PREPBOT_TEST_DATABASE_URL is set): each keeps its own knowledge base in memory and polls
the database for changes (bot/features/library/jobs.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import ClientSession
from aiohttp.test_utils import TestServer

from adapters.console import ConsoleChat, render
from adapters.runtime import Runtime, build_runtime
from adapters.server import make_app
from adapters.web.visitors import PAGE_HEADER
from bot.blocks import Button
from bot.settings import Settings
from bot.vocabulary import Person
from knowledge import KnowledgeBase
from tests.bot.features.library.conftest import LAMINATOR, publish
from tests.support.clock import FakeClock
from tests.support.database import empty_tables

PAGE = {PAGE_HEADER: "1"}  # as the playground's page sends

LAMINATOR_ID = "laminator-jams-or-wrinkles-the-pouch"
QUESTION = "the laminator ate my poster"
WAIT_UP_TO = 30.0  # seconds: a bound for a slow, busy machine, not a figure under test


async def test_an_article_published_on_one_replica_answers_on_another_after_its_refresh(
        chat: ConsoleChat, second: Runtime, coach: Person, teacher: Person) -> None:
    other = ConsoleChat(second.bot)
    await publish(chat, coach, LAMINATOR)
    [stale] = await other.say(QUESTION, as_=teacher)
    assert "Laminator" not in stale.text  # it has not looked at the database yet
    await second.bot.refresh()  # what its server does every PREPBOT_REFRESH_SECONDS
    [answer] = await other.say(QUESTION, as_=teacher)
    assert answer.text.startswith("Laminator jams or wrinkles the pouch:")


async def test_a_rollback_on_one_replica_reaches_the_other(
        chat: ConsoleChat, second: Runtime, coach: Person, teacher: Person) -> None:
    other = ConsoleChat(second.bot)
    await publish(chat, coach, LAMINATOR)
    edited = {**LAMINATOR, "answer": "Switch it off and call the office."}
    await publish(chat, coach, edited, f"edit:{LAMINATOR_ID}")
    await second.bot.refresh()
    assert "call the office" in render((await other.say(QUESTION, as_=teacher))[0])

    await chat.say(f"/prepbot articles history {LAMINATOR_ID}", as_=coach)
    await chat.click("Restore #1", as_=coach)
    await second.bot.refresh()
    assert LAMINATOR["answer"] in render((await other.say(QUESTION, as_=teacher))[0])


async def test_a_replica_started_later_answers_from_the_stored_articles_at_once(
        chat: ConsoleChat, settings: Settings, clock: FakeClock,
        knowledge_base: KnowledgeBase, coach: Person, teacher: Person) -> None:
    await publish(chat, coach, LAMINATOR)
    late = await build_runtime(settings, clock=clock, kb=knowledge_base.fork(), migrate=False)
    try:
        [answer] = await ConsoleChat(late.bot).say(QUESTION, as_=teacher)
        assert answer.text.startswith("Laminator jams or wrinkles the pouch:")
    finally:
        await late.close()


async def test_unpublishing_on_one_replica_removes_it_on_the_other(
        chat: ConsoleChat, second: Runtime, coach: Person, teacher: Person) -> None:
    await publish(chat, coach, LAMINATOR)
    await second.bot.refresh()
    await chat.press(Button("Unpublish it", "library.rollback", f"{LAMINATOR_ID}:original"),
                     as_=coach)
    await second.bot.refresh()
    assert second.kb.get(LAMINATOR_ID) is None


async def send(http: ClientSession, **body: Any) -> dict[str, Any]:
    async with http.post("/playground/send", json=body) as response:
        assert response.status == 200
        found: dict[str, Any] = await response.json()
        return found


async def test_two_servers_a_coach_publishes_on_one_and_a_teacher_gets_it_on_the_other(
        settings: Settings, clock: FakeClock, knowledge_base: KnowledgeBase) -> None:
    quick = settings.model_copy(update={"refresh_seconds": 0.05})
    replicas = [await build_runtime(quick, clock=clock, kb=knowledge_base.fork(),
                                    migrate=False) for _ in range(2)]
    servers = [TestServer(make_app(r), host="127.0.0.1", port=0) for r in replicas]
    coach = {"role": "coach", "name": "Mr Okafor"}
    teacher = {"role": "teacher", "name": "Ms Rivera"}
    try:
        for server in servers:
            await server.start_server()
        async with ClientSession(str(servers[0].make_url("/")), headers=PAGE) as one, \
                ClientSession(str(servers[1].make_url("/")), headers=PAGE) as two:
            published = await send(one, kind="submission", form_id="library.save",
                                   values=LAMINATOR, context="new", persona=coach)
            assert "Published" in published["replies"][0]["text"]
            waited, answer = 0.0, ""
            while not answer.startswith("Laminator") and waited < WAIT_UP_TO:
                await asyncio.sleep(0.05)
                waited += 0.05
                asked = await send(two, kind="message", text=QUESTION, persona=teacher)
                answer = asked["replies"][0]["text"]
            assert answer.startswith("Laminator jams or wrinkles the pouch:")
    finally:
        for server in servers:
            await server.close()
        await empty_tables(replicas[0].engine)  # no `runtime` fixture here to do it
        for replica in replicas:
            await replica.close()
