"""Pilots' part of the digest: each pilot running or waiting for a decision, where it is."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Text
from bot.features.pilots import service, views
from bot.features.pilots.models import CheckinRow, ObservationRow, PilotRow
from bot.hooks.digest import DigestAsk, Section
from bot.i18n import _, ngettext


async def line(session: AsyncSession, pilot: PilotRow, ask: DigestAsk) -> str:
    """`• Blooket: week 2 of 4; 2 of 4 observations so far noted, 5 check-ins`."""
    observed = (await session.execute(select(func.count()).where(
        ObservationRow.pilot_id == pilot.id, ObservationRow.status == "done",
        ObservationRow.starts_at < ask.period.end))).scalar_one()
    planned = (await session.execute(select(func.count()).where(
        ObservationRow.pilot_id == pilot.id, ObservationRow.starts_at < ask.period.end))
        ).scalar_one()
    # So far as of the period's end, as the observations are (a red team's, stop 57: last
    # week's digest counted this week's check-ins).
    checkins = (await session.execute(select(func.count()).where(
        CheckinRow.pilot_id == pilot.id, CheckinRow.at < ask.period.end))).scalar_one()
    # Where the pilot stood on the period's last day: last week's digest tells last week's.
    as_of = min(ask.now, ask.period.end - timedelta(microseconds=1)).astimezone(ask.zone).date()
    if pilot.status in ("reporting", "decided") and pilot.ends_on < as_of:
        state = _("ended {day}: the report waits for your decision").format(
            day=views.day(pilot.ends_on))
    else:
        week = service.week_of(pilot, as_of)
        state = _("week {week} of {weeks}").format(
            week=max(1, min(week, service.week_count(pilot))), weeks=service.week_count(pilot))
    noted = ngettext("{observed} of {planned} observation so far noted",
                     "{observed} of {planned} observations so far noted", planned).format(
        observed=observed, planned=planned)
    told = ngettext("{count} check-in", "{count} check-ins", checkins).format(count=checkins)
    return f"• {pilot.tool}: {state}; {noted}, {told}"


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Pilots not yet decided by the period's end: the coach's own, or every one for an
    admin (last week's digest keeps a pilot decided since)."""
    query = select(PilotRow).where(
        or_(PilotRow.status != "decided", PilotRow.decided_at >= ask.period.end),
        PilotRow.starts_on < ask.period.end.date())
    if ask.coach_id is not None:
        query = query.where(PilotRow.coach_id == ask.coach_id)
    pilots = list((await session.execute(query.order_by(PilotRow.starts_on))).scalars())
    if not pilots:
        return ()
    lines = [await line(session, p, ask) for p in pilots]
    waiting = sum(p.status != "running" for p in pilots)
    summary = ngettext("{count} pilot", "{count} pilots", len(pilots)).format(count=len(pilots))
    if waiting:
        summary = _("{pilots} ({count} to decide)").format(pilots=summary, count=waiting)
    return (Section(_("Pilots"), 46, (Text("\n".join(lines), markdown=False),), summary),)
