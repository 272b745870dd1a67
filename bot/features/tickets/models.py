"""Tickets, who is on each, what happened to it, where it is routed, and article drafts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class TicketRow(Base):
    """One help request. `request_key` makes opening idempotent (retries, double clicks)."""

    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_status_created", "status", "created_at"),
                      Index("ix_tickets_school_created", "school_id", "created_at"),
                      Index("ix_tickets_created", "created_at"),
                      Index("ix_tickets_resolved", "resolved_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    request_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), nullable=True,
                                                   index=True)
    text: Mapped[str] = mapped_column(Text)
    room: Mapped[str] = mapped_column(String(64), default="")
    urgency: Mapped[str] = mapped_column(String(16), default="today")
    category: Mapped[str] = mapped_column(String(32), default="other", index=True)
    article_id: Mapped[str | None] = mapped_column(String(128), nullable=True)
    articles_shown: Mapped[str] = mapped_column(String(512), default="")
    didnt_help: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default="new")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    # Measured in the school's hours when they happen, so reports can aggregate in SQL.
    first_response_secs: Mapped[float | None] = mapped_column(Float, nullable=True)
    resolution_secs: Mapped[float | None] = mapped_column(Float, nullable=True)


class TicketPersonRow(Base):
    """Someone on a ticket: the requester, or a teacher who said "me too"."""

    __tablename__ = "ticket_people"
    __table_args__ = (UniqueConstraint("ticket_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TicketEventRow(Base):
    """One thing that happened to a ticket, in order: the timeline and the relayed messages."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"),
                                           index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(24))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")


class RouteRow(Base):
    """Where tickets of a category go: a triage channel on one platform."""

    __tablename__ = "ticket_routes"

    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    conversation_id: Mapped[str] = mapped_column(String(255))


class DraftRow(Base):
    """An article a coach suggested from a resolved ticket, for the curators."""

    __tablename__ = "kb_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"),
                                                  nullable=True)
    category: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    # whose help-channel question it copied as its title: her erase finds it even after
    # retention deleted the question (a ticket's draft has a title of the coach's)
    asker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
