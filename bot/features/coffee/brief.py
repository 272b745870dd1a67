"""The coach's brief: who is coming, pain points grouped by topic, attendees' open tickets."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.coffee import views
from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.features.tickets.models import TicketPersonRow, TicketRow
from bot.features.tickets.service import OPEN
from bot.people.models import PersonRow
from knowledge import KnowledgeBase

OTHER = "Other"
MAX_TICKETS = 15


def topic_of(kb: KnowledgeBase, note: str) -> str:
    """The knowledge-base article a pain point matches, else its category, else "Other"."""
    if not note.strip():
        return ""
    decision = kb.answer(note)
    article = kb.get(decision.top_id) if decision.top_id else None
    if article is None:
        return OTHER
    return article.title if decision.kind != "deflect" else article.category.title()


async def compose(session: AsyncSession, coffee: CoffeeSessionRow, series: CoffeeSeriesRow,
                  tz: str) -> Reply:
    """The brief for one session, from the answers as they stand now."""
    query = (select(PersonRow, CoffeeRsvpRow)
             .join(CoffeeRsvpRow, CoffeeRsvpRow.person_id == PersonRow.id)
             .where(CoffeeRsvpRow.session_id == coffee.id, CoffeeRsvpRow.answer == "going")
             .order_by(PersonRow.display_name))
    going = (await session.execute(query)).all()
    pains: dict[str, list[str]] = {}
    for _, rsvp in going:
        if rsvp.note:
            pains.setdefault(rsvp.topic or OTHER, []).append(rsvp.note)
    names = {person.id: person.display_name or person.user_id for person, _ in going}
    tickets = await open_tickets(session, names)
    return views.brief(series, coffee.starts_at, tz, list(names.values()), pains, tickets,
                       coffee.id)


async def open_tickets(session: AsyncSession, names: dict[int, str]) -> list[str]:
    """`#12 the projector shows no signal (Ms Rivera)` for each open ticket of the attendees."""
    if not names:
        return []
    query = (select(TicketRow, TicketPersonRow.person_id)
             .join(TicketPersonRow, TicketPersonRow.ticket_id == TicketRow.id)
             .where(TicketPersonRow.person_id.in_(list(names)), TicketRow.status.in_(OPEN),
                    TicketRow.merged_into.is_(None))
             .order_by(TicketRow.id).limit(MAX_TICKETS))
    lines: dict[int, str] = {}
    for ticket, person_id in (await session.execute(query)).all():
        lines.setdefault(ticket.id, f"#{ticket.id} {ticket.text[:80]} ({names[person_id]})")
    return list(lines.values())
