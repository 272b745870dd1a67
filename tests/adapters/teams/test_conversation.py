"""Teams holds the same conversation: asking for a ticket after an answer opens one with the
question on the triage card."""

from __future__ import annotations

import pytest

from tests.adapters.teams.conftest import PERSONAL, Teams
from tests.adapters.teams.test_ticket_lifecycle import said, ticket_card, triage  # noqa: F401
from tests.adapters.teams.test_triage import to
from tests.support.connector_stub import ConnectorStub


@pytest.mark.parametrize("request_text", ["open a ticket", "talk to someone", "human please"])
async def test_asking_for_a_ticket_after_an_answer_opens_one_with_the_question(
        teams: Teams, connector: ConnectorStub, triage: str,  # noqa: F811 (the fixture)
        request_text: str) -> None:
    await teams.post(teams.message("the projector says no signal"))
    await teams.post(teams.message(request_text))

    assert "the projector says no signal" in said(ticket_card(connector, 1))
    assert said(to(connector, PERSONAL)[-1]).startswith("Ticket #1 is open.")


async def test_replying_the_bare_word_ticket_after_an_answer_opens_one_with_the_question(
        teams: Teams, connector: ConnectorStub, triage: str) -> None:  # noqa: F811
    await teams.post(teams.message("the projector says no signal"))
    await teams.post(teams.message("ticket"))

    assert "the projector says no signal" in said(ticket_card(connector, 1))
