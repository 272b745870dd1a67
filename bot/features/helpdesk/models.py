"""Where a route's tickets go outside prepbot, which tickets went, and what was passed on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class HelpdeskRouteRow(Base):
    """A route ("default", "category:hardware", "school:3") and its helpdesk: an address
    and/or a webhook URL; neither keeps the route's tickets in prepbot. The shared secret is
    sealed with the server secret (bot/server_secret.py), never stored readable."""

    __tablename__ = "helpdesk_routes"

    route: Mapped[str] = mapped_column(String(80), primary_key=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    webhook_url: Mapped[str] = mapped_column(String(255), default="")
    secret: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HandoffRow(Base):
    """A ticket handed to a helpdesk: its thread reference (in every email subject and
    webhook body, so answers find their way back) and the facts sent with it."""

    __tablename__ = "helpdesk_handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Goes with its ticket when the ticket's retention deletes it.
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"),
                                           unique=True)
    route: Mapped[str] = mapped_column(String(80))
    thread: Mapped[str] = mapped_column(String(40), unique=True)
    category: Mapped[str] = mapped_column(String(32))
    school_id: Mapped[int | None] = mapped_column(nullable=True)
    room: Mapped[str] = mapped_column(String(64), default="")
    urgency: Mapped[str] = mapped_column(String(16), default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PassedRow(Base):
    """One message passed on to the helpdesk, in order: the opening, then teachers' additions.
    Its text is masked (no student identifiers leave prepbot)."""

    __tablename__ = "helpdesk_messages"
    __table_args__ = (UniqueConstraint("handoff_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("helpdesk_handoffs.id",
                                                       ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column()
    kind: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True,
                                                  index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime())
