"""A Single Tenant install (as docs/teams.md recommends) hears its district's tenant only: a
correctly signed activity from another tenant is acknowledged and ignored, and nobody of
that tenant is stored (a red team's, stop 48: an outsider was stored as a teacher, and
answered)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.people.models import PersonRow
from bot.settings import Settings
from tests.adapters.teams.conftest import APP_ID, TENANT, Teams
from tests.support.connector_stub import ConnectorStub

OUTSIDER = {"id": "29:outsider", "name": "Someone Else", "aadObjectId": "aad-out"}


@pytest.fixture(params=["SingleTenant", "singletenant", "UserAssignedMSI"])
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """The district's own tenant only, the app type spelt as botbuilder takes it (any case; a
    managed identity is of one tenant too: a red team's on the fix)."""
    return settings.model_copy(update={"microsoft_app_id": APP_ID,
                                       "microsoft_app_password": "unused-in-tests",
                                       "microsoft_app_type": request.param,
                                       "microsoft_app_tenant_id": TENANT})


async def stored_people(runtime: Runtime) -> list[str]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(PersonRow.user_id))).scalars())


async def test_someone_of_another_tenant_is_neither_stored_nor_answered(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    activity = teams.message("/tickets", user=OUTSIDER)
    activity["conversation"]["tenantId"] = "other-tenant"
    activity["channelData"] = {"tenant": {"id": "other-tenant"}}
    response = await teams.post(activity)
    assert response.status == 200 and connector.sent() == []
    assert "29:outsider" not in await stored_people(runtime)


async def test_the_districts_own_teachers_are_answered(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    await teams.post(teams.message("/tickets"))
    assert connector.sent() != [] and await stored_people(runtime) != []
