"""Another system's word on a ticket (the district helpdesk it was handed to): resolved, needs
something from the teacher, or a reply; the teachers on it and the triage side are told."""

from __future__ import annotations

from collections.abc import Callable

from bot.features.tickets import lifecycle, service, views
from bot.features.tickets.models import TicketRow
from bot.features.tickets.timing import stamp_times
from bot.features.tickets.triage import tell_triage
from bot.hooks.outside import Teller, TicketUpdate
from bot.i18n import DEFAULT, _, speaking
from bot.masking import mask_within

KINDS = ("resolved", "needs_info", "reply")


async def apply_update(teller: Teller, update: TicketUpdate) -> str:
    """Apply the update and tell whom it concerns; returns what was done, e.g. "resolved" or
    "already resolved" (nothing changed). A ticket that does not exist is a BadInput."""
    if update.kind not in KINDS:
        raise ValueError(f"unknown ticket update {update.kind!r}")
    ticket = await service.get_ticket(teller.session, update.ticket_id)
    text = mask_within(update.text.strip(), service.MAX_TEXT).text
    if update.kind == "reply":
        if not text:
            return "nothing to relay"
        lifecycle.record(teller.session, ticket, "reply", None, teller.now,
                         f"{update.source}: {text}")
        await stamp_times(teller.session, ticket)
        await _tell(teller, ticket, lambda: _("{source} wrote: {text}").format(
            source=_shown(update.source), text=text))
        return "relayed"
    kind = "resolved" if update.kind == "resolved" else "waiting"
    starts = lifecycle.TRANSITIONS[kind][0]
    if ticket.status not in starts:
        return f"already {ticket.status}"
    lifecycle.move(teller.session, ticket, kind, None, teller.now,
                   f"{update.source}: {text}" if text else update.source)
    await stamp_times(teller.session, ticket)
    await _tell(teller, ticket, lambda: _said(kind, update.source, text),
                reopen=kind == "resolved")
    return kind


def _said(kind: str, source: str, text: str) -> str:
    """What the teachers read, in the current language: the helpdesk's word and what to do."""
    if kind == "resolved":
        said = (_("{source} marked it resolved: {text} Still broken? Reopen it.") if text
                else _("{source} marked it resolved. Still broken? Reopen it."))
    else:
        said = (_("{source} needs something from you: {text} Reply here to keep it moving.")
                if text else _("{source} needs something from you. Reply here to keep it "
                               "moving."))
    return said.format(source=_shown(source), text=text)


def _shown(source: str) -> str:
    """The other system's name in the current language (it is marked with N_() where it is
    named); `_("")` would be the catalogue's header, so an empty name stays empty."""
    return _(source) if source else source


async def _tell(teller: Teller, ticket: TicketRow, sentence: Callable[[], str],
                reopen: bool = False) -> None:
    """Each teacher on the ticket in their own language; the triage side in the district's."""
    for person in await service.people_on(teller.session, ticket):
        teller.notify(person, lambda: views.notice(ticket, sentence(), reopen))
    with speaking(DEFAULT):
        await tell_triage(teller, ticket, f"#{ticket.id}: {sentence()}")
