"""The digest's figures, each one SQL aggregate over indexed columns for a period and scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.answers.models import QuestionRow
from bot.features.tickets.models import TicketPersonRow, TicketRow
from bot.features.tickets.service import OPEN
from bot.schools.models import SchoolRow


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
class QuestionFigures:
    """Questions asked, answered (one article), suggested, deflected."""

    asked: int
    answered: int
    suggested: int
    deflected: int


async def questions(session: AsyncSession, period: Period, scope: Scope) -> QuestionFigures:
    """Counts by outcome in one pass."""
    def counted(kind: str) -> Any:
        return func.count(case((QuestionRow.outcome == kind, 1)))

    query = select(func.count(), counted("answer"), counted("suggest"), counted("deflect")).where(
        QuestionRow.asked_at >= period.start, QuestionRow.asked_at < period.end,
        in_scope(QuestionRow.school_id, scope))
    row = (await session.execute(query)).one()
    return QuestionFigures(*(int(v) for v in row))


async def feedback_by_article(session: AsyncSession, period: Period,
                              scope: Scope) -> list[tuple[str, int, int]]:
    """(article, yes, no) for articles with feedback, most "no" first."""
    yes = func.count(case((QuestionRow.helpful.is_(True), 1)))
    no = func.count(case((QuestionRow.helpful.is_(False), 1)))
    query = (select(QuestionRow.article_id, yes, no)
             .where(QuestionRow.asked_at >= period.start, QuestionRow.asked_at < period.end,
                    QuestionRow.helpful.is_not(None), QuestionRow.article_id.is_not(None),
                    in_scope(QuestionRow.school_id, scope))
             .group_by(QuestionRow.article_id).order_by(no.desc(), yes.desc()).limit(10))
    return [(str(a), int(y), int(n)) for a, y, n in await session.execute(query)]


async def top_articles(session: AsyncSession, period: Period, scope: Scope,
                       limit: int = 5) -> list[tuple[str, int]]:
    """The articles teachers read most."""
    count = func.count()
    query = (select(QuestionRow.article_id, count)
             .where(QuestionRow.asked_at >= period.start, QuestionRow.asked_at < period.end,
                    QuestionRow.outcome == "answer", in_scope(QuestionRow.school_id, scope))
             .group_by(QuestionRow.article_id).order_by(count.desc(), QuestionRow.article_id)
             .limit(limit))
    return [(str(a), int(n)) for a, n in await session.execute(query)]


async def gap_texts(session: AsyncSession, period: Period, scope: Scope,
                    limit: int = 500) -> list[str]:
    """Deflected or unhelpful questions (the newest `limit`), for clustering into gaps."""
    query = (select(QuestionRow.text)
             .where(QuestionRow.asked_at >= period.start, QuestionRow.asked_at < period.end,
                    (QuestionRow.outcome == "deflect") | QuestionRow.helpful.is_(False),
                    in_scope(QuestionRow.school_id, scope))
             .order_by(QuestionRow.asked_at.desc()).limit(limit))
    return list((await session.execute(query)).scalars())


@dataclass(frozen=True)
class TicketFigures:
    """Opened, resolved and still open, with school-time medians in hours."""

    opened: int
    resolved: int
    still_open: int
    median_first_response_h: float | None
    median_resolution_h: float | None


async def _median(session: AsyncSession, column: Any, where: list[ColumnElement[bool]]
                  ) -> float | None:
    """A median in SQL on both databases: count, then read the middle one or two rows."""
    count = int((await session.execute(select(func.count()).where(*where))).scalar_one())
    if count == 0:
        return None
    query: Select[Any] = (select(column).where(*where).order_by(column)
                          .offset((count - 1) // 2).limit(2 - count % 2))
    middle = [float(v) for v in (await session.execute(query)).scalars()]
    return sum(middle) / len(middle)


async def tickets(session: AsyncSession, period: Period, scope: Scope) -> TicketFigures:
    """The ticket figures for a period."""
    schools = in_scope(TicketRow.school_id, scope)
    opened = select(func.count()).where(TicketRow.created_at >= period.start,
                                        TicketRow.created_at < period.end, schools)
    resolved_where = [TicketRow.resolved_at >= period.start, TicketRow.resolved_at < period.end,
                      schools]
    still = select(func.count()).where(TicketRow.status.in_(OPEN),
                                       TicketRow.created_at < period.end, schools)
    first = await _median(session, TicketRow.first_response_secs,
                          [*resolved_where, TicketRow.first_response_secs.is_not(None)])
    resolution = await _median(session, TicketRow.resolution_secs,
                               [*resolved_where, TicketRow.resolution_secs.is_not(None)])
    return TicketFigures(
        int((await session.execute(opened)).scalar_one()),
        int((await session.execute(select(func.count()).where(*resolved_where))).scalar_one()),
        int((await session.execute(still)).scalar_one()),
        None if first is None else round(first / 3600, 1),
        None if resolution is None else round(resolution / 3600, 1))


async def tickets_by(session: AsyncSession, period: Period, scope: Scope,
                     by: str) -> list[tuple[str, int]]:
    """Tickets opened in the period, counted by category or by school."""
    key: Any = TicketRow.category if by == "category" else func.coalesce(SchoolRow.name, "-")
    query = (select(key, func.count()).select_from(TicketRow)
             .outerjoin(SchoolRow, SchoolRow.id == TicketRow.school_id)
             .where(TicketRow.created_at >= period.start, TicketRow.created_at < period.end,
                    in_scope(TicketRow.school_id, scope))
             .group_by(key).order_by(func.count().desc(), key))
    return [(str(k), int(n)) for k, n in await session.execute(query)]


async def oldest_open(session: AsyncSession, end: datetime, scope: Scope,
                      limit: int = 5) -> list[TicketRow]:
    """The open tickets that have waited longest."""
    query = (select(TicketRow).where(TicketRow.status.in_(OPEN), TicketRow.created_at < end,
                                     in_scope(TicketRow.school_id, scope))
             .order_by(TicketRow.created_at).limit(limit))
    return list((await session.execute(query)).scalars())


async def outages(session: AsyncSession, period: Period, scope: Scope,
                  at_least: int = 3) -> list[tuple[int, str, int]]:
    """"Me too" tickets: (number, text, teachers affected) with `at_least` teachers on them."""
    affected = func.count(TicketPersonRow.id)
    query = (select(TicketRow.id, TicketRow.text, affected)
             .join(TicketPersonRow, TicketPersonRow.ticket_id == TicketRow.id)
             .where(TicketRow.created_at >= period.start, TicketRow.created_at < period.end,
                    in_scope(TicketRow.school_id, scope))
             .group_by(TicketRow.id, TicketRow.text).having(affected >= at_least)
             .order_by(affected.desc()).limit(5))
    return [(int(i), str(t), int(n)) for i, t, n in await session.execute(query)]


def week_before(moment: datetime) -> Period:
    """The seven days before a moment."""
    return Period(moment - timedelta(days=7), moment)
