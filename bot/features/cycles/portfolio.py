"""Coaching cycles in a coach's record: no teacher named (coaching is support, not an
evaluation), the steps done and the hours they took, in the coach's language."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.cycles import planning
from bot.features.cycles.models import CycleRow
from bot.hooks.year import PortfolioAsk, PortfolioItem
from bot.i18n import _


async def cycles(session: AsyncSession, ask: PortfolioAsk) -> Sequence[PortfolioItem]:
    """Each cycle the coach ran whose first step fell in the period."""
    query = select(CycleRow).where(CycleRow.coach_id == ask.coach_id,
                                   CycleRow.status.in_(("planned", "done")))
    items = []
    for cycle in (await session.execute(query.order_by(CycleRow.id))).scalars().all():
        steps = await planning.steps_of(session, cycle)
        if not steps or not ask.first <= steps[0].starts_at.date() <= ask.last:
            continue
        done = [s for s in steps if s.status == "done"]
        hours = sum((s.ends_at - s.starts_at).total_seconds() for s in done) / 3600
        outcome = (_("completed") if cycle.status == "done"
                   else _("{done} of 4 steps done").format(done=len(done)))
        title = _("Coaching cycle (goal, model lesson, co-teaching, debrief)")
        # the kind stays English: the portfolio counts and labels lines by it
        items.append(PortfolioItem("coaching cycle", steps[0].starts_at.date(), title,
                                   people=1, hours=round(hours, 2), outcome=outcome))
    return items
