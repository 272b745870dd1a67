""""Me too": find an open ticket from the same school that describes the same problem."""

from __future__ import annotations

from datetime import datetime, timedelta

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tickets.models import TicketRow
from bot.features.tickets.service import OPEN

SAME_PROBLEM = 72
SAME_CATEGORY_BONUS = 8


async def similar_open_ticket(session: AsyncSession, school_id: int | None, text: str,
                              category: str | None, now: datetime, window_hours: int = 24
                              ) -> TicketRow | None:
    """The closest open ticket of the last `window_hours` from the same school, if close enough."""
    if school_id is None or not text.strip():
        return None
    since = now - timedelta(hours=window_hours)
    query = (select(TicketRow).where(TicketRow.school_id == school_id,
                                     TicketRow.status.in_(OPEN), TicketRow.created_at >= since,
                                     TicketRow.merged_into.is_(None))
             .order_by(TicketRow.created_at.desc()).limit(200))
    best: tuple[float, TicketRow] | None = None
    for ticket in (await session.execute(query)).scalars():
        score = fuzz.token_set_ratio(text, ticket.text, processor=default_process)
        if category and category != "other" and category == ticket.category:
            score += SAME_CATEGORY_BONUS
        if score >= SAME_PROBLEM and (best is None or score > best[0]):
            best = (score, ticket)
    return best[1] if best else None
