"""In emulator mode (no app id) no 1:1 chat can be opened: a reply meant for one person,
asked for in a channel, is withheld there, never shown to the channel."""

from __future__ import annotations

import pytest

from adapters.runtime import Runtime
from bot.roles import Role
from bot.settings import Settings
from bot.vocabulary import Person
from tests.adapters.teams.conftest import CHANNEL, Teams
from tests.adapters.teams.test_triage import COACH
from tests.support.connector_stub import ConnectorStub


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Teams in emulator mode: mounted without an app id, requests unauthenticated."""
    return settings.model_copy(update={"microsoft_app_id": "", "microsoft_app_password": "",
                                       "teams_emulator": True})


@pytest.fixture
def local_cloud() -> None:
    """The server's own authentication, as the emulator mode runs it: none."""


async def test_a_coachs_queue_asked_for_in_a_channel_is_withheld_without_an_app_id(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await runtime.bot.grant(Person(platform="teams", user_id=COACH["id"]), Role.COACH)
    await teams.post(teams.message("ticket the smartboard in room 4 is dead"), token=None)
    connector.calls.clear()

    response = await teams.post(teams.mention("tickets", user=COACH), token=None)

    assert response.status < 300
    assert not [c for c in connector.calls if c.path == "/v3/conversations"]
    [pointer] = connector.sent()
    assert pointer.conversation == CHANNEL
    assert not any("smartboard" in t for t in pointer.card_texts)
    assert "couldn't open a 1:1 chat with you" in pointer.card_texts[0]
