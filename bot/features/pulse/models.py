"""Pulse surveys, their anonymous responses, who has responded, and the waiting pool.

Anonymity is a property of this schema, not of the code that reads it:

- `pulse_responses` holds answers with no person, no date and no sequential id: its key is a
  hash of a secret only the respondent's own form carries (see `answering.py`).
- `pulse_respondents` holds who has answered (for reminders and one-answer-each) with no time
  and nothing that points at a response.
- Both are written only at a release, N rows at a time in independent random orders
  (`pool.py`); until then an answer waits sealed in `pulse_pool`, under a key only the
  server secret can compute from the person.
- On SQLite all three are WITHOUT ROWID tables, stored in key order, so a hidden rowid cannot
  give away the order of arrival.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class SurveyRow(Base):
    """One wave of a pulse survey: a tool, a cohort, an instrument and a close time."""

    __tablename__ = "pulse_surveys"
    __table_args__ = (Index("ix_pulse_surveys_cohort", "platform", "cohort_id", "tool_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_key: Mapped[str | None] = mapped_column(String(255), unique=True, nullable=True)
    tool: Mapped[str] = mapped_column(String(80))
    tool_key: Mapped[str] = mapped_column(String(80))
    instrument: Mapped[str] = mapped_column(String(64), default="tam")
    # The items as asked (tool name filled in), kept so later edits to the file change nothing.
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    platform: Mapped[str] = mapped_column(String(32))
    cohort_id: Mapped[str] = mapped_column(String(255))
    cohort_name: Mapped[str] = mapped_column(String(255), default="")
    coach_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    wave: Mapped[int] = mapped_column(default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("pulse_surveys.id"),
                                                    nullable=True)
    share_results: Mapped[bool] = mapped_column(default=False)
    invited: Mapped[int] = mapped_column(default=0)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closes_on: Mapped[date] = mapped_column(Date)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Answers are released this many at a time, fixed at launch (a setting changed later
    # applies to new surveys only).
    threshold: Mapped[int] = mapped_column(default=5)
    held_back: Mapped[int] = mapped_column(default=0)  # still waiting when it closed
    # Its cards carry a tag binding each to its one teacher (answering.form_tag): launched
    # before tags, a survey's untagged cards answer once; since, only tagged ones do.
    tagged_cards: Mapped[bool] = mapped_column(default=False)


class ResponseRow(Base):
    """One anonymous set of answers: no person, no time of day, no arrival order."""

    __tablename__ = "pulse_responses"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("pulse_surveys.id", ondelete="CASCADE"),
                                           index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")


class PendingRow(Base):
    """An answer waiting for its release, sealed; whose it is needs the server secret."""

    __tablename__ = "pulse_pool"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("pulse_surveys.id", ondelete="CASCADE"),
                                           index=True)
    new: Mapped[bool] = mapped_column(default=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class RespondentRow(Base):
    """Someone has answered a survey; which answers are theirs is recorded nowhere."""

    __tablename__ = "pulse_respondents"
    __table_args__ = ({"sqlite_with_rowid": False},)

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("pulse_surveys.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
