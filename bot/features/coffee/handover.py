"""A leaving coach's Coffee and Curriculum series given to another coach (`/prepbot
handover`): the teachers keep meeting, with the new coach (a red team's note, stop 51: her
series kept inviting teachers to meet a coach who had left)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee.models import CoffeeMemberRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.features.coffee.planner import BRIEF, occurrence
from bot.i18n import ngettext
from bot.scheduling.models import DeliveryRow


async def hand_over(session: AsyncSession, leaving: int, taking: int, now: datetime) -> list[str]:
    """Her running series, never one whose cohort the new coach is in (she would coach her
    own check-in); a brief planned to her for a coming session is planned afresh for the new
    coach by the next tick."""
    member = select(CoffeeMemberRow.series_id).where(CoffeeMemberRow.person_id == taking)
    series = (await session.execute(select(CoffeeSeriesRow).where(
        CoffeeSeriesRow.coach_id == leaving, CoffeeSeriesRow.status != "cancelled",
        CoffeeSeriesRow.id.not_in(member)))).scalars().all()
    for row in series:
        row.coach_id = taking
    coming = (await session.execute(select(CoffeeSessionRow).where(
        CoffeeSessionRow.series_id.in_([s.id for s in series]),
        CoffeeSessionRow.starts_at > now))).scalars().all()
    await session.execute(delete(DeliveryRow).where(
        DeliveryRow.job == BRIEF, DeliveryRow.person_id == leaving,
        DeliveryRow.status == "pending",
        DeliveryRow.occurrence.in_([occurrence(s) for s in coming])))
    return [ngettext("{count} Coffee and Curriculum series",
                     "{count} Coffee and Curriculum series", len(series)).format(
                         count=len(series))] if series else []
