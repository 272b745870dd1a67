"""Coaching cycles: four weeks with one teacher (goal-setting conference, model lesson,
co-teaching, reflective debrief), each step a slot in the teacher's prep period."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime

NOTE_LENGTH = 300  # of what started a cycle (a ticket's text), masked then cut


class CycleRow(Base):
    """One cycle. status: requested (a teacher asked), planned, done or cancelled."""

    __tablename__ = "cycles"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True,
                                                 index=True)
    status: Mapped[str] = mapped_column(String(16), default="planned")
    source: Mapped[str] = mapped_column(String(120), default="")  # "ticket #41", ...
    note: Mapped[str] = mapped_column(String(NOTE_LENGTH), default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")  # the student learning target
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CycleStepRow(Base):
    """One step: when it is, whether it is done, and the answers to its prompt.

    `revision` grows with each reschedule; its messages are planned per revision.
    """

    __tablename__ = "cycle_steps"
    __table_args__ = (UniqueConstraint("cycle_id", "step"),
                      Index("ix_cycle_steps_starts", "starts_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column()  # 1 to 4
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16), default="planned")
    revision: Mapped[int] = mapped_column(default=0)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
