"""Status changes: claim, wait on the teacher, resolve, reopen, close, merge; and the sweeps."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.tickets.models import TicketEventRow, TicketPersonRow, TicketRow
from bot.features.tickets.pictures import follow_merge, forget_with
from bot.i18n import _
from bot.people.models import PersonRow

# kind -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "claimed": (("new", "assigned", "waiting"), "assigned"),
    "waiting": (("new", "assigned"), "waiting"),
    "resolved": (("new", "assigned", "waiting"), "resolved"),
    "reopened": (("resolved", "closed"), "assigned"),
    "closed": (("new", "assigned", "waiting", "resolved"), "closed"),
}
STAFF_KINDS = {"claimed", "waiting", "resolved", "reply"}


def record(session: AsyncSession, ticket: TicketRow, kind: str, actor: PersonRow | None,
           now: datetime, text: str = "") -> None:
    """Add an event; the first one by staff marks the first response."""
    session.add(TicketEventRow(ticket_id=ticket.id, at=now, kind=kind,
                               actor_id=actor.id if actor else None, text=text))
    ticket.updated_at = now
    if kind in STAFF_KINDS and ticket.first_response_at is None:
        ticket.first_response_at = now


def move(session: AsyncSession, ticket: TicketRow, kind: str, actor: PersonRow | None,
         now: datetime, text: str = "") -> None:
    """Apply a status change, or explain why it does not apply now."""
    starts, target = TRANSITIONS[kind]
    if ticket.status not in starts:
        raise BadInput(_("Ticket #{id} is {value3}; it can't be {kind} now.").format(
                           id=ticket.id, value3=ticket.status.replace('_', ' '), kind=kind))
    ticket.status = target
    ticket.waiting_since = now if target == "waiting" else None
    ticket.reminded_at = None if target != "waiting" else ticket.reminded_at
    if actor is not None and (kind == "claimed" or (
            kind in STAFF_KINDS and ticket.assignee_id is None)):
        ticket.assignee_id = actor.id  # whoever acts first on a ticket is handling it
    if kind == "resolved":
        ticket.resolved_at = now
    if kind == "reopened":
        ticket.resolved_at = ticket.closed_at = None
    if kind == "closed":
        ticket.closed_at = now
    record(session, ticket, kind, actor, now, text)


async def merge(session: AsyncSession, source: TicketRow, target: TicketRow, actor: PersonRow,
                now: datetime) -> None:
    """Fold `source` into `target`: its teachers join the target and it closes."""
    if source.id == target.id:
        raise BadInput(_("A ticket can't be merged into itself."))
    people = select(TicketPersonRow.person_id).where(TicketPersonRow.ticket_id == source.id)
    already = select(TicketPersonRow.person_id).where(TicketPersonRow.ticket_id == target.id)
    on_target = set((await session.execute(already)).scalars())
    for person_id in (await session.execute(people)).scalars():
        if person_id not in on_target:
            session.add(TicketPersonRow(ticket_id=target.id, person_id=person_id, joined_at=now))
    source.merged_into = target.id
    await follow_merge(session, source, target)
    source.status, source.closed_at = "closed", now
    record(session, source, "merged", actor, now, f"#{target.id}")
    record(session, target, "merged", actor, now, f"#{source.id}")


async def waiting_due(session: AsyncSession) -> list[TicketRow]:
    """Tickets waiting on a teacher (the sweep decides which are due)."""
    query = select(TicketRow).where(TicketRow.status == "waiting")
    return list((await session.execute(query)).scalars())


async def purge_closed(session: AsyncSession, now: datetime, retention_days: int) -> int:
    """Delete tickets closed longer ago than the retention period; returns how many."""
    cutoff = now - timedelta(days=retention_days)
    expired = select(TicketRow.id).where(TicketRow.status == "closed",
                                         TicketRow.closed_at < cutoff)
    ids = list((await session.execute(expired)).scalars())
    if ids:
        await forget_with(session, ids)
        await session.execute(delete(TicketEventRow).where(TicketEventRow.ticket_id.in_(ids)))
        await session.execute(delete(TicketPersonRow).where(TicketPersonRow.ticket_id.in_(ids)))
        await session.execute(update(TicketRow).where(TicketRow.merged_into.in_(ids))
                              .values(merged_into=None))
        await session.execute(delete(TicketRow).where(TicketRow.id.in_(ids)))
    return len(ids)
