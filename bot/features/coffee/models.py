"""Coffee and Curriculum: series, their sessions, who is in them, RSVPs, opt-outs, 1:1 slots."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Index, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class CoffeeSeriesRow(Base):
    """A coach's recurring check-in for a cohort (a channel or team on one platform).

    mode: group (everyone meets) or rotation (1:1 slots in each teacher's prep period).
    status: active, paused or cancelled.
    """

    __tablename__ = "coffee_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    platform: Mapped[str] = mapped_column(String(32))
    cohort_id: Mapped[str] = mapped_column(String(255))
    mode: Mapped[str] = mapped_column(String(16), default="group")
    weekdays: Mapped[str] = mapped_column(String(16), default="2")
    every_weeks: Mapped[int] = mapped_column(default=1)
    start_time: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(default=20)
    place: Mapped[str] = mapped_column(String(512), default="")
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    invite_when: Mapped[str] = mapped_column(String(16), default="day_before")
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CoffeeSessionRow(Base):
    """One occurrence of a group series; created when its invitations are planned."""

    __tablename__ = "coffee_sessions"
    __table_args__ = (UniqueConstraint("series_id", "day"),
                      Index("ix_coffee_sessions_starts", "starts_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("coffee_series.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set once the session is over and unanswered invitations were counted as ignored.
    tallied: Mapped[bool] = mapped_column(default=False)
    # A coach's edit, pause or cancel after the invitations went out calls it off or moves
    # it; each such change counts up, so only the latest change notice is sent.
    cancelled: Mapped[bool] = mapped_column(default=False)
    revision: Mapped[int] = mapped_column(default=0)


class CoffeeMemberRow(Base):
    """Someone in a series' cohort: paused until a date, and how many invitations in a row
    went unanswered (three lead to one question, then a pause)."""

    __tablename__ = "coffee_members"
    __table_args__ = (UniqueConstraint("series_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("coffee_series.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    paused: Mapped[bool] = mapped_column(default=False)
    paused_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    ignored: Mapped[int] = mapped_column(default=0)
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Guests of the cohort's channel or team are left out unless the coach adds them.
    guest_added: Mapped[bool] = mapped_column(default=False)


class CoffeeRsvpRow(Base):
    """An invitation to one session and its answer: invited, going or not_going."""

    __tablename__ = "coffee_rsvps"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("coffee_sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    answer: Mapped[str] = mapped_column(String(16), default="invited")
    note: Mapped[str] = mapped_column(String(300), default="")
    # The knowledge-base article title (or category) the note matched, for the coach's brief.
    topic: Mapped[str] = mapped_column(String(200), default="")
    attended: Mapped[bool | None] = mapped_column(nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CoffeeOptOutRow(Base):
    """Someone who asked never to be invited to Coffee and Curriculum again (any series)."""

    __tablename__ = "coffee_optouts"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class CoffeeSlotRow(Base):
    """A 1:1 slot offered to one teacher in one cycle of a rotation series.

    status: offered, accepted, declined, or cancelled (its series was); `revision` grows
    with each "Another time".
    """

    __tablename__ = "coffee_slots"
    __table_args__ = (UniqueConstraint("series_id", "person_id", "cycle"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("coffee_series.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    cycle: Mapped[int] = mapped_column()
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="offered")
    revision: Mapped[int] = mapped_column(default=0)
