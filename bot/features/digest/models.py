"""A coach's digest preferences: when it arrives, for which schools, or not at all."""

from __future__ import annotations

from datetime import time

from sqlalchemy import ForeignKey, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base


class DigestPrefRow(Base):
    """One coach's choices; no row means the defaults (Monday 07:00, their own school)."""

    __tablename__ = "digest_prefs"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    weekday: Mapped[int] = mapped_column(default=0)
    at: Mapped[time] = mapped_column(Time, default=time(7, 0))
    opted_out: Mapped[bool] = mapped_column(default=False)
    schools: Mapped[str] = mapped_column(String(512), default="")
