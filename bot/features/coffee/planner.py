"""The group series' timed work, planned into the delivery ledger on every tick.

Invitations are planned once per session, when their time comes, for whoever is in the
cohort then; the reminder, the coach's brief and the follow-up are planned from the RSVPs.
The ledger makes planning idempotent, and each renderer checks again at send time.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee import roster
from bot.features.coffee.models import CoffeeRsvpRow, CoffeeSeriesRow, CoffeeSessionRow
from bot.features.coffee.occurrences import due_sessions
from bot.people.models import PersonRow
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.schools.service import calendar_of

INVITE, REMIND, BRIEF, FOLLOWUP, ASK = ("coffee.invite", "coffee.remind", "coffee.brief",
                                        "coffee.followup", "coffee.ask")
EMPTY = "coffee.empty"
REMIND_BEFORE = timedelta(minutes=15)
BRIEF_BEFORE = timedelta(minutes=30)
FOLLOWUP_FOR = timedelta(days=2)
ASK_FOR = timedelta(days=5)
IGNORED_LIMIT = 3


def occurrence(session: CoffeeSessionRow) -> str:
    """The ledger's occurrence key for one session."""
    return f"s{session.id}"


def to(job: str, session: CoffeeSessionRow, person: PersonRow, not_before: datetime,
       expires_at: datetime, urgent: bool = False) -> Planned:
    """One delivery about a session to one person."""
    return Planned(job, occurrence(session), person.platform, not_before, expires_at,
                   person_id=person.id, user_id=person.user_id, payload=str(session.id),
                   urgent=urgent)


async def plan_group(session: AsyncSession, now: datetime,
                     cohorts: roster.Cohorts) -> list[Planned]:
    """Everything the group series need planned at `now`."""
    planned: list[Planned] = []
    query = select(CoffeeSeriesRow).where(CoffeeSeriesRow.status == "active",
                                          CoffeeSeriesRow.mode == "group")
    for series in (await session.execute(query)).scalars().all():
        calendar = await calendar_of(session, series.school_id)
        for day, starts in due_sessions(series, calendar, now):
            planned += await open_session(session, series, day, starts, now, cohorts)
    planned += await check_new(session, now, cohorts)
    planned += await plan_around(session, now)
    planned += await close_sessions(session, now)
    return planned


async def check_new(session: AsyncSession, now: datetime, cohorts: roster.Cohorts
                    ) -> list[Planned]:
    """A series with no session yet: is anyone else in its cohort? Asked once per series
    (outside any transaction, like every listing), so a coach hears about an empty channel
    minutes after setting it up, not on the day of the first session."""
    query = select(CoffeeSeriesRow).where(
        CoffeeSeriesRow.status == "active", CoffeeSeriesRow.mode == "group",
        ~exists().where(CoffeeSessionRow.series_id == CoffeeSeriesRow.id))
    planned: list[Planned] = []
    for series in (await session.execute(query)).scalars().all():
        if series.id in cohorts.checked:
            continue
        listed = await cohorts.members(session, series)
        if listed is None:
            continue  # asked for: looked at once the platform answered
        cohorts.checked.add(series.id)
        if not await roster.invitees(session, series, listed, now):
            planned += await empty(session, series, now)
    return planned


async def empty(session: AsyncSession, series: CoffeeSeriesRow, now: datetime
                ) -> list[Planned]:
    """Tell the coach, once per series, that its cohort has no one else in it."""
    coach = await session.get(PersonRow, series.coach_id)
    if coach is None:
        return []
    return [Planned(EMPTY, f"series-{series.id}", coach.platform, now,
                    now + timedelta(days=7), person_id=coach.id, user_id=coach.user_id,
                    payload=str(series.id))]


async def open_session(session: AsyncSession, series: CoffeeSeriesRow, day: date,
                       starts: datetime, now: datetime, cohorts: roster.Cohorts
                       ) -> list[Planned]:
    """Create the session and invite the cohort as it is now (once per session)."""
    query = select(CoffeeSessionRow.id).where(CoffeeSessionRow.series_id == series.id,
                                              CoffeeSessionRow.day == day)
    if (await session.execute(query)).first() is not None:
        return []
    listed = await cohorts.members(session, series)
    if listed is None:
        return []  # asked for: planned again once the platform said who is in the cohort
    people = await roster.invitees(session, series, listed, now)
    row = CoffeeSessionRow(series_id=series.id, day=day, starts_at=starts,
                           ends_at=starts + timedelta(minutes=series.minutes))
    session.add(row)
    await session.flush()
    if not people:
        return await empty(session, series, now)
    members = await roster.enrol(session, series.id, people)
    out = await roster.opted_out(session, [p.id for p in people])
    invited = [p for p in people
               if p.id not in out and not roster.is_paused(members.get(p.id), row.day)]
    session.add_all(CoffeeRsvpRow(session_id=row.id, person_id=p.id) for p in invited)
    # Not before the invitation time (it may be past after a restart); never after the start.
    return [to(INVITE, row, p, now, starts) for p in invited]


async def plan_around(session: AsyncSession, now: datetime) -> list[Planned]:
    """The reminder to those going and the coach's brief, for sessions starting soon."""
    query = (select(CoffeeSessionRow, CoffeeSeriesRow)
             .join(CoffeeSeriesRow, CoffeeSeriesRow.id == CoffeeSessionRow.series_id)
             .where(CoffeeSessionRow.starts_at > now,
                    CoffeeSessionRow.starts_at <= now + timedelta(days=1),
                    CoffeeSessionRow.cancelled.is_(False),
                    CoffeeSeriesRow.status == "active"))
    planned: list[Planned] = []
    for row, series in (await session.execute(query)).all():
        coach = await session.get(PersonRow, series.coach_id)
        if coach is not None:
            # Urgent: the coach set the time, and a brief after the start is no use.
            planned.append(to(BRIEF, row, coach, row.starts_at - BRIEF_BEFORE, row.starts_at,
                              urgent=True))
        remind_at = row.starts_at - REMIND_BEFORE
        for person, rsvp in await rsvps(session, row.id, ("going",)):
            if rsvp.answered_at is not None and rsvp.answered_at <= remind_at:
                # Urgent: they said they're coming; held for a prep period it would be late.
                planned.append(to(REMIND, row, person, remind_at, row.starts_at, urgent=True))
    return planned


async def close_sessions(session: AsyncSession, now: datetime) -> list[Planned]:
    """After a session: follow-ups to those who went, and count unanswered invitations."""
    query = select(CoffeeSessionRow).where(CoffeeSessionRow.ends_at <= now,
                                           CoffeeSessionRow.tallied.is_(False))
    planned: list[Planned] = []
    for row in (await session.execute(query)).scalars().all():
        row.tallied = True
        if row.cancelled:
            continue  # called off: nothing to follow up, and no invitation was "ignored"
        for person, rsvp in await rsvps(session, row.id, ("going",)):
            if rsvp.attended is not False:
                planned.append(to(FOLLOWUP, row, person, row.ends_at,
                                  row.ends_at + FOLLOWUP_FOR))
        planned += await tally(session, row, now)
    return planned


async def tally(session: AsyncSession, row: CoffeeSessionRow, now: datetime) -> list[Planned]:
    """Answers reset the streak; a delivered invitation left unanswered adds to it. The third
    in a row pauses the member and asks them, once, whether to keep inviting them."""
    members = await roster.members_of(session, row.series_id)
    seen = await delivered_to(session, occurrence(row))
    planned = []
    for person, rsvp in await rsvps(session, row.id, ("invited", "going", "not_going")):
        member = members.get(person.id)
        if member is None:
            continue
        if rsvp.answer != "invited":
            member.ignored = 0
        elif person.id in seen:
            member.ignored += 1
            if member.ignored >= IGNORED_LIMIT and not member.paused:
                member.paused, member.asked_at = True, now
                planned.append(Planned(ASK, f"m{member.id}.{occurrence(row)}", person.platform,
                                       now, now + ASK_FOR, person_id=person.id,
                                       user_id=person.user_id, payload=str(member.id)))
    return planned


async def rsvps(session: AsyncSession, session_id: int, answers: tuple[str, ...]
                ) -> list[tuple[PersonRow, CoffeeRsvpRow]]:
    """A session's invitees with the given answers, with their RSVP rows."""
    query = (select(PersonRow, CoffeeRsvpRow)
             .join(CoffeeRsvpRow, CoffeeRsvpRow.person_id == PersonRow.id)
             .where(CoffeeRsvpRow.session_id == session_id, CoffeeRsvpRow.answer.in_(answers))
             .order_by(PersonRow.display_name, PersonRow.id))
    return [(person, rsvp) for person, rsvp in (await session.execute(query)).all()]


async def delivered_to(session: AsyncSession, occurrence_key: str) -> set[int]:
    """Who actually received a session's invitation (a skipped one is not "ignored")."""
    query = select(DeliveryRow.person_id).where(DeliveryRow.job == INVITE,
                                                DeliveryRow.occurrence == occurrence_key,
                                                DeliveryRow.status == "sent")
    return {pid for pid in (await session.execute(query)).scalars() if pid is not None}
