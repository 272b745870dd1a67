"""No path from a person to their answers: in the schema, in every query, in the export."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.types import Date, DateTime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.pulse.export import FIXED, answer_sets
from bot.features.pulse.models import RespondentRow, ResponseRow
from bot.vocabulary import Person
from tests.bot.features.pulse.conftest import ANSWERS, CohortMessenger, answer, launch, likert
from tests.support.clock import FakeClock

IDENTIFYING = ("person", "user", "people", "name", "respondent", "platform", "email")


@contextmanager
def statements(runtime: Runtime) -> Iterator[list[str]]:
    """Every SQL statement the engine runs inside the block, lowercased."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement.lower())

    event.listen(runtime.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(runtime.engine.sync_engine, "before_cursor_execute", record)


async def columns(runtime: Runtime, table: str) -> tuple[list[dict[str, Any]], list[Any]]:
    async with runtime.engine.connect() as connection:
        return await connection.run_sync(lambda c: (inspect(c).get_columns(table),
                                                    inspect(c).get_foreign_keys(table)))


async def test_the_responses_table_has_no_person_no_timestamp_and_no_arrival_order(
        runtime: Runtime) -> None:
    cols, keys = await columns(runtime, ResponseRow.__tablename__)
    names = {c["name"] for c in cols}
    assert names == {"key", "survey_id", "answered_on", "answers", "comment"}
    assert not [n for n in names if any(word in n for word in IDENTIFYING)]
    assert not [c for c in cols if isinstance(c["type"], DateTime)]
    assert [c["name"] for c in cols if isinstance(c["type"], Date)] == ["answered_on"]
    assert {k["referred_table"] for k in keys} == {"pulse_surveys"}
    assert ResponseRow.__table__.c.key.type.python_type is str  # a hash, not a sequence


async def test_the_respondents_table_says_who_but_nothing_about_when_or_which(
        runtime: Runtime) -> None:
    cols, keys = await columns(runtime, RespondentRow.__tablename__)
    assert {c["name"] for c in cols} == {"survey_id", "person_id"}
    assert {k["referred_table"] for k in keys} == {"pulse_surveys", "people"}


async def test_sqlite_keeps_no_hidden_row_order_for_either_table(runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("rowid is SQLite's; PostgreSQL responses are rewritten at close")
    for table in ("pulse_responses", "pulse_respondents"):
        async with runtime.engine.connect() as connection:
            with pytest.raises(OperationalError):
                await connection.execute(text(f"SELECT rowid FROM {table}"))


async def test_no_statement_ever_joins_answers_to_people(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    with statements(runtime) as seen:
        await launch(chat, coach, runtime)
        for person, points in zip(pilot, ANSWERS, strict=False):
            await answer(chat, outbox, person, likert(*points))
        await answer(chat, outbox, pilot[0], likert(*ANSWERS[1]))  # a change
        await chat.click("Change my answers", as_=pilot[0])
        for words in ("/pulse status", "/pulse results", "/pulse close"):
            await chat.say(words, as_=coach)
        morning.advance(hours=1)
        await runtime.dispatcher.tick()
        async with runtime.sessions() as session:
            await answer_sets(session)
    touching = [s for s in seen if "pulse_responses" in s]
    assert touching, "the flow should have read and written responses"
    for statement in touching:
        assert "pulse_respondents" not in statement and "people" not in statement
        assert "deliveries" not in statement and "person" not in statement


async def test_the_export_has_no_identifying_column_and_only_closed_surveys(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    await launch(chat, coach, runtime)
    for person, points in zip(pilot, ANSWERS, strict=False):
        await answer(chat, outbox, person, likert(*points))
    async with runtime.sessions() as session:
        assert (await answer_sets(session)).rows == []  # still open: nothing yet
    await chat.say("/pulse close", as_=coach)
    async with runtime.sessions() as session:
        table = await answer_sets(session)
    assert table.columns == (*FIXED, "pu1", "pu2", "peou1", "peou2", "bi1", "bi2", "comment")
    assert not [c for c in table.columns if any(word in c for word in IDENTIFYING)]
    cells = {cell for row in table.rows for cell in row}
    for person in [*pilot, coach]:
        assert person.user_id not in cells
        assert not any(person.display_name in cell for cell in cells)
    assert len(table.rows) == 5
