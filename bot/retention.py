"""Housekeeping that belongs to no feature: forget old event ids and settled deliveries."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlalchemy.ext.asyncio import AsyncSession

from bot.feature import Feature
from bot.i18n import N_
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.storage.idempotency import ProcessedEvent
from bot.stored_settings import StoredSetting

# Platforms retry an event for minutes (Slack) to hours (Teams): a week is ample.
EVENT_DAYS = 7
SETTLED = ("sent", "skipped", "failed")
DELIVERY_RETENTION = StoredSetting("delivery_retention_days", 365,
                                   N_("days the record of a sent message is kept"), minimum=1)


async def forget_expired(session: AsyncSession, now: datetime) -> dict[str, int]:
    """Delete event ids older than a week, and settled deliveries past their retention once
    what they were for is over: a survey's invitation is who may answer it while it is open
    (a red team's, stop 51: at a one-day retention, invited teachers were refused)."""
    events = await session.execute(delete(ProcessedEvent).where(
        ProcessedEvent.seen_at < now - timedelta(days=EVENT_DAYS)))
    days = await DELIVERY_RETENTION.read(session)
    settled_at = func.coalesce(DeliveryRow.sent_at, DeliveryRow.expires_at)
    deliveries = await session.execute(delete(DeliveryRow).where(
        DeliveryRow.status.in_(SETTLED), settled_at < now - timedelta(days=days),
        DeliveryRow.expires_at < now))
    return {"processed_events": int(getattr(events, "rowcount", 0) or 0),
            "deliveries": int(getattr(deliveries, "rowcount", 0) or 0)}


def register(jobs: Jobs) -> None:
    """Run with every scheduler tick, like the features' own retention."""
    jobs.retention("retention.housekeeping")(forget_expired)


housekeeping = Feature("housekeeping", jobs=register, settings=(DELIVERY_RETENTION,))
