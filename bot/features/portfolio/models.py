"""A coach's own record: the workshops and PD sessions they led."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class WorkshopRow(Base):
    """A workshop or PD session a coach led: title, date, attendees, hours."""

    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The form it was added from: the same card sent twice is one workshop.
    request_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="workshop")  # workshop or pd
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    attendees: Mapped[int] = mapped_column(default=0)
    hours: Mapped[float] = mapped_column(Float, default=1.0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
