"""Building each scheduled message at send time; None when it should no longer go out
(the series was paused or cancelled, the person paused, opted out, or changed their answer)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.coffee import brief, roster, views
from bot.features.coffee.models import (
    CoffeeMemberRow,
    CoffeeRsvpRow,
    CoffeeSeriesRow,
    CoffeeSessionRow,
    CoffeeSlotRow,
)
from bot.hooks import OpenWork
from bot.people.models import PersonRow
from bot.scheduling.models import DeliveryRow
from bot.schools.models import SchoolRow
from bot.storage.rows import row_named

Found = tuple[CoffeeSessionRow, CoffeeSeriesRow, str]


async def _loaded(session: AsyncSession, session_id: int) -> Found | None:
    """A session, its series and the school's zone, whatever state they are in."""
    coffee = await session.get(CoffeeSessionRow, session_id)
    series = await session.get(CoffeeSeriesRow, coffee.series_id) if coffee else None
    if coffee is None or series is None:
        return None
    school = await session.get(SchoolRow, series.school_id)
    return coffee, series, school.tz if school else "America/New_York"


async def context(session: AsyncSession, row: DeliveryRow) -> Found | None:
    """The session, its series and the school's zone, while both are on."""
    found = await _loaded(session, int(row.payload or 0))
    if found is None or found[1].status != "active" or found[0].cancelled:
        return None
    return found


async def answer_of(session: AsyncSession, session_id: int, person_id: int | None) -> str:
    """The person's RSVP to a session ("" when not invited)."""
    query = select(CoffeeRsvpRow.answer).where(CoffeeRsvpRow.session_id == session_id,
                                               CoffeeRsvpRow.person_id == person_id)
    return (await session.execute(query)).scalar_one_or_none() or ""


async def coach_name(session: AsyncSession, series: CoffeeSeriesRow) -> str:
    """The coach's display name, or a warm default."""
    coach = await session.get(PersonRow, series.coach_id)
    return coach.display_name if coach and coach.display_name else "Your coach"


async def invite(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The invitation, unless the person paused or opted out since it was planned."""
    found = await context(session, row)
    if found is None or row.person_id is None:
        return None
    coffee, series, tz = found
    if not await roster.may_invite(session, series.id, row.person_id, coffee.day):
        return None
    return views.invitation(coffee.id, series, coffee.starts_at, tz,
                            await coach_name(session, series))


async def remind(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """Fifteen minutes before, to those still going."""
    found = await context(session, row)
    if found is None or await answer_of(session, found[0].id, row.person_id) != "going":
        return None
    coffee, series, tz = found
    if not await roster.may_invite(session, series.id, row.person_id or 0, coffee.day):
        return None
    return views.reminder(series, coffee.starts_at, tz)


async def followup(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """After the session, to those who went (not to those the coach marked absent)."""
    found = await context(session, row)
    if found is None or await roster.opted_out(session, [row.person_id or 0]):
        return None
    query = select(CoffeeRsvpRow).where(CoffeeRsvpRow.session_id == found[0].id,
                                        CoffeeRsvpRow.person_id == row.person_id)
    rsvp = (await session.execute(query)).scalar_one_or_none()
    if rsvp is None or rsvp.answer != "going" or rsvp.attended is False:
        return None
    return views.followup(found[0].id)


async def ask(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The one question after three unanswered invitations."""
    member = await row_named(session, CoffeeMemberRow, row.payload)
    if member is None or await roster.opted_out(session, [member.person_id]):
        return None
    return views.keep_question(member.id)


SlotFound = tuple[CoffeeSlotRow, CoffeeSeriesRow, PersonRow, str]


async def _slot(session: AsyncSession, row: DeliveryRow) -> SlotFound | None:
    """A 1:1 slot, its series, the teacher it is for and her zone (hers, else her school's)."""
    slot = await row_named(session, CoffeeSlotRow, row.payload)
    series = await session.get(CoffeeSeriesRow, slot.series_id) if slot else None
    person = await session.get(PersonRow, slot.person_id) if slot else None
    if slot is None or series is None or person is None:
        return None
    school = await session.get(SchoolRow, series.school_id)
    return slot, series, person, person.tz or (school.tz if school else "America/New_York")


async def offer(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """A 1:1 slot offer, while it is still open."""
    found = await _slot(session, row)
    if found is None:
        return None
    slot, series, person, tz = found
    if series.status != "active" or slot.status != "offered" \
            or await roster.opted_out(session, [person.id]):
        return None
    return views.offer(slot.id, slot.starts_at, tz, await coach_name(session, series),
                       views.place_of(series))


async def slot_off(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """A 1:1 the teacher had agreed to, called off with its series."""
    found = await _slot(session, row)
    if found is None or found[0].status != "cancelled" or found[2].id != row.person_id:
        return None
    slot, series, _, tz = found
    return views.slot_called_off(slot.starts_at, tz, await coach_name(session, series))


async def changed(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """A session moved or was called off after the invitation went out (latest change only)."""
    session_id, revision, *back = (row.payload or "0:").split(":")
    found = await _loaded(session, int(session_id or 0))
    if found is None or str(found[0].revision) != revision \
            or await roster.opted_out(session, [row.person_id or 0]):
        return None
    coffee, series, tz = found
    if coffee.cancelled:
        return views.called_off(coffee.starts_at, tz, await coach_name(session, series))
    answer = await answer_of(session, coffee.id, row.person_id)
    return views.moved(coffee.id, series, coffee.starts_at, tz, answer == "going", bool(back))


async def coach_brief(session: AsyncSession, row: DeliveryRow,
                      open_work: Sequence[OpenWork] = ()) -> Reply | None:
    """The coach's brief, built from the RSVPs as they stand just before the session."""
    found = await context(session, row)
    if found is None:
        return None
    coffee, series, tz = found
    return await brief.compose(session, coffee, series, tz, open_work)


async def empty(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The coach's series found nobody to invite (unless it was cancelled since)."""
    series = await row_named(session, CoffeeSeriesRow, row.payload)
    if series is None or series.status == "cancelled":
        return None
    return views.empty_cohort(series)
