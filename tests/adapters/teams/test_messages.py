"""Messages in personal chat and channels, answered with Adaptive Cards through the connector."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.answers.models import QuestionRow
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, Teams
from tests.support.bf_tokens import OUTBOUND_TOKEN
from tests.support.connector_stub import ConnectorStub


async def test_a_personal_chat_question_gets_an_adaptive_card_with_steps_and_yes_no(
        teams: Teams, connector: ConnectorStub) -> None:
    response = await teams.post(teams.message("the projector says no signal"))

    assert response.status in (200, 201)
    [reply] = connector.sent()
    assert reply.conversation == PERSONAL
    assert reply.headers["Authorization"] == f"Bearer {OUTBOUND_TOKEN}"
    attachment = reply.body["attachments"][0]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = reply.card
    assert card["version"] == "1.5"
    texts = reply.card_texts
    assert any("projector" in t.lower() or "signal" in t.lower() for t in texts)
    assert any(t.startswith("1. ") for t in texts) and any(t.startswith("2. ") for t in texts)
    assert "Did this help?" in texts and "Yes" in texts and "No" in texts
    assert reply.body["summary"] and reply.body["speak"]
    assert card["fallbackText"] == reply.body["speak"]



async def stored_questions(runtime: Runtime) -> list[str]:
    """What the core stored as questions."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(QuestionRow.text))).scalars())


async def test_a_channel_mention_is_answered_in_that_conversation_without_the_mention(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    response = await teams.post(teams.mention("the projector says no signal"))

    assert response.status in (200, 201)
    [reply] = connector.sent()
    assert reply.conversation == CHANNEL
    assert any("Did this help?" in t for t in reply.card_texts)
    assert await stored_questions(runtime) == ["the projector says no signal"]


async def test_only_a_channel_question_is_kept_with_the_message_its_edits_come_back_by(
        teams: Teams, runtime: Runtime) -> None:
    # A 1:1 chat's edits and deletions never reach prepbot: nothing to follow them by.
    await teams.post(teams.message("the projector says no signal"))
    mention = teams.mention("my smartboard pen is off by an inch")
    await teams.post(mention)
    async with runtime.sessions() as session:
        rows = await session.execute(select(QuestionRow.text, QuestionRow.message_key))
        keys: dict[str, str | None] = {text: key for text, key in rows}
    assert keys == {"the projector says no signal": None,
                    "my smartboard pen is off by an inch":
                        f"{CHANNEL.partition(';')[0]}:{mention['id']}"}


async def test_typed_command_words_and_a_bare_help_reach_the_commands(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.message("help"))
    await teams.post(teams.message("ticket"))

    help_reply, form_reply = connector.sent()
    assert any("/ticket" in t for t in help_reply.card_texts)
    body = form_reply.card["body"]
    inputs = {e["id"]: e["type"] for e in body if e["type"].startswith("Input.")}
    assert inputs["text"] == "Input.Text" and inputs["urgency"] == "Input.ChoiceSet"
    [submit] = [a for e in body if e["type"] == "ActionSet" for a in e["actions"]]
    assert submit["type"] == "Action.Submit" and submit["data"]["form_id"] == "tickets.new"
    assert await stored_questions(runtime) == []  # neither was taken for a question


async def test_a_submitted_form_opens_a_ticket(teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("ticket"))
    form = connector.sent()[0]
    data = next(a["data"] for e in form.card["body"] if e["type"] == "ActionSet"
                for a in e["actions"])

    values = {"text": "Smartboard pen is off by an inch in room 204", "room": "204",
              "urgency": "today", "category": "other", "identifiers": "mask"}
    await teams.post(teams.submit({**data, **values}, card_id="act-form"))

    opened = connector.sent()[-1]
    assert any("is open" in t for t in opened.card_texts)


async def test_did_this_help_no_updates_the_card_in_place(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("the projector says no signal"))
    answer = connector.sent()[0]
    no = next(a for e in answer.card["body"] if e["type"] == "ActionSet"
              for a in e["actions"] if a["title"] == "No")

    response = await teams.post(teams.submit(no["data"], card_id="act-answer-1"))

    assert response.status in (200, 201)
    [update] = connector.sent("PUT")
    assert update.conversation == PERSONAL and update.activity_id == "act-answer-1"
    assert any("didn't fix it" in t for t in update.card_texts)
    assert len(connector.sent()) == 1  # no new message: the old card changed


async def test_an_action_execute_click_is_answered_with_the_updated_card(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("the projector says no signal"))
    answer = connector.sent()[0]
    yes = next(a for e in answer.card["body"] if e["type"] == "ActionSet"
               for a in e["actions"] if a["title"] == "Yes")

    response = await teams.post(teams.execute(yes["data"], card_id="act-answer-1"))

    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert any("Glad that fixed it" in block.get("text", "") for block in body["value"]["body"])
    assert connector.sent("PUT") == [] and len(connector.sent()) == 1


async def test_a_retried_activity_is_answered_once(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    activity = teams.message("the projector says no signal")

    first = await teams.post(activity)
    second = await teams.post(activity)

    assert first.status in (200, 201) and second.status in (200, 201)
    assert len(connector.sent()) == 1
    assert len(await stored_questions(runtime)) == 1


@pytest.mark.usefixtures("short_busy_wait")
async def test_a_message_that_could_not_be_stored_is_answered_nothing_was_saved(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    # A red team's (stop 45): with the database refusing the write (a disk full, another
    # process's lock), the activity got a 201 and no word at all: lost, unsaid.
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("another process's write lock is SQLite's")
    other = sqlite3.connect(str(runtime.engine.url.database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        response = await teams.post(teams.message("the projector says no signal"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert response.status in (200, 201)
    [told] = connector.sent()
    assert told.conversation == PERSONAL
    assert any("nothing was saved" in text for text in told.card_texts), told.card_texts
    async with runtime.sessions() as session:
        assert (await session.execute(select(QuestionRow))).first() is None
