"""No path from a person to their answers: in the schema, in every query, in the export."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.types import Date, DateTime

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.features.pulse.export import FIXED, answer_sets
from bot.features.pulse.models import PendingRow, RespondentRow, ResponseRow, SurveyRow
from bot.people.directory import find_person
from bot.server_secret import ServerSecret
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
    assert names == {"key", "survey_id", "answers", "comment"}
    assert not [n for n in names if any(word in n for word in IDENTIFYING)]
    assert not [c for c in cols if isinstance(c["type"], DateTime | Date)]
    assert {k["referred_table"] for k in keys} == {"pulse_surveys"}
    assert ResponseRow.__table__.c.key.type.python_type is str  # a hash, not a sequence


async def test_the_respondents_table_says_who_but_nothing_about_when_or_which(
        runtime: Runtime) -> None:
    cols, keys = await columns(runtime, RespondentRow.__tablename__)
    assert {c["name"] for c in cols} == {"survey_id", "person_id"}
    assert {k["referred_table"] for k in keys} == {"pulse_surveys", "people"}


async def test_sqlite_keeps_no_hidden_row_order_for_either_table(runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("rowid is SQLite's; on PostgreSQL each release is written shuffled")
    for table in ("pulse_responses", "pulse_respondents", "pulse_pool"):
        async with runtime.engine.connect() as connection:
            with pytest.raises(OperationalError):
                await connection.execute(text(f"SELECT rowid FROM {table}"))


async def test_no_statement_ever_joins_answers_to_people(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    with statements(runtime) as seen:
        await launch(chat, coach, runtime)
        await answer(chat, outbox, pilot[0], likert(*ANSWERS[0]))
        await answer(chat, outbox, pilot[0], likert(*ANSWERS[1]))  # a change while it waits
        await chat.click("Change my answers", as_=pilot[0])
        for person, points in zip(pilot[1:], ANSWERS[1:], strict=False):
            await answer(chat, outbox, person, likert(*points))
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


async def storage_order(runtime: Runtime, survey: int | None = None
                        ) -> tuple[list[int], list[dict[str, Any]]]:
    """The respondents and the answer sets (of one survey) in the order a dump lists them."""
    # PostgreSQL's physical order; SQLite's WITHOUT ROWID tables scan in key order.
    order = " ORDER BY ctid" if runtime.engine.dialect.name == "postgresql" else ""
    where = f" WHERE survey_id = {int(survey)}" if survey is not None else ""
    async with runtime.engine.connect() as connection:
        people = (await connection.execute(text(
            f"SELECT person_id FROM pulse_respondents{where}{order}"))).scalars()
        answers = (await connection.execute(text(
            f"SELECT answers FROM pulse_responses{where}{order}"))).scalars()
        return list(people), [a if isinstance(a, dict) else json.loads(a) for a in answers]


async def test_a_dump_zipped_by_row_order_links_no_better_than_chance(
        chat: ConsoleChat, coach: Person, runtime: Runtime, morning: FakeClock) -> None:
    """The attack of issue 16: pair the two tables' rows as a dump lists them. Ten groups of
    five, each teacher's answers distinct: chance pairs about one in five correctly."""
    right = pairs = 0
    for group in range(10):
        people = [Person(platform="console", user_id=f"g{group}t{n}", display_name="T")
                  for n in range(5)]
        channel = f"pilot-{group}"
        outbox = CohortMessenger(channels={channel: [*people, coach]})
        runtime.bot.messengers.add(outbox)
        await launch(chat, coach, runtime, f"Tool{group} #{channel} closes friday")
        truth = {}
        async with runtime.sessions() as session:
            for person in people:
                row = await find_person(session, "console", person.user_id)
                assert row is not None
                truth[row.id] = {"pu1": 1 + people.index(person)}
        for person in people:  # each answers in turn: arrival order = id order
            values = likert((1 + people.index(person), 1), (1, 1), (1, 1))
            await answer(chat, outbox, person, values)
        async with runtime.sessions() as session:
            survey = (await session.execute(select(func.max(SurveyRow.id)))).scalar_one()
        ids, answers = await storage_order(runtime, survey)
        right += sum(truth[i]["pu1"] == a["pu1"] for i, a in zip(ids, answers, strict=True))
        pairs += 5
    assert pairs == 50 and right < 25  # arrival order would pair all fifty


async def test_what_waits_is_sealed_and_all_one_size(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    """A copy of the database taken while answers wait shows neither whose they are, nor
    what they say, nor how long a comment is."""
    await launch(chat, coach, runtime)
    for person, comment in zip(pilot[:3], ("", "short", "a much longer comment " * 40),
                               strict=True):
        await answer(chat, outbox, person, likert(*ANSWERS[0]) | {"comment": comment})
    async with runtime.sessions() as session:
        waiting = list((await session.execute(select(PendingRow))).scalars())
        teacher = await find_person(session, "console", pilot[0].user_id)
    assert len(waiting) == 3 and len({len(row.sealed) for row in waiting}) == 1
    # whole words of the plain text: three bytes alone turn up in ciphertext by chance
    assert not any(b"short" in row.sealed or b'"pu1":' in row.sealed for row in waiting)
    assert teacher is not None
    guesses = {hashlib.sha256(f"{row.survey_id}:{teacher.id}".encode()).hexdigest()
               for row in waiting}
    assert not guesses & {row.key for row in waiting}  # the key is not a plain hash of who
    stranger = ServerSecret(b"another server's secret, not ours")
    with pytest.raises(ValueError):
        stranger.open("pulse-pool", waiting[0].sealed)
    assert runtime.bot.secret.keyed_hash("pulse-pool", f"{waiting[0].survey_id}:"
                                               f"{teacher.id}") in {r.key for r in waiting}


async def test_no_commit_writes_a_respondent_without_four_others(
        chat: ConsoleChat, coach: Person, runtime: Runtime, outbox: CohortMessenger,
        pilot: list[Person], morning: FakeClock) -> None:
    """A snapshot after every commit: the respondents appear only five at a time."""
    await launch(chat, coach, runtime)
    seen = []
    for person, points in zip(pilot, [*ANSWERS, ANSWERS[0]], strict=True):
        await answer(chat, outbox, person, likert(*points))
        seen.append((await storage_order(runtime))[0])
    assert [len(people) for people in seen] == [0, 0, 0, 0, 5, 5]
