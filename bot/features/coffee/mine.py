"""A teacher's `/coffee` (next session, their answer, a pause switch) and their 1:1 slots."""

from __future__ import annotations

from sqlalchemy import select

from bot.blocks import Block, Button, Buttons, Reply, Text
from bot.errors import BadInput
from bot.features.coffee import rotation, views
from bot.features.coffee.models import (
    CoffeeMemberRow,
    CoffeeOptOutRow,
    CoffeeRsvpRow,
    CoffeeSeriesRow,
    CoffeeSessionRow,
    CoffeeSlotRow,
)
from bot.i18n import N_, _
from bot.people.models import PersonRow
from bot.schools.models import SchoolRow
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Command, Incoming

ANSWERS = {"invited": N_("not answered yet"), "going": N_("going"),
           "not_going": N_("not this time")}


async def overview(turn: Turn[Command]) -> list[Reply]:
    """The next session, the teacher's answer, and the pause (or opt-in) switch."""
    if await turn.session.get(CoffeeOptOutRow, turn.person.id) is not None:
        text = _("You're not getting Coffee and Curriculum invitations.")
        button = Button(_("Start inviting me again"), "coffee.optin", "", "primary")
        return [Reply(text, (Text(text), Buttons((button,))), private=True)]
    query = select(CoffeeMemberRow).where(CoffeeMemberRow.person_id == turn.person.id)
    members = list((await turn.session.execute(query)).scalars())
    if not members:
        return [views.say(_("You're not in a Coffee and Curriculum group yet. When your coach "
                          "starts one for your team, the invitation comes here."))]
    blocks: list[Block] = [*await next_up(turn), *await slots_of(turn)]
    paused = all(m.paused for m in members)
    switch = (Button(_("Resume invitations"), "coffee.mine.resume", "", "primary") if paused
              else Button(_("Pause invitations"), "coffee.mine.pause"))
    blocks.append(Buttons((switch, Button(_("Stop inviting me"), "coffee.optout", "", "danger"))))
    return [Reply(_("Your Coffee and Curriculum"), tuple(blocks), private=True)]


async def next_up(turn: Turn[Incoming]) -> list[Block]:
    """The next session the teacher is invited to, with their answer and RSVP buttons."""
    query = (select(CoffeeSessionRow, CoffeeRsvpRow, CoffeeSeriesRow)
             .join(CoffeeRsvpRow, CoffeeRsvpRow.session_id == CoffeeSessionRow.id)
             .join(CoffeeSeriesRow, CoffeeSeriesRow.id == CoffeeSessionRow.series_id)
             .where(CoffeeRsvpRow.person_id == turn.person.id,
                    CoffeeSessionRow.starts_at > turn.now, CoffeeSessionRow.cancelled.is_(False),
                    CoffeeSeriesRow.status == "active")
             .order_by(CoffeeSessionRow.starts_at).limit(1))
    found = (await turn.session.execute(query)).first()
    if found is None:
        return [Text(_("No session on the calendar for you yet; the invitation comes here."))]
    coffee, rsvp, series = found
    school = await turn.session.get(SchoolRow, series.school_id)
    tz = school.tz if school else "America/New_York"
    text = _("Next Coffee and Curriculum: {when} in {place}. Your answer: {answer}.").format(
        when=views.when(coffee.starts_at, tz), place=views.place_of(series),
        answer=_(ANSWERS.get(rsvp.answer, rsvp.answer)))
    value = str(coffee.id)
    return [Text(text, markdown=False),
            Buttons((Button(_("Going"), "coffee.rsvp.going", value, "primary"),
                     Button(_("Not this time"), "coffee.rsvp.no", value)))]


async def slots_of(turn: Turn[Incoming]) -> list[Block]:
    """The teacher's upcoming 1:1 slots."""
    query = (select(CoffeeSlotRow).where(CoffeeSlotRow.person_id == turn.person.id,
                                         CoffeeSlotRow.starts_at > turn.now,
                                         CoffeeSlotRow.status.in_(("offered", "accepted")))
             .order_by(CoffeeSlotRow.starts_at))
    tz = turn.person.tz or "America/New_York"
    return [Text(_("1:1 with your coach: {value1} ({status})").format(
                     value1=views.when(slot.starts_at, tz), status=slot.status))
            for slot in (await turn.session.execute(query)).scalars()]


async def own_slot(turn: Turn[Action]) -> tuple[CoffeeSlotRow, CoffeeSeriesRow]:
    """The clicked slot, when it is the teacher's and its series still runs (a red team's,
    stop 52: an old offer of a cancelled series booked her and made new offers)."""
    value = turn.incoming.value
    slot = await row_named(turn.session, CoffeeSlotRow, value)
    series = await turn.session.get(CoffeeSeriesRow, slot.series_id) if slot else None
    if slot is None or series is None or slot.person_id != turn.person.id:
        raise BadInput(_("That 1:1 slot isn't yours or is gone."))
    if series.status == "cancelled" or slot.status == "cancelled":
        raise BadInput(_("Your coach called off these 1:1s, so that slot is off. Nothing "
                         "changed."))
    return slot, series


async def accept(turn: Turn[Action]) -> list[Reply]:
    """Accept a 1:1 slot still to come; the coach hears about it."""
    slot, series = await own_slot(turn)
    if slot.starts_at <= turn.now:  # an offer left in the chat past its time (stop 52)
        raise BadInput(_("That time has passed. Press “Another time” for a new one, or "
                         "your coach will offer the next."))
    slot.status = "accepted"
    coach = await turn.session.get(PersonRow, series.coach_id)
    tz = turn.person.tz or "America/New_York"
    if coach is not None:
        name = turn.person.display_name or "A teacher"
        turn.notify(coach, lambda: views.say(_("{name} accepted a 1:1 on {when}.").format(
            name=name, when=views.when(slot.starts_at, coach.tz or tz)), private=False),
            staff=True)
    return [views.say(_("It's a date: {when}.").format(when=views.when(slot.starts_at, tz)),
                      replace=True)]


async def another_time(turn: Turn[Action]) -> list[Reply]:
    """Propose the teacher's next free prep-period slot instead."""
    slot, series = await own_slot(turn)
    if series.status == "paused":  # a new offer is an invitation, and those wait (stop 53)
        raise BadInput(_("Your coach paused these 1:1s for now. They'll offer a time when "
                         "they resume. Nothing changed."))
    start = await rotation.another_time(turn.session, slot, series, turn.person, turn.now)
    if start is None:
        slot.status = "declined"
        return [views.say(_("I couldn't find another time in your prep periods soon. Your "
                          "coach will reach out."), replace=True)]
    coach = await turn.session.get(PersonRow, series.coach_id)
    name = coach.display_name if coach and coach.display_name else _("Your coach")
    offer = views.offer(slot.id, start, turn.person.tz or "America/New_York", name,
                        views.place_of(series))
    return [Reply(offer.text, offer.blocks, private=False, replace_original=True)]
