"""`prepbot chat` holds the same conversation: "ticket" after an answer opens a ticket."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from adapters.console import ConsoleChat, run_console
from adapters.runtime import Runtime
from bot.features.tickets.models import TicketRow
from bot.vocabulary import Person


def typed(*lines: str) -> Iterator[str]:
    yield from lines
    raise EOFError  # the person closes the terminal


async def test_replying_ticket_after_an_answer_opens_a_ticket_with_the_question(
        runtime: Runtime, teacher: Person) -> None:
    lines = typed("the projector says no signal", "ticket")
    shown: list[str] = []
    await run_console(runtime.bot, read=lambda _: next(lines), write=shown.append,
                      chat=ConsoleChat(runtime.bot, teacher))

    async with runtime.sessions() as session:
        [ticket] = (await session.execute(select(TicketRow))).scalars()
    assert ticket.text == "the projector says no signal"
    assert any(f"Ticket #{ticket.id} is open" in line for line in shown)
