"""How long one coach's digest and the district digest take on a year of a big district's data.

    python bench/digest.py [--questions 1000000] [--tickets 200000] [--pg URL]

Seeds SQLite (a temporary file) and, with --pg or PREPBOT_BENCH_PG_URL, PostgreSQL, with a
year of questions and tickets for 50 schools (generated inside the database), then times
building a coach's digest (one school) and the district's, beside a plain `SELECT count(*)`
over the same two tables in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.features import FEATURES
from bot.features.digest.report import build_digest
from bot.hooks.digest import DigestAsk, Period
from bot.registry import Registry
from bot.storage.engine import make_engine, make_sessions
from bot.storage.migrate import downgrade, upgrade

YEAR_START = "2025-12-01"
SCHOOLS, PEOPLE = 50, 2000
GAPS = ("how do I book the bus for a field trip", "the 3d printer nozzle is jammed",
        "where is the laminator", "voicemail on my classroom phone is full",
        "can I get a second monitor", "the walkie talkies will not charge",
        "how do I make a rubric in canvas", "payroll portal says access denied")
TEXTS = "CASE n % 8 " + " ".join(f"WHEN {i} THEN '{t}'" for i, t in enumerate(GAPS)) + " END"
WEEK = Period(datetime(2026, 11, 16, 5, tzinfo=UTC), datetime(2026, 11, 23, 5, tzinfo=UTC))


def series(dialect: str, n: int) -> tuple[str, str]:
    """A row source of 1..n, and an expression for a moment `seconds` into the year."""
    if dialect == "postgresql":
        return (f"FROM generate_series(1::bigint, {n}) AS g(n)",
                f"TIMESTAMPTZ '{YEAR_START} 00:00:00+00' + make_interval(secs => {{s}})")
    return (f"FROM (WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g "
            f"WHERE n < {n}) SELECT n FROM g)",
            f"strftime('%Y-%m-%d %H:%M:%f000', '{YEAR_START}', '+' || ({{s}}) || ' seconds')")


async def seed(engine: AsyncEngine, questions: int, tickets: int) -> None:
    """Empty schema, then schools, people, questions and tickets generated in SQL."""
    await downgrade(engine)
    await upgrade(engine)
    dialect = engine.dialect.name
    source, moment = series(dialect, max(questions, tickets, PEOPLE))
    year = 365 * 24 * 3600
    boolean = "(n % 4 = 0)"
    statements = [
        f"INSERT INTO schools (id, name, tz, opens, closes, weekdays) SELECT n, 'School ' || n, "
        f"'America/New_York', '07:30:00', '15:00:00', '01234' {source} WHERE n <= {SCHOOLS}",
        f"INSERT INTO people (id, platform, user_id, display_name, role, school_id, created_at, "
        f"prep_days) SELECT n, 'slack', 'U' || n, 'Teacher ' || n, 'teacher', "
        f"1 + n % {SCHOOLS}, {moment.format(s='0')}, '' {source} WHERE n <= {PEOPLE}",
        f"INSERT INTO questions (person_id, platform, school_id, text, outcome, article_id, "
        f"suggestions, confidence, helpful, asked_at) SELECT 1 + n % {PEOPLE}, 'slack', "
        f"1 + (n % {PEOPLE}) % {SCHOOLS}, {TEXTS}, "
        f"CASE WHEN n % 5 = 0 THEN 'deflect' WHEN n % 7 = 0 THEN 'suggest' ELSE 'answer' END, "
        f"CASE WHEN n % 5 = 0 THEN NULL ELSE 'article-' || (n % 36) END, '', 0.5, "
        f"CASE WHEN n % 3 = 0 THEN {boolean} ELSE NULL END, "
        f"{moment.format(s=f'(n * 7919) % {year}')} {source} WHERE n <= {questions}",
        f"INSERT INTO tickets (requester_id, school_id, text, room, urgency, category, "
        f"articles_shown, didnt_help, status, created_at, updated_at, resolved_at, "
        f"first_response_secs, resolution_secs) SELECT 1 + n % {PEOPLE}, "
        f"1 + (n % {PEOPLE}) % {SCHOOLS}, 'ticket ' || n, '', 'today', "
        f"CASE n % 4 WHEN 0 THEN 'hardware' WHEN 1 THEN 'lms' WHEN 2 THEN 'network' "
        f"ELSE 'accounts' END, '', {boolean}, CASE WHEN n % 6 = 0 THEN 'new' ELSE 'resolved' END, "
        f"{moment.format(s=f'(n * 104729) % {year}')}, "
        f"{moment.format(s=f'(n * 104729) % {year}')}, "
        f"CASE WHEN n % 6 = 0 THEN NULL ELSE {moment.format(s=f'(n * 104729) % {year} + 7200')} "
        f"END, CASE WHEN n % 6 = 0 THEN NULL ELSE 1800 + n % 3600 END, "
        f"CASE WHEN n % 6 = 0 THEN NULL ELSE 3600 + n % 20000 END {source} WHERE n <= {tickets}",
    ]
    async with engine.begin() as connection:
        for statement in statements:
            await connection.execute(text(statement))
        if dialect == "postgresql":
            await connection.execute(text("ANALYZE"))


async def timed(work, repeats: int = 5) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of `repeats` runs, in milliseconds (after one warm-up)."""
    await work()
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        await work()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


async def measure(url: str, questions: int, tickets: int) -> dict[str, float]:
    """Seed one database and time the three things."""
    engine = make_engine(url)
    started = time.perf_counter()
    await seed(engine, questions, tickets)
    print(f"  seeded {engine.dialect.name} in {time.perf_counter() - started:.1f} s",
          flush=True)
    sessions = make_sessions(engine)

    async def count() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT count(*) FROM questions"))
            await connection.execute(text("SELECT count(*) FROM tickets"))

    sections = Registry(FEATURES).digest_sections

    async def digest(scope: tuple[int, ...] | None) -> None:
        async with sessions() as session:
            await build_digest(session, sections, DigestAsk(WEEK, scope, None, WEEK.end))

    async with sessions() as session:
        sample = await build_digest(session, sections, DigestAsk(WEEK, (7,), None, WEEK.end))
    print(f"  the coach's week: {sample.summary}", flush=True)
    figures = {"count(*) both tables": await timed(count),
               "coach digest (1 school)": await timed(lambda: digest((7,))),
               "district digest": await timed(lambda: digest(None))}
    await engine.dispose()
    return figures


async def main() -> None:
    """Run on SQLite and, when given, PostgreSQL; print one table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=1_000_000)
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--pg", default=os.environ.get("PREPBOT_BENCH_PG_URL", ""))
    args = parser.parse_args()
    targets = {"sqlite": f"sqlite:///{tempfile.mkdtemp()}/bench.db"}
    if args.pg:
        targets["postgresql"] = args.pg
    results = {}
    for name, url in targets.items():
        print(f"{name}: {args.questions:,} questions, {args.tickets:,} tickets, "
              f"{SCHOOLS} schools", flush=True)
        results[name] = await measure(url, args.questions, args.tickets)
    print(f"\n{'median ms':<26}" + "".join(f"{name:>14}" for name in results))
    for row in next(iter(results.values())):
        print(f"{row:<26}" + "".join(f"{results[name][row]:>14.1f}" for name in results))


if __name__ == "__main__":
    asyncio.run(main())
