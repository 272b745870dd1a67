"""A reply meant for one person, asked for in a channel, goes to their 1:1 chat with the bot."""

from __future__ import annotations

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, TEACHER, TENANT, Teams
from tests.adapters.teams.test_triage import COACH, COACH_CHAT, to
from tests.support.connector_stub import ConnectorStub


async def test_a_coachs_ticket_queue_asked_for_in_a_channel_is_not_shown_there(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("ticket the smartboard in room 4 is dead"))
    connector.personal[COACH["id"]] = COACH_CHAT
    connector.calls.clear()

    await teams.post(teams.mention("tickets", user=COACH))

    [opened] = [c for c in connector.calls if c.path == "/v3/conversations"]
    assert opened.body["isGroup"] is False
    assert [m["id"] for m in opened.body["members"]] == [COACH["id"]]
    [queue] = to(connector, COACH_CHAT)
    assert any("smartboard in room 4" in t for t in queue.card_texts)
    [pointer] = to(connector, CHANNEL)
    assert pointer.card_texts == ["Mr Okafor, I sent you that in our 1:1 chat."]


async def test_when_teams_will_not_open_a_1_1_chat_nothing_private_is_shown_in_the_channel(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("ticket the smartboard in room 4 is dead"))
    connector.calls.clear()
    connector.fail(403, "POST", "/v3/conversations")

    await teams.post(teams.mention("tickets", user=COACH))

    [pointer] = connector.sent()
    assert pointer.conversation == CHANNEL and not any("smartboard" in t
                                                       for t in pointer.card_texts)
    assert "couldn't open a 1:1 chat with you" in pointer.card_texts[0]


async def test_in_a_personal_chat_private_replies_stay_where_they_are(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("ticket the smartboard in room 4 is dead"))
    connector.calls.clear()
    await teams.post(teams.message("tickets"))
    [mine] = connector.sent()
    assert mine.conversation == PERSONAL and any("smartboard" in t for t in mine.card_texts)


def submits(node: object) -> list[dict[str, object]]:
    """Every Action.Submit in a card, however deep."""
    if isinstance(node, dict):
        found = [node] if node.get("type") == "Action.Submit" else []
        return found + [a for value in node.values() for a in submits(value)]
    if isinstance(node, list):
        return [a for value in node for a in submits(value)]
    return []


async def test_a_private_answer_to_a_click_in_a_channel_never_replaces_the_card_there(
        teams: Teams, connector: ConnectorStub) -> None:
    # A third red team's (stop 43): "Request Blooket" under a public answer replaced that
    # answer, for the whole channel, with the requester's private "Thanks: ... requested".
    await teams.post(teams.mention("can I use Blooket in my class?"))
    [answer] = connector.sent()
    [request] = [a for a in submits(answer.card) if "Blooket" in str(a.get("title", ""))]
    connector.personal[COACH["id"]] = COACH_CHAT
    connector.calls.clear()

    await teams.post(teams.submit(request["data"], answer.activity_id or "card-1",
                                  conversation=CHANNEL, user=COACH))

    assert not [c for c in connector.calls if c.method == "PUT"]
    [thanks] = to(connector, COACH_CHAT)
    assert any("Blooket is in the register" in t for t in thanks.card_texts)
    assert not any("Blooket is in the register" in t for c in to(connector, CHANNEL)
                   for t in c.card_texts)


NAMED = "can I use Jaden Wilks Chromebook for MAP testing? my student forgot his"
GROUP_CHAT = "19:group-rivera-okafor-lee@thread.v2"


async def test_a_question_naming_a_student_in_a_channel_or_group_chat_is_answered_privately(
        teams: Teams, connector: ConnectorStub) -> None:
    # A red team's (stop 45): the answer went to the whole channel, and to the whole group
    # chat, with "Request Jaden Wilks Chromebook" under it.
    connector.personal[TEACHER["id"]] = PERSONAL
    in_group = teams.mention(NAMED)
    in_group["conversation"] = {"id": GROUP_CHAT, "conversationType": "groupChat",
                                "isGroup": True, "tenantId": TENANT}
    await teams.post(teams.mention(NAMED))
    await teams.post(in_group)

    shared = [t for c in connector.sent() if c.conversation in (CHANNEL, GROUP_CHAT)
              for t in c.card_texts]
    assert shared and not any("Jaden" in t or "Wilks" in t for t in shared), shared
    assert len(to(connector, PERSONAL)) == 2, "both answered in her 1:1 chat"
