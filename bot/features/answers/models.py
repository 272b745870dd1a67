"""Every question asked, what the bot did with it, and whether it helped."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class QuestionRow(Base):
    """A question and its outcome: answered, suggested (a short list) or deflected."""

    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_asked_at", "asked_at"),
                      Index("ix_questions_school_asked", "school_id", "asked_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    platform: Mapped[str] = mapped_column(String(32))
    # The asker's school when asked: the digest filters by school without a join.
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    article_id: Mapped[str | None] = mapped_column(String(128), nullable=True, index=True)
    suggestions: Mapped[str] = mapped_column(String(512), default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    helpful: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    feedback_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Its message in a channel ("channel:message id"), so its writer's edit or deletion
    # there reaches this copy too; None where messages are never revised (DMs, commands).
    message_key: Mapped[str | None] = mapped_column(String(255), nullable=True, index=True)
    # When its writer last edited that message (an older edit sent again late changes nothing).
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
