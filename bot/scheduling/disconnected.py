"""Platforms that told prepbot they are gone (Slack's app_uninstalled, tokens_revoked): kept
in the database, which every replica reads, and in each replica's memory as last read."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.ports import Clock
from bot.scheduling.models import DisconnectedRow
from bot.storage.upsert import put

log = logging.getLogger(__name__)


class Disconnected:
    """Which platforms are gone: recorded, read, and counted back when one speaks again."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self.sessions, self.clock = sessions, clock
        self.platforms: dict[str, str] = {}  # gone, and why, as this replica last read them
        self.changes = 0  # how often this replica changed `platforms` itself (see `read`)

    async def record(self, platform: str, reason: str) -> None:
        """A platform says it is gone: nothing is sent there until it speaks again."""
        # One statement: a turn of that platform on another replica may be deleting the row
        # this moment (speaks_again), and a read then a write would find it gone (a red
        # team's, stop 58, on PostgreSQL: the uninstall failed).
        async with self.sessions() as session, session.begin():
            await put(session, DisconnectedRow, {"platform": platform, "reason": reason[:64],
                                                 "since": self.clock.now()}, "platform")
        self.platforms[platform] = reason
        self.changes += 1
        log.warning("%s disconnected (%s): deliveries there stop", platform, reason)

    async def speaks_again(self, session: AsyncSession, platform: str, began: datetime
                           ) -> bool:
        """Whether a gone platform sent a turn (reinstalled); its record goes in `session`,
        and from memory only with `reconnected`, once that commits. Asked of the database,
        not this replica's memory: the uninstall may have reached another replica (a red
        team's, stop 58: the leader's ticks kept the platform gone for good). An uninstall
        heard after the turn `began` stands: the turn was sent before it (a third's)."""
        gone = await session.execute(delete(DisconnectedRow).where(
            DisconnectedRow.platform == platform, DisconnectedRow.since < began))
        return bool(getattr(gone, "rowcount", 0)) or (
            platform in self.platforms and not await session.get(DisconnectedRow, platform))

    def reconnected(self, platform: str) -> None:
        """Deliveries to a reinstalled platform start again (after its turn committed: a turn
        run again must still see it gone)."""
        self.platforms.pop(platform, None)
        self.changes += 1

    async def read(self) -> None:
        """Which platforms are gone, as the database says: another replica may have heard an
        uninstall, or a reinstalled platform's first turn, since this one last looked. Read
        again when this replica changed it meanwhile: an answer read before a reinstall's
        turn committed here must not undo it (a third red team's, stop 58)."""
        while True:
            changes = self.changes
            async with self.sessions() as session:
                platforms = {row.platform: row.reason for row in (await session.execute(
                    select(DisconnectedRow))).scalars()}
            if changes == self.changes:
                self.platforms = platforms
                return
