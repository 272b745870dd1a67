"""The weekly delivery: planned at each coach's local day and time, built when it is sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.digest import chart
from bot.features.digest.report import build_digest
from bot.features.digest.service import (
    GRACE,
    asked_of,
    coach_of,
    due_time,
    prefs_of,
    recipients,
    scope_for,
    week_of,
    zone_of,
)
from bot.features.digest.views import digest_reply
from bot.hooks.digest import DigestAsk, DigestSection
from bot.hooks.year import PulseWaves
from bot.people.models import PersonRow
from bot.scheduling.jobs import Jobs
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow

JOB = "digest.weekly"


async def plan_digests(session: AsyncSession, now: datetime) -> list[Planned]:
    """A delivery for each coach whose weekly time has come (within the grace window)."""
    planned = []
    for person in await recipients(session):
        prefs = await prefs_of(session, person)
        if prefs.opted_out:
            continue
        due = due_time(now, prefs, await zone_of(session, person))
        if now - due <= GRACE:
            planned.append(Planned(JOB, due.isoformat(), person.platform, due, due + GRACE,
                                   person_id=person.id, user_id=person.user_id))
    return planned


async def render_digest(session: AsyncSession, row: DeliveryRow,
                        sections: Sequence[DigestSection] = (),
                        waves: PulseWaves | None = None) -> Reply | None:
    """The digest for the week before the delivery's local day."""
    person = await session.get(PersonRow, row.person_id) if row.person_id else None
    if person is None or not person.coaches:
        return None  # made a teacher again since it was planned (a red team's, stop 49)
    prefs = await prefs_of(session, person)
    if prefs.opted_out:
        return None
    zone = await zone_of(session, person)
    sent_on = datetime.fromisoformat(row.occurrence).astimezone(zone).date()
    period = week_of(sent_on, zone).previous
    ask = DigestAsk(period, scope_for(person, prefs), coach_of(person), period.end, zone,
                    await asked_of(session, waves, person.id))
    return digest_reply(await build_digest(session, sections, ask))


def register(jobs: Jobs) -> None:
    """Plan and build the weekly digest; forget old charts."""
    sections = jobs.features.digest_sections if jobs.features else []
    jobs.planner(JOB)(plan_digests)
    waves = jobs.features.pulse_waves if jobs.features else None
    jobs.renderer(JOB, staff=True)(partial(render_digest, sections=sections, waves=waves))
    jobs.retention("digest.charts")(chart.forget_old_charts)
