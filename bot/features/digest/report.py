"""Build one digest: this period's figures beside the previous period's, for one scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.digest import figures, sections
from bot.features.digest.chart import daily_chart
from bot.features.digest.figures import Period, QuestionFigures, Scope, TicketFigures
from bot.features.digest.gaps import Gap, cluster
from bot.features.digest.sections import CoffeeFigures, PulseLine
from bot.features.tickets.models import DraftRow, TicketRow
from bot.schools.models import SchoolRow


@dataclass(frozen=True)
class Digest:
    """Everything a coach reads on Monday morning."""

    period: Period
    scope_label: str
    questions: QuestionFigures
    questions_before: QuestionFigures
    feedback: list[tuple[str, int, int]]
    top_articles: list[tuple[str, int]]
    gaps: list[Gap]
    drafts: list[str]
    tickets: TicketFigures
    tickets_before: TicketFigures
    by_category: list[tuple[str, int]]
    by_school: list[tuple[str, int]]
    oldest_open: list[TicketRow]
    outages: list[tuple[int, str, int]]
    coffee: CoffeeFigures
    pulses: list[PulseLine]
    chart: tuple[str, str]  # url path, alt text


async def scope_label(session: AsyncSession, scope: Scope) -> str:
    """"the district" or the school names."""
    if scope is None:
        return "the district"
    names = (await session.execute(select(SchoolRow.name).where(SchoolRow.id.in_(scope))
                                   .order_by(SchoolRow.name))).scalars()
    return ", ".join(names) or "no school"


async def _drafts(session: AsyncSession, period: Period) -> list[str]:
    query = (select(DraftRow.title).where(DraftRow.created_at >= period.start,
                                          DraftRow.created_at < period.end)
             .order_by(DraftRow.id))
    return list((await session.execute(query)).scalars())


async def build_digest(session: AsyncSession, period: Period, scope: Scope,
                       coach_id: int | None = None, now: datetime | None = None) -> Digest:
    """Run every figure for the period and the one before it.

    `coach_id` limits the pulse section to that coach's surveys (None: all of them).
    """
    before = period.previous
    now = now or period.end
    return Digest(
        period=period, scope_label=await scope_label(session, scope),
        questions=await figures.questions(session, period, scope),
        questions_before=await figures.questions(session, before, scope),
        feedback=await figures.feedback_by_article(session, period, scope),
        top_articles=await figures.top_articles(session, period, scope),
        gaps=cluster(await figures.gap_texts(session, period, scope)),
        drafts=await _drafts(session, period),
        tickets=await figures.tickets(session, period, scope),
        tickets_before=await figures.tickets(session, before, scope),
        by_category=await figures.tickets_by(session, period, scope, "category"),
        by_school=await figures.tickets_by(session, period, scope, "school"),
        oldest_open=await figures.oldest_open(session, period.end, scope),
        outages=await figures.outages(session, period, scope),
        coffee=await sections.coffee(session, period, scope),
        pulses=await sections.pulses(session, period, coach_id, now),
        chart=await daily_chart(session, period, scope, now),
    )


def change(now: float | None, before: float | None) -> str:
    """A figure with its change since the previous period: `12 (+3)`."""
    if now is None:
        return "-"
    shown = f"{now:g}"
    if before is None:
        return shown
    delta = now - before
    return f"{shown} ({'+' if delta > 0 else ''}{delta:g})" if delta else f"{shown} (same)"

