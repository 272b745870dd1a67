"""Housekeeping the scheduler runs: forget old event ids and settled deliveries."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.admin.models import read_int
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.storage.idempotency import ProcessedEvent

# Platforms retry an event for minutes (Slack) to hours (Teams): a week is ample.
EVENT_DAYS = 7
SETTLED = ("sent", "skipped", "failed")


async def forget_expired(session: AsyncSession, now: datetime) -> dict[str, int]:
    """Delete event ids older than a week and settled deliveries past ticket retention."""
    events = await session.execute(delete(ProcessedEvent).where(
        ProcessedEvent.seen_at < now - timedelta(days=EVENT_DAYS)))
    days = await read_int(session, "ticket_retention_days")
    settled_at = func.coalesce(DeliveryRow.sent_at, DeliveryRow.expires_at)
    deliveries = await session.execute(delete(DeliveryRow).where(
        DeliveryRow.status.in_(SETTLED), settled_at < now - timedelta(days=days)))
    return {"processed_events": int(events.rowcount or 0),  # type: ignore[attr-defined]
            "deliveries": int(deliveries.rowcount or 0)}  # type: ignore[attr-defined]


def register_jobs(jobs: Jobs) -> None:
    """Run with every scheduler tick, like the tickets' retention."""
    jobs.retention("retention.housekeeping")(forget_expired)
