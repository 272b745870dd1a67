"""What the log holds when the database fails mid-turn: that it failed, never what was typed
(docs/privacy.md: "Logs never contain what teachers typed")."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.vocabulary import Person

TYPED = "zebra4417 projector in room 4 is dead"
REFUSE = {  # a refused insert stands in for a full disk or a lost connection
    "sqlite": ["CREATE TRIGGER refuse BEFORE INSERT ON tickets BEGIN "
               "SELECT RAISE(ABORT, 'disk I/O error'); END"],
    "postgresql": ["CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                   "RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql",
                   "CREATE TRIGGER refuse BEFORE INSERT ON tickets "
                   "FOR EACH ROW EXECUTE FUNCTION refuse()"]}
ALLOW = {"sqlite": ["DROP TRIGGER refuse"],
         "postgresql": ["DROP TRIGGER refuse ON tickets", "DROP FUNCTION refuse()"]}


async def run_all(runtime: Runtime, statements: list[str]) -> None:
    async with runtime.engine.begin() as connection:
        for statement in statements:
            await connection.execute(text(statement))


async def test_a_database_error_while_opening_a_ticket_logs_none_of_its_words(
        chat: ConsoleChat, runtime: Runtime, teacher: Person,
        caplog: pytest.LogCaptureFixture) -> None:
    # A red team's (stop 53): SQLAlchemy's error carried "[parameters: ...]", her ticket's
    # text as typed, into the log line of every failed statement.
    dialect = runtime.engine.dialect.name
    await run_all(runtime, REFUSE[dialect])
    try:
        with caplog.at_level(logging.INFO):
            [said] = await chat.say(f"/ticket {TYPED}", as_=teacher)
    finally:
        await run_all(runtime, ALLOW[dialect])
    assert "nothing was saved" in said.text.lower() or "try again" in said.text.lower()
    assert "database error while handling a command" in caplog.text
    assert "zebra4417" not in caplog.text
