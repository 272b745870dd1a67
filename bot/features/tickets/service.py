"""Opening tickets and moving them through their life; every change is an event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.tickets.models import TicketEventRow, TicketPersonRow, TicketRow
from bot.features.tickets.pictures import attach_held
from bot.i18n import N_, _
from bot.masking import Masked, find_student_data, mask_student_data, replaced
from bot.masking.hidden_names import HiddenName, names_hidden
from bot.masking.spans import Span
from bot.people.models import PersonRow
from bot.storage.rows import row_named

OPEN = ("new", "assigned", "waiting")
URGENCIES = {"now": N_("class is waiting"), "today": N_("today"), "week": N_("this week")}
MAX_TEXT = 4000


@dataclass(frozen=True)
class Draft:
    """What a teacher asked for, before it is a ticket."""

    text: str
    room: str = ""
    urgency: str = "today"
    category: str = "other"
    article_id: str | None = None
    articles_shown: str = ""
    didnt_help: bool = False
    keep_identifiers: bool = False
    hidden: tuple[str, ...] = ()  # hidden before the text reached us (a question as logged)


@dataclass(frozen=True)
class Opened:
    """The ticket, what was masked, and whether this call created it (False: a retry)."""

    ticket: TicketRow
    masked: Masked
    created: bool
    names: tuple[HiddenName, ...] = ()  # what each "[name]" of the stored text hid


async def open_ticket(session: AsyncSession, requester: PersonRow, draft: Draft, now: datetime,
                      request_key: str | None = None) -> Opened:
    """Store a new ticket (idempotent on `request_key`) with the requester on it."""
    if not draft.text.strip():
        raise BadInput(_("Tell me what happened, e.g. `/ticket projector in room 12 is dead`."))
    if request_key and (existing := await by_key(session, request_key)):
        return Opened(existing, Masked(existing.text, ()), created=False)
    spans = [] if draft.keep_identifiers else find_student_data(draft.text)
    masked = replaced(draft.text, spans)
    room = (Masked(draft.room, ()) if draft.keep_identifiers
            else mask_student_data(draft.room))  # a form's field: anything may be typed there
    masked = Masked(masked.text, draft.hidden + masked.kinds + room.kinds)
    ticket = TicketRow(
        request_key=request_key, requester_id=requester.id, school_id=requester.school_id,
        text=masked.text[:MAX_TEXT], room=room.text[:64],
        urgency=draft.urgency if draft.urgency in URGENCIES else "today",
        category=draft.category, article_id=draft.article_id,
        articles_shown=draft.articles_shown[:512], didnt_help=draft.didnt_help,
        status="new", created_at=now, updated_at=now)
    try:
        async with session.begin_nested():
            session.add(ticket)
            await session.flush()
    except IntegrityError:  # the same request raced us in another process
        existing = await by_key(session, request_key or "")
        if existing is None:
            raise
        return Opened(existing, Masked(existing.text, ()), created=False)
    session.add(TicketPersonRow(ticket_id=ticket.id, person_id=requester.id, joined_at=now))
    session.add(TicketEventRow(ticket_id=ticket.id, at=now, kind="opened",
                               actor_id=requester.id, text=ticket.text))
    await attach_held(session, requester.id, ticket, now)
    await session.flush()
    return Opened(ticket, masked, created=True, names=offerable(draft.text, spans, masked.text))


def offerable(text: str, spans: list[Span], masked_text: str) -> tuple[HiddenName, ...]:
    """The names hidden in a ticket's text, to offer back to its writer; none unless each
    "[name]" is certainly the one hidden there (not a "[name]" she typed herself, nor one
    cut off the stored text)."""
    names = names_hidden(text, spans)
    aligned = len(masked_text) <= MAX_TEXT and masked_text.count("[name]") == len(names)
    return names if aligned else ()


async def by_key(session: AsyncSession, request_key: str) -> TicketRow | None:
    """The ticket opened under an idempotency key."""
    query = select(TicketRow).where(TicketRow.request_key == request_key)
    return (await session.execute(query)).scalar_one_or_none()


async def get_ticket(session: AsyncSession, number: str | int) -> TicketRow:
    """A ticket by number, following merges, or a friendly error."""
    ticket = await row_named(session, TicketRow, number)
    if ticket is None:
        raise BadInput(_("I can't find ticket #{number}.").format(number=number))
    while ticket.merged_into is not None:
        ticket = await session.get(TicketRow, ticket.merged_into) or ticket
        if ticket.merged_into == ticket.id:
            break
    return ticket


async def join(session: AsyncSession, ticket: TicketRow, person: PersonRow,
               now: datetime) -> bool:
    """Add a "me too" teacher; False when they were already on it."""
    if await is_on(session, ticket, person):
        return False
    try:
        async with session.begin_nested():
            session.add(TicketPersonRow(ticket_id=ticket.id, person_id=person.id, joined_at=now))
    except IntegrityError:
        return False
    session.add(TicketEventRow(ticket_id=ticket.id, at=now, kind="joined", actor_id=person.id))
    ticket.updated_at = now
    return True


async def is_on(session: AsyncSession, ticket: TicketRow, person: PersonRow) -> bool:
    """True when the person requested or joined the ticket."""
    query = select(TicketPersonRow.id).where(TicketPersonRow.ticket_id == ticket.id,
                                             TicketPersonRow.person_id == person.id)
    return (await session.execute(query)).first() is not None


async def people_on(session: AsyncSession, ticket: TicketRow) -> list[PersonRow]:
    """Everyone to tell about a change: the requester and the "me too" teachers."""
    query = (select(PersonRow).join(TicketPersonRow, TicketPersonRow.person_id == PersonRow.id)
             .where(TicketPersonRow.ticket_id == ticket.id).order_by(TicketPersonRow.id))
    return list((await session.execute(query)).scalars())


async def affected(session: AsyncSession, ticket: TicketRow) -> int:
    """How many teachers are on a ticket."""
    query = select(func.count()).where(TicketPersonRow.ticket_id == ticket.id)
    return int((await session.execute(query)).scalar_one())


async def own_tickets(session: AsyncSession, person: PersonRow, limit: int = 10
                      ) -> list[TicketRow]:
    """The tickets a teacher requested or joined, newest first."""
    query = (select(TicketRow).join(TicketPersonRow, TicketPersonRow.ticket_id == TicketRow.id)
             .where(TicketPersonRow.person_id == person.id, TicketRow.merged_into.is_(None))
             .order_by(TicketRow.id.desc()).limit(limit))
    return list((await session.execute(query)).scalars())


@dataclass(frozen=True)
class QueueFilter:
    """The coach's queue filters: mine, unassigned, school, category, status."""

    assignee_id: int | None = None
    unassigned: bool = False
    school_id: int | None = None
    category: str | None = None
    statuses: tuple[str, ...] = OPEN


async def queue(session: AsyncSession, wanted: QueueFilter, limit: int = 15) -> list[TicketRow]:
    """Open tickets for triage, most urgent and oldest first."""
    query = select(TicketRow).where(TicketRow.status.in_(wanted.statuses),
                                    TicketRow.merged_into.is_(None))
    if wanted.assignee_id is not None:
        query = query.where(TicketRow.assignee_id == wanted.assignee_id)
    if wanted.unassigned:
        query = query.where(TicketRow.assignee_id.is_(None))
    if wanted.school_id is not None:
        query = query.where(TicketRow.school_id == wanted.school_id)
    if wanted.category:
        query = query.where(TicketRow.category == wanted.category)
    urgency_rank = case({"now": 0, "today": 1, "week": 2}, value=TicketRow.urgency, else_=3)
    query = query.order_by(urgency_rank, TicketRow.created_at).limit(limit)
    return list((await session.execute(query)).scalars())
