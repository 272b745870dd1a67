"""The digest's hand-overs: the period and schools one digest covers, the sections each
feature adds, and the figures' shared formatting."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block
from bot.i18n import _, format_decimal


@dataclass(frozen=True)
class Period:
    """[start, end) in UTC."""

    start: datetime
    end: datetime

    @property
    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - (self.end - self.start), self.start)


Scope = tuple[int, ...] | None  # school ids, or None for the whole district


def in_scope(column: Any, scope: Scope) -> ColumnElement[bool]:
    """The filter that keeps rows of the scope's schools (everything for the district)."""
    return column.in_(scope) if scope is not None else and_(True)


@dataclass(frozen=True)
class DigestAsk:
    """What one digest covers: the period, the schools, and whose surveys (None: all)."""

    period: Period
    scope: Scope
    coach_id: int | None
    now: datetime
    zone: tzinfo = UTC  # the reader's: a day in the digest is a day where they are
    # The surveys its reader was asked to answer: none of their figures is shown to them.
    asked: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Section:
    """A part of the digest; parts with the same heading are shown as one, by `order`."""

    heading: str
    order: int
    blocks: tuple[Block, ...]
    summary: str = ""  # a few words for the digest's one-line text, e.g. "4 tickets opened"
    daily: dict[str, dict[date, int]] = field(default_factory=dict)  # for the digest's chart


DigestSection = Callable[[AsyncSession, DigestAsk], Awaitable[Sequence[Section]]]


SIGNED = "+#,##0.###;-#,##0.###"  # a change always shows its sign: +3, -0.5


def change(now: float | None, before: float | None) -> str:
    """A digest figure with its change since the previous period, as the current language
    writes numbers: `1,234 (+3)`, `3,5 (-0,5)`, `12 (igual)`."""
    if now is None:
        return "-"
    shown = format_decimal(now)
    if before is None:
        return shown
    delta = now - before
    if not delta:
        return _("{figure} (same)").format(figure=shown)
    return f"{shown} ({format_decimal(delta, SIGNED)})"


async def per_day(session: AsyncSession, column: Any, where: ColumnElement[bool],
                  zone: tzinfo = UTC) -> dict[date, int]:
    """Rows per local day (in `zone`) of a timestamp column, for the digest's chart.

    Counted here rather than in SQL: SQLite and PostgreSQL disagree on time zones, and a
    digest's period holds a few thousand rows at most.
    """
    moments = (await session.execute(select(column).where(where))).scalars()
    return dict(Counter(moment.astimezone(zone).date() for moment in moments))
