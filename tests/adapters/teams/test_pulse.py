"""The pulse through the Teams endpoint: a coach launches in a channel, a teacher answers."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from adapters.runtime import Runtime
from bot.features.pulse.models import PendingRow
from bot.roles import Role
from bot.settings import Settings
from bot.vocabulary import Person
from tests.adapters.teams.conftest import BOT, CHANNEL, TEACHER, Teams
from tests.bot.features.pulse.conftest import MONDAY_MORNING
from tests.support.clock import FakeClock
from tests.support.connector_stub import ConnectorStub

PUBLIC = "https://prepbot.example.org"
COACH = {"id": "29:coach-okafor", "name": "Mr Okafor", "aadObjectId": "aad-okafor"}
PILOT = [TEACHER, *({"id": f"29:t{n}", "name": f"Teacher {n}"} for n in range(2, 6))]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Teams settings with a public base URL, so charts can be images."""
    return settings.model_copy(update={"public_url": PUBLIC})


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The card's inputs by id."""
    return {e["id"]: e for e in card["body"] if str(e.get("type", "")).startswith("Input.")}


def submit_data(card: dict[str, Any]) -> dict[str, Any]:
    """The data of the card's (one) form Action.Submit."""
    [action] = [a for e in card["body"] if e["type"] == "ActionSet" for a in e["actions"]
                if "form_id" in a.get("data", {})]
    assert action["type"] == "Action.Submit"
    return dict(action["data"])


async def test_a_coach_launches_in_a_channel_and_a_teacher_answers_the_proactive_card(
        teams: Teams, connector: ConnectorStub, runtime: Runtime, clock: FakeClock) -> None:
    clock.current = MONDAY_MORNING
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("help"))  # the teacher has a personal chat with prepbot
    connector.members = [COACH, *PILOT]
    connector.page_size = 10
    connector.calls.clear()

    launched = await teams.post(teams.activity(
        "message", conversation=CHANNEL, user=COACH, text=f"<at>{BOT['name']}</at> pulse start "
        "Nearpod closes friday", entities=[{"type": "mention", "text": f"<at>{BOT['name']}</at>",
                                            "mentioned": BOT}]))
    assert launched.status in (200, 201)
    told, pointer = connector.sent()  # for the coach only: in their 1:1 chat, not the channel
    assert any("goes to 5 people" in t for t in told.card_texts)
    assert told.conversation.startswith("a:") and pointer.conversation == CHANNEL
    assert pointer.card_texts == [f"{COACH['name']}, I sent you that in our 1:1 chat."]
    connector.calls.clear()

    await runtime.dispatcher.tick()
    [invitation] = connector.sent()  # only the teacher who ever wrote can be reached
    assert invitation.conversation.startswith("a:1personal-rivera")
    card = invitation.card
    fields = inputs(card)
    assert [f["type"] for f in fields.values()] == ["Input.ChoiceSet"] * 6 + ["Input.Text"]
    assert fields["pu1"]["style"] == "expanded" and fields["pu1"]["isRequired"] is True
    data = submit_data(card)
    assert data["form_id"] == "pulse.answer" and data["context"]
    connector.calls.clear()

    answers = {name: "6" for name in fields if name != "comment"} | {"comment": "Kids love it"}
    response = await teams.post(teams.submit({**data, **answers}, invitation.body.get("id")
                                             or "act-1"))
    assert response.status in (200, 201)
    [thanks] = connector.sent()
    assert any("your answers are saved" in t for t in thanks.card_texts)
    async with runtime.sessions() as session:
        assert (await session.execute(select(func.count(PendingRow.key)))).scalar_one() == 1
