"""How features help each other without importing each other: small typed hand-overs.

A feature that needs something from another names the hook here, and the other feature
registers a function for it (see bot/feature.py). Neither knows the other's tables.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import ColumnElement, and_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Reply

if TYPE_CHECKING:
    from bot.people.models import PersonRow
    from bot.receiving import Outcome, Receipt
    from bot.turn import Turn
    from bot.vocabulary import Conversation


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
class TicketNews:
    """A ticket was opened, or a teacher added to one: for features that pass tickets on (a
    district helpdesk). The text is as the ticket keeps it."""

    ticket_id: int
    kind: str  # "opened", "teacher_reply", or "reopened" (by a teacher: still broken)
    text: str
    person_id: int  # who opened it, or who wrote
    at: datetime
    category: str = "other"
    school_id: int | None = None
    room: str = ""
    urgency: str = ""


@dataclass(frozen=True)
class TicketUpdate:
    """Another system's word on a ticket: "resolved", "needs_info" (from the teacher) or a
    "reply" to pass on; `source` names the system to the teacher."""

    ticket_id: int
    kind: str
    text: str = ""
    source: str = "the district helpdesk"


class Teller(Protocol):
    """Who can tell people something once its transaction commits: a Turn, or a Receipt."""

    @property
    def session(self) -> AsyncSession:
        """The transaction the change is made in."""

    @property
    def now(self) -> datetime:
        """The time of the change."""

    def notify(self, person: PersonRow, reply: Reply) -> None:
        """DM someone after the commit, through the ledger."""

    def post(self, conversation: Conversation, reply: Reply) -> None:
        """Post to a conversation after the commit, through the ledger."""


Escalate = Callable[["Turn[Any]", Escalation], Awaitable[list[Reply]]]
AnswerExtra = Callable[["Turn[Any]", Answered], Awaitable[tuple[Block, ...]]]
DigestSection = Callable[[AsyncSession, DigestAsk], Awaitable[Sequence[Section]]]
# One line per piece of open work of these people (id -> name), e.g. their open tickets.
OpenWork = Callable[[AsyncSession, dict[int, str]], Awaitable[list[str]]]
# What `/prepbot settings` shows of a feature's configuration besides its stored settings.
Describe = Callable[[AsyncSession], Awaitable[list[tuple[str, str]]]]
# Hears of new tickets and teachers' additions, in the same transaction (plans what it sends).
TicketListener = Callable[[AsyncSession, TicketNews], Awaitable[None]]
# Applies another system's word to a ticket and tells whom it concerns; returns what it did
# ("resolved", "already resolved", "relayed"). Raises BadInput for a ticket it cannot find.
UpdateTicket = Callable[[Teller, TicketUpdate], Awaitable[str]]
# Answers a request another system made (bot/receiving.py), e.g. a helpdesk's webhook.
Receiver = Callable[["Receipt"], Awaitable["Outcome"]]


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
