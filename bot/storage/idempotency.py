"""Idempotency: a platform event id (or any key) is stored once, by a unique constraint."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime
from bot.storage.upsert import insert_new


class ProcessedEvent(Base):
    """An event key already handled; a retry of the same event finds it here."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


async def claim_event(session: AsyncSession, key: str, now: datetime) -> bool:
    """Record `key` and return True, or return False when it was handled before."""
    return bool(await insert_new(session, ProcessedEvent, [{"key": key, "seen_at": now}],
                                 "key", ProcessedEvent.seen_at))


async def handled_before(session: AsyncSession, key: str) -> bool:
    """Whether `key` was recorded (an event handled under its plain key, before keys were
    hashed with the server secret, whose retry comes now)."""
    return await session.get(ProcessedEvent, key) is not None
