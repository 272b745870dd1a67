"""Coaching cycles' part of the digest: how many are at each step, and how many ended (in the
reader's language)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Fields
from bot.features.cycles import planning, service
from bot.features.cycles.models import CycleRow
from bot.features.cycles.steps import STEPS
from bot.hooks.digest import DigestAsk, Section
from bot.i18n import _, ngettext

ASKED = 0  # a cycle asked for and not planned yet: before step 1


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Cycles under way by their current step; requests waiting; cycles completed."""
    query = select(CycleRow).where(CycleRow.status.in_(service.OPEN))
    done = select(func.count()).where(CycleRow.status == "done",
                                      CycleRow.completed_at >= ask.period.start,
                                      CycleRow.completed_at < ask.period.end)
    if ask.coach_id is not None:
        query = query.where(CycleRow.coach_id == ask.coach_id)
        done = done.where(CycleRow.coach_id == ask.coach_id)
    at: Counter[int] = Counter()
    for cycle in (await session.execute(query)).scalars().all():
        step = service.current(await planning.steps_of(session, cycle))
        at[ASKED if cycle.status == "requested" or step is None else step.step] += 1
    completed = int((await session.execute(done)).scalar_one())
    if not at and not completed:
        return ()
    pairs = [(_("Asked for"), str(at[ASKED]))] + [(s.title(), str(at[s.number]))
                                                  for s in STEPS]
    pairs.append((_("Completed this period"), str(completed)))
    under_way = sum(at.values())
    summary = ngettext("{count} coaching cycle", "{count} coaching cycles", under_way).format(
        count=under_way) if under_way else ""
    return (Section(_("Coaching cycles"), 42, (Fields(tuple(pairs)),), summary),)
