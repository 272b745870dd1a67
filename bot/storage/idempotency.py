"""Idempotency: a platform event id (or any key) is stored once, by a unique constraint."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class ProcessedEvent(Base):
    """An event key already handled; a retry of the same event finds it here."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


async def claim_event(session: AsyncSession, key: str, now: datetime) -> bool:
    """Record `key` and return True, or return False when it was handled before."""
    try:
        async with session.begin_nested():
            session.add(ProcessedEvent(key=key, seen_at=now))
    except IntegrityError:
        return False
    return True
