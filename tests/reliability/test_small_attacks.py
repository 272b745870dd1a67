"""Issue 16's smaller findings, each replayed as the attack it was: a strange timestamp, a
LIKE pattern for a school, a forged log line, a chart's URL in the log, a replayed slash
command, a health check behind a writer, a markdown link for a name, a person left inside a
channel's reference, and erased words left in SQLite's write-ahead log."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from pathlib import Path

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import make_mocked_request
from aiohttp.web import Response
from sqlalchemy import func, select, text
from typer.testing import CliRunner

from adapters.cli import app
from adapters.cli.operations import register
from adapters.logs import AccessLogger
from adapters.runtime import Runtime
from adapters.slack.blockkit import to_mrkdwn
from bot.features.tickets.models import TicketRow
from bot.people.models import ConversationRow, PersonRow
from tests.adapters.teams.conftest import BOT as TEAMS_BOT
from tests.adapters.teams.conftest import Teams
from tests.reliability.conftest import SLACK_SECRET, Slack
from tests.support.signing import form_body, signed_headers

SECRET_WORDS = "the gym projector in room zebra-4417 shows no signal"


@pytest.mark.parametrize("timestamp", ["²", "9" * 5000, "１２３", "-1", "12e3"])
async def test_a_strange_slack_timestamp_is_a_401_not_a_crash(slack: Slack,
                                                              timestamp: str) -> None:
    body, content_type = form_body({"command": "/ask", "text": "hi", "user_id": "U1"})
    headers = {**signed_headers(SLACK_SECRET, body, content_type),
               "X-Slack-Request-Timestamp": timestamp}
    async with slack.http.post("/slack/events", data=body, headers=headers) as response:
        assert response.status == 401


async def test_a_replayed_slash_command_opens_one_ticket(slack: Slack, runtime: Runtime) -> None:
    body, content_type = form_body({
        "command": "/ticket", "text": SECRET_WORDS, "user_id": "UTEACHER", "channel_id": "D1",
        "channel_name": "directmessage", "team_id": "T1", "trigger_id": "t-1",
        "response_url": slack.stub.response_url("replay")})
    headers = signed_headers(SLACK_SECRET, body, content_type)
    for _ in range(3):  # the same signed request, sent again within the five minutes
        async with slack.http.post("/slack/events", data=body, headers=headers) as response:
            assert response.status == 200
        await slack.adapter.drain()
    async with runtime.sessions() as session:
        assert (await session.execute(select(func.count(TicketRow.id)))).scalar_one() == 1


async def test_a_school_name_is_not_a_pattern(slack: Slack, runtime: Runtime) -> None:
    await slack.command("/prepbot", "school L%", user="UTEACHER")
    await slack.command("/prepbot", "school _", user="UTEACHER")
    said = json.dumps([c.params for c in slack.stub.of("response_url")])
    assert "a school called 'L%'" in said and "a school called '_'" in said
    async with runtime.sessions() as session:
        schools = (await session.execute(select(PersonRow.school_id))).scalars().all()
    assert all(school is None for school in schools)


def access_line(path: str, caplog: pytest.LogCaptureFixture) -> str:
    """What the access log writes for a request to this path."""
    logger = AccessLogger(logging.getLogger("test.access"), "")
    with caplog.at_level(logging.INFO, logger="test.access"):
        logger.log(make_mocked_request("GET", path), Response(status=404), 0.001)
    return caplog.records[-1].getMessage() + json.dumps(caplog.records[-1].__dict__["path"])


def test_a_newline_in_a_path_cannot_forge_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    line = access_line("/x%0a2026-12-01%20INFO%20prepbot%20admin%20granted%0d", caplog)
    assert "\n" not in line and "\r" not in line and "\\x0a" in line


@pytest.mark.parametrize(("path", "logged"), [
    ("/charts/s3cretTOKEN-abc_123.png", "/charts/<token>.png"),
    # A red team's (stop 44): a ticket's picture, which its signed link alone lets anyone see.
    ("/attachments/1.s3cretTOKEN.1796511973.vYxuE3-oYx", "/attachments/<token>"),
    ("/playground/attachments/1.s3cretTOKEN.1796511973.vYxu", "/playground/attachments/<token>"),
])
def test_a_capability_url_stays_out_of_the_log(path: str, logged: str,
                                               caplog: pytest.LogCaptureFixture) -> None:
    line = access_line(path, caplog)
    assert "s3cretTOKEN" not in line and logged in line


async def test_health_answers_while_a_writer_holds_sqlites_lock(
        runtime: Runtime, http: ClientSession) -> None:
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("the write lock is SQLite's")
    async with runtime.engine.connect() as writer:
        await writer.execute(text("UPDATE people SET display_name = display_name"))
        # the writer's transaction is open: BEGIN IMMEDIATE would now wait for 15 seconds
        response = await asyncio.wait_for(http.get("/healthz"), timeout=5)
        assert response.status == 200
        await writer.rollback()


async def test_a_name_shaped_like_a_link_stays_words(teams: Teams, runtime: Runtime) -> None:
    user = {"id": "29:mallory", "name": "[Reset your password](https://evil.example/x) *NOW*",
            "aadObjectId": "a-1"}
    await teams.post(teams.message("hello", user=user))
    async with runtime.sessions() as session:
        name = (await session.execute(select(PersonRow.display_name).where(
            PersonRow.user_id == "29:mallory"))).scalar_one()
    said = to_mrkdwn(f"{name} would like to book a coaching cycle.")  # as a Slack coach sees it
    assert "<https://evil.example" not in said and "*NOW*" not in said
    assert "Reset your password" in name


async def test_an_erased_teams_user_leaves_no_trace_in_channel_references(
        teams: Teams, runtime: Runtime) -> None:
    user = {"id": "29:rivera-aad", "name": "Maria Rivera", "aadObjectId": "aad-rivera"}
    # a mention: without one, a channel message is only read in a help channel
    await teams.post(teams.activity("message", text="<at>prepbot</at> hello", user=user,
                                    conversation="19:staff@thread.tacv2", entities=[
                                        {"type": "mention", "text": "<at>prepbot</at>",
                                         "mentioned": TEAMS_BOT}]))
    async with runtime.sessions() as session, session.begin():
        channel = (await session.execute(select(ConversationRow).where(
            ConversationRow.conversation_id == "19:staff@thread.tacv2"))).scalar_one()
        assert "29:rivera-aad" not in channel.ref  # a channel's reference names no one
        session.add(ConversationRow(  # as a reference stored before this version would be
            platform="teams", conversation_id="19:old@thread.tacv2", kind="channel",
            ref=json.dumps({"user": {"id": "29:rivera-aad", "name": "Maria Rivera"},
                            "conversation": {"id": "19:old@thread.tacv2"}}),
            updated_at=channel.updated_at))
    register(app)
    done = await asyncio.to_thread(  # the CLI runs its own event loop
        CliRunner().invoke, app, ["privacy", "delete", "teams:29:rivera-aad", "--yes"],
        env={"DATABASE_URL": runtime.settings.database_url})
    assert done.exit_code == 0, done.output
    async with runtime.sessions() as session:
        refs = (await session.execute(select(ConversationRow.ref))).scalars().all()
    assert not any("rivera-aad" in ref or "Maria Rivera" in ref for ref in refs)
    assert all(json.loads(ref) is not None for ref in refs if ref)


async def test_erased_words_do_not_linger_in_the_sqlite_files(
        slack: Slack, runtime: Runtime) -> None:
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("the write-ahead log is SQLite's")
    await slack.command("/ticket", SECRET_WORDS, user="UTEACHER")
    register(app)
    done = await asyncio.to_thread(
        CliRunner().invoke, app, ["privacy", "delete", "slack:UTEACHER", "--yes"],
        env={"DATABASE_URL": runtime.settings.database_url})
    assert done.exit_code == 0, done.output
    database = Path(runtime.engine.url.database or "")
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            assert b"zebra-4417" not in path.read_bytes(), path.name


async def test_an_erase_a_reader_kept_from_emptying_the_log_says_so_until_it_is_emptied(
        short_busy_wait: None, slack: Slack, runtime: Runtime) -> None:
    # A red team's (stop 47): while another connection read (an online backup, a sqlite3
    # shell), the checkpoint gave up silently; the CLI said "Erased" and the -wal file kept
    # her ticket, her name and her id in clear.
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("the write-ahead log is SQLite's")
    await slack.command("/ticket", SECRET_WORDS, user="UTEACHER")
    database = Path(runtime.engine.url.database or "")
    reader = sqlite3.connect(str(database), isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM tickets").fetchall()  # a read under way
    register(app)
    cli = CliRunner()
    env = {"DATABASE_URL": runtime.settings.database_url}
    erased = await asyncio.to_thread(cli.invoke, app, ["privacy", "delete", "slack:UTEACHER",
                                                       "--yes"], env=env)
    checked = await asyncio.to_thread(cli.invoke, app, ["db", "checkpoint"], env=env)
    reader.execute("ROLLBACK")
    reader.close()
    assert erased.exit_code == 1 and "prepbot db checkpoint" in erased.output
    assert "Erased slack:UTEACHER" in erased.output  # the erase itself stands
    assert checked.exit_code == 1, "still read: still not empty"

    emptied = await asyncio.to_thread(cli.invoke, app, ["db", "checkpoint"], env=env)
    assert emptied.exit_code == 0 and "log is empty" in emptied.output
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            assert b"zebra-4417" not in path.read_bytes(), path.name


async def test_a_checkpoint_on_postgresql_says_what_it_can_and_cannot_do(
        runtime: Runtime) -> None:
    # A red team's (stop 47): it said "everything is in the database file", SQLite's words.
    if runtime.engine.dialect.name == "sqlite":
        pytest.skip("PostgreSQL's answer")
    register(app)
    done = await asyncio.to_thread(CliRunner().invoke, app, ["db", "checkpoint"],
                                   env={"DATABASE_URL": runtime.settings.database_url})
    assert done.exit_code == 0 and "VACUUM" in done.output and "database file" not in done.output
