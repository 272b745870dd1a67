"""Help-channel mode through /api/messages: with resource-specific consent Teams sends every
channel message, mention or not. In a channel a coach turned on, a new question is answered
in its thread only when prepbot is sure; chatter gets nothing; a coach's thread reply can be
saved as a draft from their 1:1 chat; the hourly budget holds. Other channels are not read."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from adapters.runtime import Runtime
from bot.arrivals import InboxRow
from bot.features.answers.models import QuestionRow
from bot.features.helpchannels.models import HelpReplyRow, HelpThreadRow
from bot.features.tickets.models import DraftRow
from bot.inbox import MAX_ATTEMPTS
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.teams.conftest import BOT, TENANT, Teams
from tests.adapters.teams.test_triage import ADMIN, COACH, COACH_CHAT, action, to
from tests.conftest import OperatorLock
from tests.support.clock import FakeClock
from tests.support.connector_stub import ConnectorStub

HELP = "19:techhelp@thread.tacv2"
LOUNGE = "19:lounge@thread.tacv2"
IDS = itertools.count(1)


def post(teams: Teams, text: str, user: dict[str, str], channel: str = HELP,
         **extra: Any) -> dict[str, Any]:
    """A new message in a channel, nobody mentioned: its conversation is its own thread."""
    message_id = f"17000009{next(IDS):05d}"
    activity = teams.activity("message", conversation=f"{channel};messageid={message_id}",
                              user=user, text=text, **extra)
    activity["id"] = message_id
    activity["channelData"] = {"tenant": {"id": TENANT}, "channel": {"id": channel},
                               "team": {"id": channel}}
    return activity


def reply(teams: Teams, thread: dict[str, Any], text: str,
          user: dict[str, str] = COACH) -> dict[str, Any]:
    """A reply in that message's thread."""
    activity = post(teams, text, user)
    activity["conversation"] = dict(thread["conversation"])
    activity["replyToId"] = thread["id"]
    return activity


def mention(teams: Teams, text: str, user: dict[str, str], channel: str = HELP
            ) -> dict[str, Any]:
    """A message in a channel that @mentions prepbot."""
    tag = f"<at>{BOT['name']}</at>"
    return post(teams, f"{tag} {text}", user, channel,
                entities=[{"type": "mention", "text": tag, "mentioned": BOT}])


async def inbox_size(runtime: Runtime) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(InboxRow.id)))).scalar_one())


@pytest.fixture
async def help_channel(teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    """A coach (with a 1:1 chat) and an admin exist, and #tech-help is a help channel."""
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    connector.personal[COACH["id"]] = COACH_CHAT
    await teams.post(mention(teams, "prepbot channel help on", COACH))
    [told] = to(connector, HELP)
    assert any("I'll read new questions" in t for t in told.card_texts)
    connector.calls.clear()


async def test_a_question_in_a_help_channel_is_answered_in_its_thread(
        teams: Teams, connector: ConnectorStub, help_channel: None) -> None:
    question = post(teams, "the projector says no signal", {"id": "29:t1", "name": "Ms Rivera"})
    response = await teams.post(question)
    assert response.status in (200, 201)
    [answer] = connector.sent()
    assert answer.conversation == question["conversation"]["id"], "in the question's thread"
    assert "Did this help?" in answer.card_texts and "Yes" in answer.card_texts


async def test_off_topic_chat_and_other_channels_get_nothing(
        teams: Teams, connector: ConnectorStub, help_channel: None, runtime: Runtime) -> None:
    teacher = {"id": "29:t1", "name": "Ms Rivera"}
    before = await inbox_size(runtime)
    for text in ("Happy Friday everyone!", "Anyone want to grab lunch at 12?", "thanks!"):
        await teams.post(post(teams, text, teacher))
    assert connector.calls == []
    assert await inbox_size(runtime) == before, "chatter not even stored (a red team's, stop 44)"
    await teams.post(post(teams, "the projector says no signal", teacher, channel=LOUNGE))
    assert connector.calls == [] and await inbox_size(runtime) == before, "not even stored"


async def test_other_bots_and_replies_get_nothing(
        teams: Teams, connector: ConnectorStub, help_channel: None, runtime: Runtime) -> None:
    other_bot = {"id": "28:another-bot", "name": "Polly"}
    await teams.post(post(teams, "the projector says no signal", other_bot))
    question = post(teams, "is anyone else having trouble with google classroom",
                    {"id": "29:t1", "name": "Ms Rivera"})
    await teams.post(question)
    before = await inbox_size(runtime)
    await teams.post(reply(teams, question, "the projector says no signal",
                           {"id": "29:t2", "name": "Mr Chen"}))
    assert connector.calls == [] and await inbox_size(runtime) == before


async def test_a_coachs_thread_reply_becomes_a_draft_with_one_click(
        teams: Teams, connector: ConnectorStub, help_channel: None, runtime: Runtime) -> None:
    question = post(teams, "is anyone else having trouble with google classroom",
                    {"id": "29:t1", "name": "Ms Rivera"})
    await teams.post(question)
    await teams.post(reply(teams, question, "Sign out and back in, then rejoin."))
    [offer] = to(connector, COACH_CHAT)
    assert to(connector, HELP) == [], "nothing in the channel: no answer, no pointer"
    assert "Keep your answer for next time?" in offer.card_texts

    await teams.post(teams.submit(action(offer.card, "Save as article draft"),
                                  card_id="act-offer", conversation=COACH_CHAT, user=COACH))
    assert any("article draft" in t for t in to(connector, COACH_CHAT)[-1].card_texts)
    async with runtime.sessions() as session:
        [draft] = (await session.execute(select(DraftRow))).scalars().all()
    assert draft.title == question["text"] and draft.body == "Sign out and back in, then rejoin."


async def test_the_per_channel_rate_limit_holds(
        teams: Teams, connector: ConnectorStub, help_channel: None) -> None:
    await teams.post(mention(teams, "prepbot settings help_channel_answers_per_hour 2", ADMIN))
    await teams.post(mention(teams, "prepbot channel help on react", COACH))
    connector.calls.clear()
    teacher = {"id": "29:t1", "name": "Ms Rivera"}
    questions = [post(teams, text, teacher) for text in (
        "the projector says no signal", "my smartboard pen is off by an inch",
        "the document camera is blurry", "zoom audio echo")]
    for question in questions:
        await teams.post(question)
    threads = [call.conversation for call in connector.sent()]
    assert threads == [q["conversation"]["id"] for q in questions[:2]], \
        "two answers; Teams lets no bot react, so the rest get nothing"



async def kept(runtime: Runtime) -> list[str]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(HelpThreadRow.text))).scalars())


def changed(question: dict[str, Any], kind: str, text: str = "") -> dict[str, Any]:
    """Teams' activity when a channel message is edited or deleted: the message's own id."""
    event = "editMessage" if kind == "messageUpdate" else "softDeleteMessage"
    return {**question, "type": kind, "text": text,
            "channelData": {**question["channelData"], "eventType": event}}


async def test_a_question_edited_or_deleted_in_teams_follows_its_teacher(
        teams: Teams, connector: ConnectorStub, help_channel: None, runtime: Runtime) -> None:
    teacher = {"id": "29:t1", "name": "Ms Rivera"}
    question = post(teams, "is anyone else having trouble with google classroom", teacher)
    await teams.post(question)
    connector.calls.clear()
    before = await inbox_size(runtime)

    edit = "is anyone else having trouble with google classroom since Jaden Wilks logged in"
    assert (await teams.post(changed(question, "messageUpdate", edit))).status == 200
    [text] = await kept(runtime)
    assert text.endswith("logged in") and "Jaden" not in text
    assert connector.calls == [] and await inbox_size(runtime) == before, "not a new question"

    assert (await teams.post(changed(question, "messageDelete"))).status == 200
    assert await kept(runtime) == []


async def test_every_copy_follows_its_writer_the_answers_log_and_a_coachs_reply(
        teams: Teams, connector: ConnectorStub, help_channel: None, runtime: Runtime) -> None:
    # A red team's (stop 45): a deleted question stayed in the answers log, and a coach's
    # edited or deleted reply stayed kept as first written.
    answered = post(teams, "the projector says no signal", {"id": "29:t1", "name": "Ms Rivera"})
    await teams.post(answered)
    unsure = post(teams, "is anyone else having trouble with google classroom",
                  {"id": "29:t2", "name": "Mr Chen"})
    await teams.post(unsure)
    coach_reply = reply(teams, unsure, "Sign out and back in, then rejoin.")
    await teams.post(coach_reply)

    await teams.post(changed(coach_reply, "messageUpdate", "Rejoin (Jaden Wilks did)."))
    assert await texts_of(runtime, HelpReplyRow) == ["Rejoin ([name] did)."]
    await teams.post(changed(coach_reply, "messageDelete"))
    assert await texts_of(runtime, HelpReplyRow) == []

    assert await texts_of(runtime, QuestionRow) == ["the projector says no signal"]
    await teams.post(changed(answered, "messageDelete"))
    assert await texts_of(runtime, QuestionRow) == []


async def texts_of(runtime: Runtime, table: type[QuestionRow] | type[HelpReplyRow]
                   ) -> list[str]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(table.text))).scalars())


async def test_edits_and_deletions_of_what_was_not_kept_change_nothing(
        teams: Teams, help_channel: None, runtime: Runtime) -> None:
    teacher = {"id": "29:t1", "name": "Ms Rivera"}
    question = post(teams, "the projector says no signal", teacher)
    await teams.post(question)
    chatter = post(teams, "Happy Friday everyone!", teacher)
    await teams.post(chatter)
    elsewhere = post(teams, "the projector says no signal", teacher, channel=LOUNGE)
    await teams.post(elsewhere)
    await teams.post(changed(chatter, "messageUpdate", "my smartboard pen is off by an inch"))
    await teams.post(changed(chatter, "messageDelete"))
    await teams.post(changed(elsewhere, "messageDelete"))
    assert await kept(runtime) == ["the projector says no signal"]


@pytest.fixture
def refused(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every turn refused by the database (standing in for a statement that always fails);
    how many were tried."""
    tries: list[int] = []

    async def dispatch(*_args: Any) -> None:
        tries.append(1)
        raise OperationalError("INSERT ...", {}, Exception("disk I/O error"))
    monkeypatch.setattr(runtime.bot.router, "dispatch", dispatch)
    return tries


async def test_a_post_the_database_refused_is_retried_quietly_and_not_for_ever(
        teams: Teams, connector: ConnectorStub, help_channel: None, runtime: Runtime,
        clock: FakeClock, refused: list[int]) -> None:
    # A red team's (stop 45): the teacher, who never addressed prepbot, was told in a 1:1
    # chat "I'll answer here"; and with no 1:1 chat stored, "nothing was saved" could not
    # reach her, so the turn was worked again at every recovery, for ever.
    teacher = {"id": "29:t1", "name": "Ms Rivera"}
    await teams.post(post(teams, "is anyone else having trouble with google classroom", teacher))
    for _ in range(3 * MAX_ATTEMPTS):
        clock.advance(minutes=1)
        await runtime.bot.recover(clock.now())
    assert connector.sent() == [], "nobody asked prepbot: nobody is told anything"
    assert len(refused) == MAX_ATTEMPTS


async def test_a_deletion_the_database_cannot_take_now_is_refused_not_dropped(
        teams: Teams, help_channel: None, runtime: Runtime,
        operator_lock: OperatorLock) -> None:
    # A red team's (stop 45): the deletion was answered 200 and dropped, so the question
    # its teacher had deleted stayed kept.
    operator_lock.release()
    question = post(teams, "is anyone else having trouble with google classroom",
                    {"id": "29:t1", "name": "Ms Rivera"})
    await teams.post(question)
    operator_lock.take()

    response = await teams.post(changed(question, "messageDelete"))
    operator_lock.release()

    assert response.status == 503 and len(await kept(runtime)) == 1
    assert (await teams.post(changed(question, "messageDelete"))).status == 200
    assert await kept(runtime) == []


@pytest.fixture
def refused_once(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The next turn fails on the database once (a lock, a blip); later ones run."""
    real = runtime.bot.router.dispatch
    tries: list[int] = []

    async def dispatch(*args: Any) -> Any:
        tries.append(1)
        if len(tries) == 1:
            raise OperationalError("INSERT ...", {}, Exception("database is locked"))
        return await real(*args)
    monkeypatch.setattr(runtime.bot.router, "dispatch", dispatch)
    return tries


async def test_an_edit_made_while_its_post_waits_to_be_worked_again_keeps_none_of_it(
        teams: Teams, help_channel: None, runtime: Runtime, clock: FakeClock,
        refused_once: list[int]) -> None:
    # A red team's (stop 46): the post, worked again after the lease, was kept as first
    # typed, the student the teacher had edited out included.
    question = post(teams, "is anyone else having trouble with google classroom since the "
                           "sub let Jaden log in", {"id": "29:t1", "name": "Ms Rivera"})
    await teams.post(question)
    edit = "is anyone else having trouble with google classroom"
    assert (await teams.post(changed(question, "messageUpdate", edit))).status == 200

    clock.advance(minutes=1)
    await runtime.bot.recover(clock.now())

    assert len(refused_once) == 2, "worked again"
    assert await kept(runtime) == []
