"""The masker learns colleagues from Teams itself: the name Teams gives a teacher who writes
to prepbot ("Brooks, Kayden", as the tenant's directory writes it) is kept in the next
teacher's ticket, and a student with the colleague's surname is still hidden."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.settings import Settings
from tests.adapters.teams.conftest import Teams

COLLEAGUE = {"id": "29:kayden", "name": "Brooks, Kayden", "aadObjectId": "aad-kayden"}


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """Teams' settings, with what a test's parameters change."""
    return settings.model_copy(update=getattr(request, "param", {}))


async def stored_ticket(teams: Teams, runtime: Runtime, said: str) -> str:
    """What a teacher's ticket stored."""
    await teams.post(teams.message(f"ticket {said}"))
    async with runtime.sessions() as session:
        [ticket] = (await session.execute(select(TicketRow))).scalars()
    return ticket.text


async def test_a_colleague_teams_names_is_kept_in_a_ticket(teams: Teams,
                                                           runtime: Runtime) -> None:
    await teams.post(teams.message("hello", conversation="a:1kayden", user=COLLEAGUE))
    await runtime.bot.refresh()

    await teams.post(teams.message("ticket Kayden Brooks has the cart key for room 114, and "
                                   "my student Jaylen Brooks (ID 20417736) lost his charger"))
    async with runtime.sessions() as session:
        [ticket] = (await session.execute(select(TicketRow))).scalars()
    assert ticket.text == ("Kayden Brooks has the cart key for room 114, and my student "
                           "[name] (ID [id number]) lost his charger")


async def test_teams_is_never_asked_for_the_whole_tenant(teams: Teams, runtime: Runtime) -> None:
    # A tenant's roster would need Microsoft Graph, and in a school's tenant it lists students
    # too: only the people who write to prepbot are learnt.
    await teams.post(teams.message("hello", conversation="a:1kayden", user=COLLEAGUE))
    await runtime.bot.refresh()
    assert runtime.messengers.get("teams") is not None
    assert runtime.bot.staff.workspaces.reading is None


@pytest.mark.parametrize("settings", [{"masking_staff": "context"}], indirect=True)
async def test_a_first_name_teams_gave_spares_no_one_in_context(teams: Teams,
                                                               runtime: Runtime) -> None:
    # A red team's (AY, stop 60): in a school's tenant whoever writes may be a student, so a
    # name Teams gave spares a whole name only, never every student who shares its first.
    await teams.post(teams.message("hello", conversation="a:1kayden", user=COLLEAGUE))
    await runtime.bot.refresh()
    said = "Kayden got into the staff drive and deleted the sub plans, can you restore them?"
    assert await stored_ticket(teams, runtime, said) == said.replace("Kayden", "[name]")
