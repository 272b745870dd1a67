"""Build one digest: every feature's sections for the period, merged by heading, and a chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.digest.chart import daily_chart
from bot.hooks.digest import DigestAsk, DigestSection, Period, Scope, Section
from bot.i18n import _
from bot.schools.models import SchoolRow


@dataclass(frozen=True)
class Digest:
    """Everything a coach reads on Monday morning."""

    period: Period
    scope_label: str
    sections: tuple[Section, ...]
    chart: tuple[str, str]  # url path, alt text
    zone: tzinfo

    @property
    def first_day(self) -> date:
        """The period's first day where the reader is."""
        return self.period.start.astimezone(self.zone).date()

    @property
    def last_day(self) -> date:
        """The period's last day where the reader is (its end is the next day's midnight)."""
        return (self.period.end - timedelta(microseconds=1)).astimezone(self.zone).date()

    @property
    def summary(self) -> str:
        """The sections' few words, in order: "11 questions, 4 knowledge-base gaps, ..."."""
        return ", ".join(s.summary for s in self.sections if s.summary)


async def scope_label(session: AsyncSession, scope: Scope) -> str:
    """"the district" or the school names."""
    if scope is None:
        return _("the district")
    names = (await session.execute(select(SchoolRow.name).where(SchoolRow.id.in_(scope))
                                   .order_by(SchoolRow.name))).scalars()
    return ", ".join(names) or _("no school")


def merged(parts: Sequence[Section]) -> tuple[Section, ...]:
    """Parts with the same heading become one section (in the order they were given)."""
    by_heading: dict[str, Section] = {}
    for part in parts:
        found = by_heading.get(part.heading)
        if found is None:
            by_heading[part.heading] = part
            continue
        summary = ", ".join(filter(None, (found.summary, part.summary)))
        by_heading[part.heading] = Section(found.heading, min(found.order, part.order),
                                           found.blocks + part.blocks, summary,
                                           {**found.daily, **part.daily})
    return tuple(sorted(by_heading.values(), key=lambda s: s.order))


async def build_digest(session: AsyncSession, contributors: Sequence[DigestSection],
                       ask: DigestAsk) -> Digest:
    """Ask every feature for its part of the digest, then draw the per-day chart."""
    parts = [part for contribute in contributors for part in await contribute(session, ask)]
    sections = merged(parts)
    series: dict[str, dict[date, int]] = {}
    for section in sections:
        series.update(section.daily)
    chart = await daily_chart(session, ask.period, series, ask.now, ask.zone)
    return Digest(ask.period, await scope_label(session, ask.scope), sections, chart, ask.zone)
