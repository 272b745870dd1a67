"""`/prepbot handover @leaving @taking`: an admin gives a leaving coach's open work (cycles,
pilots under way, the tools they own, pulse surveys, Coffee and Curriculum series) to another
coach, so none of it is left with no one to run it when a coach leaves or becomes a teacher
again."""

from __future__ import annotations

from datetime import timedelta

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.hooks.digest import Period
from bot.i18n import N_, _, format_skeleton, format_time, join
from bot.people.giving import handed_all
from bot.people.mentions import named_people
from bot.people.models import PersonRow
from bot.privacy.handing import hand_over, handed, work_to_hand
from bot.scheduling.policy import person_calendar
from bot.schools.service import calendar_of
from bot.turn import Turn
from bot.vocabulary import Command

LOOK_AHEAD = timedelta(days=70)  # as far as a cycle's steps are planned
MAX_SHOWN = 4  # clashes named in the reply
USAGE = N_("Usage: `/prepbot handover @leaving-coach @new-coach`: the first one's open coaching "
           "cycles, pilots, tools, pulse surveys and Coffee and Curriculum series go to the "
           "second.")


async def handover(turn: Turn[Command]) -> list[Reply]:
    """An admin gives a leaving coach's open work to another coach."""
    named = await named_people(turn.session, turn.person.platform, turn.incoming.text,
                               turn.now, turn.settings.admin_keys, turn.incoming.mentioned)
    if named.unknown or len(named.people) != 2:
        raise BadInput(_(USAGE))
    leaving, taking = named.people
    if not taking.coaches:
        raise BadInput(_("{name} isn't a coach: give them the role first (`/prepbot role`), "
                         "then hand the work over.").format(name=_name(taking)))
    hand_overs = turn.features.hand_overs
    moved = await hand_over(turn.session, hand_overs, leaving.id, taking.id, turn.now)
    # What she could not take stays, and is named (a red team's, stop 52: "no open work to
    # hand over", and a coach who was a teacher again kept inviting her cohort to coffee).
    stayed = await work_to_hand(turn.session, hand_overs, leaving.id, turn.now)
    if not stayed:
        handed_all(leaving)  # kept a coach only for this work: a teacher again
    if not moved and not stayed:
        return [say(_("{leaving} has no open work to hand over.").format(
            leaving=_name(leaving)))]
    said = " ".join(part for part in (
        await _given(turn, leaving, taking, moved) if moved else "",
        _(STAYED).format(work=join(stayed), leaving=_name(leaving), taking=_name(taking))
        if stayed else "") if part)
    return [say(said)]


async def _given(turn: Turn[Command], leaving: PersonRow, taking: PersonRow,
                 moved: list[str]) -> str:
    """What moved, the new coach told of it, and when she is now booked twice at once."""
    turn.notices.append(handed(taking, _name(turn.person), _name(leaving)))
    said = _("{taking} now runs {moved} that {leaving} ran.").format(
        taking=_name(taking), moved=join(moved), leaving=_name(leaving))
    if clashes := await _double_booked(turn, taking):
        said += " " + _(CLASHES).format(taking=_name(taking), when=join(clashes))
    return said


STAYED = N_("Staying with {leaving}, since {taking} teaches in it or was asked in its surveys: "
            "{work}. Hand that to another coach.")
CLASHES = N_("{taking} is now booked twice at once on {when}: `/cycle reschedule @teacher` "
             "moves a cycle's step to the teacher's next free prep period.")


async def _double_booked(turn: Turn[Command], coach: PersonRow) -> list[str]:
    """When the new coach's bookings (cycle steps, observations, 1:1 coffees) now overlap: a
    handover keeps the times chosen for the coach who left (a red team's, stop 51)."""
    period = Period(turn.now, turn.now + LOOK_AHEAD)
    booked = await turn.features.booked(turn.session, coach.id, period)
    starts, until = [], None
    for booking in sorted(booked, key=lambda b: b.start):
        if until is not None and booking.start < until:
            starts.append(booking.start)
        until = max(until or booking.end, booking.end)
    calendar = person_calendar(await calendar_of(turn.session, coach.school_id), coach.tz)
    local = [start.astimezone(calendar.zone) for start in starts[:MAX_SHOWN]]
    return [f"{format_skeleton('MMMEd', moment)} {format_time(moment)}" for moment in local]


def _name(person: PersonRow) -> str:
    return person.display_name or person.user_id
