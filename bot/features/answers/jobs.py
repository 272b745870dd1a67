"""Questions are kept for `question_retention_days` (default 365), then deleted.

A year covers the digest's week-over-week figures and a school year's gaps; the text of a
question that became a ticket lives on in the ticket, which has its own retention.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.answers.models import QuestionRow
from bot.i18n import N_
from bot.scheduling.jobs import Jobs
from bot.stored_settings import StoredSetting

QUESTION_RETENTION = StoredSetting("question_retention_days", 365,
                                   N_("days a question is kept"), minimum=1)


async def forget_old_questions(session: AsyncSession, now: datetime) -> int:
    """Delete questions asked before the retention period; returns how many."""
    cutoff = now - timedelta(days=await QUESTION_RETENTION.read(session))
    result = await session.execute(delete(QuestionRow).where(QuestionRow.asked_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def register(jobs: Jobs) -> None:
    """Old questions expire."""
    jobs.retention("answers.retention")(forget_old_questions)
