"""Ticket exports for districts: one row per ticket (the stored, masked text only); drafts,
also handed to the knowledge base's editors in chat (the `drafts` hook)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tickets.models import DraftRow, TicketPersonRow, TicketRow
from bot.hooks import ArticleDraft, Table
from bot.masking import mask_student_data, mask_within
from bot.schools.models import SchoolRow

COLUMNS = ("number", "status", "category", "school", "room", "urgency", "teachers_affected",
           "created_at", "first_response_at", "resolved_at", "closed_at",
           "first_response_school_seconds", "resolution_school_seconds", "text")
DRAFT_COLUMNS = ("number", "category", "title", "ticket", "created_on", "body")


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


async def tickets(session: AsyncSession, _: str = "") -> Table:
    """Every ticket as CSV-ready strings, oldest first."""
    affected = (select(TicketPersonRow.ticket_id, func.count().label("n"))
                .group_by(TicketPersonRow.ticket_id).subquery())
    query = (select(TicketRow, SchoolRow.name, affected.c.n)
             .outerjoin(SchoolRow, SchoolRow.id == TicketRow.school_id)
             .outerjoin(affected, affected.c.ticket_id == TicketRow.id)
             .order_by(TicketRow.id))
    rows: list[tuple[str, ...]] = [
            (str(ticket.id), ticket.status, ticket.category, school or "", ticket.room,
             ticket.urgency, str(count or 0), _iso(ticket.created_at),
             _iso(ticket.first_response_at), _iso(ticket.resolved_at), _iso(ticket.closed_at),
             "" if ticket.first_response_secs is None else f"{ticket.first_response_secs:.0f}",
             "" if ticket.resolution_secs is None else f"{ticket.resolution_secs:.0f}",
             ticket.text)
            for ticket, school, count in await session.execute(query)]
    return Table(COLUMNS, rows)


async def drafts(session: AsyncSession, _: str = "") -> Table:
    """Article drafts suggested from tickets, newest first."""
    found = (await session.execute(select(DraftRow).order_by(DraftRow.id.desc()))).scalars()
    return Table(DRAFT_COLUMNS, [(str(d.id), d.category, d.title, str(d.ticket_id or ""),
                                  f"{d.created_at:%Y-%m-%d}", d.body) for d in found])


async def article_drafts(session: AsyncSession, ref: str | None) -> list[ArticleDraft]:
    """The newest drafts (ref None) or draft #ref, with the ticket's words as a phrasing,
    masked even where the teacher kept them as typed: an article outlives its ticket."""
    query = (select(DraftRow, TicketRow.text).outerjoin(TicketRow, TicketRow.id ==
                                                        DraftRow.ticket_id)
             .order_by(DraftRow.id.desc()))
    if ref is not None:
        query = query.where(DraftRow.id == (int(ref) if ref.isdecimal() else -1))
    found = await session.execute(query.limit(20))
    return [ArticleDraft(str(d.id), d.title, d.body, category=d.category,
                         phrasings=_first_line(asked or ""),
                         source=f"ticket #{d.ticket_id}" if d.ticket_id else "a ticket")
            for d, asked in found]


def _first_line(asked: str) -> tuple[str, ...]:
    """A ticket's first line as a phrasing, masked with the whole text around it: a name the
    next line says is a student's ("She is my student") is hidden in the first too (a red
    team's, stop 49: the first line alone kept it, for a published article)."""
    first = mask_student_data(asked, schools=False).text.splitlines()[:1]
    return tuple(mask_within(line, 200).text for line in first)
