"""The async engine: a SQLite file (WAL, busy timeout) by default, PostgreSQL by DATABASE_URL."""

from __future__ import annotations

import logging
import weakref
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.storage.writer import QueuedSession, WriteQueue

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 15000  # how long a SQLite writer waits for another's lock before failing
# An arrival's write waits less: a platform wants its acknowledgement within 3 s, and an
# arrival refused in time is said so (or sent again by Slack) instead of taken late.
URGENT_WAIT_MS = 2000
ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg",
                 "postgres": "postgresql+asyncpg"}


def async_url(url: str) -> str:
    """The URL with an async driver, so `postgresql://` and `sqlite:///` work as given, and
    libpq's `sslmode=require` (as hosted PostgreSQL's docs write it) as asyncpg's `ssl`."""
    parsed = make_url(url)
    driver = ASYNC_DRIVERS.get(parsed.drivername)
    if driver is None:
        return url
    parsed = parsed.set(drivername=driver)
    if driver == "postgresql+asyncpg" and "sslmode" in parsed.query:
        mode = parsed.query["sslmode"]
        parsed = parsed.difference_update_query(["sslmode"])
        if "ssl" not in parsed.query:
            parsed = parsed.update_query_dict({"ssl": mode})
    return parsed.render_as_string(hide_password=False)


def is_sqlite(engine: AsyncEngine) -> bool:
    """True for the embedded SQLite database."""
    return engine.dialect.name == "sqlite"


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling lets a SAVEPOINT commit on release; take over.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers run beside a writer; busy_timeout makes writers wait instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A turn's commit is not flushed to disk (see DURABLE): a killed process loses nothing,
    # a power cut only turns not yet acknowledged, or acknowledged ones the inbox redoes.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Deleted content is overwritten, not left in free pages (privacy delete, retention).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


READ_ONLY = {"prepbot_begin": "BEGIN"}  # execution options of a connection that only reads
NO_TRANSACTION = {"prepbot_begin": ""}  # for a PRAGMA that must run outside any transaction
# The inbox's writes: flushed to disk before commit returns, as an acknowledgement promises.
# Every other commit is flushed lazily (SQLite synchronous=NORMAL, PostgreSQL
# synchronous_commit=off). Both logs are written in order, so a durable commit also makes
# every turn committed before it durable: an arrival the inbox settled has its turn on disk,
# and one it has not is worked again after a crash.
DURABLE = {"prepbot_durable": True}


def _begin_immediate(connection: Any) -> None:
    # Take the write lock up front: a read-then-write transaction cannot then fail to upgrade.
    # A connection marked READ_ONLY (health checks) begins deferred: it never waits on a writer.
    options = connection.get_execution_options()
    urgent = bool(options.get("prepbot_durable"))
    durable, wait = ("FULL", URGENT_WAIT_MS) if urgent else ("NORMAL", BUSY_TIMEOUT_MS)
    if connection.info.get("synchronous", "NORMAL") != durable:
        connection.exec_driver_sql(f"PRAGMA synchronous={durable}")
        connection.info["synchronous"] = durable
    if connection.info.get("busy_timeout", BUSY_TIMEOUT_MS) != wait:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={wait}")
        connection.info["busy_timeout"] = wait
    begin = options.get("prepbot_begin", "BEGIN IMMEDIATE")
    if begin:
        connection.exec_driver_sql(begin)


def _roll_back_before_closing(dbapi_connection: Any, _record: Any, _error: Any = None) -> None:
    # A task cancelled mid-statement gets its connection invalidated and closed, but a
    # statement its traceback still holds keeps SQLite from closing it: the connection lives
    # on, with its transaction and the write lock, until that traceback is collected.
    try:
        dbapi_connection.rollback()
    except Exception:  # outside the task's greenlet (garbage collection): nothing to do
        log.debug("could not roll back an invalidated connection", exc_info=True)


def _begin_durable(connection: Any) -> None:
    if connection.get_execution_options().get("prepbot_durable"):
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO on")
        connection.exec_driver_sql(f"SET LOCAL lock_timeout TO {URGENT_WAIT_MS}")


def make_engine(url: str, **options: Any) -> AsyncEngine:
    """Create the engine for a database URL."""
    if make_url(async_url(url)).drivername == "postgresql+asyncpg":
        connect = options.setdefault("connect_args", {})
        # No wait is forever: a lock an operator's open transaction holds gives up after
        # 15 s, a statement a hung server or network never answers after 20 s; prepbot's
        # statements take milliseconds (a red team's, stop 45: one stuck statement stopped a
        # replica's scheduled work for good).
        connect.setdefault("server_settings", {"synchronous_commit": "off",
                                               "lock_timeout": "15s"})
        connect.setdefault("command_timeout", 20)
    # hide_parameters: a failed statement's error (logged) holds no value it bound, such as a
    # teacher's words (a red team's, stop 53, read her ticket in the log of a database error).
    engine = create_async_engine(async_url(url), pool_pre_ping=True, hide_parameters=True,
                                 **options)
    if is_sqlite(engine):
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
        event.listen(engine.sync_engine.pool, "invalidate", _roll_back_before_closing)
    else:
        event.listen(engine.sync_engine, "begin", _begin_durable)
    return engine


QUEUES: weakref.WeakKeyDictionary[Any, WriteQueue] = weakref.WeakKeyDictionary()


def make_sessions(engine: AsyncEngine, urgent: bool = False
                  ) -> async_sessionmaker[AsyncSession]:
    """A session factory whose objects stay readable after commit. `urgent` ones (the
    inbox's) commit DURABLE; on SQLite every session takes its turn through the engine's
    write queue (bot/storage/writer.py), urgent ones first."""
    bind = engine.execution_options(**DURABLE) if urgent else engine
    if not is_sqlite(engine):
        return async_sessionmaker(bind, expire_on_commit=False)
    queue = QUEUES.setdefault(engine.sync_engine.pool, WriteQueue())
    kind = type("QueuedSession", (QueuedSession,), {"queue": queue, "urgent": urgent})
    return async_sessionmaker(bind, class_=kind, expire_on_commit=False)


def make_readers(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for lookups that never write: on SQLite they begin deferred, outside the
    write queue, so a lookup a platform waits on never waits on a writer."""
    return async_sessionmaker(engine.execution_options(**READ_ONLY), expire_on_commit=False)


async def checkpoint(engine: AsyncEngine) -> bool:
    """Fold SQLite's write-ahead log into the database file and empty it, so erased words
    do not linger there until the next automatic checkpoint; False when a reader kept it
    from finishing (nothing to do on PostgreSQL)."""
    if not is_sqlite(engine):
        return True
    async with engine.connect() as connection:
        await connection.execution_options(**NO_TRANSACTION)
        # (busy, frames in the log, frames folded in): SQLite gives up silently, after its
        # busy timeout, while another connection reads (an online backup, a sqlite3 shell).
        result = await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        busy = result.scalar()
    return not busy
