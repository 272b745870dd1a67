"""Kept help-channel questions and coaches' replies expire after `help_thread_days` (30)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.helpchannels.models import HelpReplyRow, HelpThreadRow
from bot.i18n import N_
from bot.scheduling.jobs import Jobs
from bot.stored_settings import StoredSetting

THREAD_DAYS = StoredSetting("help_thread_days", 30, N_("days a help-channel question and "
                            "coaches' replies to it are kept for saving"), minimum=1,
                            maximum=365)


async def forget_old_threads(session: AsyncSession, now: datetime) -> int:
    """Delete questions posted before the retention period, with their replies."""
    cutoff = now - timedelta(days=await THREAD_DAYS.read(session))
    old = select(HelpThreadRow.id).where(HelpThreadRow.asked_at < cutoff)
    await session.execute(delete(HelpReplyRow).where(HelpReplyRow.thread_id.in_(old)))
    result = await session.execute(delete(HelpThreadRow).where(HelpThreadRow.asked_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def register(jobs: Jobs) -> None:
    """Old help threads expire."""
    jobs.retention("helpchannels.retention")(forget_old_threads)
