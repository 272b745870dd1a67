"""The delivery ledger: every message the scheduler will send, and what became of it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class DeliveryRow(Base):
    """One message to one recipient for one occurrence of a job.

    status: pending -> sending -> sent | failed | skipped. A row stuck in `sending` after a
    crash is reconciled on the next start.
    """

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("job", "recipient", "occurrence"),
                      Index("ix_deliveries_due", "status", "not_before"))

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(64))
    occurrence: Mapped[str] = mapped_column(String(64))
    recipient: Mapped[str] = mapped_column(String(300))
    platform: Mapped[str] = mapped_column(String(32))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    conversation_id: Mapped[str | None] = mapped_column(String(255), nullable=True)
    payload: Mapped[str] = mapped_column(Text, default="")
    urgent: Mapped[bool] = mapped_column(default=False)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    error: Mapped[str] = mapped_column(String(255), default="")


class DisconnectedRow(Base):
    """A platform that told prepbot it is gone (Slack's app_uninstalled, tokens_revoked):
    nothing is sent there until it speaks to prepbot again. Its data stays."""

    __tablename__ = "disconnected_platforms"

    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    reason: Mapped[str] = mapped_column(String(64))
    since: Mapped[datetime] = mapped_column(UTCDateTime())
