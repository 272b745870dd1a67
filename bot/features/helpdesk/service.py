"""Handing tickets to a helpdesk: a thread per ticket, every message masked, each sent through
the delivery ledger once per destination (retried there until it arrives)."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.helpdesk.models import HandoffRow, HelpdeskRouteRow, PassedRow
from bot.features.helpdesk.routes import route_for
from bot.hooks.outside import TicketNews
from bot.masking import mask_within
from bot.scheduling import ledger
from bot.scheduling.ledger import Planned

EMAIL_JOB, WEBHOOK_JOB = "helpdesk.email", "helpdesk.webhook"
KEEP_TRYING = timedelta(days=3)  # a helpdesk down longer than this is an outage to look at
REFERENCE = re.compile(r"prepbot-(\d{1,10})-([0-9a-f]{10})")
MAX_TEXT = 4000


def new_thread(ticket_id: int) -> str:
    """A ticket's reference: its number and a random part, so nobody can guess another's."""
    return f"prepbot-{ticket_id}-{secrets.token_hex(5)}"


def references_in(*texts: str) -> list[str]:
    """Every thread reference in these texts, in order."""
    return [match.group(0) for text in texts for match in REFERENCE.finditer(text or "")]


async def by_thread(session: AsyncSession, thread: str) -> HandoffRow | None:
    """The handoff a reference names."""
    query = select(HandoffRow).where(HandoffRow.thread == thread)
    return (await session.execute(query)).scalar_one_or_none()


async def by_ticket(session: AsyncSession, ticket_id: int) -> HandoffRow | None:
    """A ticket's handoff, if it was handed to a helpdesk."""
    query = select(HandoffRow).where(HandoffRow.ticket_id == ticket_id)
    return (await session.execute(query)).scalar_one_or_none()


def destinations(route: HelpdeskRouteRow) -> list[tuple[str, str, str]]:
    """(job, platform, address) for each way the route reaches its helpdesk. A webhook
    without a shared secret is never sent: it could not be signed."""
    found = []
    if route.email:
        found.append((EMAIL_JOB, "email", route.email))
    if route.webhook_url and route.secret is not None:
        found.append((WEBHOOK_JOB, "webhook", route.webhook_url))
    return found


async def on_ticket_news(session: AsyncSession, news: TicketNews) -> None:
    """A ticket opened on a route with a helpdesk is handed over; a teacher's addition to a
    handed-over ticket follows it. Planned in the ticket's own transaction."""
    if news.kind == "opened":
        route = await route_for(session, news.category, news.school_id)
        if route is None or not destinations(route):
            return
        handoff = HandoffRow(ticket_id=news.ticket_id, route=route.route,
                             thread=new_thread(news.ticket_id), category=news.category,
                             school_id=news.school_id,
                             room=mask_within(news.room, 64).text,
                             urgency=news.urgency[:16], opened_at=news.at)
        session.add(handoff)
        await session.flush()
    else:
        found = await by_ticket(session, news.ticket_id)
        route = await session.get(HelpdeskRouteRow, found.route) if found else None
        if found is None or route is None:
            return
        handoff = found
    await pass_on(session, handoff, route, news)


async def pass_on(session: AsyncSession, handoff: HandoffRow, route: HelpdeskRouteRow,
                  news: TicketNews) -> None:
    """Store the next message of the thread (masked) and plan it for each destination."""
    query = select(func.max(PassedRow.seq)).where(PassedRow.handoff_id == handoff.id)
    seq = int((await session.execute(query)).scalar_one() or 0) + 1
    message = PassedRow(handoff_id=handoff.id, seq=seq, kind=news.kind,
                        author_id=news.person_id, at=news.at,
                        text=mask_within(news.text, MAX_TEXT).text)
    session.add(message)
    await session.flush()
    await ledger.plan(session, [
        Planned(job, f"{handoff.thread}.{seq}", platform, news.at, news.at + KEEP_TRYING,
                conversation_id=address, payload=str(message.id), urgent=True)
        for job, platform, address in destinations(route)])


async def erase_writer(session: AsyncSession, person_id: int) -> int:
    """Blank what a person passed on, and the room of the tickets they opened (as the
    ticket's own room is blanked): the thread, its category and dates stay."""
    opened = select(PassedRow.handoff_id).where(PassedRow.author_id == person_id,
                                                PassedRow.kind == "opened")
    await session.execute(update(HandoffRow).where(HandoffRow.id.in_(opened)).values(room=""))
    result = await session.execute(update(PassedRow).where(PassedRow.author_id == person_id)
                                   .values(text=""))
    return int(getattr(result, "rowcount", 0) or 0)


def passed_id(payload: str) -> int | None:
    """The message a delivery carries."""
    return int(payload) if payload.isdecimal() else None


async def message_of(session: AsyncSession, payload: str
                     ) -> tuple[PassedRow, HandoffRow] | None:
    """A delivery's message and its handoff, while both exist."""
    number = passed_id(payload)
    message = await session.get(PassedRow, number) if number is not None else None
    handoff = await session.get(HandoffRow, message.handoff_id) if message else None
    return (message, handoff) if message and handoff else None


def now_text(at: datetime) -> str:
    """A moment as the helpdesk reads it."""
    return f"{at:%Y-%m-%d %H:%M} UTC"
