"""Tickets worked entirely in Teams: triage card in a channel, claim, replies relayed both ways."""

from __future__ import annotations

from typing import Any

from adapters.runtime import Runtime
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, Teams
from tests.support.connector_stub import ConnectorStub

COACH = {"id": "29:coach-okafor", "name": "Mr Okafor"}
ADMIN = {"id": "29:admin-ada", "name": "Ada"}
COACH_CHAT = "a:1personal-okafor"


def action(card: dict[str, Any], title: str) -> dict[str, Any]:
    """The data of the first card button whose title starts with `title`."""
    found = [a for e in card["body"] if e["type"] == "ActionSet" for a in e["actions"]
             if a["title"].startswith(title)]
    return dict(found[0]["data"])


def to(connector: ConnectorStub, conversation: str) -> list[Any]:
    """What reached a chat, or a channel (in any of its threads)."""
    return [c for c in connector.sent() if c.channel == conversation.split(";", 1)[0]]


async def test_claim_and_replies_travel_between_the_channel_and_the_teacher(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    await teams.post(teams.mention("prepbot settings route default here", user=ADMIN))
    await teams.post(teams.message("help", conversation=COACH_CHAT, user=COACH))

    await teams.post(teams.message("ticket the projector in room 12 is dead"))
    [card] = [c for c in to(connector, CHANNEL) if any("#1" in t for t in c.card_texts)]
    assert any("projector in room 12" in t for t in card.card_texts)

    await teams.post(teams.submit(action(card.card, "Claim"), card_id="act-card",
                                  conversation=CHANNEL, user=COACH))
    assert any("is on it" in t for t in to(connector, PERSONAL)[-1].card_texts)

    connector.personal[COACH["id"]] = COACH_CHAT
    await teams.post(teams.submit(action(card.card, "Reply"), card_id="act-card",
                                  conversation=CHANNEL, user=COACH))
    form = to(connector, COACH_CHAT)[-1].card  # the form is the coach's: in their 1:1 chat
    assert to(connector, CHANNEL)[-1].card_texts == ["Mr Okafor, I sent you that in our 1:1 "
                                                     "chat."]
    await teams.post(teams.submit({**action(form, "Send"), "text": "Is the blue light on?"},
                                  card_id="act-reply", conversation=COACH_CHAT, user=COACH))
    told = to(connector, PERSONAL)[-1]
    assert any("wrote: Is the blue light on?" in t for t in told.card_texts)

    await teams.post(teams.submit(action(told.card, "Reply"), card_id="act-told"))  # teacher
    answer_form = to(connector, PERSONAL)[-1].card
    await teams.post(teams.submit({**action(answer_form, "Send"), "text": "No, it's off"},
                                  card_id="act-answer"))
    assert any("No, it's off" in t for t in to(connector, COACH_CHAT)[-1].card_texts)


async def test_resolve_and_reopen_from_cards(teams: Teams, connector: ConnectorStub,
                                             runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=ADMIN["id"]), Role.ADMIN)
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.mention("prepbot settings route default here", user=ADMIN))
    await teams.post(teams.message("ticket the doc cam in room 4 shows nothing"))
    [card] = [c for c in to(connector, CHANNEL) if any("#1" in t for t in c.card_texts)]

    await teams.post(teams.submit(action(card.card, "Resolve"), card_id="act-card",
                                  conversation=CHANNEL, user=COACH))
    told = to(connector, PERSONAL)[-1]
    assert any("marked it resolved" in t for t in told.card_texts)
    await teams.post(teams.submit(action(told.card, "It's still broken"), card_id="act-told"))
    reopened = to(connector, PERSONAL)[-1]
    assert any("being handled" in t for t in reopened.card_texts)
