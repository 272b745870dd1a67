"""Ticket exports for districts: one row per ticket, the stored (masked) text only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tickets.models import DraftRow, TicketPersonRow, TicketRow
from bot.schools.models import SchoolRow

COLUMNS = ("number", "status", "category", "school", "room", "urgency", "teachers_affected",
           "created_at", "first_response_at", "resolved_at", "closed_at",
           "first_response_school_seconds", "resolution_school_seconds", "text")


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


async def ticket_rows(session: AsyncSession) -> AsyncIterator[tuple[str, ...]]:
    """Every ticket as CSV-ready strings, oldest first, streamed."""
    affected = (select(TicketPersonRow.ticket_id, func.count().label("n"))
                .group_by(TicketPersonRow.ticket_id).subquery())
    query = (select(TicketRow, SchoolRow.name, affected.c.n)
             .outerjoin(SchoolRow, SchoolRow.id == TicketRow.school_id)
             .outerjoin(affected, affected.c.ticket_id == TicketRow.id)
             .order_by(TicketRow.id))
    for ticket, school, count in await session.execute(query):
        yield (str(ticket.id), ticket.status, ticket.category, school or "", ticket.room,
               ticket.urgency, str(count or 0), _iso(ticket.created_at),
               _iso(ticket.first_response_at), _iso(ticket.resolved_at), _iso(ticket.closed_at),
               "" if ticket.first_response_secs is None else f"{ticket.first_response_secs:.0f}",
               "" if ticket.resolution_secs is None else f"{ticket.resolution_secs:.0f}",
               ticket.text)


async def drafts(session: AsyncSession) -> list[DraftRow]:
    """Article drafts suggested from tickets, newest first."""
    return list((await session.execute(select(DraftRow).order_by(DraftRow.id.desc()))).scalars())
