"""Live reload: a district's new article is picked up while the bot runs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from knowledge import load_knowledge_base
from knowledge.watch import watch
from tests.knowledge.conftest import write


async def test_a_file_written_to_the_district_folder_is_picked_up(district: Path) -> None:
    kb = load_knowledge_base(district)
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch(kb, stop))
    await asyncio.sleep(0.2)  # let the watcher start
    write(district, "bell-schedule-display", topic="bell schedule")
    async with asyncio.timeout(5):
        while kb.get("bell-schedule-display") is None:
            await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(watcher, 5)
    assert len(kb.articles) == 37


async def test_without_a_district_folder_watch_returns_at_once() -> None:
    kb = load_knowledge_base()
    await asyncio.wait_for(watch(kb, asyncio.Event()), 1)
