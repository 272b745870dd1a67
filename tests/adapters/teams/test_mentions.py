"""A Teams @mention names the person Teams says it does, even when two colleagues share the
name, through /api/messages. A red team's (stop 49): Teams turns mentions into plain names,
so `cycle start @Ms Patel` could only be refused when two teachers are called Ms Patel."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.cycles.models import CycleRow
from bot.people.directory import find_person
from bot.roles import Role
from bot.vocabulary import Conversation, Message, Person, incoming_from_json, incoming_to_json
from tests.adapters.teams.conftest import Teams
from tests.support.connector_stub import ConnectorStub

COACH = {"id": "29:coach-okafor", "name": "Mr Okafor"}
LINCOLN = {"id": "29:patel-lincoln", "name": "Ms Patel"}
HILLSIDE = {"id": "29:patel-hillside", "name": "Ms Patel"}


def chat_of(user: dict[str, str]) -> str:
    """A person's 1:1 chat with the bot."""
    return f"a:1personal-{user['id'].partition(':')[2]}"


async def say(teams: Teams, user: dict[str, str], text: str, *mentions: dict[str, str],
              shown: str = "") -> None:
    """Type in one's 1:1 chat, @mentioning people as Teams sends them (each shown by their
    name, or `shown` when the writer shortened it)."""
    entities: list[dict[str, Any]] = [{"type": "mention",
                                       "text": f"<at>{shown or m['name']}</at>",
                                       "mentioned": m} for m in mentions]
    await teams.post(teams.message(text, conversation=chat_of(user), user=user,
                                   entities=entities))


async def cycle_teacher(runtime: Runtime) -> str | None:
    """The user id of the one teacher a cycle was started with, if any."""
    async with runtime.sessions() as session:
        cycle = (await session.execute(select(CycleRow))).scalar_one_or_none()
        if cycle is None:
            return None
        for user in (LINCOLN, HILLSIDE):
            person = await find_person(session, "teams", user["id"])
            if person is not None and person.id == cycle.teacher_id:
                return user["id"]
    return "someone else"


async def two_patels(teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    for user in (COACH, LINCOLN, HILLSIDE):
        connector.personal[user["id"]] = chat_of(user)
        await say(teams, user, "hello")


def told(connector: ConnectorStub, words: str) -> bool:
    """Whether the coach's chat was sent some words."""
    return any(words in text for call in connector.sent() if call.channel == chat_of(COACH)
               for text in [*call.card_texts, str(call.activity.get("text", ""))])


async def test_an_at_mention_picks_the_namesake_teams_says(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await two_patels(teams, connector, runtime)
    await say(teams, COACH, "cycle start <at>Ms Patel</at>", HILLSIDE)
    assert await cycle_teacher(runtime) == HILLSIDE["id"]


async def test_a_mention_shortened_to_a_first_name_names_who_teams_says(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    # A red team's (stop 50): "<at>Patel</at>" was looked for as "Ms Patel", skipped, and the
    # word left to be read as a name.
    await two_patels(teams, connector, runtime)
    await say(teams, COACH, "cycle start <at>Patel</at>", HILLSIDE, shown="Patel")
    assert await cycle_teacher(runtime) == HILLSIDE["id"]


async def test_a_plain_shared_name_is_still_asked_about(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await two_patels(teams, connector, runtime)
    await say(teams, COACH, "cycle start Ms Patel")
    assert await cycle_teacher(runtime) is None
    assert told(connector, "More than one person here is called “Ms Patel”")


async def test_a_mention_of_an_id_nobody_has_is_read_as_the_name_alone(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    # A mention's id is the sender's client's to write: an id prepbot never met names nobody.
    await two_patels(teams, connector, runtime)
    forged = {"id": "29:made-up", "name": "Ms Patel"}
    await say(teams, COACH, "cycle start <at>Ms Patel</at>", forged)
    assert await cycle_teacher(runtime) is None
    assert told(connector, "More than one person here is called “Ms Patel”")


def test_the_mentions_are_kept_while_the_message_waits_in_the_inbox() -> None:
    said = Message(person=Person(platform="teams", user_id=COACH["id"]),
                   conversation=Conversation(platform="teams", id=chat_of(COACH)),
                   text="cycle start Ms Patel",
                   mentioned=(Person(platform="teams", user_id=HILLSIDE["id"],
                                     display_name="Ms Patel"),))
    assert incoming_from_json(incoming_to_json(said)) == said
