"""The district helpdesk's word on a ticket reaches each teacher in their own language, the
helpdesk's name included."""

from __future__ import annotations

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.hooks.outside import TicketUpdate
from bot.receiving import Inbound, Receipt
from bot.vocabulary import Person
from tests.bot.features.tickets.conftest import tickets


async def told(runtime: Runtime, update: TicketUpdate) -> list[str]:
    """What the teachers on the ticket are told when the helpdesk sends `update`."""
    bot = runtime.bot
    async with bot.sessions() as session, session.begin():
        receipt = Receipt(Inbound("helpdesk.status"), session, bot.clock, bot.secret,
                          bot.features)
        assert bot.features.update_ticket is not None
        await bot.features.update_ticket(receipt, update)
    return [notice.reply.text for notice in receipt.notices if notice.person_id is not None]


async def test_the_helpdesk_is_named_in_the_teachers_language(
        chat: ConsoleChat, runtime: Runtime, teacher: Person) -> None:
    await chat.say("/prepbot language es", as_=teacher)
    await chat.say("/ticket el proyector del salón 12 no enciende", as_=teacher)
    [ticket] = await tickets(runtime)
    [said] = await told(runtime, TicketUpdate(ticket.id, "needs_info", "¿Qué modelo es?"))
    assert "La mesa de ayuda del distrito necesita algo de usted: ¿Qué modelo es?" in said
    [resolved] = await told(runtime, TicketUpdate(ticket.id, "resolved"))
    assert "La mesa de ayuda del distrito lo marcó como resuelto" in resolved


async def test_an_english_speaking_teacher_reads_it_in_english(
        chat: ConsoleChat, runtime: Runtime, teacher: Person) -> None:
    await chat.say("/ticket the projector in room 12 will not turn on", as_=teacher)
    [ticket] = await tickets(runtime)
    [said] = await told(runtime, TicketUpdate(ticket.id, "reply", "A technician comes at 2."))
    assert "The district helpdesk wrote: A technician comes at 2." in said
