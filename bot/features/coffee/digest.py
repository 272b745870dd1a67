"""Coffee and Curriculum's part of the digest: sessions held, who came, pain points."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Fields, Text
from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.hooks.digest import DigestAsk, Section, in_scope
from bot.i18n import _


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Sessions that started in the period, in the scope's schools (nothing when none)."""
    period = ask.period
    held = (select(CoffeeSessionRow.id).join(CoffeeSeriesRow,
                                              CoffeeSeriesRow.id == CoffeeSessionRow.series_id)
            .where(CoffeeSessionRow.starts_at >= period.start,
                   CoffeeSessionRow.cancelled.is_(False),
                   CoffeeSessionRow.starts_at < period.end,
                   in_scope(CoffeeSeriesRow.school_id, ask.scope)))
    sessions = int((await session.execute(select(func.count()).select_from(
        held.subquery()))).scalar_one())
    if not sessions:
        return ()
    ids = select(held.subquery().c.id)
    counts = select(func.count(case((CoffeeRsvpRow.answer == "going", 1))),
                    func.count(case((CoffeeRsvpRow.attended.is_(True), 1))),
                    func.count(CoffeeRsvpRow.attended)
                    ).where(CoffeeRsvpRow.session_id.in_(ids))
    going, attended, marked = (await session.execute(counts)).one()
    topics = (select(CoffeeRsvpRow.topic, func.count(), func.min(CoffeeRsvpRow.note))
              .where(CoffeeRsvpRow.session_id.in_(ids), CoffeeRsvpRow.note != "")
              .group_by(CoffeeRsvpRow.topic).order_by(func.count().desc()).limit(6))
    pains = [(topic or _("other"), int(n), str(sample))
             for topic, n, sample in await session.execute(topics)]
    blocks: list[Block] = [Fields(((_("Sessions"), str(sessions)),
                                   (_("Said they'd come"), str(int(going))),
                                   # "0 came" would read as nobody came
                                   (_("Came"), str(int(attended)) if marked
                                    else _("not marked yet (Mark who came, on the brief)"))))]
    if pains:
        blocks.append(Text(_("Pain points raised: {points}").format(points="; ".join(
            f"{topic} ({n}): \u201c{sample}\u201d" for topic, n, sample in pains)),
            markdown=False))
    return (Section(_("Coffee and Curriculum"), 40, tuple(blocks)),)
