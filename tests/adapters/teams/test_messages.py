"""Messages in personal chat and channels, answered with Adaptive Cards through the connector."""

from __future__ import annotations

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

