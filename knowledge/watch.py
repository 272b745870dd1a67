"""Pick up a district's article edits without a restart."""

from __future__ import annotations

import asyncio
import logging

from watchfiles import awatch

from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)


async def watch(kb: KnowledgeBase, stop_event: asyncio.Event) -> None:
    """Reload `kb` whenever a file in its district folder changes, until `stop_event` is set.

    Does nothing when the knowledge base has no district folder. A folder that does not
    exist yet is created, so a district can start adding articles while the bot runs.
    """
    if kb.extra is None:
        return
    kb.extra.mkdir(parents=True, exist_ok=True)
    async for changes in awatch(kb.extra, stop_event=stop_event, debounce=200, step=50):
        if not any(path.endswith(".md") for _, path in changes):
            continue
        try:
            count = await asyncio.to_thread(kb.reload)
        except Exception:  # a half-written file must not stop the watcher
            log.exception("knowledge base reload failed; keeping the previous articles")
            continue
        log.info("knowledge base reloaded: %d articles", count)
