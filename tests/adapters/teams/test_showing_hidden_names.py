"""In Teams, a teacher who opens a ticket in a channel gets, in her 1:1 chat, a button for each
name the masker hid; her Action.Submit shows it on the ticket; the same data sent by another
user of the tenant shows nothing."""

from __future__ import annotations

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from tests.adapters.teams.conftest import CHANNEL, PERSONAL, TEACHER, Teams
from tests.adapters.teams.test_private import submits
from tests.adapters.teams.test_triage import to
from tests.support.connector_stub import ConnectorStub

WORDS = "Chantel has the install codes for the smartboard software but she is out today"


async def ticket_text(runtime: Runtime) -> str:
    async with runtime.sessions() as session:
        return (await session.execute(select(TicketRow.text))).scalar_one()


async def offered(teams: Teams, connector: ConnectorStub) -> dict[str, object]:
    """The ticket opened in a channel; the one Action.Submit sent to her 1:1 chat."""
    connector.personal[TEACHER["id"]] = PERSONAL
    await teams.post(teams.mention(f"ticket {WORDS}"))
    assert not any("Chantel" in t for c in to(connector, CHANNEL) for t in c.card_texts)
    [show] = [a for c in to(connector, PERSONAL) for a in submits(c.card)
              if "Show" in str(a.get("title", ""))]
    assert show["title"] == "Show \u201cChantel\u201d"
    return show


async def test_her_submit_shows_the_name_on_her_ticket(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    show = await offered(teams, connector)
    assert (await ticket_text(runtime)).startswith("[name] has the install codes")

    await teams.post(teams.submit(show["data"], "card-1", conversation=PERSONAL))

    assert await ticket_text(runtime) == WORDS


async def test_the_same_data_from_another_user_shows_nothing(
        teams: Teams, connector: ConnectorStub, runtime: Runtime) -> None:
    show = await offered(teams, connector)
    connector.calls.clear()

    response = await teams.post(teams.submit(show["data"], "card-1",
                                             **{"from": {**TEACHER, "id": "29:mallory"}}))

    assert response.status in (200, 201)
    assert (await ticket_text(runtime)).startswith("[name] has the install codes")
    said = [t for c in connector.sent() for t in c.card_texts]
    assert not any("Chantel" in t for t in said) and any("nothing was shown" in t for t in said)
