"""A real PostgreSQL stopped and started during a burst of ticket creations.

Every ticket a teacher was told about exists afterwards; every failure was told; the same
server answers again once PostgreSQL is back, with no restart. Needs root and
PREPBOT_TEST_DATABASE_URL (PostgreSQL); PREPBOT_PG_CLUSTER names the cluster ("15 main").
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession, ClientTimeout
from aiohttp.test_utils import TestServer
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.district.world import NO_PLATFORM
from adapters.runtime import Runtime, build_runtime
from adapters.server import make_app
from adapters.web.visitors import PAGE_HEADER
from bot import texts
from bot.features.tickets.models import TicketRow
from bot.settings import Settings
from knowledge import KnowledgeBase
from tests.deploy.databases import drop_database

URL = os.environ.get("PREPBOT_TEST_DATABASE_URL", "")
CLUSTER = os.environ.get("PREPBOT_PG_CLUSTER", "15 main").split()
pytestmark = pytest.mark.skipif(
    not URL.startswith("postgresql") or not shutil.which("pg_ctlcluster") or os.geteuid() != 0,
    reason="needs PREPBOT_TEST_DATABASE_URL on PostgreSQL, pg_ctlcluster and root")
TOLD = re.compile(r"Ticket #(\d+) is open")
NAME = "prepbot_outage"


async def cluster(action: str) -> None:
    """Stop or start the PostgreSQL cluster (fast shutdown: connections are cut mid-query)."""
    extra = ["-m", "fast"] if action == "stop" else []
    process = await asyncio.create_subprocess_exec("pg_ctlcluster", *CLUSTER, action, *extra)
    assert await process.wait() == 0, f"pg_ctlcluster {action} failed"


async def open_ticket(http: ClientSession, n: int) -> tuple[int, str]:
    """A teacher opens a ticket through the playground; returns status and what they read."""
    body = {"kind": "command", "persona": {"role": "teacher", "name": f"Teacher {n}"},
            "name": "ticket",
            "text": f"room {100 + n} projector shows no signal after the bell"}
    async with http.post("/playground/send", json=body,
                         timeout=ClientTimeout(total=60)) as response:
        text = await response.text()
        return response.status, text


@pytest.fixture
async def own_database(settings: Settings, knowledge_base: KnowledgeBase
                       ) -> AsyncIterator[tuple[ClientSession, Runtime]]:
    """A database of its own (other runs truncate the shared one), served by a real app."""
    admin = create_async_engine(URL.replace("postgresql://", "postgresql+asyncpg://", 1),
                                isolation_level="AUTOCOMMIT")
    await drop_database(admin, NAME)
    async with admin.connect() as connection:
        await connection.execute(text(f"CREATE DATABASE {NAME}"))
    url = URL.rsplit("/", 1)[0] + "/" + NAME
    # No platform: the playground is this install's front door, on the real database.
    runtime = await build_runtime(settings.model_copy(update={"database_url": url,
                                                              **NO_PLATFORM}),
                                  kb=knowledge_base)
    server = TestServer(make_app(runtime), host="127.0.0.1", port=0)
    await server.start_server()
    async with ClientSession(base_url=str(server.make_url("/")),
                             headers={PAGE_HEADER: "1"}) as http:
        yield http, runtime
    await server.close()
    await runtime.close()
    await admin.dispose()  # its pooled connection died with the restart
    try:
        await drop_database(admin, NAME)
    finally:
        await admin.dispose()


async def test_tickets_survive_a_database_restart_mid_burst(
        own_database: tuple[ClientSession, Runtime]) -> None:
    http, runtime = own_database
    results: list[tuple[int, str]] = []
    try:
        async def burst(start: int, count: int) -> None:
            for n in range(start, start + count):
                results.append(await open_ticket(http, n))
                await asyncio.sleep(0.02)

        writers = [asyncio.create_task(burst(i * 100, 60)) for i in range(4)]
        await asyncio.sleep(0.5)
        await cluster("stop")
        await asyncio.sleep(1.5)  # requests keep arriving while the database is gone
        await cluster("start")
        await asyncio.gather(*writers)
    finally:
        if not os.path.exists("/var/run/postgresql/.s.PGSQL.5432.lock"):  # still down
            await cluster("start")

    assert all(status == 200 for status, _ in results), {s for s, _ in results}
    told = {int(m.group(1)) for _, said in results if (m := TOLD.search(said))}
    failed = [said for _, said in results if not TOLD.search(said)]
    assert all(texts.SAVE_FAILED[:40] in said for said in failed), failed[:3]
    assert told and failed, f"an outage should hit some and spare others: {results[:2]}"
    deadline = time.monotonic() + 20
    while True:  # the same server, no restart: it answers again once PostgreSQL is up
        _, said = await open_ticket(http, 999)
        if TOLD.search(said) or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    assert TOLD.search(said), said
    async with runtime.sessions() as session:
        stored = set((await session.execute(select(TicketRow.id))).scalars())
    assert told <= stored, f"told but missing: {sorted(told - stored)}"
