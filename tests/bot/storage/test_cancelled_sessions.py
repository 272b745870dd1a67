"""A task cancelled in the middle of its database work (a client gone, a timeout, a shutdown)
never leaves SQLite's write lock behind: the next writer gets it at once."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.engine import make_engine, make_sessions


async def _write_forever(sessions: async_sessionmaker[AsyncSession]) -> None:
    while True:
        async with sessions() as session:
            async with session.begin():
                await session.execute(text("INSERT INTO notes VALUES (1)"))
            await session.execute(text("SELECT count(*) FROM notes"))  # a second transaction


def _lock_is_free(path: Path) -> bool:
    other = sqlite3.connect(path, timeout=0.5, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


async def test_a_session_cancelled_at_any_point_leaves_the_write_lock_free(
        tmp_path: Path) -> None:
    path = tmp_path / "prepbot.db"
    engine = make_engine(f"sqlite:///{path}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE notes (n INTEGER)"))
    sessions = make_sessions(engine)
    # Kept, as a logger or an error page may keep them: a traceback holds the cancelled
    # statement, and a connection closed under an unfinished statement keeps its lock.
    kept: list[BaseException] = []
    try:
        for step in range(300):  # cancel after 0, 20, 40 ... 5980 microseconds
            task = asyncio.create_task(_write_forever(sessions))
            await asyncio.sleep(step * 20e-6)
            task.cancel()
            try:
                await task
            except asyncio.CancelledError as cancelled:
                kept.append(cancelled)
            assert _lock_is_free(path), f"write lock held after a cancel at {step * 20} µs"
    finally:
        await engine.dispose()
