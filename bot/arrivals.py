"""What the inbox stores: one row for each thing a platform sent, the arrival a worker
handles, and the two ways a turn's delivery can end short of done (bot/inbox.py keeps them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.blocks import Reply
from bot.storage.base import Base, UTCDateTime
from bot.vocabulary import AnyIncoming


class Withdrawn(Exception):
    """The arrival's row is gone while its turn ran: an erase took it (run in another process,
    or on another replica), and the turn must leave nothing (a red team's, stop 48: the turn
    committed after the erase, and brought the erased teacher back)."""


class Unsent(Exception):
    """A platform took only some of an arrival's replies: these are still to be delivered
    (a responder raises it; the replies that went out are never sent twice)."""

    def __init__(self, replies: Sequence[Reply]) -> None:
        super().__init__(f"{len(replies)} replies wait for the platform")
        self.replies = list(replies)


class InboxRow(Base):
    """One thing a platform sent: what it was, where to answer, and how far it got."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_status_claimed", "status", "claimed_at"),
                      Index("ix_inbox_sender", "sender"))

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    platform: Mapped[str] = mapped_column(String(32))
    sender: Mapped[str] = mapped_column(String(255))  # platform:user_id, till it is settled
    incoming: Mapped[str] = mapped_column(Text)
    reply_to: Mapped[str] = mapped_column(Text, default="")  # the adapter's, opaque
    status: Mapped[str] = mapped_column(String(16), default="pending")
    replies: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    attempts: Mapped[int] = mapped_column(default=0)


STAFF = "staff:"  # before stored replies built for someone as a coach (bot/recovery.py)


@dataclass(frozen=True)
class Arrival:
    """A stored arrival, as a worker handles it."""

    id: int
    incoming: AnyIncoming
    reply_to: str
    attempts: int = 1  # this is its first working, or a recovery's
    staff: bool = False  # its stored replies were built for someone as a coach
