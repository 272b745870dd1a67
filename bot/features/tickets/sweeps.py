"""Timed ticket work: remind teachers a ticket waits on them, auto-close, delete expired ones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.admin.models import read_int
from bot.features.tickets import lifecycle, service, views
from bot.features.tickets.models import TicketRow
from bot.outbox import Notice, to_person
from bot.schools.service import calendar_of

REMINDER = "it is still waiting on you. Reply here so we can keep going."
AUTO_CLOSED = "it was closed because we didn't hear back. Reply any time and it reopens."


async def _tell(session: AsyncSession, ticket: TicketRow, sentence: str) -> list[Notice]:
    return [Notice(views.notice(ticket, sentence), person=to_person(person))
            for person in await service.people_on(session, ticket)]


async def sweep_waiting(session: AsyncSession, now: datetime) -> list[Notice]:
    """One reminder after N school days waiting, then auto-close after M; returns the notices."""
    remind_after = await read_int(session, "ticket_remind_after_days")
    close_after = await read_int(session, "ticket_autoclose_days")
    notices: list[Notice] = []
    for ticket in await lifecycle.waiting_due(session):
        if ticket.waiting_since is None:
            continue
        calendar = await calendar_of(session, ticket.school_id)
        if now >= calendar.add_school_days(ticket.waiting_since, close_after):
            lifecycle.move(session, ticket, "closed", None, now, "auto-closed: no answer")
            notices += await _tell(session, ticket, AUTO_CLOSED)
        elif ticket.reminded_at is None and now >= calendar.add_school_days(
                ticket.waiting_since, remind_after):
            ticket.reminded_at = now
            lifecycle.record(session, ticket, "reminded", None, now)
            notices += await _tell(session, ticket, REMINDER)
    return notices


async def purge_expired(session: AsyncSession, now: datetime) -> int:
    """Delete tickets closed for longer than the retention setting."""
    return await lifecycle.purge_closed(session, now,
                                        await read_int(session, "ticket_retention_days"))
