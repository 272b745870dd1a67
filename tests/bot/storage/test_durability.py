"""What an acknowledgement promises is on disk when the inbox's commit returns; a turn's
own commit is flushed lazily (a later inbox commit flushes it too, the log being in order)."""

from __future__ import annotations

from sqlalchemy import text

from adapters.runtime import Runtime
from bot.sealed import keyed
from bot.storage.engine import is_sqlite, make_sessions
from bot.storage.idempotency import claim_event
from bot.vocabulary import Conversation, Message, Person


async def _flush_level(runtime: Runtime, urgent: bool) -> str:
    sqlite = is_sqlite(runtime.engine)
    async with make_sessions(runtime.engine, urgent)() as session, session.begin():
        await session.execute(text("SELECT 1"))  # the transaction (and its setting) begins
        shown = await session.execute(text(
            "PRAGMA synchronous" if sqlite else "SHOW synchronous_commit"))
        return {"2": "on", "1": "off", "on": "on", "off": "off"}[str(shown.scalar_one())]


async def test_the_inbox_commits_to_disk_and_a_turn_does_not_wait_for_it(
        runtime: Runtime) -> None:
    assert await _flush_level(runtime, urgent=True) == "on"
    assert await _flush_level(runtime, urgent=False) == "off"
    assert await _flush_level(runtime, urgent=True) == "on"  # a pooled connection switches back


async def test_a_repeated_event_is_claimed_once(runtime: Runtime) -> None:
    now = runtime.bot.clock.now()
    async with runtime.sessions() as session, session.begin():
        first = await claim_event(session, "slack:Ev1", now)
        again = await claim_event(session, "slack:Ev1", now)
    assert (first, again) == (True, False)


async def test_a_retry_of_an_event_handled_before_keys_were_hashed_is_dropped(
        runtime: Runtime) -> None:
    # A red team's (stop 48): keys are now hashed with the server secret, and a retry that
    # reached the new code of an event the old code had handled (a rolling upgrade) was
    # worked again.
    async with runtime.sessions() as session, session.begin():
        await claim_event(session, "console:Ev1", runtime.bot.clock.now())  # the old, plain
    said = Message(text="the projector says no signal", event_id="Ev1",
                   person=Person(platform="console", user_id="rivera"),
                   conversation=Conversation(platform="console", id="rivera"))
    assert await runtime.bot.handle(said) == []


async def test_a_handled_events_key_is_hashed_with_the_server_secret(runtime: Runtime) -> None:
    # As the inbox's keys (tests/bot/test_inbox.py): a copy of the database must not
    # recompute it from the chats it holds (a red team's, stop 48, on Teams' keys).
    said = Message(text="the projector says no signal", event_id="Ev2",
                   person=Person(platform="console", user_id="rivera"),
                   conversation=Conversation(platform="console", id="rivera"))
    await runtime.bot.handle(said)
    async with runtime.sessions() as session:
        keys = (await session.execute(text("SELECT key FROM processed_events"))).scalars().all()
    assert keys == [f"console:{keyed(runtime.bot.secret, 'Ev2')}"] != ["console:Ev2"]
