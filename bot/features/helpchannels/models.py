"""Help channels a coach turned on, the questions read in them, and coaches' thread replies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class HelpChannelRow(Base):
    """A channel prepbot reads without being mentioned, with this hour's answer budget."""

    __tablename__ = "help_channels"
    __table_args__ = (UniqueConstraint("platform", "channel_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(255))
    when_unsure: Mapped[str] = mapped_column(String(16), default="quiet")  # or "react"
    turned_on_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    turned_on_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The rate limit: answers given since window_start (a window lasts an hour).
    window_start: Mapped[datetime] = mapped_column(UTCDateTime())
    answers_in_window: Mapped[int] = mapped_column(default=0)


class HelpThreadRow(Base):
    """A tech question posted in a help channel (chatter is never kept), by its thread."""

    __tablename__ = "help_threads"
    __table_args__ = (UniqueConstraint("channel_id", "thread"),
                      Index("ix_help_threads_asked_at", "asked_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("help_channels.id", ondelete="CASCADE"))
    thread: Mapped[str] = mapped_column(String(255))
    asker_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)  # student details masked
    category: Mapped[str] = mapped_column(String(32), default="other")
    answered: Mapped[bool] = mapped_column(default=False)
    drafted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When its teacher last edited it, as the platform stamps edits: an older edit sent
    # again late is ignored.
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class HelpReplyRow(Base):
    """What a coach wrote in such a thread, kept so one click can save it."""

    __tablename__ = "help_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("help_threads.id", ondelete="CASCADE"),
                                           index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)  # student details masked
    said_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The reply's own message, so its coach's edit or deletion reaches this copy.
    message_id: Mapped[str] = mapped_column(String(255), default="", server_default="")
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
