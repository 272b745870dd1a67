"""Teams over HTTP: authenticated message activities to /api/messages, beside a bare handler.

    python bench/teams_http.py [--requests 400] [--levels 1,16,64]

The real server runs in this process (SQLite in a temporary folder) with an app id: every
activity carries a JWT signed by a local key that botbuilder validates against OpenID
metadata served on 127.0.0.1, and the Bot Connector (the activities' serviceUrl) is a local
stub. For each level of concurrent clients it posts a fixed number of questions and reports
requests per second and p50 / p99 of the time until the answer card reached the connector
stub (botbuilder answers inline, so that is also about the HTTP response time). Beside it,
in the same run, a bare aiohttp handler parses the same bodies and answers 201, and the
same questions go straight to Bot.handle ("core alone": the floor the adapter sits on).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import itertools
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, TCPConnector, web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

import adapters.teams
from adapters.runtime import Runtime, build_runtime, load_settings
from adapters.server import make_app
from adapters.teams.cloud_adapter import Cloud, make_authentication
from bot.vocabulary import Conversation, Message, Person
from tests.support.bf_tokens import LocalCredentialsFactory, OpenIdStub
from tests.support.connector_stub import Call, ConnectorStub

APP_ID = "00000000-0000-0000-0000-0000000bench"
QUESTIONS = ("the projector says no signal", "my smartboard pen is off by an inch",
             "wifi keeps dropping in room 12", "how do I reset a student password")
USERS = 50  # distinct teachers, each in a personal chat


@dataclass
class Level:
    """The figures of one run at one concurrency."""

    name: str
    clients: int
    per_second: float
    p50_ms: float
    p99_ms: float


async def start(app: web.Application) -> tuple[web.AppRunner, str]:
    """Serve an app on a free port of 127.0.0.1."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"

# Ids of this run: on a PostgreSQL database kept between runs, the last run's ids would be
# taken for retries (answered at once, with nothing sent).
RUN = uuid.uuid4().hex[:8]


def activity(n: int, service_url: str) -> dict[str, Any]:
    """The n-th question, from one of USERS teachers, as Teams would post it."""
    user = n % USERS
    return {"type": "message", "id": f"bench-{RUN}-{n}", "channelId": "msteams",
            "serviceUrl": service_url, "text": QUESTIONS[n % len(QUESTIONS)],
            "from": {"id": f"29:teacher-{user}", "name": f"Teacher {user}"},
            "recipient": {"id": f"28:{APP_ID}", "name": "prepbot"},
            "conversation": {"id": f"a:personal-{user}", "conversationType": "personal"},
            "channelData": {"tenant": {"id": "bench-tenant"}},
            "localTimezone": "America/Chicago"}


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run_level(name: str, base: str, clients: int, requests: int, service_url: str,
                    token: str, arrivals: dict[str, float] | None, offset: int) -> Level:
    """Post `requests` activities from `clients` concurrent clients; time each to its reply."""
    numbers = itertools.count(offset)
    durations: list[float] = []
    headers = {"Authorization": f"Bearer {token}"}

    async def client(http: ClientSession, count: int) -> None:
        for _ in range(count):
            n = next(numbers)
            started = time.perf_counter()
            async with http.post("/api/messages", json=activity(n, service_url),
                                 headers=headers) as response:
                await response.read()
                assert response.status in (200, 201), response.status
            ended = arrivals.get(f"bench-{RUN}-{n}") if arrivals is not None else None
            durations.append((ended or time.perf_counter()) - started)

    async with ClientSession(base_url=base, connector=TCPConnector(limit=clients)) as http:
        began = time.perf_counter()
        shares = [requests // clients + (i < requests % clients) for i in range(clients)]
        await asyncio.gather(*(client(http, share) for share in shares))
        elapsed = time.perf_counter() - began
    return Level(name, clients, len(durations) / elapsed, percentile(durations, 0.5) * 1000,
                 percentile(durations, 0.99) * 1000)


async def run_core(runtime: Runtime, clients: int, requests: int, offset: int) -> Level:
    """The same questions straight to Bot.handle: what the core costs without HTTP or Teams."""
    numbers = itertools.count(offset)
    durations: list[float] = []

    async def client(count: int) -> None:
        for _ in range(count):
            n = next(numbers)
            user = n % USERS
            where = Conversation(platform="core", id=f"core-{user}", ref="{}")
            started = time.perf_counter()
            await runtime.bot.handle(Message(
                person=Person(platform="core", user_id=f"teacher-{user}"), conversation=where,
                event_id=f"core-{RUN}-{n}", text=QUESTIONS[n % len(QUESTIONS)]))
            durations.append(time.perf_counter() - started)

    began = time.perf_counter()
    shares = [requests // clients + (i < requests % clients) for i in range(clients)]
    await asyncio.gather(*(client(share) for share in shares))
    elapsed = time.perf_counter() - began
    return Level("core alone", clients, len(durations) / elapsed,
                 percentile(durations, 0.5) * 1000, percentile(durations, 0.99) * 1000)


async def bare_app() -> web.Application:
    """The baseline: parse the activity, answer 201, nothing else."""
    async def handler(request: web.Request) -> web.Response:
        await request.json()
        return web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", handler)
    return app


async def main(requests: int, levels: list[int], database_url: str) -> None:
    """Run both servers at every level and print a table."""
    openid = OpenIdStub()
    openid.start()
    connector = ConnectorStub()
    await connector.start()
    arrivals: dict[str, float] = {}

    async def arrived(call: Call) -> None:
        arrivals[call.activity_id] = call.at

    connector.on_call = arrived
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(DATABASE_URL=database_url or f"sqlite+aiosqlite:///{folder}/b.db",
                                 MicrosoftAppId=APP_ID, MicrosoftAppPassword="unused",
                                 PREPBOT_SCHEDULER=False)
        cloud = Cloud(openid_metadata_url=openid.metadata_url, token_issuer=openid.issuer)
        authentication = make_authentication(settings, cloud, LocalCredentialsFactory(APP_ID))
        adapters.teams.mount = functools.partial(  # type: ignore[assignment]
            adapters.teams.mount, authentication=authentication)
        runtime = await build_runtime(settings)
        real, real_url = await start(make_app(runtime))
        bare, bare_url = await start(await bare_app())
        token = openid.token(APP_ID, connector.url, expires_in=24 * 3600)
        rows: list[Level] = []
        offset = 0
        try:
            await run_level("warm-up", real_url, 4, 40, connector.url, token, arrivals, 10**6)
            for clients in levels:
                rows.append(await run_level("bare aiohttp", bare_url, clients, requests,
                                            connector.url, token, None, offset))
                rows.append(await run_core(runtime, clients, requests, offset))
                rows.append(await run_level("prepbot teams", real_url, clients, requests,
                                            connector.url, token, arrivals, offset))
                offset += requests
        finally:
            await real.cleanup()
            await bare.cleanup()
            await runtime.close()
            await connector.close()
            openid.stop()
    print(f"{'server':<15} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for row in rows:
        print(f"{row.name:<15} {row.clients:>7} {row.per_second:>9.0f} {row.p50_ms:>8.1f} "
              f"{row.p99_ms:>8.1f}")
    print(f"database: {database_url or 'SQLite (temporary file)'}; replies at the connector "
          f"stub: {len(arrivals) - 40} of {requests * len(levels)} (plus 40 warm-up)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--levels", default="1,16,64")
    parser.add_argument("--database-url", default="", help="e.g. postgresql://... (not SQLite)")
    args = parser.parse_args()
    asyncio.run(main(args.requests, [int(x) for x in args.levels.split(",")], args.database_url))
