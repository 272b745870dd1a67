"""Tickets that mention something (a tool, by name or alias) or are tagged with it, for
another feature's log: a pilot's error log, a tool's use."""

from __future__ import annotations

import re

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tickets.models import TicketRow
from bot.hooks.year import Mention, MentionAsk

LIMIT = 500


def says(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text holds one of the words as a whole word, any case."""
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)
               for w in words if w)


async def mentions(session: AsyncSession, ask: MentionAsk) -> list[Mention]:
    """Tickets opened in the period that name one of the words, or that were tagged."""
    tagged = [int(r.partition(":")[2]) for r in ask.tagged
              if r.startswith("ticket:") and r.partition(":")[2].isdecimal()]
    named = [func.lower(TicketRow.text).contains(w.lower(), autoescape=True)
             for w in ask.words if w]
    if not named and not tagged:
        return []
    query = (select(TicketRow).where(TicketRow.created_at >= ask.period.start,
                                     TicketRow.created_at < ask.period.end,
                                     or_(*named, TicketRow.id.in_(tagged)))
             .order_by(TicketRow.created_at).limit(LIMIT))
    return [Mention(f"ticket:{t.id}", t.created_at, t.text, t.requester_id, t.school_id)
            for t in (await session.execute(query)).scalars()
            if t.id in tagged or says(t.text, ask.words)]
