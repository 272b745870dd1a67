"""A leaving coach's open pulse surveys given to another coach (`/prepbot handover`), with
the earlier waves each is compared with, never a survey that coach took part in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pulse.models import SurveyRow
from bot.features.pulse.results import earlier_waves
from bot.features.pulse.service import took_part
from bot.i18n import ngettext


async def hand_over(session: AsyncSession, leaving: int, taking: int, now: datetime) -> list[str]:
    """Each open survey goes with its earlier waves (their figures are its comparison), unless
    the new coach took part in any of them (a red team's, stop 51: she read wave 1's group,
    her own answer in it, as wave 2's "since wave 1")."""
    theirs = await took_part(session, taking)
    handed = 0
    for survey in (await session.execute(select(SurveyRow).where(
            SurveyRow.coach_id == leaving, SurveyRow.closed_at.is_(None)))).scalars().all():
        waves = [*await earlier_waves(session, survey), survey]
        if any(wave.id in theirs for wave in waves):
            continue
        for wave in waves:
            wave.coach_id = taking
        handed += 1
    return [ngettext("{count} open pulse survey", "{count} open pulse surveys",
                     handed).format(count=handed)] if handed else []
