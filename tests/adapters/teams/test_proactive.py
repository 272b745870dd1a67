"""Install greetings, stored references, and messages the bot starts itself."""

from __future__ import annotations

import json
from collections import deque

import pytest
from msrest.exceptions import HttpOperationError
from sqlalchemy import select

from adapters.runtime import Runtime
from adapters.teams import messenger_of
from adapters.teams.messenger import NotReachable
from bot.blocks import Reply, Text
from bot.people.models import ConversationRow
from bot.vocabulary import Conversation, Person
from tests.adapters.teams.conftest import BOT, CHANNEL, PERSONAL, TEACHER, TENANT, Teams
from tests.support.bf_tokens import OUTBOUND_TOKEN
from tests.support.connector_stub import ConnectorStub

RIVERA = Person(platform="teams", user_id=TEACHER["id"])


def installed(teams: Teams, conversation: str = PERSONAL) -> list[dict[str, object]]:
    """What Teams sends on install: a conversationUpdate and an installationUpdate."""
    return [teams.activity("conversationUpdate", conversation=conversation, membersAdded=[BOT]),
            teams.activity("installationUpdate", conversation=conversation, action="add")]


async def stored(runtime: Runtime) -> list[ConversationRow]:
    """The conversations the core stored."""
    async with runtime.sessions() as session:
        return list((await session.execute(select(ConversationRow))).scalars())


async def test_install_greets_once_and_stores_the_reference(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    for activity in installed(teams):
        response = await teams.post(activity)
        assert response.status in (200, 201)

    [greeting] = connector.sent()
    assert greeting.conversation == PERSONAL
    assert any("I'm prepbot" in t for t in greeting.card_texts)
    [row] = await stored(runtime)
    assert (row.conversation_id, row.kind) == (PERSONAL, "direct")
    reference = json.loads(row.ref)
    assert reference["conversation"]["tenantId"] == TENANT
    assert reference["serviceUrl"] == connector.url and reference["bot"]["id"] == BOT["id"]


async def test_a_member_joining_a_chat_is_not_an_install(
        teams: Teams, connector: ConnectorStub) -> None:
    other = {"id": "29:someone-else", "name": "Someone"}
    response = await teams.post(teams.activity("conversationUpdate", conversation=CHANNEL,
                                               membersAdded=[other]))
    assert response.status in (200, 201)
    assert connector.sent() == []


async def test_a_proactive_dm_goes_through_the_stored_reference(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.message("the projector says no signal"))
    connector.calls.clear()

    await runtime.messengers["teams"].dm(RIVERA, Reply("Coffee at 3?", (Text("Coffee at 3?"),)))

    [sent] = connector.sent()
    assert sent.path == f"/v3/conversations/{PERSONAL}/activities"  # new, not a reply
    assert sent.headers["Authorization"] == f"Bearer {OUTBOUND_TOKEN}"
    assert sent.card_texts == ["Coffee at 3?"]


async def test_a_refused_dm_is_recorded_for_admins_and_raised(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.message("help"))
    connector.fail(403, "POST", "/activities")
    messenger = messenger_of(runtime)
    assert messenger is not None

    with pytest.raises(NotReachable):
        await messenger.dm(RIVERA, Reply("Pulse survey", (Text("Pulse survey"),)))

    [problem] = messenger.problems.recent
    assert (problem.key, problem.reason) == (RIVERA.key, "app not installed")
    metrics = runtime.metrics.render().decode()
    assert 'prepbot_teams_delivery_problems_total{reason="app not installed"} 1.0' in metrics


async def test_a_throttled_send_waits_as_long_as_teams_asks_then_goes_once(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.message("help"))
    connector.calls.clear()
    connector.fail(429, "POST", "/activities", {"Retry-After": "1"})
    messenger = messenger_of(runtime)
    assert messenger is not None

    await messenger.dm(RIVERA, Reply("Pulse survey", (Text("Pulse survey"),)))

    throttled, sent = connector.sent()
    assert sent.at - throttled.at >= 0.95  # Retry-After: 1 second
    assert sent.card_texts == ["Pulse survey"] and not connector.failures


async def test_a_connector_failing_on_every_try_is_left_to_the_scheduler(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.message("help"))
    connector.calls.clear()
    for _ in range(5):
        connector.fail(503, "POST", "/activities", {"Retry-After": "0"})
    messenger = messenger_of(runtime)
    assert messenger is not None

    with pytest.raises(HttpOperationError):
        await messenger.dm(RIVERA, Reply("Pulse survey", (Text("Pulse survey"),)))

    assert len(connector.sent()) == 4 and len(connector.failures) == 1  # four tries, then up
    assert messenger.problems.recent == deque()  # not a problem an admin must fix


async def test_a_dm_to_someone_who_never_wrote_is_a_problem_not_a_call(
        connector: ConnectorStub, runtime: Runtime, teams: Teams) -> None:
    stranger = Person(platform="teams", user_id="29:never-wrote")
    messenger = messenger_of(runtime)
    assert messenger is not None

    with pytest.raises(NotReachable):
        await messenger.dm(stranger, Reply("Hello"))

    assert connector.calls == []
    assert [p.reason for p in messenger.problems.recent] == ["no personal chat"]


async def test_channel_posts_start_a_thread_and_members_and_profiles_are_read(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.mention("the projector says no signal"))
    connector.members = [{"id": f"29:m{n}", "name": f"Member {n}", "userRole": "user"}
                         for n in range(4)] + [{"id": "29:m4", "name": "Visitor",
                                                "userRole": "guest"}]
    connector.calls.clear()
    messenger = runtime.messengers["teams"]
    channel = Conversation(platform="teams", id=CHANNEL, kind="channel")

    await messenger.post(channel, Reply("Triage: 3 new tickets", (Text("Triage"),)))
    people = await messenger.members(channel)
    profile = await messenger.profile(RIVERA)

    [post] = connector.sent()  # a new thread at the channel's root, not a reply in an old one
    assert post.path == "/v3/conversations" and post.body["isGroup"] is True
    assert post.body["channelData"]["channel"]["id"] == CHANNEL.split(";")[0]
    assert post.headers["Authorization"] == f"Bearer {OUTBOUND_TOKEN}"
    assert [p.user_id for p in people] == [f"29:m{n}" for n in range(5)]
    assert [p.display_name for p in people if p.guest] == ["Visitor"]
    pages = [c for c in connector.calls if c.path.endswith("/pagedmembers")]
    assert len(pages) == 3 and pages[1].query["continuationToken"] == "2"
    assert (profile.display_name, profile.tz) == ("Ms Rivera", "America/Chicago")
