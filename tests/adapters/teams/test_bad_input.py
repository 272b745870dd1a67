"""Malformed activities get 400, kinds prepbot does not handle get 200, and nothing is sent."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.runtime import Runtime
from tests.adapters.teams.conftest import Teams
from tests.support.connector_stub import ConnectorStub


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"a string"', "{}", '{"type": ""}',
                                  '{"type": 42}', b"\xff\xfe\x00"])
async def test_a_body_that_is_not_an_activity_is_a_400(
        body: str | bytes, teams: Teams, connector: ConnectorStub) -> None:
    response = await teams.post(body, token=None)

    assert response.status == 400
    assert connector.calls == []


def without(activity: dict[str, Any], *path: str) -> dict[str, Any]:
    """The activity with one (nested) field removed."""
    node = activity
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return activity


@pytest.mark.parametrize("path", [("serviceUrl",), ("conversation", "id"), ("from",),
                                  ("recipient",)])
async def test_a_message_missing_what_a_reply_needs_is_a_400(
        path: tuple[str, ...], teams: Teams, connector: ConnectorStub) -> None:
    activity = without(teams.message("the projector says no signal"), *path)

    response = await teams.post(activity)

    assert response.status == 400
    assert "missing" in (await response.json())["message"]
    assert connector.calls == []


@pytest.mark.parametrize("kind, extra", [
    ("typing", {}), ("messageReaction", {"reactionsAdded": [{"type": "like"}]}),
    ("somethingNew", {}), ("invoke", {"name": "composeExtension/query", "value": {}}),
])
async def test_kinds_prepbot_does_not_handle_are_acknowledged_and_ignored(
        kind: str, extra: dict[str, Any], teams: Teams, connector: ConnectorStub,
        runtime: Runtime) -> None:
    response = await teams.post(teams.activity(kind, **extra))

    assert response.status == 200
    assert connector.calls == []


async def test_card_data_prepbot_did_not_send_is_ignored(
        teams: Teams, connector: ConnectorStub) -> None:
    response = await teams.post(teams.submit({"something": "else"}, card_id="act-1"))

    assert response.status in (200, 201)
    assert connector.calls == []
