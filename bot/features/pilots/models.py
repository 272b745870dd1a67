"""Four-week tool pilots: the pilot, its teachers, the coach's observation slots and the
teachers' weekly one-line check-ins."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class PilotRow(Base):
    """A coach's pilot of one tool with a few teachers.

    status: running, reporting (the report is out, waiting for the coach's decision) or
    decided (adopt, extend or drop; an extension runs again).
    """

    __tablename__ = "pilots"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    tool_id: Mapped[int] = mapped_column()  # in the tool register (another feature's)
    tool: Mapped[str] = mapped_column(String(80))
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="running")
    pre_survey_id: Mapped[int | None] = mapped_column(nullable=True)
    post_survey_id: Mapped[int | None] = mapped_column(nullable=True)
    recommendation: Mapped[str] = mapped_column(String(16), default="")
    decision: Mapped[str] = mapped_column(String(16), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PilotTeacherRow(Base):
    """A teacher in a pilot's cohort."""

    __tablename__ = "pilot_teachers"
    __table_args__ = (UniqueConstraint("pilot_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)


class ObservationRow(Base):
    """A slot in the coach's calendar to watch one pilot teacher's class use the tool.

    status: planned or done; `revision` grows with each move (its messages are re-planned).
    """

    __tablename__ = "pilot_observations"
    __table_args__ = (Index("ix_pilot_observations_starts", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"),
                                          index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    week: Mapped[int] = mapped_column()
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="planned")
    revision: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    on_task: Mapped[str] = mapped_column(String(32), default="")  # "7 of 9" 5-minute intervals


class CheckinRow(Base):
    """A pilot teacher's one line for one week: "anything break this week?"."""

    __tablename__ = "pilot_checkins"
    __table_args__ = (UniqueConstraint("pilot_id", "person_id", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilots.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    week: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(String(500), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())
