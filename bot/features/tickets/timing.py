"""First-response and resolution times in school time, not counting time waiting on the teacher."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tickets.models import TicketEventRow, TicketRow
from bot.schools.calendar import SchoolCalendar
from bot.schools.service import calendar_of


@dataclass(frozen=True)
class Times:
    """School-time seconds to the first response and to resolution (None: not yet)."""

    first_response: float | None
    resolution: float | None


def waiting_spans(events: Sequence[TicketEventRow], until: datetime) -> list[tuple[datetime,
                                                                                    datetime]]:
    """The intervals a ticket spent waiting on the teacher."""
    spans, started = [], None
    for event in sorted(events, key=lambda e: (e.at, e.id or 0)):
        if event.kind == "waiting" and started is None:
            started = event.at
        elif started is not None and event.kind in {"teacher_reply", "claimed", "resolved",
                                                    "reopened", "closed"}:
            spans.append((started, event.at))
            started = None
    if started is not None:
        spans.append((started, until))
    return spans


def ticket_times(ticket: TicketRow, events: Sequence[TicketEventRow],
                 calendar: SchoolCalendar) -> Times:
    """Measure one ticket against its school's calendar."""
    first = (calendar.seconds_between(ticket.created_at, ticket.first_response_at)
             if ticket.first_response_at else None)
    if ticket.resolved_at is None:
        return Times(first, None)
    gross = calendar.seconds_between(ticket.created_at, ticket.resolved_at)
    paused = sum(calendar.seconds_between(a, b)
                 for a, b in waiting_spans(events, ticket.resolved_at))
    return Times(first, max(0.0, gross - paused))


async def stamp_times(session: AsyncSession, ticket: TicketRow) -> None:
    """Store the school-time measures once they exist (after a first response or resolution)."""
    if ticket.first_response_at is None and ticket.resolved_at is None:
        return
    await session.flush()
    query = select(TicketEventRow).where(TicketEventRow.ticket_id == ticket.id)
    events = list((await session.execute(query)).scalars())
    times = ticket_times(ticket, events, await calendar_of(session, ticket.school_id))
    ticket.first_response_secs = times.first_response
    ticket.resolution_secs = times.resolution
