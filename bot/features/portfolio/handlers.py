"""`/portfolio`: a coach's record (workshops, PD sessions, pilots, coaching cycles,
checklists) as a readable summary or CSV; `/portfolio workshop` adds a session."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot.blocks import Reply, form_reply
from bot.errors import BadInput
from bot.features.portfolio import service, views
from bot.features.portfolio.models import WorkshopRow
from bot.hooks.year import PortfolioAsk
from bot.i18n import _
from bot.masking import mask_within
from bot.scheduling.policy import person_calendar
from bot.schools.service import calendar_of
from bot.storage.rows import request_key
from bot.turn import Turn
from bot.vocabulary import Command, Submission


async def _today(turn: Turn[Command] | Turn[Submission]) -> date:
    calendar = person_calendar(await calendar_of(turn.session, turn.person.school_id),
                               turn.person.tz)
    return turn.now.astimezone(calendar.zone).date()


async def _found(turn: Turn[Command], text: str) -> tuple[date, date, list]:  # type: ignore[type-arg]
    first, last = service.read_range(text, await _today(turn))
    ask = PortfolioAsk(turn.person.id, first, last)
    return first, last, await service.items(turn.session, turn.features, ask)


async def record(turn: Turn[Command]) -> list[Reply]:
    """`/portfolio [last year | FROM..TO]`: the summary (this school year by default)."""
    first, last, found = await _found(turn, turn.incoming.text)
    return [views.summary(service.summary(turn.person, first, last, found))]


async def as_csv(turn: Turn[Command]) -> list[Reply]:
    """`/portfolio csv [range]`: the same, as CSV."""
    *_range, found = await _found(turn, turn.incoming.text)
    return [views.as_csv(service.as_csv(found), len(found))]


async def workshop(turn: Turn[Command]) -> list[Reply]:
    """`/portfolio workshop <title> on <date>, <n> attendees, <h> hours`, or the form."""
    text = turn.incoming.text.strip()
    if not text:
        return [form_reply(views.workshop_form())]
    return [views.saved(await _add(turn, service.read_workshop(text, await _today(turn))))]


async def workshop_form(turn: Turn[Submission]) -> list[Reply]:
    """The workshop form was sent."""
    values = turn.incoming.values
    attendees, hours = values.get("attendees", "").strip(), values.get("hours", "").strip()
    if attendees and not (attendees.isdecimal() and len(attendees) <= 4):  # as the command
        raise BadInput(_("Attendees: a whole number, e.g. 14."))
    try:
        spent = float(hours.replace(",", ".")) if hours else 1.0
        held = date.fromisoformat(values.get("held_on", "").strip())
    except ValueError as error:
        raise BadInput(_("Hours as a number (e.g. 1.5) and a date, please.")) from error
    if not values.get("title", "").strip() or not 0 < spent <= 40:
        raise BadInput(_("A title, and hours more than 0 and at most 40."))
    form = turn.incoming.context
    key = request_key("workshop", f"{turn.person.id}:{form}") if form else None
    if key and (added := await turn.session.scalar(
            select(WorkshopRow).where(WorkshopRow.request_key == key))):
        return [views.saved(added, replace=True)]  # the same card sent again
    row = WorkshopRow(kind="pd" if values.get("kind") == "pd" else "workshop",
                      title=values["title"].strip()[:200], held_on=held,
                      attendees=int(attendees or 0), hours=spent, request_key=key)
    return [views.saved(await _add(turn, row), replace=True)]


async def _add(turn: Turn[Command] | Turn[Submission], row: WorkshopRow) -> WorkshopRow:
    row.coach_id, row.created_at = turn.person.id, turn.now
    row.title = mask_within(row.title, 200).text  # exported and shown: no student in it
    turn.session.add(row)
    await turn.session.flush()
    return row
