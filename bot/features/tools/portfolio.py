"""The register's lines in a coach's record: the checklists they filled in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tools.checklist import summary
from bot.features.tools.models import ToolCheckRow, ToolRow
from bot.hooks.year import PortfolioAsk, PortfolioItem
from bot.i18n import _


async def checklists(session: AsyncSession, ask: PortfolioAsk) -> Sequence[PortfolioItem]:
    """One line per tool whose checklist the coach filled in during the period."""
    start = datetime.combine(ask.first, time(0), UTC)
    end = datetime.combine(ask.last + timedelta(days=1), time(0), UTC)
    query = (select(ToolCheckRow.tool_id, func.max(ToolCheckRow.checked_at))
             .where(ToolCheckRow.checked_by == ask.coach_id, ToolCheckRow.checked_at >= start,
                    ToolCheckRow.checked_at < end)
             .group_by(ToolCheckRow.tool_id))
    items = []
    for tool_id, last in (await session.execute(query)).all():
        tool = await session.get(ToolRow, tool_id)
        if tool is None:
            continue
        checks = {r.point: r for r in (await session.execute(select(ToolCheckRow).where(
            ToolCheckRow.tool_id == tool_id))).scalars()}
        title = _("Six-point checklist: {name}").format(name=tool.name)
        items.append(PortfolioItem("checklist", last.date(), title, outcome=summary(checks)))
    return items
