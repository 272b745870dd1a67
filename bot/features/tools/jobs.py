"""The register's timed work: quarterly pulses for adopted tools, the review flag a semester
after adoption, retirement when the notice is over; and the messages the ledger sends."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.tools import adoption, service, views
from bot.features.tools.models import ToolRow
from bot.registry import Registry
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.storage.rows import row_named


async def _tool(session: AsyncSession, ref: str) -> ToolRow | None:
    return await row_named(session, ToolRow, ref)


async def _alternative(session: AsyncSession, tool: ToolRow) -> ToolRow | None:
    return await session.get(ToolRow, tool.alternative_id) if tool.alternative_id else None


async def render_decided(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The decision, to a teacher who asked for the tool (unless it has moved on since)."""
    ref, _, status = row.payload.partition(":")
    tool = await _tool(session, ref)
    if tool is None or tool.status != status:
        return None
    return views.decided(tool, await _alternative(session, tool))


async def render_sunset(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The thirty days' notice (nothing if the retirement was called off)."""
    tool = await _tool(session, row.payload)
    if tool is None or tool.status != "sunsetting":
        return None
    return views.sunset_notice(tool, await _alternative(session, tool))


async def render_review(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """To the owner: the tool is flagged for review (still, when this is sent)."""
    tool = await _tool(session, row.payload)
    if tool is None or tool.flagged_on is None:
        return None
    return views.review_notice(tool, adoption.kept_use(tool))


async def lifecycle(session: AsyncSession, now: datetime,
                    features: Registry | None = None) -> None:
    """Each tick: quarterly pulses due, review flags due, retirements due."""
    if features is None:
        return
    query = select(ToolRow).where(ToolRow.status.in_(("adopted", "sunsetting")))
    for tool in (await session.execute(query.order_by(ToolRow.id))).scalars().all():
        if tool.status == "sunsetting":
            await adoption.retire_due(session, tool, now)
            continue
        today = await service.local_today(session, tool.owner_id, now)
        if tool.next_pulse_on is not None and tool.next_pulse_on <= today:
            await adoption.launch_quarterly(session, features, tool, now)
        await adoption.refresh(session, features, tool, now)


def register(jobs: Jobs) -> None:
    """Messages through the ledger, and one chore for the tools' life after adoption."""
    jobs.renderer(adoption.DECIDED)(render_decided)
    jobs.renderer(adoption.SUNSET)(render_sunset)
    jobs.renderer(adoption.REVIEW, staff=True)(render_review)
    jobs.chore("tools.lifecycle")(partial(lifecycle, features=jobs.features))
