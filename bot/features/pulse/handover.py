"""A leaving coach's pulse surveys given to another coach (`/prepbot handover`): each chain
of waves whole, so a pilot's post survey and a tool's quarterly pulses still compare with the
waves before them, never a chain that coach took part in."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pulse.models import SurveyRow
from bot.features.pulse.service import RESULTS, occurrence, took_part
from bot.i18n import ngettext
from bot.people.models import PersonRow
from bot.scheduling.ledger import readdress
from bot.scheduling.models import DeliveryRow


async def hand_over(session: AsyncSession, leaving: int, taking: int, now: datetime) -> list[str]:
    """Every chain of hers goes whole (its earlier waves are its comparison), unless the new
    coach was asked in any wave of it (a red team's, stop 51: she read wave 1's group, her
    own answer in it, as wave 2's "since wave 1"; and a pilot's post survey handed over
    began a chain of its own)."""
    theirs = await took_part(session, taking)
    chains: dict[tuple[str, str, str], list[SurveyRow]] = defaultdict(list)
    for survey in (await session.execute(select(SurveyRow).where(
            SurveyRow.coach_id == leaving))).scalars():
        chains[survey.platform, survey.cohort_id, survey.tool_key].append(survey)
    moved = [wave for waves in chains.values() if not any(w.id in theirs for w in waves)
             for wave in waves]
    for wave in moved:
        wave.coach_id = taking
    # Closed waves go along unsaid: the open ones are the work (and an erase is not refused
    # for a coach whose surveys are all closed), and so are results still to be sent.
    still_open = sum(wave.closed_at is None for wave in moved)
    results = await _results_to(session, moved, leaving, taking)
    return [*([ngettext("{count} open pulse survey", "{count} open pulse surveys",
                        still_open).format(count=still_open)] if still_open else []),
            *([ngettext("{count} closed pulse survey (its results not sent yet)",
                        "{count} closed pulse surveys (their results not sent yet)",
                        results).format(count=results)] if results else [])]


async def _results_to(session: AsyncSession, waves: list[SurveyRow], leaving: int,
                      taking: int) -> int:
    """Results waiting to be sent to the leaving coach go to the new one: withheld from her
    once she is no coach, they reached no one (a red team's, stop 52). The cohort's copy, if
    it is shared, stays as planned."""
    coach = await session.get(PersonRow, taking)
    waiting = (await session.execute(select(DeliveryRow).where(
        DeliveryRow.job == RESULTS, DeliveryRow.status == "pending",
        DeliveryRow.person_id == leaving,
        DeliveryRow.occurrence.in_([occurrence(wave) for wave in waves])))).scalars().all()
    if coach is None:
        return 0
    return await readdress(session, waiting, coach.platform, coach.id, coach.user_id)
