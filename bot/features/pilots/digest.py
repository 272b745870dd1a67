"""Pilots' part of the digest: each pilot running or waiting for a decision, where it is."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Text
from bot.features.pilots import service
from bot.features.pilots.models import CheckinRow, ObservationRow, PilotRow
from bot.hooks import DigestAsk, Section


async def line(session: AsyncSession, pilot: PilotRow, ask: DigestAsk) -> str:
    """`• Blooket: week 2 of 4, 2 of 4 observations noted, 5 check-ins`."""
    observed = (await session.execute(select(func.count()).where(
        ObservationRow.pilot_id == pilot.id, ObservationRow.status == "done",
        ObservationRow.starts_at < ask.period.end))).scalar_one()
    planned = (await session.execute(select(func.count()).where(
        ObservationRow.pilot_id == pilot.id, ObservationRow.starts_at < ask.period.end))
        ).scalar_one()
    checkins = (await session.execute(select(func.count()).where(
        CheckinRow.pilot_id == pilot.id))).scalar_one()
    if pilot.status == "reporting":
        state = f"ended {pilot.ends_on.day} {pilot.ends_on:%B}: the report waits for your decision"
    else:
        week = service.week_of(pilot, ask.now.date())
        state = f"week {max(1, min(week, service.week_count(pilot)))} of " \
                f"{service.week_count(pilot)}"
    return (f"• {pilot.tool}: {state}; {observed} of {planned} observations so far noted, "
            f"{checkins} check-ins")


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Pilots not yet decided: the coach's own, or every one for an admin."""
    query = select(PilotRow).where(PilotRow.status != "decided",
                                   PilotRow.starts_on < ask.period.end.date())
    if ask.coach_id is not None:
        query = query.where(PilotRow.coach_id == ask.coach_id)
    pilots = list((await session.execute(query.order_by(PilotRow.starts_on))).scalars())
    if not pilots:
        return ()
    lines = [await line(session, p, ask) for p in pilots]
    waiting = sum(p.status == "reporting" for p in pilots)
    summary = f"{len(pilots)} pilot{'s' if len(pilots) != 1 else ''}" + (
        f" ({waiting} to decide)" if waiting else "")
    return (Section("Pilots", 46, (Text("\n".join(lines), markdown=False),), summary),)
