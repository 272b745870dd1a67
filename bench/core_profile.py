"""Where a question's time goes in the core alone: a cProfile, or the SQL of one question.

    python bench/core_profile.py [--clients 16] [--questions 1000] [--profile] [--statements]
        [--database-url sqlite+aiosqlite:///...]

Questions go straight to `Bot.handle` (no HTTP) from `--clients` concurrent clients, after
a warm-up; printed: questions a second and p50 / p99, then with `--profile` the 30 functions
with the most time of their own, and with `--statements` every SQL statement one more
question runs. The database is a temporary SQLite file unless a URL is given.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import itertools
import pstats
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event

from adapters.runtime import Runtime, build_runtime, load_settings
from bot.vocabulary import Conversation, Message, Person

QUESTIONS = ("the projector says no signal", "my smartboard pen is off by an inch",
             "wifi keeps dropping in room 12", "how do I reset a student password")
RUN = uuid.uuid4().hex[:8]  # event ids of this run only


async def ask(runtime: Runtime, n: int) -> float:
    """One question from one of 50 teachers; its time in seconds."""
    user = n % 50
    started = time.perf_counter()
    await runtime.bot.handle(Message(
        person=Person(platform="core", user_id=f"t{user}"),
        conversation=Conversation(platform="core", id=f"c{user}", ref="{}"),
        event_id=f"{RUN}-{n}", text=QUESTIONS[n % len(QUESTIONS)]))
    return time.perf_counter() - started


async def burst(runtime: Runtime, clients: int, questions: int, numbers: itertools.count[int]
                ) -> tuple[float, list[float]]:
    """`questions` from `clients` concurrent clients: elapsed seconds and each one's time."""
    times: list[float] = []

    async def client(count: int) -> None:
        for _ in range(count):
            times.append(await ask(runtime, next(numbers)))

    began = time.perf_counter()
    await asyncio.gather(*(client(questions // clients) for _ in range(clients)))
    return time.perf_counter() - began, sorted(times)


async def main(arguments: argparse.Namespace, folder: str) -> None:
    """Warm up, measure (profiled if asked), then log one question's SQL if asked."""
    url = arguments.database_url or f"sqlite+aiosqlite:///{folder}/profile.db"
    runtime = await build_runtime(load_settings(DATABASE_URL=url, PREPBOT_SCHEDULER=False))
    numbers = itertools.count()
    await burst(runtime, arguments.clients, 20 * arguments.clients, numbers)
    profile = cProfile.Profile() if arguments.profile else None
    if profile:
        profile.enable()
    elapsed, times = await burst(runtime, arguments.clients, arguments.questions, numbers)
    if profile:
        profile.disable()
    print(f"{url.split(':')[0]}, {arguments.clients} clients: {len(times) / elapsed:.0f} q/s, "
          f"p50 {times[len(times) // 2] * 1000:.1f} ms, "
          f"p99 {times[int(len(times) * 0.99)] * 1000:.1f} ms")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    if arguments.statements:
        seen: list[str] = []
        event.listen(runtime.engine.sync_engine, "before_cursor_execute",
                     lambda _c, _cur, statement, *_: seen.append(statement.split("\n")[0][:120]))
        await ask(runtime, next(numbers))
        print(f"{len(seen)} statements for one question:", *seen, sep="\n  ")
    await runtime.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--statements", action="store_true")
    parser.add_argument("--database-url", default="")
    with tempfile.TemporaryDirectory() as scratch:
        asyncio.run(main(parser.parse_args(), scratch))
