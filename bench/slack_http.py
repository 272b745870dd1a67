"""Slack over HTTP: signed `/ask` slash commands against the real server, beside a bare handler.

    python bench/slack_http.py [--requests 600] [--levels 1,16,64]

The real server runs in this process (SQLite in a temporary folder, the Slack Web API and
response_url stubbed on 127.0.0.1). For each level of concurrent clients it sends a fixed
number of signed `/ask` commands and reports the time to acknowledgement (what Slack's
3-second limit is about), then waits until every answer reached the response_url stub.
Beside it, in the same run, a bare aiohttp handler answers the same requests with a body of
the same size. Targets: p99 ack < 100 ms at 64 clients; >= 1/3 of the bare throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from aiohttp import ClientSession, TCPConnector, web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere

from adapters.runtime import build_runtime, load_settings
from adapters.server import make_app
from adapters.slack import ADAPTER
from tests.support.signing import form_body, signed_headers
from tests.support.slack_stub import SlackStub

SECRET = "bench-signing-secret"
QUESTIONS = ("the projector says no signal", "my smartboard pen is off by an inch",
             "wifi keeps dropping in room 12", "how do I reset a student password")
USERS = 50  # distinct teachers: profiles are cached after each one's first command


@dataclass
class Level:
    """The figures of one run at one concurrency."""

    name: str
    clients: int
    per_second: float
    p50_ms: float
    p99_ms: float
    answered_per_second: float | None = None
    refused: int = 0  # acknowledged "nothing was saved": the inbox could not store it in time


async def start(app: web.Application) -> tuple[web.AppRunner, str]:
    """Serve an app on a free port of 127.0.0.1."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


def command(n: int, response_url: str) -> tuple[bytes, dict[str, str]]:
    """The n-th signed `/ask` command."""
    body, kind = form_body({
        "command": "/ask", "text": QUESTIONS[n % len(QUESTIONS)], "user_id": f"UB{n % USERS}",
        "user_name": "teacher", "channel_id": f"DB{n % USERS}", "channel_name": "directmessage",
        "team_id": "T1", "response_url": response_url, "trigger_id": f"t{n}"})
    return body, signed_headers(SECRET, body, kind)


async def load(url: str, clients: int, total: int, response_url: str
               ) -> tuple[float, list[float], int]:
    """Send `total` commands from `clients` concurrent clients; wall time, ack latencies, and
    how many acknowledgements said nothing was saved."""
    latencies: list[float] = []
    refused = 0
    counter = iter(range(total))
    async with ClientSession(connector=TCPConnector(limit=clients)) as http:
        async def client() -> None:
            nonlocal refused
            for n in counter:
                body, headers = command(n, response_url)
                sent = time.perf_counter()
                async with http.post(url, data=body, headers=headers) as response:
                    refused += b"nothing was saved" in await response.read()
                    assert response.status == 200, response.status
                latencies.append(time.perf_counter() - sent)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        return time.perf_counter() - started, latencies, refused


def figures(name: str, clients: int, wall: float, latencies: list[float]) -> Level:
    """Throughput and percentiles of one run."""
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return Level(name, clients, len(latencies) / wall, statistics.median(ordered) * 1000,
                 p99 * 1000)


def bare_app(size: int) -> web.Application:
    """A handler that does nothing but answer with a body of the ack's size."""
    body = b" " * size

    async def handler(_: web.Request) -> web.Response:
        return web.Response(body=body, content_type="text/plain")

    app = web.Application()
    app.router.add_post("/slack/events", handler)
    return app


async def main(total: int, levels: list[int]) -> None:
    """Run every level against prepbot and the bare handler; print the table."""
    stub = await SlackStub().start()
    folder = tempfile.mkdtemp(prefix="prepbot-bench-")
    settings = load_settings(DATABASE_URL=f"sqlite+aiosqlite:///{folder}/bench.db",
                             SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET=SECRET,
                             SLACK_API_URL=stub.api_url, PREPBOT_SCHEDULER=False)
    runtime = await build_runtime(settings)
    app = make_app(runtime)
    runner, base = await start(app)
    adapter = app[ADAPTER]
    reply_url = stub.response_url("bench")
    await load(base + "/slack/events", 4, 40, reply_url)  # warm up: auth.test, caches, pools
    await adapter.drain(60)
    async with ClientSession() as http:
        body, headers = command(0, reply_url)
        async with http.post(base + "/slack/events", data=body, headers=headers) as response:
            ack_size = len(await response.read())
    await adapter.drain(60)
    bare_runner, bare_base = await start(bare_app(ack_size))
    rows: list[Level] = []
    for clients in levels:
        answered_before = len(stub.of("response_url"))
        started = time.perf_counter()
        wall, latencies, refused = await load(base + "/slack/events", clients, total,
                                              reply_url)
        await adapter.drain(300)  # the answers still being worked on after their acks
        level = figures("prepbot", clients, wall, latencies)
        level.refused = refused
        answered = len(stub.of("response_url")) - answered_before
        level.answered_per_second = answered / (time.perf_counter() - started)
        rows.append(level)
        bare_wall, bare_latencies, _ = await load(bare_base + "/slack/events", clients, total,
                                                  reply_url)
        rows.append(figures("bare aiohttp", clients, bare_wall, bare_latencies))
    print_table(rows, total, ack_size)
    await bare_runner.cleanup()
    await runner.cleanup()
    await runtime.close()
    await stub.close()


def print_table(rows: list[Level], total: int, ack_size: int) -> None:
    """The figures side by side, and the targets."""
    print(f"\n/ask slash commands, {total} per level, ack body {ack_size} bytes\n")
    print(f"{'server':<14}{'clients':>8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}"
          f"{'answered/s':>12}{'refused':>9}")
    for row in rows:
        answered = f"{row.answered_per_second:.0f}" if row.answered_per_second else "-"
        refused = str(row.refused) if row.name == "prepbot" else "-"
        print(f"{row.name:<14}{row.clients:>8}{row.per_second:>10.0f}{row.p50_ms:>10.1f}"
              f"{row.p99_ms:>10.1f}{answered:>12}{refused:>9}")
    prepbot = {r.clients: r for r in rows if r.name == "prepbot"}
    bare = {r.clients: r for r in rows if r.name != "prepbot"}
    for clients, row in prepbot.items():
        ratio = row.per_second / bare[clients].per_second
        print(f"{clients:>3} clients: prepbot at {ratio:.0%} of bare throughput")
    if 64 in prepbot:
        fast = prepbot[64].p99_ms < 100
        enough = prepbot[64].per_second * 3 >= bare[64].per_second
        print(f"targets at 64 clients: p99 ack < 100 ms {'met' if fast else 'NOT met'} "
              f"({prepbot[64].p99_ms:.1f} ms); >= 1/3 of bare {'met' if enough else 'NOT met'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--levels", default="1,16,64")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.requests, [int(n) for n in arguments.levels.split(",")]))
