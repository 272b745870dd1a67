"""Pictures on tickets: what a teacher shared is claimed by their ticket and shown on its card
(the core keeps, cleans and links them: bot/attachments/)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.attachments import blocks_for, claim, forget, move
from bot.blocks import Block
from bot.features.tickets.models import TicketRow
from bot.turn import Turn
from bot.vocabulary import Incoming


def owner_of(ticket_id: int) -> str:
    """How the core names a ticket as the holder of pictures."""
    return f"ticket:{ticket_id}"


async def attach_held(session: AsyncSession, person_id: int, ticket: TicketRow,
                      now: datetime) -> int:
    """The pictures the person shared in the last two hours go on the ticket; how many."""
    return len(await claim(session, person_id, owner_of(ticket.id), now))


async def shown(turn: Turn[Incoming], ticket: TicketRow) -> tuple[Block, ...]:
    """The ticket's pictures as blocks for its card, with fresh links."""
    return await blocks_for(turn.session, turn.secret, owner_of(ticket.id), turn.now)


async def delete_from(turn: Turn[Incoming], ticket: TicketRow) -> int:
    """Delete a ticket's pictures (one showed a student, say); how many."""
    return await forget(turn.session, [owner_of(ticket.id)])


async def follow_merge(session: AsyncSession, source: TicketRow, target: TicketRow) -> None:
    """A merged ticket's pictures go with its teachers to the ticket kept."""
    await move(session, owner_of(source.id), owner_of(target.id))


async def forget_with(session: AsyncSession, ticket_ids: Sequence[int]) -> int:
    """Delete the pictures of tickets that are being deleted."""
    return await forget(session, [owner_of(i) for i in ticket_ids])
