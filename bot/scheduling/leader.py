"""Exactly one scheduler per deployment: a PostgreSQL advisory lock held on a connection of its own.

Two APScheduler 3.x schedulers sharing work would both run every job, so replicas elect one.
On SQLite there is one process, which always leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import NullPool

from bot.storage.engine import make_engine

log = logging.getLogger(__name__)
LOCK_KEY = 0x70726570  # "prep"
CHECK_SECONDS = 2.0  # how stale "still leading" may be between two sends


class Leader:
    """Try to lead; keep leading while the lock's connection lives; step down on release."""

    def __init__(self, url: str, dialect: str) -> None:
        self.url = url
        self.always = dialect != "postgresql"
        self.engine: AsyncEngine | None = None
        self.connection: AsyncConnection | None = None
        self.leading = self.always
        self.checked = 0.0  # when the lock's connection was last seen alive (monotonic)
        self.checking = asyncio.Lock()  # one query at a time on the lock's connection

    async def still_leading(self) -> bool:
        """Whether this process still leads, seen at most CHECK_SECONDS ago: asked between
        sends, so a leader whose lock went with its connection stops within seconds."""
        if self.always or not self.leading:
            return self.leading
        async with self.checking:
            if time.monotonic() - self.checked >= CHECK_SECONDS:
                await self.try_lead()
        return self.leading

    async def try_lead(self) -> bool:
        """True while this process holds the lock (checked on every call)."""
        if self.always:
            return True
        try:
            connection = await self._connection()
            if self.leading:
                await connection.execute(text("SELECT 1"))
                self.checked = time.monotonic()
            else:
                got = await connection.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                               {"key": LOCK_KEY})
                self.leading = bool(got.scalar())
                self.checked = time.monotonic()
                if self.leading:
                    log.info("this process now runs the scheduler")
        except (DBAPIError, SQLAlchemyError, OSError):
            log.warning("lost the scheduler lock's connection; will try again", exc_info=True)
            await self._drop()
        return self.leading

    async def _connection(self) -> AsyncConnection:
        if self.connection is None:
            # A connection of its own (no pool): the lock lives exactly as long as it does.
            self.engine = self.engine or make_engine(self.url, poolclass=NullPool)
            self.connection = await self.engine.connect()
            await self.connection.execution_options(isolation_level="AUTOCOMMIT")
        return self.connection

    async def _drop(self) -> None:
        self.leading = False
        if self.connection is not None:
            with contextlib.suppress(DBAPIError, SQLAlchemyError, OSError):
                await self.connection.close()
        self.connection = None

    async def release(self) -> None:
        """Step down and close the lock's connection."""
        if self.connection is not None and self.leading:
            with contextlib.suppress(DBAPIError, SQLAlchemyError, OSError):
                await self.connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                              {"key": LOCK_KEY})
        await self._drop()
        if self.engine is not None:
            await self.engine.dispose()
            self.engine = None
        self.leading = self.always
