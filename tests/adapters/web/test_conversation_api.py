"""The playground holds the same conversation as every adapter: "ticket" after an answer opens
a ticket carrying the question; small talk and vague messages get no article."""

from __future__ import annotations

from aiohttp import ClientSession

from tests.adapters.web.test_tickets_api import ADMIN, COACH, TEACHER, inbox, send


def labels(replies: list[dict[str, object]]) -> list[str]:
    return [str(b["label"]) for r in replies for blk in r["blocks"]  # type: ignore[attr-defined]
            if blk["type"] == "buttons" for b in blk["buttons"]]


async def test_replying_ticket_after_an_answer_opens_a_ticket_with_the_question(
        http: ClientSession) -> None:
    await send(http, ADMIN, kind="message", text="/prepbot settings route default here")
    await send(http, TEACHER, kind="message", text="the projector says no signal")
    [opened] = await send(http, TEACHER, kind="message", text="ticket")

    assert "Ticket #1 is open" in opened["text"]
    [card] = await inbox(http, COACH)
    assert "the projector says no signal" in card["text"]


async def test_a_greeting_and_a_vague_message_get_no_article(http: ClientSession) -> None:
    [hello] = await send(http, TEACHER, kind="message", text="hi")
    assert "prepbot" in hello["text"] and not labels([hello])
    [vague] = await send(http, TEACHER, kind="message", text="not working")
    assert "What is it about?" in vague["text"]
    assert "Projector or board" in labels([vague])
