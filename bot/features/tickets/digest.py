"""The tickets' part of the digest: opened, resolved, open, school-time medians, outages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Fields, Text
from bot.features.tickets.models import DraftRow, TicketPersonRow, TicketRow
from bot.features.tickets.queue import age, excerpt
from bot.features.tickets.service import OPEN
from bot.hooks.digest import DigestAsk, Period, Scope, Section, change, in_scope, per_day
from bot.i18n import N_, _, ngettext
from bot.masking import mask_student_data
from bot.schools.models import SchoolRow

NO_SCHOOL = N_("no school set")  # the key tickets without a school are counted under


def _school(name: str) -> str:
    return _(NO_SCHOOL) if name == NO_SCHOOL else name


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


def _hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)


async def figures(session: AsyncSession, period: Period, scope: Scope) -> TicketFigures:
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
        int((await session.execute(still)).scalar_one()), _hours(first), _hours(resolution))


async def counted_by(session: AsyncSession, period: Period, scope: Scope,
                     by: str) -> list[tuple[str, int]]:
    """Tickets opened in the period, counted by category or by school."""
    key: Any = TicketRow.category if by == "category" else \
        func.coalesce(SchoolRow.name, NO_SCHOOL)
    query = (select(key, func.count()).select_from(TicketRow)
             .outerjoin(SchoolRow, SchoolRow.id == TicketRow.school_id)
             .where(TicketRow.created_at >= period.start, TicketRow.created_at < period.end,
                    in_scope(TicketRow.school_id, scope))
             .group_by(key).order_by(func.count().desc(), key))
    return [(str(k), int(n)) for k, n in await session.execute(query)]


async def oldest_open(session: AsyncSession, period: Period, scope: Scope,
                      limit: int = 5) -> list[TicketRow]:
    """The open tickets that have waited longest."""
    query = (select(TicketRow).where(TicketRow.status.in_(OPEN),
                                     TicketRow.created_at < period.end,
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


async def drafts(session: AsyncSession, period: Period) -> list[str]:
    """Titles of the article drafts coaches suggested in the period."""
    query = (select(DraftRow.title).where(DraftRow.created_at >= period.start,
                                          DraftRow.created_at < period.end)
             .order_by(DraftRow.id))
    return list((await session.execute(query)).scalars())


def sample(text: str) -> str:
    """A ticket's words as the digest quotes them: masked even where the teacher kept them
    (a red team's, stop 44), then cut short."""
    return excerpt(mask_student_data(text, schools=False).text, 70)


async def ticket_blocks(session: AsyncSession, ask: DigestAsk, now: TicketFigures
                        ) -> tuple[Block, ...]:
    """The tickets section: figures beside last period's, where they come from, what waits."""
    b = await figures(session, ask.period.previous, ask.scope)
    blocks: list[Block] = [Fields((
        (_("Opened"), change(now.opened, b.opened)),
        (_("Resolved"), change(now.resolved, b.resolved)),
        (_("Still open"), change(now.still_open, b.still_open)),
        (_("Median first response (school hours)"),
         change(now.median_first_response_h, b.median_first_response_h)),
        (_("Median resolution (school hours)"),
         change(now.median_resolution_h, b.median_resolution_h))))]
    by_category = await counted_by(session, ask.period, ask.scope, "category")
    by_school = await counted_by(session, ask.period, ask.scope, "school")
    if by_category:
        blocks.append(Text(_("By category: {counts}").format(
            counts=", ".join(f"{c} {n}" for c, n in by_category))))
    if len(by_school) > 1:
        blocks.append(Text(_("By school: {counts}").format(
            counts=", ".join(f"{_school(s)} {n}" for s, n in by_school))))
    if oldest := await oldest_open(session, ask.period, ask.scope):
        blocks.append(Text(_("Oldest open:") + "\n" + "\n".join(
            "• " + _("#{id}, opened {age}: \u201c{text}\u201d").format(
                id=t.id, age=age(t.created_at, ask.period.end), text=sample(t.text))
            for t in oldest), markdown=False))
    if found := await outages(session, ask.period, ask.scope):
        blocks.append(Text(_("\"Me too\" outages:") + "\n" + "\n".join(
            "• " + ngettext("#{id}, {count} teacher: \u201c{text}\u201d",
                            "#{id}, {count} teachers: \u201c{text}\u201d", k).format(
                id=n, count=k, text=sample(text)) for n, text, k in found),
                           markdown=False))
    return tuple(blocks)


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Tickets after the questions; article drafts join the knowledge-base gaps."""
    now = await figures(session, ask.period, ask.scope)
    during = ((TicketRow.created_at >= ask.period.start) &
              (TicketRow.created_at < ask.period.end) & in_scope(TicketRow.school_id, ask.scope))
    opened = ngettext("{count} ticket opened", "{count} tickets opened", now.opened).format(
        count=now.opened)
    found: list[Section] = [Section(
        _("Tickets"), 30, await ticket_blocks(session, ask, now), opened,
        daily={"tickets": await per_day(session, TicketRow.created_at, during, ask.zone)})]
    if titles := await drafts(session, ask.period):
        found.append(Section(_("Knowledge-base gaps"), 20, (Text(
            _("Article drafts from tickets: {titles}").format(titles="; ".join(titles)),
            markdown=False),)))
    return found
