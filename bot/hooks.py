"""How features help each other without importing each other: small typed hand-overs.

A feature that needs something from another names the hook here, and the other feature
registers a function for it (see bot/feature.py). Neither knows the other's tables.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Reply

if TYPE_CHECKING:
    from bot.turn import Turn


@dataclass(frozen=True)
class Escalation:
    """A teacher wants a person: what they asked and what the bot already showed them."""

    text: str
    category: str = "other"
    article_id: str | None = None
    articles_shown: str = ""
    didnt_help: bool = False
    request_key: str | None = None  # the same escalation twice opens one ticket


@dataclass(frozen=True)
class Answered:
    """A question the bot just answered, for features that add something under the answer."""

    text: str
    category: str | None


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


@dataclass(frozen=True)
class Section:
    """A part of the digest; parts with the same heading are shown as one, by `order`."""

    heading: str
    order: int
    blocks: tuple[Block, ...]
    summary: str = ""  # a few words for the digest's one-line text, e.g. "4 tickets opened"
    daily: dict[str, dict[date, int]] = field(default_factory=dict)  # for the digest's chart


@dataclass(frozen=True)
class ArticleDraft:
    """The start of an article a feature keeps (the fix a coach wrote on a resolved ticket),
    for the knowledge base's editors to finish and publish from chat."""

    ref: str  # the keeping feature's own reference to it, e.g. the draft's number
    title: str
    body: str  # what fixed it, one step per line
    category: str = ""
    phrasings: tuple[str, ...] = ()  # how teachers asked it, in their words
    source: str = ""  # where it came from, in a few words: "ticket #41"


Escalate = Callable[["Turn[Any]", Escalation], Awaitable[list[Reply]]]
AnswerExtra = Callable[["Turn[Any]", Answered], Awaitable[tuple[Block, ...]]]
DigestSection = Callable[[AsyncSession, DigestAsk], Awaitable[Sequence[Section]]]
# One line per piece of open work of these people (id -> name), e.g. their open tickets.
OpenWork = Callable[[AsyncSession, dict[int, str]], Awaitable[list[str]]]
# What `/ask` with no question shows: the knowledge base to browse.
Browse = Callable[["Turn[Any]"], Awaitable[list[Reply]]]
# A feature's article drafts: the newest few (ref None), or the one with that ref.
ArticleDrafts = Callable[[AsyncSession, str | None], Awaitable[list[ArticleDraft]]]
# What `/prepbot settings` shows of a feature's configuration besides its stored settings.
Describe = Callable[[AsyncSession], Awaitable[list[tuple[str, str]]]]


@dataclass(frozen=True)
class Table:
    """Rows for a command-line export: the column names, then one tuple of strings per row."""

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]


# A named export for the command line; the text narrows it (a tool's name, say) or is "".
Export = Callable[[AsyncSession, str], Awaitable[Table]]
# Erasing a person from one table: how many rows changed (see bot/privacy.py).
Eraser = Callable[[AsyncSession, int], Awaitable[int]]


def change(now: float | None, before: float | None) -> str:
    """A digest figure with its change since the previous period: `12 (+3)`."""
    if now is None:
        return "-"
    shown = f"{now:g}"
    if before is None:
        return shown
    delta = now - before
    return f"{shown} ({'+' if delta > 0 else ''}{delta:g})" if delta else f"{shown} (same)"


async def per_day(session: AsyncSession, column: Any, where: ColumnElement[bool]
                  ) -> dict[date, int]:
    """Rows per UTC day of a timestamp column, for the digest's chart."""
    from sqlalchemy import func, select

    day = func.date(column)  # a "YYYY-MM-DD" string on SQLite, a date on PostgreSQL
    query = select(day, func.count()).where(where).group_by(day)
    return {d if isinstance(d, date) else date.fromisoformat(str(d)): int(n)
            for d, n in await session.execute(query)}
