"""What "me too" costs a question at a busy school: every open ticket of the last day is read
as the knowledge base reads it, its words masked first.

    python bench/metoo.py [--tickets 10 50 200] [--rounds 20]

Seeds a temporary SQLite database with one school and N open tickets (printer, projector and
gradebook problems, some naming a student), then times `similar_open_ticket` for a question
about the wifi, which matches none of them, so every ticket is read. The baseline empties the
process's remembered readings before each question (every ticket masked every time, as
before they were remembered); "remembered" is the shipped behaviour once the school's tickets
have been read once. Both run in the same process, alternating.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker  # noqa: E402

from bot.features.tickets import similar  # noqa: E402
from bot.features.tickets.models import TicketRow  # noqa: E402
from bot.storage.engine import make_engine, make_sessions  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from knowledge import KnowledgeBase, load_knowledge_base  # noqa: E402

NOW = datetime(2026, 12, 3, 15, tzinfo=UTC)
TEXTS = ("The printer in room {n} jams on every double sided job",
         "Projector shows no signal from my laptop over HDMI, room {n}",
         "Gradebook will not sync with the SIS since Monday, section {n}",
         "Jaden Rodriguez (ID 44{n:04d}) can't print to the library printer",
         "My document camera image is upside down on the projector in {n}")
QUESTION = "the wifi keeps dropping on every laptop in my classroom"


async def seed(sessions: async_sessionmaker[AsyncSession], tickets: int) -> None:
    """One school, one teacher, `tickets` open tickets of the last hours."""
    async with sessions() as session, session.begin():
        await session.execute(insert(TicketRow.metadata.tables["schools"]).values(
            id=1, name="Lincoln", tz="America/Chicago", opens=clock_time(7, 30),
            closes=clock_time(15), weekdays="01234"))
        await session.execute(insert(TicketRow.metadata.tables["people"]).values(
            id=1, platform="slack", user_id="U1", display_name="Ms Rivera", role="teacher",
            school_id=1, created_at=NOW, prep_days=""))
        await session.execute(insert(TicketRow), [
            {"requester_id": 1, "school_id": 1, "text": TEXTS[n % len(TEXTS)].format(n=n),
             "status": "new", "created_at": NOW, "updated_at": NOW} for n in range(tickets)])


async def question_ms(sessions: async_sessionmaker[AsyncSession], kb: KnowledgeBase,
                      forget: bool) -> float:
    """One question's lookup, in milliseconds."""
    if forget:
        similar.forget_readings()
    async with sessions() as session:
        started = time.perf_counter()
        found = await similar.similar_open_ticket(session, kb, 1, QUESTION, NOW)
        elapsed = (time.perf_counter() - started) * 1000
    assert found is None, "the question must match no ticket, so that all are read"
    return elapsed


async def run(tickets: int, rounds: int, kb: KnowledgeBase) -> tuple[float, float]:
    """Median milliseconds per question: every ticket masked again, and remembered."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        await upgrade(engine)
        sessions = make_sessions(engine)
        await seed(sessions, tickets)
        await question_ms(sessions, kb, forget=False)  # the school's tickets read once
        again, remembered = [], []
        for _ in range(rounds):
            again.append(await question_ms(sessions, kb, forget=True))
            remembered.append(await question_ms(sessions, kb, forget=False))
        await engine.dispose()
    return statistics.median(again), statistics.median(remembered)


async def main() -> None:
    """Print each size's two figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    kb = load_knowledge_base()
    print(f"{'open tickets':>12} {'masked again (ms)':>18} {'remembered (ms)':>16}")
    for tickets in args.tickets:
        again, remembered = await run(tickets, args.rounds, kb)
        print(f"{tickets:>12} {again:>18.1f} {remembered:>16.1f}")


if __name__ == "__main__":
    asyncio.run(main())
