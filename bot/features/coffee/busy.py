"""The coach's time Coffee and Curriculum already holds: group sessions they run and 1:1
slots offered or agreed, so other features plan around them (the core's `busy` hook)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee.models import CoffeeSeriesRow, CoffeeSessionRow, CoffeeSlotRow
from bot.features.coffee.rotation import SLOT
from bot.hooks.digest import Period


async def coach_busy(session: AsyncSession, coach_id: int, period: Period) -> list[Period]:
    """Sessions and 1:1 slots of the coach's series that overlap the period."""
    sessions = (select(CoffeeSessionRow.starts_at, CoffeeSessionRow.ends_at)
                .join(CoffeeSeriesRow, CoffeeSeriesRow.id == CoffeeSessionRow.series_id)
                .where(CoffeeSeriesRow.coach_id == coach_id,
                       CoffeeSessionRow.cancelled.is_(False),
                       CoffeeSessionRow.starts_at < period.end,
                       CoffeeSessionRow.ends_at > period.start))
    slots = (select(CoffeeSlotRow.starts_at)
             .join(CoffeeSeriesRow, CoffeeSeriesRow.id == CoffeeSlotRow.series_id)
             .where(CoffeeSeriesRow.coach_id == coach_id,
                    CoffeeSeriesRow.status != "cancelled",  # its slots are free (stop 52)
                    CoffeeSlotRow.status.in_(("offered", "accepted")),
                    CoffeeSlotRow.starts_at < period.end,
                    CoffeeSlotRow.starts_at > period.start - SLOT))
    found = [Period(start, end) for start, end in await session.execute(sessions)]
    found += [Period(start, start + SLOT) for start in (await session.execute(slots)).scalars()]
    return found
