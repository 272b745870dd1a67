"""Pilots in a coach's record: the tool, the teachers, the weeks and what was decided."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pilots import service
from bot.features.pilots.models import PilotRow, PilotTeacherRow
from bot.hooks import PortfolioAsk, PortfolioItem


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
        outcome = {"adopt": "adopted", "drop": "dropped"}.get(pilot.decision, "") or (
            "waiting for a decision" if pilot.status == "reporting" else "running")
        items.append(PortfolioItem(
            "pilot", pilot.starts_on, f"{pilot.tool} pilot, {service.week_count(pilot)} weeks",
            people=int(teachers), outcome=outcome))
    return items
