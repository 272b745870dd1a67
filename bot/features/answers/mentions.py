"""Questions that mention something (a tool, by name or alias), for another feature's log:
a pilot's error log, a tool's use. Only what was stored (student details masked)."""

from __future__ import annotations

import re

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.answers.models import QuestionRow
from bot.hooks.year import Mention, MentionAsk

LIMIT = 500


async def mentions(session: AsyncSession, ask: MentionAsk) -> list[Mention]:
    """Questions asked in the period that name one of the words as a whole word."""
    words = [w for w in ask.words if w]
    if not words:
        return []
    query = (select(QuestionRow).where(
        QuestionRow.asked_at >= ask.period.start, QuestionRow.asked_at < ask.period.end,
        or_(*(func.lower(QuestionRow.text).contains(w.lower(), autoescape=True)
              for w in words)))
             .order_by(QuestionRow.asked_at).limit(LIMIT))
    found = []
    for row in (await session.execute(query)).scalars():
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", row.text, re.IGNORECASE)
               for w in words):
            found.append(Mention(f"question:{row.id}", row.asked_at, row.text, row.person_id,
                                 row.school_id))
    return found
