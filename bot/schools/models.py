"""Tables for schools and their closure dates."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Date, ForeignKey, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base


class SchoolRow(Base):
    """A school: IANA time zone, daily hours and the weekdays it is open."""

    __tablename__ = "schools"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    tz: Mapped[str] = mapped_column(String(64), default="America/New_York")
    opens: Mapped[time] = mapped_column(Time, default=time(7, 30))
    closes: Mapped[time] = mapped_column(Time, default=time(15, 30))
    weekdays: Mapped[str] = mapped_column(String(16), default="01234")


class ClosureRow(Base):
    """A day a school is closed: a holiday, a testing day, a PD day."""

    __tablename__ = "closures"
    __table_args__ = (UniqueConstraint("school_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(128), default="")
