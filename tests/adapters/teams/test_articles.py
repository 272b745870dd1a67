"""Browsing the knowledge base in Teams: `ask` alone is a card of areas, a click lists one."""

from __future__ import annotations

from tests.adapters.teams.conftest import Teams
from tests.adapters.teams.test_triage import action
from tests.support.connector_stub import ConnectorStub


async def test_ask_alone_is_a_card_of_areas_and_a_click_lists_the_area(
        teams: Teams, connector: ConnectorStub) -> None:
    await teams.post(teams.message("ask"))
    [browse] = connector.sent()
    assert "The knowledge base: 36 articles. Pick an area, or search." in [
        t.replace("*", "") for t in browse.card_texts]
    assert "Wi-Fi and the network (2)" in browse.card_texts and "Search" in browse.card_texts

    await teams.post(teams.submit(action(browse.card, "Wi-Fi and the network"),
                                  card_id="act-browse"))
    listed = connector.sent("PUT")[-1]  # the card is replaced by the list
    assert "Can't connect to school Wi-Fi or it keeps dropping" in listed.card_texts
    assert "A teaching website or video is blocked" in listed.card_texts

    await teams.post(teams.submit(action(listed.card, "Can't connect to school Wi-Fi"),
                                  card_id="act-list"))
    page = connector.sent("PUT")[-1]
    assert any(t.startswith("1. ") for t in page.card_texts)
