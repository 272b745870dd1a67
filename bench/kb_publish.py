"""What publishing an article from chat costs: the check, the rebuild, and reaching a replica.

    python bench/kb_publish.py [--sizes 0,100,1000] [--repeat 5] [--pg URL]

For a district that already keeps N articles in the database (generated, 8 phrasings each,
on top of the 36 shipped ones), two runtimes on one database stand for two replicas, each
with its own knowledge base. Times, as medians of `--repeat` edits of one article:

- publish: the coach's whole turn on replica A (the form checked as `prepbot kb check`
  checks a file, the change committed, A's index rebuilt before the reply);
- check: that check alone (knowledge/check.py over every article, before and after);
- rebuild: `KnowledgeBase.use_texts` alone (lexical index and dense vectors), beside the
  lexical index alone and today's `reload` of the shipped articles, in the same run;
- poll: one look at the database for a change (each replica, every PREPBOT_REFRESH_SECONDS);
- reach: replica B's refresh that picks the change up, then a teacher's answer on B.

SQLite in a temporary folder; with --pg or PREPBOT_BENCH_PG_URL, PostgreSQL too (every
prepbot table in it is emptied: use a database of its own).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from sqlalchemy import text

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime, load_settings
from bot.features.library import service
from bot.features.library.authoring import compose, problems
from bot.people.directory import find_person
from bot.roles import Role
from bot.storage.engine import make_engine
from bot.storage.migrate import upgrade
from bot.tables import metadata
from bot.vocabulary import Person
from knowledge import load_knowledge_base
from knowledge.index import Index

COACH = Person(platform="console", user_id="okafor", display_name="Mr Okafor")
TEACHER = Person(platform="console", user_id="rivera", display_name="Ms Rivera")
SECRET = "YmVuY2gtb25seS1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLg=="
THINGS = ("laminator", "label maker", "3d printer", "poster plotter", "walkie talkie",
          "bell system", "sound board", "microscope camera", "vinyl cutter", "robot kit")
TROUBLES = ("keeps jamming", "will not turn on", "shows an error light", "makes a grinding noise",
            "is stuck on updating", "lost its settings", "drops the connection",
            "prints in the wrong colour")


def district_article(n: int) -> tuple[str, str]:
    """A generated article: its id and text (valid for `kb check`)."""
    thing = f"{THINGS[n % len(THINGS)]} {n}"
    values = {"title": f"The {thing} needs attention", "category": "hardware",
              "answer": f"Restart the {thing} and check its cable.",
              "steps": f"Switch the {thing} off\nWait ten seconds\nSwitch it on again",
              "phrasings": "\n".join(f"the {thing} {trouble}" for trouble in TROUBLES),
              "still_stuck": "Open a ticket: reply \"ticket\".", "tags": "workroom"}
    article_id = f"district-{n}"
    return article_id, compose(article_id, values, None, date(2026, 12, 1))


LAMINATOR = {"title": "Laminator jams or wrinkles the pouch", "category": "hardware",
             "answer": "Let it warm up and feed the sealed edge first.",
             "steps": "Wait for the ready light\nFeed the sealed edge first",
             "phrasings": "\n".join(("laminator ate my poster", "laminator keeps jamming",
                                     "pouch comes out wrinkled", "laminator jammed again",
                                     "pouch stuck in the laminator", "sheets come out bubbly",
                                     "how do I unjam the laminator",
                                     "laminator melted the pouch")),
             "still_stuck": "Open a ticket: reply \"ticket\".", "tags": "laminator"}


async def timed(work: Callable[..., Awaitable[Any]], *args: Any) -> float:
    """Milliseconds one awaited piece of work takes."""
    started = time.perf_counter()
    await work(*args)
    return (time.perf_counter() - started) * 1000


async def in_thread(work: Callable[..., Any], *args: Any) -> float:
    """Milliseconds a blocking piece of work takes off the event loop."""
    return await timed(asyncio.to_thread, work, *args)


async def seed(replica: Runtime, size: int) -> None:
    """N district articles in the database, written as coaches' changes."""
    await replica.bot.grant(COACH, Role.COACH)
    async with replica.sessions() as session, session.begin():
        author = await find_person(session, "console", COACH.user_id)
        assert author is not None
        for n in range(size):
            article_id, text = district_article(n)
            await service.record(session, article_id, text, "published", author,
                                 replica.bot.clock.now())


async def fresh(url: str) -> None:
    """The schema at head with no rows (PostgreSQL's tables are truncated)."""
    engine = make_engine(url)
    await upgrade(engine)
    if engine.dialect.name == "postgresql":
        names = ", ".join(t.name for t in metadata.sorted_tables)
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    await engine.dispose()


async def measure(url: str, size: int, repeat: int) -> dict[str, float]:
    """The medians for one database and one district size."""
    await fresh(url)
    settings = load_settings(DATABASE_URL=url, PREPBOT_SECRET_KEY=SECRET)
    one = await build_runtime(settings, kb=load_knowledge_base(), migrate=False)
    two = await build_runtime(settings, kb=load_knowledge_base(), migrate=False)
    try:
        await seed(one, size)
        await one.bot.refresh()
        await two.bot.refresh()
        coach, teacher = ConsoleChat(one.bot, COACH), ConsoleChat(two.bot, TEACHER)
        await coach.submit("library.save", LAMINATOR, "new")
        await two.bot.refresh()
        figures: dict[str, list[float]] = {k: [] for k in (
            "publish", "check", "rebuild", "lexical", "reload", "poll", "reach")}
        kb, article_id = one.kb, "laminator-jams-or-wrinkles-the-pouch"
        for n in range(repeat):
            values = {**LAMINATOR, "answer": f"Let it warm up ({n}) and feed it slowly."}
            figures["publish"].append(await timed(coach.submit, "library.save", values,
                                                  f"edit:{article_id}"))
            assert "Published" in coach.replies[0].text, coach.replies[0].text
            texts = dict(kb.texts)
            changed = {**texts, article_id: texts[article_id] + "\n"}
            figures["check"].append(await in_thread(problems, kb.extra, texts, changed,
                                                    article_id))
            figures["rebuild"].append(await in_thread(kb.use_texts, changed))
            figures["lexical"].append(await in_thread(Index, list(kb.articles.values()),
                                                      kb.synonyms, None))
            figures["reload"].append(await in_thread(load_knowledge_base().reload))
            async with two.sessions() as session:
                figures["poll"].append(await timed(service.fingerprint, session))
            figures["reach"].append(await timed(two.bot.refresh) + await timed(
                teacher.say, "the laminator ate my poster"))
            assert teacher.replies[0].text.startswith("Laminator"), teacher.replies[0].text
        return {k: statistics.median(v) for k, v in figures.items()}
    finally:
        await one.close()
        await two.close()


async def main(sizes: list[int], repeat: int, pg: str) -> None:
    """One table row per database and size."""
    print("| database | district articles | publish (whole turn) | check | rebuild | lexical "
          "index alone | reload of shipped | poll | reach replica B |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, url in [("SQLite", ""), *([("PostgreSQL", pg)] if pg else [])]:
            for size in sizes:
                f = await measure(url or f"sqlite+aiosqlite:///{folder}/bench{size}.db", size,
                                  repeat)
                print(f"| {name} | {size} | {f['publish']:.0f} ms | {f['check']:.0f} ms | "
                      f"{f['rebuild']:.0f} ms | {f['lexical']:.0f} ms | {f['reload']:.0f} ms | "
                      f"{f['poll']:.1f} ms | {f['reach']:.0f} ms |", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,100,1000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pg", default=os.environ.get("PREPBOT_BENCH_PG_URL", ""))
    arguments = parser.parse_args()
    asyncio.run(main([int(s) for s in arguments.sizes.split(",")], arguments.repeat,
                     arguments.pg))
