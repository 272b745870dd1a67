"""Every replica follows the articles published on any of them.

Each replica polls one small figure, the number of changes and the newest change's id, every
PREPBOT_REFRESH_SECONDS (2 by default) and after its own changes; when it moved, it reads the
district's articles and rebuilds its index off the event loop. Polling rather than
PostgreSQL's LISTEN/NOTIFY: the same code on SQLite and PostgreSQL, no long-lived connection
to keep, and no change missed while a connection was down (a notification sent then is lost;
a poll reads what is committed). Its cost is one indexed aggregate per replica per poll.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.library import service
from bot.scheduling.jobs import Jobs
from knowledge import KnowledgeBase

log = logging.getLogger(__name__)


@dataclass
class Follower:
    """Keeps one replica's knowledge base in step with the articles in the database."""

    kb: KnowledgeBase
    seen: tuple[int, int] | None = None

    async def refresh(self, session: AsyncSession) -> None:
        """Rebuild the index when the district's articles changed since the last look."""
        mark = await service.fingerprint(session)
        if mark == self.seen:
            return
        texts = await service.stored_texts(session)
        await session.close()  # nothing more to read: no transaction open while rebuilding
        if await asyncio.to_thread(self.kb.use_texts, texts):
            log.info("district articles from the database: %d in use, %d in all",
                     len(texts), len(self.kb.articles))
        self.seen = mark


def register(jobs: Jobs) -> None:
    """Follow the district's articles on this replica."""
    if jobs.kb is not None:
        jobs.refresher("library.articles")(Follower(jobs.kb).refresh)
