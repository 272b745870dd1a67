"""Timed ticket work: remind teachers a ticket waits on them, auto-close, delete expired ones;
and how erasing a person treats the tickets they opened."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.features.tickets import lifecycle, service, views
from bot.features.tickets.models import DraftRow, TicketPersonRow, TicketRow
from bot.i18n import N_, _
from bot.scheduling import ledger
from bot.scheduling.jobs import Jobs
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.schools.service import calendar_of
from bot.storage.rows import row_named
from bot.stored_settings import StoredSetting
from bot.traces import REMOVED, Traces

REMIND_AFTER = StoredSetting("ticket_remind_after_days", 2,
                             N_("school days a ticket waits on a teacher before one reminder"))
AUTOCLOSE_AFTER = StoredSetting("ticket_autoclose_days", 5,
                                N_("school days without an answer before a ticket closes"),
                                minimum=1)
RETENTION = StoredSetting("ticket_retention_days", 365,
                          N_("days a closed ticket is kept"), minimum=1)
REMINDED, AUTO_CLOSED = "tickets.reminder", "tickets.autoclosed"
SAID = {REMINDED: N_("it is still waiting on you. Reply here so we can keep going."),
        AUTO_CLOSED: N_("it was closed because we didn't hear back. Reply any time and it "
                        "reopens.")}
TELL_FOR = timedelta(days=7)  # a week of school days to find the teacher's prep period


async def _tell(session: AsyncSession, ticket: TicketRow, job: str, now: datetime
                ) -> list[Planned]:
    """One delivery per teacher on the ticket, held for their school hours and prep period."""
    return [Planned(job, f"ticket-{ticket.id}-{now:%Y%m%d%H%M%S}", person.platform, now,
                    now + TELL_FOR, person_id=person.id, user_id=person.user_id,
                    payload=str(ticket.id))
            for person in await service.people_on(session, ticket)]


async def sweep_waiting(session: AsyncSession, now: datetime) -> int:
    """One reminder after N school days waiting, then auto-close after M; returns how many
    messages were planned."""
    remind_after = await REMIND_AFTER.read(session)
    close_after = await AUTOCLOSE_AFTER.read(session)
    planned: list[Planned] = []
    for ticket in await lifecycle.waiting_due(session):
        if ticket.waiting_since is None:
            continue
        calendar = await calendar_of(session, ticket.school_id)
        if now >= calendar.add_school_days(ticket.waiting_since, close_after):
            lifecycle.move(session, ticket, "closed", None, now, "auto-closed: no answer")
            planned += await _tell(session, ticket, AUTO_CLOSED, now)
        elif ticket.reminded_at is None and now >= calendar.add_school_days(
                ticket.waiting_since, remind_after):
            ticket.reminded_at = now
            lifecycle.record(session, ticket, "reminded", None, now)
            planned += await _tell(session, ticket, REMINDED, now)
    return await ledger.plan(session, planned)


async def render_notice(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The reminder or the auto-close notice, unless the ticket moved on in the meantime."""
    ticket = await row_named(session, TicketRow, row.payload)
    if ticket is None:
        return None
    if row.job == REMINDED and ticket.status != "waiting":
        return None  # the teacher answered (or a coach acted) before the prep period came
    return views.notice(ticket, _(SAID[row.job]))


async def purge_expired(session: AsyncSession, now: datetime) -> int:
    """Delete tickets closed for longer than the retention setting."""
    return await lifecycle.purge_closed(session, now, await RETENTION.read(session))


ERASED = REMOVED


async def erase_requests(session: AsyncSession, person_id: int) -> int:
    """Blank what a person wrote on their tickets, shared or not: teachers who joined keep
    the ticket (its number, status and their own replies), not the requester's words."""
    result = await session.execute(update(TicketRow).where(TicketRow.requester_id == person_id)
                                   .values(text=ERASED, room=""))
    return int(getattr(result, "rowcount", 0) or 0)


async def erase_drafted_words(session: AsyncSession, traces: Traces) -> int:
    """An article draft that copied an erased teacher's words (titled with their question,
    on a help channel or a ticket) or name loses them; the rest of the coach's fix stays."""
    changed = 0
    for draft in (await session.execute(select(DraftRow))).scalars():
        if not await _theirs(session, draft, traces.person_id):
            # A colleague's ticket in her very words is his (a red team's, stop 50): only
            # her name goes from the draft made of it.
            title, body = (traces.names_taken_out(t, ERASED) for t in (draft.title, draft.body))
        else:
            # A help-channel question copied as the title goes whole, known by whose it was
            # even once retention deleted the question (a red team's, stop 52).
            copied = draft.asker_id == traces.person_id
            title = ERASED if copied or traces.opens(draft.title) else \
                traces.taken_out(draft.title, ERASED)
            body = traces.taken_out(draft.body, ERASED)
        if (title, body) != (draft.title, draft.body):
            draft.title, draft.body, changed = title[:200], body, changed + 1
    return changed


async def _theirs(session: AsyncSession, draft: DraftRow, person_id: int | None) -> bool:
    """Whether a draft may hold the erased person's words: made from a ticket of hers (or one
    she said "me too" on), or from a help-channel question (no ticket: anyone's)."""
    if draft.asker_id is not None:  # a help-channel question's: its asker's alone (a red
        return draft.asker_id == person_id  # team's, stop 52: a colleague's asked the same)
    if draft.ticket_id is None or person_id is None:
        return True
    ticket = await session.get(TicketRow, draft.ticket_id)
    if ticket is None or ticket.requester_id == person_id:
        return True
    joined = await session.scalar(select(TicketPersonRow.id).where(
        TicketPersonRow.ticket_id == ticket.id, TicketPersonRow.person_id == person_id))
    return joined is not None


def register(jobs: Jobs) -> None:
    """Tickets' timed work: reminders and auto-close (sent like every delivery), retention."""
    jobs.chore("tickets.waiting")(sweep_waiting)
    jobs.renderer(REMINDED)(render_notice)
    jobs.renderer(AUTO_CLOSED)(render_notice)
    jobs.retention("tickets.retention")(purge_expired)
