"""The digest's sections from Coffee and Curriculum and from pulse surveys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.features.digest.figures import Period, Scope, in_scope
from bot.features.pulse import results
from bot.features.pulse.models import SurveyRow


@dataclass(frozen=True)
class CoffeeFigures:
    """Sessions held, who said they'd come, who came, and the pain points by topic."""

    sessions: int
    going: int
    attended: int
    pain_points: list[tuple[str, int, str]]  # topic, how many, one sample


async def coffee(session: AsyncSession, period: Period, scope: Scope) -> CoffeeFigures:
    """Coffee and Curriculum sessions that started in the period, in the scope's schools."""
    held = (select(CoffeeSessionRow.id).join(CoffeeSeriesRow,
                                              CoffeeSeriesRow.id == CoffeeSessionRow.series_id)
            .where(CoffeeSessionRow.starts_at >= period.start,
                   CoffeeSessionRow.cancelled.is_(False),
                   CoffeeSessionRow.starts_at < period.end,
                   in_scope(CoffeeSeriesRow.school_id, scope)))
    ids = select(held.subquery().c.id)
    counts = select(func.count(case((CoffeeRsvpRow.answer == "going", 1))),
                    func.count(case((CoffeeRsvpRow.attended.is_(True), 1)))
                    ).where(CoffeeRsvpRow.session_id.in_(ids))
    going, attended = (await session.execute(counts)).one()
    topics = (select(CoffeeRsvpRow.topic, func.count(), func.min(CoffeeRsvpRow.note))
              .where(CoffeeRsvpRow.session_id.in_(ids), CoffeeRsvpRow.note != "")
              .group_by(CoffeeRsvpRow.topic).order_by(func.count().desc()).limit(6))
    pains = [(topic or "other", int(n), str(sample))
             for topic, n, sample in await session.execute(topics)]
    sessions = int((await session.execute(select(func.count()).select_from(
        held.subquery()))).scalar_one())
    return CoffeeFigures(sessions, int(going), int(attended), pains)


@dataclass(frozen=True)
class PulseLine:
    """One survey running or closed in the period, with buy-in when it can be shown."""

    tool: str
    wave: int
    answers: int
    closed: bool
    buy_in: float | None
    target: int
    threshold: int


async def pulses(session: AsyncSession, period: Period, coach_id: int | None,
                 now: datetime) -> list[PulseLine]:
    """Surveys open at some point in the period: the coach's own, or all for an admin."""
    query = select(SurveyRow).where(SurveyRow.opened_at < period.end,
                                    (SurveyRow.closed_at.is_(None)) |
                                    (SurveyRow.closed_at >= period.start))
    if coach_id is not None:
        query = query.where(SurveyRow.coach_id == coach_id)
    lines = []
    for survey in (await session.execute(query.order_by(SurveyRow.id).limit(10))).scalars():
        report = await results.report(session, survey, now, with_comments=False)
        buy_in = report.buy_in.agree if report.shown and report.buy_in else None
        lines.append(PulseLine(survey.tool, survey.wave, report.answered,
                               survey.closed_at is not None,
                               buy_in, report.target, report.threshold))
    return lines
