"""Questions are kept for `question_retention_days` (default 365), then deleted.

A year covers the digest's week-over-week figures and a school year's gaps; the text of a
question that became a ticket lives on in the ticket, which has its own retention.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.admin.models import read_int
from bot.features.answers.models import QuestionRow
from bot.features.tickets.models import TicketRow


async def forget_old_questions(session: AsyncSession, now: datetime) -> int:
    """Delete questions asked before the retention period; returns how many."""
    cutoff = now - timedelta(days=await read_int(session, "question_retention_days"))
    old = select(QuestionRow.id).where(QuestionRow.asked_at < cutoff)
    await session.execute(update(TicketRow).where(TicketRow.question_id.in_(old))
                          .values(question_id=None))
    result = await session.execute(delete(QuestionRow).where(QuestionRow.asked_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
