"""Another system's word on a ticket (the district helpdesk it was handed to): resolved, needs
something from the teacher, or a reply; the teachers on it and the triage side are told."""

from __future__ import annotations

from bot.features.tickets import lifecycle, service, views
from bot.features.tickets.models import TicketRow
from bot.features.tickets.timing import stamp_times
from bot.features.tickets.triage import tell_triage
from bot.hooks import Teller, TicketUpdate
from bot.masking import mask_student_data

KINDS = ("resolved", "needs_info", "reply")


async def apply_update(teller: Teller, update: TicketUpdate) -> str:
    """Apply the update and tell whom it concerns; returns what was done, e.g. "resolved" or
    "already resolved" (nothing changed). A ticket that does not exist is a BadInput."""
    if update.kind not in KINDS:
        raise ValueError(f"unknown ticket update {update.kind!r}")
    ticket = await service.get_ticket(teller.session, update.ticket_id)
    text = mask_student_data(update.text.strip()[:service.MAX_TEXT]).text
    if update.kind == "reply":
        if not text:
            return "nothing to relay"
        lifecycle.record(teller.session, ticket, "reply", None, teller.now,
                         f"{update.source}: {text}")
        await stamp_times(teller.session, ticket)
        await _tell(teller, ticket, f"{update.source} wrote: {text}")
        return "relayed"
    kind = "resolved" if update.kind == "resolved" else "waiting"
    starts, _ = lifecycle.TRANSITIONS[kind]
    if ticket.status not in starts:
        return f"already {ticket.status}"
    lifecycle.move(teller.session, ticket, kind, None, teller.now,
                   f"{update.source}: {text}" if text else update.source)
    await stamp_times(teller.session, ticket)
    said = (f"{update.source} marked it resolved" if kind == "resolved"
            else f"{update.source} needs something from you")
    said += f": {text}" if text else "."
    said += (" Still broken? Reopen it." if kind == "resolved"
             else " Reply here to keep it moving.")
    await _tell(teller, ticket, said, reopen=kind == "resolved")
    return kind


async def _tell(teller: Teller, ticket: TicketRow, sentence: str, reopen: bool = False) -> None:
    for person in await service.people_on(teller.session, ticket):
        teller.notify(person, views.notice(ticket, sentence, reopen))
    await tell_triage(teller, ticket, f"#{ticket.id}: {sentence}")
