"""The tools a leaving coach owns given to another coach (`/prepbot handover`): their cards,
their reviews to come, and a review already planned but not sent yet."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.tools.adoption import REVIEW
from bot.features.tools.models import ToolRow
from bot.i18n import ngettext
from bot.people.models import PersonRow
from bot.scheduling.ledger import readdress
from bot.scheduling.models import DeliveryRow


async def hand_over(session: AsyncSession, leaving: int, taking: int, now: datetime) -> list[str]:
    """Her tools become the new coach's, and so does a review waiting to be sent: it would
    be withheld from her (no longer a coach), and a flagged tool is never flagged again (a
    red team's, stop 51)."""
    owner = await session.get(PersonRow, taking)
    tools = (await session.execute(select(ToolRow).where(ToolRow.owner_id == leaving))
             ).scalars().all()
    if owner is None or not tools:
        return []
    for tool in tools:
        tool.owner_id = taking
    waiting = (await session.execute(select(DeliveryRow).where(
        DeliveryRow.job == REVIEW, DeliveryRow.status == "pending",
        DeliveryRow.person_id == leaving,
        DeliveryRow.payload.in_([str(t.id) for t in tools])))).scalars().all()
    await readdress(session, waiting, owner.platform, owner.id, owner.user_id)
    return [ngettext("{count} tool", "{count} tools", len(tools)).format(count=len(tools))]
