"""What pilot teachers do: answer the weekly check-in, ask for another observation time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.features.pilots import schedule, service, views
from bot.features.pilots.models import CheckinRow, ObservationRow
from bot.i18n import _
from bot.masking import mask_within, privacy_note
from bot.people.models import PersonRow
from bot.roles import Role
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Submission


async def checkin(turn: Turn[Submission]) -> list[Reply]:
    """"Anything break this week?": one line, masked, changeable until the pilot is decided."""
    ref, _sep, week = turn.incoming.context.partition(":")
    pilot = await service.get_pilot(turn.session, ref)
    mine = [t.id for t in await service.teachers_of(turn.session, pilot)]
    # The week comes back in the form's context: one of the pilot's, not any a form says.
    if turn.person.id not in mine or not week.isdecimal() \
            or not 1 <= int(week) <= service.week_count(pilot):
        raise BadInput(_("That check-in isn't one of yours."))
    if pilot.status == "decided":
        raise BadInput(_("The {tool} pilot is over; thanks for your check-ins!").format(
            tool=pilot.tool))
    # A week not begun yet has nothing to tell (a red team's, stop 57: a forged form filed
    # week 4's in week 1); a day's grace, so that no time zone shuts a Friday's out.
    if int(week) > service.week_of(pilot, (turn.now + timedelta(days=1)).date()):
        raise BadInput(_("That week's check-in isn't open yet: it comes on its Friday."))
    line = mask_within(turn.incoming.values.get("text", "").strip(), 500)
    row = await _row(turn, pilot.id, int(week))
    row.text, row.at = line.text, turn.now
    said = _("Thanks! Your coach reads these in the pilot report.")
    return [say(f"{said} {privacy_note(line)}".strip(), replace=True)]


async def _row(turn: Turn[Submission], pilot_id: int, week: int) -> CheckinRow:
    query = select(CheckinRow).where(CheckinRow.pilot_id == pilot_id,
                                     CheckinRow.person_id == turn.person.id,
                                     CheckinRow.week == week)
    row = (await turn.session.execute(query)).scalar_one_or_none()
    if row is None:
        row = CheckinRow(pilot_id=pilot_id, person_id=turn.person.id, week=week,
                         at=turn.now)
        turn.session.add(row)
    return row


async def another_time(turn: Turn[Action]) -> list[Reply]:
    """"Another time" on an observation: the teacher's own, or the coach's."""
    value = turn.incoming.value
    row = await row_named(turn.session, ObservationRow, value)
    if row is None:
        raise BadInput(_("That observation slot no longer exists."))
    pilot = await service.get_pilot(turn.session, str(row.pilot_id))
    coach_side = (pilot.coach_id == turn.person.id and turn.role.allows(Role.COACH)) \
        or turn.role == Role.ADMIN
    if row.person_id != turn.person.id and not coach_side:
        raise BadInput(_("That observation isn't one of yours."))
    if row.status != "planned":  # noted already: the coach's record, not a slot to move
        raise BadInput(_("That observation is done already."))
    slot = await schedule.move(turn.session, turn.features, row, pilot, turn.now)
    if slot is None:
        raise BadInput(_("I found no other free time in this pilot; the slot stays as it is."))
    other_id = row.person_id if coach_side else pilot.coach_id
    other = await turn.session.get(PersonRow, other_id)
    if other is not None and other.id != turn.person.id:
        tz = (await service.calendar_for(turn.session, other)).tz
        turn.notify(other, lambda: say(_("The {tool} observation moved to {when}.").format(
            tool=pilot.tool, when=views.moment(slot.start, tz)), private=False),
            staff=other.id == pilot.coach_id)
    mine = views.moment(slot.start, (await service.calendar_for(turn.session, turn.person)).tz)
    return [say(_("Moved: the observation is now {when}.").format(when=mine), replace=True)]
