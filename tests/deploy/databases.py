"""Fresh databases for operator tests: a PostgreSQL database made by SQL, and a seeded SQLite."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncEngine
from tenacity import AsyncRetrying, retry_if_exception, stop_after_delay, wait_fixed

from bot.storage.engine import make_engine
from tests.deploy.servers import REPO, prepbot

SEED_CHAT = ("the projector says no signal\n2\n"
             "/ticket the smartboard pen is off by an inch for student Jamie Smith\n"
             "my chromebook will not charge\nquit\n")


@asynccontextmanager
async def fresh_postgres(server_url: str) -> AsyncIterator[str]:
    """CREATE DATABASE on the server of `server_url` (the role needs CREATEDB); drop it after."""
    name = f"prepbot_ops_{uuid.uuid4().hex[:10]}"
    admin = make_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        try:
            await drop_database(admin, name)
        finally:
            await admin.dispose()


def _held_by_another_role(error: BaseException) -> bool:
    return isinstance(error, ProgrammingError) and "pg_signal_backend" in str(error)


async def drop_database(admin: AsyncEngine, name: str) -> None:
    """DROP DATABASE ... WITH (FORCE), tried again for a few seconds while a process of another
    role is still connected to it (an autovacuum worker visiting the new database: the test's
    role may not end it, and it leaves on its own)."""
    async for attempt in AsyncRetrying(retry=retry_if_exception(_held_by_another_role),
                                       stop=stop_after_delay(30), wait=wait_fixed(0.5),
                                       reraise=True):
        with attempt:
            async with admin.connect() as connection:
                await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def seed_sqlite(folder: Path) -> str:
    """A SQLite prepbot with people, questions, tickets and a school, made through the CLI."""
    url = "sqlite:///prepbot.db"
    env = {"DATABASE_URL": url}
    for args in (("schools", "add", "Lincoln Elementary", "--tz", "America/Chicago"),
                 ("roles", "set", "slack:UCOACH", "coach")):
        result = prepbot(*args, cwd=folder, env=env)
        assert result.returncode == 0, result.stderr
    chat = prepbot_chat(folder, env)
    assert "Ticket #1 is open" in chat, chat
    return f"sqlite:///{folder / 'prepbot.db'}"


def prepbot_chat(folder: Path, env: dict[str, str]) -> str:
    """Talk to `prepbot chat` as a teacher; returns what it printed."""
    done = subprocess.run([sys.executable, "-m", "adapters.cli", "chat"], cwd=folder,
                          input=SEED_CHAT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO), **env}, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def plain(value: Any) -> Any:
    """A value as both databases would agree on it (timestamps in UTC without a zone)."""
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).replace(tzinfo=None)
    return value


async def snapshot(url: str) -> tuple[dict[str, int], dict[str, dict[str, Any]]]:
    """Row counts of every table, and the first row (by key) of each non-empty table."""
    engine = make_engine(url)
    found = MetaData()
    counts: dict[str, int] = {}
    first: dict[str, dict[str, Any]] = {}
    try:
        async with engine.connect() as connection:
            await connection.run_sync(lambda c: found.reflect(c))
            for table in found.sorted_tables:
                if table.name == "alembic_version":
                    continue
                counts[table.name] = int((await connection.execute(
                    select(func.count()).select_from(table))).scalar_one())
                order = list(table.primary_key.columns) or list(table.columns)
                row = (await connection.execute(select(table).order_by(*order).limit(1))).first()
                if row is not None:
                    first[table.name] = {k: plain(v) for k, v in row._mapping.items()}
    finally:
        await engine.dispose()
    return counts, first
