"""In Slack, a teacher who opens a ticket in a channel is offered, to her alone, each name the
masker hid; her click shows it on the ticket and replaces the offer; a colleague given the
same button (pasted, or replayed with its value) shows nothing."""

from __future__ import annotations

from sqlalchemy import select

from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from tests.adapters.slack.conftest import CHANNEL, SlackClient, buttons

WORDS = "Chantel has the install codes for the smartboard software but she is out today"


async def ticket_text(runtime: Runtime) -> str:
    async with runtime.sessions() as session:
        return (await session.execute(select(TicketRow.text))).scalar_one()


async def offered(slack: SlackClient) -> dict[str, object]:
    """The ticket opened in a channel, and the one button its private confirmation offers."""
    await slack.command("/ticket", WORDS, channel=CHANNEL)
    [answer] = slack.stub.of("response_url")
    assert answer.params["response_type"] == "ephemeral"
    [button] = buttons(answer.params["blocks"])
    assert button["text"]["text"] == "Show \u201cChantel\u201d"
    return button


async def test_her_click_shows_the_name_and_replaces_the_offer(
        slack: SlackClient, runtime: Runtime) -> None:
    button = await offered(slack)
    assert (await ticket_text(runtime)).startswith("[name] has the install codes")

    await slack.click(button, channel=CHANNEL, ephemeral=True)

    assert await ticket_text(runtime) == WORDS
    replaced = slack.stub.of("response_url")[-1].params
    assert replaced["replace_original"] and "Shown on ticket #1" in replaced["text"]


async def test_a_colleague_clicking_her_button_shows_nothing(
        slack: SlackClient, runtime: Runtime) -> None:
    button = await offered(slack)

    await slack.click(button, channel=CHANNEL, user="UMALLORY", ephemeral=True)

    assert (await ticket_text(runtime)).startswith("[name] has the install codes")
    said = str([call.params for call in slack.stub.calls[-2:]])
    assert "Chantel" not in said and "nothing was shown" in said
