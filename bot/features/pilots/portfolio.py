"""Pilots in a coach's record: the tool, the teachers, the weeks and what was decided."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pilots import service
from bot.features.pilots.models import PilotRow, PilotTeacherRow
from bot.hooks.year import PortfolioAsk, PortfolioItem
from bot.i18n import N_, _, ngettext

OUTCOMES = {"adopt": N_("adopted"), "drop": N_("dropped")}


async def pilots(session: AsyncSession, ask: PortfolioAsk) -> Sequence[PortfolioItem]:
    """Each pilot the coach ran that started in the period."""
    query = (select(PilotRow).where(PilotRow.coach_id == ask.coach_id,
                                    PilotRow.starts_on >= ask.first,
                                    PilotRow.starts_on <= ask.last)
             .order_by(PilotRow.starts_on))
    items = []
    for pilot in (await session.execute(query)).scalars().all():
        teachers = (await session.execute(select(func.count()).where(
            PilotTeacherRow.pilot_id == pilot.id))).scalar_one()
        outcome = OUTCOMES.get(pilot.decision) or (
            N_("waiting for a decision") if pilot.status == "reporting" else N_("running"))
        weeks = service.week_count(pilot)
        items.append(PortfolioItem(  # the kind is the portfolio's word; the rest is said here
            "pilot", pilot.starts_on, ngettext("{tool} pilot, {count} week",
                                               "{tool} pilot, {count} weeks", weeks).format(
                tool=pilot.tool, count=weeks), people=int(teachers), outcome=_(outcome)))
    return items
