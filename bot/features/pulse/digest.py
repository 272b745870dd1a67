"""The pulse surveys' part of the digest: each survey of the period with its buy-in."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Text
from bot.features.pulse import results
from bot.features.pulse.models import SurveyRow
from bot.hooks import DigestAsk, Section


async def line(session: AsyncSession, survey: SurveyRow, ask: DigestAsk) -> str:
    """`• Nearpod wave 2, closed: buy-in 86%, meets the 85% target (7 answers)`."""
    report = await results.report(session, survey, ask.now, with_comments=False)
    state = "closed" if survey.closed_at is not None else "running"
    if not (report.shown and report.buy_in):
        figure = f"no results yet (they show {report.threshold} answers at a time)"
    else:
        agree = report.buy_in.agree
        mark = "meets" if agree * 100 >= report.target else "below"
        figure = (f"buy-in {agree:.0%}, {mark} the {report.target}% target "
                  f"({report.n} answers released)")
    return f"• {survey.tool} wave {survey.wave}, {state}: {figure}"


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Surveys open at some point in the period: the coach's own, or all for an admin."""
    period = ask.period
    query = select(SurveyRow).where(SurveyRow.opened_at < period.end,
                                    (SurveyRow.closed_at.is_(None)) |
                                    (SurveyRow.closed_at >= period.start))
    if ask.coach_id is not None:
        query = query.where(SurveyRow.coach_id == ask.coach_id)
    surveys = (await session.execute(query.order_by(SurveyRow.id).limit(10))).scalars()
    lines = [await line(session, survey, ask) for survey in surveys]
    if not lines:
        return ()
    return (Section("Pulse surveys", 50, (Text("\n".join(lines), markdown=False),)),)
