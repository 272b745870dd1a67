"""Activities as Teams really sends them: older channel activities that carry only `isGroup`,
and mentions of other people, which stay in the text."""

from __future__ import annotations

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.answers.models import QuestionRow
from bot.people.models import ConversationRow
from tests.adapters.teams.conftest import BOT, Teams
from tests.support.connector_stub import ConnectorStub

OLD_CHANNEL = "19:4a9e3b@thread.skype;messageid=1700000000001"


async def test_a_channel_without_a_conversation_type_is_a_channel_not_a_person(
        teams: Teams, runtime: Runtime, connector: ConnectorStub) -> None:
    activity = teams.activity("message", text="<at>prepbot</at> the projector says no signal",
                              entities=[{"type": "mention", "text": "<at>prepbot</at>",
                                         "mentioned": BOT}])
    activity["conversation"] = {"id": OLD_CHANNEL, "isGroup": True}  # no conversationType
    response = await teams.post(activity)
    assert response.status in (200, 201)
    async with runtime.sessions() as session:
        row = (await session.execute(select(ConversationRow).where(
            ConversationRow.conversation_id == OLD_CHANNEL))).scalar_one()
    assert row.kind == "channel" and row.person_id is None  # never a person's private chat
    assert '"user"' not in row.ref


async def test_only_the_bots_mention_is_removed(teams: Teams, runtime: Runtime) -> None:
    partner = {"id": "29:partner", "name": "Mr Okafor"}
    activity = teams.activity(
        "message", text="<at>prepbot</at> <at>Mr Okafor</at> and I both see no signal",
        entities=[{"type": "mention", "text": "<at>prepbot</at>", "mentioned": BOT},
                  {"type": "mention", "text": "<at>Mr Okafor</at>", "mentioned": partner}])
    await teams.post(activity)
    async with runtime.sessions() as session:
        [text] = (await session.execute(select(QuestionRow.text))).scalars()
    assert text.startswith("Mr Okafor and I both see no signal")
