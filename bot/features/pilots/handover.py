"""A leaving coach's pilots under way given to another coach (`/prepbot handover`): the pilot,
and the coach's messages still to come (each observation's visit, a report not yet sent)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.pilots import schedule
from bot.features.pilots.jobs import REPORT, report_to
from bot.features.pilots.models import ObservationRow, PilotRow, PilotTeacherRow
from bot.i18n import ngettext
from bot.people.models import PersonRow
from bot.scheduling.ledger import plan, withdraw


async def hand_over(session: AsyncSession, leaving: int, taking: int, now: datetime) -> list[str]:
    """Pilots under way go to the new coach, never one in which that coach is a teacher (she
    would read a report holding her own answers)."""
    coach = await session.get(PersonRow, taking)
    if coach is None:
        return []
    teaching = select(PilotTeacherRow.pilot_id).where(PilotTeacherRow.person_id == taking)
    pilots = (await session.execute(select(PilotRow).where(
        PilotRow.coach_id == leaving, PilotRow.status.in_(("running", "reporting")),
        PilotRow.id.not_in(teaching)))).scalars().all()
    for pilot in pilots:
        pilot.coach_id = taking
        await _visits_to(session, pilot, coach, now)
        report = report_to(pilot, coach, now)
        # Not sent yet, or sent to the coach who left and waiting on its decision: the new
        # coach's, buttons and all (a red team's, stop 51: a pilot awaiting its decision was
        # handed over and nobody was told).
        if await withdraw(session, (REPORT,), report.occurrence) or pilot.status == "reporting":
            await plan(session, [report])
    return [ngettext("{count} pilot", "{count} pilots", len(pilots)).format(
        count=len(pilots))] if pilots else []


async def _visits_to(session: AsyncSession, pilot: PilotRow, coach: PersonRow,
                     now: datetime) -> None:
    """Each observation still to come: its visit notice planned afresh, for the new coach."""
    query = select(ObservationRow).where(ObservationRow.pilot_id == pilot.id,
                                         ObservationRow.status == "planned")
    for row in (await session.execute(query)).scalars():
        teacher = await session.get(PersonRow, row.person_id)
        if teacher is None:
            continue
        await withdraw(session, (schedule.VISIT,), f"o{row.id}r{row.revision}")
        await plan(session, [p for p in await schedule.messages(session, row, teacher, coach, now)
                             if p.job == schedule.VISIT])
