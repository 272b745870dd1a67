"""The pulse surveys' part of the digest: each survey of the period with its buy-in."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Text
from bot.features.pulse import results
from bot.features.pulse.models import SurveyRow
from bot.hooks.digest import DigestAsk, Section
from bot.i18n import _, format_share, reaches


async def line(session: AsyncSession, survey: SurveyRow, ask: DigestAsk) -> str:
    """`• Nearpod wave 2, closed: buy-in 86%, meets the 85% target (7 answers)`."""
    report = await results.report(session, survey, ask.now, with_comments=False,
                                  asked=ask.asked)
    state = _("closed") if survey.closed_at is not None else _("running")
    if not (report.shown and report.buy_in):
        figure = _("no results yet (they show {threshold} answers at a time)").format(
            threshold=report.threshold)
    else:
        agree = report.buy_in.agree
        figure = (_("buy-in {share}, meets the {target}% target ({n} answers released)")
                  if reaches(agree, report.target) else
                  _("buy-in {share}, below the {target}% target ({n} answers released)")
                  ).format(share=format_share(agree, report.target), target=report.target,
                           n=report.n)
    return _("• {tool} wave {wave}, {state}: {figure}").format(
        tool=survey.tool, wave=survey.wave, state=state, figure=figure)


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Surveys open at some point in the period: the coach's own, or all for an admin."""
    period = ask.period
    query = select(SurveyRow).where(SurveyRow.opened_at < period.end,
                                    (SurveyRow.closed_at.is_(None)) |
                                    (SurveyRow.closed_at >= period.start))
    if ask.coach_id is not None:
        query = query.where(SurveyRow.coach_id == ask.coach_id)
    if ask.asked:  # an admin once asked as a teacher (a red team's, stop 51)
        query = query.where(SurveyRow.id.not_in(ask.asked))
    surveys = (await session.execute(query.order_by(SurveyRow.id).limit(10))).scalars()
    lines = [await line(session, survey, ask) for survey in surveys]
    if not lines:
        return ()
    return (Section(_("Pulse surveys"), 50, (Text("\n".join(lines), markdown=False),)),)
