"""A person's data out (`prepbot privacy export`) and erased (`prepbot privacy delete`)."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from adapters.cli import app
from adapters.cli.operations import register
from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.arrivals import InboxRow
from bot.blocks import Button, Buttons, Reply
from bot.features.answers.models import QuestionRow
from bot.features.tickets.models import TicketRow
from bot.inbox import Inbox
from bot.mentions import WORDS
from bot.people.models import ConversationRow, PersonRow
from bot.privacy import delete_person, export_person, free_text, person_links
from bot.privacy.rules import held_through
from bot.schools.service import save_school
from bot.sealed import unseal
from bot.server_secret import ServerSecret
from bot.tables import metadata
from bot.vocabulary import Conversation, Message, Person, incoming_from_json
from tests.reliability.conftest import row_counts
from tests.support.clock import FakeClock

SECRET_WORDS = "my classroom 214 smartboard pen is off by an inch"
LEE = Person(platform="console", user_id="lee", display_name="Mr Lee")


@pytest.fixture
def rivera() -> Person:
    """The teacher whose data is asked for."""
    return Person(platform="console", user_id="rivera", display_name="Ms Rivera")


@pytest.fixture
async def school(runtime: Runtime, chat: ConsoleChat, rivera: Person) -> None:
    """Rivera and Lee teach at Lincoln (me-too offers are made within a school)."""
    async with runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 0))
    for person in (rivera, LEE):
        await chat.say("/prepbot school Lincoln Elementary", as_=person)


@pytest.fixture
async def history(chat: ConsoleChat, rivera: Person, school: None) -> None:
    """Rivera asked a question, opened a ticket, set a prep period, and joined Lee's ticket."""
    await chat.say("the smartboard pen is off by an inch", as_=rivera)
    await chat.say(f"/ticket {SECRET_WORDS}", as_=rivera)
    await chat.say("/prepbot prep 10:15-11:00 mon-fri", as_=rivera)
    await chat.say("/ticket the hallway printer jams on every page", as_=LEE)
    replies = await chat.say("/ticket the hallway printer jams on every page", as_=rivera)
    join = next(b for r in replies for b in buttons(r) if b.action_id == "tickets.join")
    await chat.press(join, as_=rivera)


def buttons(reply: Reply) -> list[Button]:
    """The buttons of a reply."""
    return [b for block in reply.blocks if isinstance(block, Buttons) for b in block.buttons]


def test_every_table_that_points_at_a_person_has_an_erase_decision(runtime: Runtime) -> None:
    linked = {table.name for table, _ in person_links()}
    decided = set(runtime.bot.privacy.erase)
    assert linked <= decided, f"decide how to erase: {sorted(linked - decided)}"
    assert "pulse_responses" not in linked  # anonymous by construction: no column to follow


# Free-text columns that are no one's words about a person: keys, ids, settings, names of
# things, and what the erase treats on its own (people, conversations, the inbox, the
# ledger, drafts, published articles).
NOT_WORDS = {
    "charts": {"token", "owner", "fingerprint"}, "disconnected_platforms": {"reason"},
    "helpdesk_routes": {"route", "email", "webhook_url"},
    "inbox": {"key", "sender", "incoming", "reply_to", "replies"},
    "processed_events": {"key"}, "schools": {"name", "tz"}, "settings_kv": {"key", "value"},
    "ticket_routes": {"conversation_id"},
    "people": {"user_id", "display_name", "full_name", "tz"}, "attachments": {"owner"},
    "coffee_series": {"cohort_id"}, "conversations": {"conversation_id", "ref"},
    "cycles": {"request_key", "source"},
    "deliveries": {"job", "occurrence", "recipient", "conversation_id", "payload", "error"},
    "digest_prefs": {"schools"}, "help_channels": {"channel_id"}, "workshops": {"request_key"},
    "library_changes": {"article_id", "text", "draft"}, "pilots": {"request_key", "tool"},
    "pulse_surveys": {"request_key", "tool", "tool_key", "instrument", "cohort_id",
                      "cohort_name", "spec"},
    "questions": {"article_id", "suggestions", "message_key"},
    "tickets": {"request_key", "article_id", "articles_shown"},
    "tools": {"name", "key", "aliases", "schools", "grades", "website", "figures"},
    "help_threads": {"thread"}, "helpdesk_handoffs": {"route"}, "kb_drafts": {"title", "body"},
    "library_articles": {"article_id", "text"}, "pulse_pool": {"key"},
    "pulse_responses": {"key", "answers"}, "tool_checks": {"evidence"}, "tool_links": {"ref"},
    "help_replies": {"message_id"},
}


# Tables that hang off a person's rows but hold nothing of theirs: a series' sessions, the
# sealed and the released answers of a coach's surveys, a tool's links, a published article.
NOT_THEIRS = {"coffee_sessions", "pulse_pool", "pulse_responses", "tool_links",
              "library_articles"}


def test_every_table_through_a_persons_rows_is_exported_or_said_not_to_be(
        runtime: Runtime) -> None:
    # A red team's (stop 49): her ticket's helpdesk handoff hung off her ticket and was left
    # out of her export; a new such table must say which it is.
    through = {table.name for table in held_through()}
    rules = runtime.bot.privacy
    assert through - rules.exported_through - rules.never_exported - NOT_THEIRS == set()
    assert {"cycle_steps", "helpdesk_handoffs"} <= rules.exported_through


def test_every_free_text_column_is_either_words_people_write_or_not() -> None:
    # An erase takes a person's name and id out of what others wrote (bot/mentions.py): a
    # new column must say which it is.
    free = {(table.name, column.name) for table in metadata.sorted_tables
            for column in table.columns if free_text(column)}
    sorted_out = WORDS | {(t, c) for t, columns in NOT_WORDS.items() for c in columns}
    assert free - sorted_out == set(), "add each to bot/mentions.py's WORDS or to NOT_WORDS"
    assert free >= WORDS


async def test_the_export_holds_everything_about_the_person_and_no_survey_answers(
        runtime: Runtime, history: None, rivera: Person) -> None:
    async with runtime.sessions() as session:
        data = await export_person(session, runtime.bot.privacy, "console", "rivera")
    assert data["person"]["display_name"] == "Ms Rivera"
    assert data["person"]["prep_days"]
    tables = data["tables"]
    assert {"questions", "tickets", "conversations", "ticket_people"} <= set(tables)
    assert any(SECRET_WORDS in row["text"] for row in tables["tickets"])
    assert not set(tables) & runtime.bot.privacy.never_exported
    json.dumps(data)  # every value is JSON-ready
    async with runtime.sessions() as session:
        others = await export_person(session, runtime.bot.privacy, "console", "lee")
    assert all(row["requester_id"] != data["person"]["id"] for row in others["tables"]["tickets"])


async def test_an_export_masks_students_in_every_text_a_coachs_too(
        runtime: Runtime, chat: ConsoleChat, rivera: Person, coach: Person) -> None:
    # A red team's (stop 44): a coach's export held a teacher's ticket, kept as typed, whole:
    # it is linked to the coach who claimed it.
    kept = ("Jaden Smith (student ID 448812) cannot log in to his Chromebook, his mom's cell "
            "is 503-217-6684")
    await chat.submit("tickets.new", {"text": kept, "room": "Jaden's desk, room 12",
                                      "category": "accounts", "identifiers": "keep"},
                      "kept-1", as_=rivera)
    await chat.press(Button("Claim", "tickets.claim", "1"), as_=coach)
    rules = runtime.bot.privacy
    async with runtime.sessions() as session:
        coachs = await export_person(session, rules, "console", coach.user_id)
        teachers = await export_person(session, rules, "console", "rivera")
        stored = await session.get(TicketRow, 1)
    [claimed] = coachs["tables"]["tickets"]
    assert "[name]" in claimed["text"] and "[id number]" in claimed["text"]
    for exported in (coachs, teachers):
        assert not [w for w in ("Jaden", "448812", "6684") if w in json.dumps(exported)]
    assert stored is not None and stored.text == kept  # the ticket itself keeps its words


async def test_erasing_blanks_their_words_removes_their_contacts_and_keeps_the_counts(
        runtime: Runtime, history: None, rivera: Person) -> None:
    before = await row_counts(runtime)
    async with runtime.sessions() as session, session.begin():
        person_id = (await session.execute(select(PersonRow.id).where(
            PersonRow.user_id == "rivera"))).scalar_one()
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    after = await row_counts(runtime)
    async with runtime.sessions() as session:
        person = await session.get(PersonRow, person_id)
        assert person is not None and person.user_id.startswith("erased-")
        assert person.display_name == "" and person.prep_start is None
        questions = (await session.execute(select(QuestionRow.text).where(
            QuestionRow.person_id == person_id))).scalars().all()
        assert questions and all(text == "" for text in questions)
        tickets = (await session.execute(select(TicketRow).where(
            TicketRow.requester_id == person_id))).scalars().all()
        assert all(SECRET_WORDS not in t.text for t in tickets)
        conversations = await session.execute(select(func.count(ConversationRow.id)).where(
            ConversationRow.person_id == person_id))
        assert conversations.scalar_one() == 0
        gone = (await session.execute(select(func.count(PersonRow.id)).where(
            PersonRow.user_id == "rivera"))).scalar_one()
        assert gone == 0
    for table in ("questions", "tickets", "people", "ticket_people"):
        assert after[table] == before[table], table  # aggregates still count them


async def test_joining_never_stops_an_erasure_of_the_requesters_words(
        runtime: Runtime, chat: ConsoleChat, rivera: Person, school: None) -> None:
    await chat.say("/ticket the gym projector shows no signal at all", as_=rivera)
    replies = await chat.say("/ticket the gym projector shows no signal at all", as_=LEE)
    join = next(b for r in replies for b in buttons(r) if b.action_id == "tickets.join")
    await chat.press(join, as_=LEE)
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    async with runtime.sessions() as session:
        texts = (await session.execute(select(TicketRow.text))).scalars().all()
    # Lee keeps the ticket (its number, status, his own replies), not Rivera's words.
    assert texts == ["(removed at the request of the teacher who wrote it)"]


async def test_erasing_drops_what_they_sent_that_was_not_yet_worked(
        runtime: Runtime, chat: ConsoleChat, rivera: Person) -> None:
    await chat.say("hello", as_=rivera)  # known to prepbot
    stored = Message(text=SECRET_WORDS, person=rivera,
                     conversation=Conversation(platform="console", id="rivera"), event_id="E1")
    assert await runtime.bot.inbox.accept(stored, "E1") is not None  # then the process died
    lees = Message(text="the projector is dead", person=LEE,
                   conversation=Conversation(platform="console", id="lee"), event_id="E2")
    assert await runtime.bot.inbox.accept(lees, "E2") is not None
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    # Sealed, an arrival names its sender only inside (a red team's, stop 48): the erase
    # opens what waits to find hers, and leaves everyone else's.
    async with runtime.sessions() as session:
        kept = (await session.execute(select(InboxRow.incoming))).scalars().all()
    secret = runtime.bot.inbox.secret
    assert [incoming_from_json(unseal(secret, text)) for text in kept] == [lees]


async def test_a_turn_that_ends_after_the_erase_brings_nothing_of_them_back(
        runtime: Runtime, chat: ConsoleChat, rivera: Person) -> None:
    # A red team's (stop 48): her /ticket waited on Slack in one replica while the erase ran
    # in another process; the turn then committed, and her row, her words and a triage card
    # came back.
    await chat.say("hello", as_=rivera)
    stored = Message(text=SECRET_WORDS, person=rivera,
                     conversation=Conversation(platform="console", id="rivera"), event_id="E1")
    arrival = await runtime.bot.inbox.accept(stored, "E1")
    assert arrival is not None  # its worker is slow: the erase comes first
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")

    assert await runtime.bot.handle(stored, arrival) == []
    async with runtime.sessions() as session:
        people = (await session.execute(select(PersonRow.user_id))).scalars().all()
        asked = (await session.execute(select(QuestionRow.text))).scalars().all()
    assert "rivera" not in people and not any(SECRET_WORDS in text for text in asked)


async def test_an_erase_begun_while_her_turn_commits_waits_for_it_and_takes_what_it_wrote(
        runtime: Runtime, chat: ConsoleChat, rivera: Person,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's on the fix above (stop 48): on PostgreSQL the erase's first deletes ran
    # while her turn was about to commit, and did not see its rows; her words outlived it.
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: the turn and the erase never interleave")
    await chat.say("hello", as_=rivera)
    stored = Message(text=SECRET_WORDS, person=rivera,
                     conversation=Conversation(platform="console", id="rivera"), event_id="E1")
    arrival = await runtime.bot.inbox.accept(stored, "E1")
    assert arrival is not None
    ready, go_on = asyncio.Event(), asyncio.Event()
    answered = Inbox.answered

    async def slow_to_commit(self: Inbox, *args: Any, **kwargs: Any) -> None:
        await answered(self, *args, **kwargs)
        ready.set()
        await go_on.wait()

    monkeypatch.setattr(Inbox, "answered", slow_to_commit)
    turn = asyncio.create_task(runtime.bot.handle(stored, arrival))
    await asyncio.wait_for(ready.wait(), 30)

    async def erase() -> None:
        async with runtime.sessions() as session, session.begin():
            await delete_person(session, runtime.bot.privacy, "console", "rivera")

    erasing = asyncio.create_task(erase())
    await asyncio.sleep(1)  # the erase begins, and waits for the turn's arrival
    go_on.set()
    await asyncio.wait_for(turn, 30)
    await asyncio.wait_for(erasing, 30)
    async with runtime.sessions() as session:
        people = (await session.execute(select(PersonRow.user_id))).scalars().all()
        asked = (await session.execute(select(QuestionRow.text))).scalars().all()
    assert "rivera" not in people and not any(SECRET_WORDS in text for text in asked)


async def test_an_erase_takes_the_arrivals_no_key_of_the_servers_opens(
        runtime: Runtime, chat: ConsoleChat, rivera: Person, clock: FakeClock) -> None:
    # A red team's (stop 48): sealed under the key before a rotation, her arrival kept her
    # words and id inside; any such arrival may be hers, and none can ever be worked.
    await chat.say("hello", as_=rivera)
    older = Inbox(runtime.sessions, clock, lease=timedelta(seconds=30),
                  secret=ServerSecret(os.urandom(32)))
    stored = Message(text=SECRET_WORDS, person=rivera,
                     conversation=Conversation(platform="console", id="rivera"), event_id="E1")
    assert await older.accept(stored, "E1") is not None
    async with runtime.sessions() as session, session.begin():
        await delete_person(session, runtime.bot.privacy, "console", "rivera")
    async with runtime.sessions() as session:
        assert (await session.execute(select(InboxRow.id))).all() == []


def test_the_cli_exports_and_erases(runtime: Runtime, history: None, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", runtime.settings.database_url)
    register(app)
    cli = CliRunner()
    out = tmp_path / "rivera.json"
    result = cli.invoke(app, ["privacy", "export", "console:rivera", str(out)])
    assert result.exit_code == 0, result.output
    assert SECRET_WORDS in out.read_text()
    refused = cli.invoke(app, ["privacy", "delete", "console:rivera"])
    assert refused.exit_code == 2 and "--yes" in refused.output
    done = cli.invoke(app, ["privacy", "delete", "console:rivera", "--yes"])
    assert done.exit_code == 0 and "Erased console:rivera" in done.output
    again = cli.invoke(app, ["privacy", "export", "console:rivera"])
    assert again.exit_code == 2 and "No one is stored" in again.output


def test_exports_are_written_for_the_account_that_runs_them_alone(
        runtime: Runtime, history: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A red team's (stop 49): with the usual umask (022) every account on the server read a
    # teacher's whole record and every ticket of the district.
    monkeypatch.setenv("DATABASE_URL", runtime.settings.database_url)
    register(app)
    cli, before = CliRunner(), os.umask(0o022)
    try:
        stale = tmp_path / "tickets.csv"
        stale.write_text("an older export, left readable\n")
        person = cli.invoke(app, ["privacy", "export", "console:rivera", str(tmp_path / "r.json")])
        tickets = cli.invoke(app, ["tickets", "export", str(stale)])
    finally:
        os.umask(before)
    assert person.exit_code == tickets.exit_code == 0, person.output + tickets.output
    modes = {stat.S_IMODE((tmp_path / name).stat().st_mode) for name in ("r.json", "tickets.csv")}
    assert modes == {0o600}
