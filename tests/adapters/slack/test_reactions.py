"""A 🎫 (:ticket:) reaction on a message opens a ticket from that message, once."""

from __future__ import annotations

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from tests.adapters.slack.conftest import CHANNEL, TEACHER, SlackClient


async def tickets(runtime: Runtime) -> list[TicketRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(TicketRow).order_by(TicketRow.id))).scalars())


def reaction(ts: str, name: str = "ticket") -> dict[str, object]:
    return {"type": "reaction_added", "user": TEACHER, "reaction": name,
            "item": {"type": "message", "channel": CHANNEL, "ts": ts}, "item_user": "UOTHER",
            "event_ts": "1700000100.000100"}


async def test_a_ticket_reaction_opens_a_ticket_with_the_messages_text(
        slack: SlackClient, runtime: Runtime) -> None:
    slack.stub.history[CHANNEL] = [
        {"ts": "1700000000.000100", "text": "wifi keeps dropping in the library"},
        {"ts": "1700000000.000200", "text": "The document camera in room 12 shows nothing"}]
    for retry in (None, 1, 2):  # Slack delivering the same event three times
        status, _ = await slack.event(reaction("1700000000.000200"), event_id="EvReact1",
                                      retry=retry)
        assert status == 200
    [told] = await slack.stub.wait_for("chat.postEphemeral")
    [ticket] = await tickets(runtime)
    assert ticket.text == "The document camera in room 12 shows nothing"
    assert told.params["user"] == TEACHER and f"#{ticket.id}" in told.params["text"]
    assert len(slack.stub.of("chat.postEphemeral")) == 1


async def test_other_reactions_are_ignored(slack: SlackClient, runtime: Runtime) -> None:
    slack.stub.history[CHANNEL] = [{"ts": "1700000000.000300", "text": "printer is offline"}]
    await slack.event(reaction("1700000000.000300", name="thumbsup"))
    await slack.event(reaction("1700000000.000300", name="ticket"), event_id="EvReact2")
    await slack.stub.wait_for("chat.postEphemeral")
    assert [t.text for t in await tickets(runtime)] == ["printer is offline"]
    assert slack.stub.of("conversations.history")[0].params["latest"] == "1700000000.000300"
