"""The district's tool register: each tool's status and facts, who asked for it, its
checklist, what links to it, who uses it, and what happened to it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class ToolRow(Base):
    """A tool the district has or is considering.

    status: requested, evaluating, piloting, adopted, sunsetting, retired or declined.
    """

    __tablename__ = "tools"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(80), unique=True)
    aliases: Mapped[str] = mapped_column(String(255), default="")  # comma-separated
    status: Mapped[str] = mapped_column(String(16), default="requested")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    schools: Mapped[str] = mapped_column(String(255), default="")  # school ids; "" = all
    grades: Mapped[str] = mapped_column(String(64), default="")
    website: Mapped[str] = mapped_column(String(255), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")  # the need, in the asker's words
    standards: Mapped[str] = mapped_column(Text, default="")  # what it is mapped to
    access: Mapped[str] = mapped_column(String(512), default="")  # how to get an account
    reason: Mapped[str] = mapped_column(String(512), default="")  # why not, or why retired
    alternative_id: Mapped[int | None] = mapped_column(ForeignKey("tools.id"), nullable=True)
    intended: Mapped[int] = mapped_column(default=0)  # teachers it is meant for
    use_figure: Mapped[int | None] = mapped_column(nullable=True)  # teachers using it, entered
    decide_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_at: Mapped[datetime] = mapped_column(UTCDateTime())
    introduced_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # first piloted
    adopted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_pulse_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    flagged_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # use under 30%
    # Released buy-ins and use as last counted (once a day), for the digest to read.
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    figures_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    retire_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class ToolSupportRow(Base):
    """A teacher who asked for a tool, or said "me too": its demand, and who hears the
    decision."""

    __tablename__ = "tool_support"
    __table_args__ = (UniqueConstraint("tool_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("tools.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="metoo")  # request or metoo
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class ToolCheckRow(Base):
    """One point of a tool's six-point checklist: pass, fail or unknown, with a note and an
    evidence link; an admin's override of a failed blocking point, with its reason."""

    __tablename__ = "tool_checks"
    __table_args__ = (UniqueConstraint("tool_id", "point"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("tools.id", ondelete="CASCADE"))
    point: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(String(8), default="unknown")
    note: Mapped[str] = mapped_column(String(500), default="")
    evidence: Mapped[str] = mapped_column(String(500), default="")
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    override: Mapped[str] = mapped_column(String(500), default="")
    override_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    override_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ToolLinkRow(Base):
    """Something about a tool: a pulse survey, a ticket, an article (`kind` and its `ref`)."""

    __tablename__ = "tool_links"
    __table_args__ = (UniqueConstraint("tool_id", "kind", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("tools.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class ToolUserRow(Base):
    """Someone who uses a tool (a pilot teacher, a coach's addition, who asked for it): its
    quarterly pulse and any retirement notice go to them."""

    __tablename__ = "tool_users"
    __table_args__ = (UniqueConstraint("tool_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("tools.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    source: Mapped[str] = mapped_column(String(16), default="added")
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class ToolEventRow(Base):
    """What happened to a tool, in order: status changes, checklist points, overrides."""

    __tablename__ = "tool_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("tools.id", ondelete="CASCADE"),
                                         index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(String(600), default="")
