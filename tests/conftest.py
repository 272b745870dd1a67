"""Fixtures every test shares: a migrated database, the real Bot, a chat, people, a server."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import AsyncIterator, Iterator
from functools import cache
from pathlib import Path

import pytest
from aiohttp import ClientSession, CookieJar
from aiohttp.test_utils import TestServer

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime, load_settings
from adapters.server import make_app
from adapters.web.visitors import PAGE_HEADER
from bot.features.tickets.similar import forget_readings
from bot.masking.schools import know_schools
from bot.masking.staff import forget_staff, use_staff_names
from bot.roles import Role
from bot.settings import Settings
from bot.storage import engine
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from bot.vocabulary import Person
from knowledge import KnowledgeBase, load_knowledge_base
from tests.support.clock import FakeClock
from tests.support.database import empty_tables

# A throwaway server secret for the tests only (what PREPBOT_SECRET_KEY holds in production).
TEST_SECRET = "dGVzdC1vbmx5LXNlcnZlci1zZWNyZXQtMzItYnl0ZXM="


@pytest.fixture(autouse=True)
def no_colleagues_known() -> None:
    """Each test starts knowing no colleague's name and no school's: the masker's lists of
    them are the process's (bot/masking/staff.py, schools.py), and a name one test's Slack
    user had must not spare a student in the next; colleagues are spared as by default."""
    forget_staff()
    know_schools([])
    use_staff_names(Settings.model_fields["masking_staff"].default)
    forget_readings()  # "me too"'s masked tickets, read with the names known then


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """PostgreSQL when PREPBOT_TEST_DATABASE_URL is set, else a SQLite file, migrated once."""
    url = os.environ.get("PREPBOT_TEST_DATABASE_URL") or (
        f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'prepbot.db'}")

    async def migrate() -> None:
        engine = make_engine(url)
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    return url


@pytest.fixture(scope="session")
def knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base, loaded once."""
    return load_knowledge_base()


@pytest.fixture
def clock() -> FakeClock:
    """A clock that only moves when a test moves it."""
    return FakeClock()


@pytest.fixture
def settings(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings as a fresh install has them, on the test database, with no platform configured."""
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "MicrosoftAppId",
                 "PREPBOT_ADMINS", "PREPBOT_KB_DIR", "PREPBOT_PLAYGROUND", "DATABASE_URL",
                 "PREPBOT_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    return load_settings(DATABASE_URL=database_url, PREPBOT_ADMINS="console:ada",
                         PREPBOT_SECRET_KEY=TEST_SECRET)


@pytest.fixture
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite writers give up on another's lock after 0.2 s, not 15 s: the same failure,
    sooner (ask for it before `runtime`, whose connections read it when they open)."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)


class OperatorLock:
    """Another process's hold on SQLite's write lock: an operator's shell, a long job."""

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None)

    def take(self) -> None:
        """Hold the write lock until `release`."""
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        """Let go of the write lock, if held."""
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")


@pytest.fixture
def operator_lock(runtime: Runtime) -> Iterator[OperatorLock]:
    """Another process holding SQLite's write lock from the test's start until it lets go."""
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("another process's write lock is SQLite's")
    lock = OperatorLock(str(runtime.engine.url.database))
    lock.take()
    yield lock
    lock.release()
    lock.connection.close()


@pytest.fixture
async def runtime(settings: Settings, clock: FakeClock,
                  knowledge_base: KnowledgeBase) -> AsyncIterator[Runtime]:
    """The real composition of prepbot on the test database, emptied after each test; its
    knowledge base is a copy of the shipped one, so what a test publishes from chat stays in
    that test."""
    built = await build_runtime(settings, clock=clock, kb=knowledge_base.fork(), migrate=False)
    yield built
    # The Bot's own background work stops first: a read still under way would deadlock with
    # PostgreSQL's TRUNCATE.
    await built.scheduler.stop()
    await built.bot.close()
    await empty_tables(built.engine)
    await built.engine.dispose()


@pytest.fixture
async def second(settings: Settings, clock: FakeClock, knowledge_base: KnowledgeBase,
                 runtime: Runtime) -> AsyncIterator[Runtime]:
    """Another replica on the same database (docs/scaling.md), with a knowledge base of its
    own; it never ticks, as a follower's scheduler does not."""
    built = await build_runtime(settings, clock=clock, kb=knowledge_base.fork(), migrate=False)
    yield built
    await built.close()


@pytest.fixture
def chat(runtime: Runtime) -> ConsoleChat:
    """A conversation with the real Bot: `await chat.say(...)`, `await chat.click(...)`."""
    return ConsoleChat(runtime.bot)


@pytest.fixture
def teacher() -> Person:
    """A teacher who has never spoken to the bot."""
    return Person(platform="console", user_id="rivera", display_name="Ms Rivera")


@pytest.fixture
async def coach(runtime: Runtime) -> Person:
    """A person with the coach role."""
    person = Person(platform="console", user_id="okafor", display_name="Mr Okafor")
    await runtime.bot.grant(person, Role.COACH)
    return person


@pytest.fixture
def admin() -> Person:
    """An admin, named in PREPBOT_ADMINS."""
    return Person(platform="console", user_id="ada", display_name="Ada")


@pytest.fixture
async def server(runtime: Runtime) -> AsyncIterator[TestServer]:
    """The real aiohttp app on a free port of 127.0.0.1."""
    test_server = TestServer(make_app(runtime), host="127.0.0.1", port=0)
    await test_server.start_server()
    yield test_server
    await test_server.close()


@pytest.fixture
async def http(server: TestServer) -> AsyncIterator[ClientSession]:
    """An HTTP client pointed at the test server."""
    # unsafe: keep cookies from an IP address (the playground's visitor cookie on 127.0.0.1)
    # The playground's page sends its own header on every call (adapters/web/visitors.py).
    async with ClientSession(base_url=str(server.make_url("/")), headers={PAGE_HEADER: "1"},
                             cookie_jar=CookieJar(unsafe=True)) as client:
        yield client


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL, run only the tests whose outcome can depend on the database server.

    The rest (retrieval, masking, parsing, the pages...) never touch PREPBOT_TEST_DATABASE_URL
    and already ran on SQLite; running them twice only made CI slower.
    """
    if not os.environ.get("PREPBOT_TEST_DATABASE_URL"):
        return
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        uses_server = "database_url" in getattr(item, "fixturenames", ()) or _reads_url(item)
        (kept if uses_server else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _reads_url(item: pytest.Item) -> bool:
    """Whether the test's module reads the database URL itself (replicas, kills, outages)."""
    module = getattr(item, "module", None)
    return bool(module and module.__file__ and _mentions_url(module.__file__))


@cache
def _mentions_url(path: str) -> bool:
    return "PREPBOT_TEST_DATABASE_URL" in Path(path).read_text()


@pytest.fixture(autouse=True)
async def no_task_outlives_its_test() -> AsyncIterator[None]:
    """A task still running when a test's event loop closes is cancelled mid-write, and in
    CI its transaction held SQLite's lock into the next test: each test finishes its own."""
    yield
    await asyncio.sleep(0)
    left = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    assert not left, f"tasks still running after the test: {left}"
