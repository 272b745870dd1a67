""""Me too": find an open ticket from the same school that describes the same problem; and
the open tickets of a group of people (for a coach's brief)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Button, Buttons, Text
from bot.errors import BadInput
from bot.features.tickets.models import TicketPersonRow, TicketRow
from bot.features.tickets.service import OPEN
from bot.hooks import Answered
from bot.i18n import N_, _
from bot.stored_settings import StoredSetting
from bot.turn import Turn

SAME_PROBLEM = 72
SHARED_WORDS = 0.4  # of each text's words, so two words typed never match a long ticket
SAME_CATEGORY_BONUS = 8
MAX_OPEN_WORK = 15
JOIN = "tickets-join"  # what a "me too" button's value is signed for
METOO_WINDOW = StoredSetting("metoo_window_hours", 24,
                             N_("hours an open ticket is offered to others as \"me too\""),
                             minimum=1, maximum=24 * 30)


async def similar_open_ticket(session: AsyncSession, school_id: int | None, text: str,
                              category: str | None, now: datetime, window_hours: int = 24
                              ) -> TicketRow | None:
    """The closest open ticket of the last `window_hours` from the same school, if close enough."""
    if school_id is None or not text.strip():
        return None
    since = now - timedelta(hours=window_hours)
    query = (select(TicketRow).where(TicketRow.school_id == school_id,
                                     TicketRow.status.in_(OPEN), TicketRow.created_at >= since,
                                     TicketRow.merged_into.is_(None))
             .order_by(TicketRow.created_at.desc()).limit(200))
    best: tuple[float, TicketRow] | None = None
    for ticket in (await session.execute(query)).scalars():
        score = likeness(text, ticket.text)
        if category and category != "other" and category == ticket.category:
            score += SAME_CATEGORY_BONUS
        if score >= SAME_PROBLEM and (best is None or score > best[0]):
            best = (score, ticket)
    return best[1] if best else None


def likeness(text: str, other: str) -> float:
    """How alike two descriptions are (0-100); 0 unless they share a good part of each
    one's words (token_set_ratio alone scores 100 for any few words a ticket contains)."""
    mine, theirs = set(default_process(text).split()), set(default_process(other).split())
    shared = len(mine & theirs)
    if not mine or not theirs or shared < SHARED_WORDS * max(len(mine), len(theirs)):
        return 0.0
    return float(fuzz.token_set_ratio(text, other, processor=default_process))


async def metoo_offer(turn: Turn[Any], answered: Answered) -> tuple[Block, ...]:
    """Under an answer: "Same problem? Add me to #41" when an open ticket at the school matches."""
    if turn.person.school_id is None:
        return ()
    same = await similar_open_ticket(turn.session, turn.person.school_id, answered.text,
                                     answered.category, turn.now,
                                     await METOO_WINDOW.read(turn.session))
    if same is None:
        return ()
    return (Text(_("Others at your school reported something like this: ticket #{id}.")
                 .format(id=same.id)),
            Buttons((Button(_("Same problem? Add me to #{id}").format(id=same.id),
                            "tickets.join", offer(turn, same.id)),)))


def offer(turn: Turn[Any], ticket_id: int) -> str:
    """A "me too" button's value: this ticket, offered to this person, signed by the server."""
    return turn.secret.sign(JOIN, f"{turn.person.id}:{ticket_id}")


def offered(turn: Turn[Any], value: str) -> int:
    """The ticket a "me too" button offered to the person clicking it; a forged or someone
    else's offer gets the same answer as a ticket that does not exist."""
    found = turn.secret.verify(JOIN, value)
    person, _sep, ticket = (found or "").partition(":")
    if not found or person != str(turn.person.id) or not ticket.isdigit():
        raise BadInput(_("That \u201cme too\u201d offer isn't one I made to you. Ask me "
                         "again and I'll look for an open ticket like yours."))
    return int(ticket)


async def open_work_of(session: AsyncSession, names: dict[int, str]) -> list[str]:
    """`#12 the projector shows no signal (Ms Rivera)` for each open ticket of these people."""
    if not names:
        return []
    query = (select(TicketRow, TicketPersonRow.person_id)
             .join(TicketPersonRow, TicketPersonRow.ticket_id == TicketRow.id)
             .where(TicketPersonRow.person_id.in_(list(names)), TicketRow.status.in_(OPEN),
                    TicketRow.merged_into.is_(None))
             .order_by(TicketRow.id).limit(MAX_OPEN_WORK))
    lines: dict[int, str] = {}
    for ticket, person_id in (await session.execute(query)).all():
        lines.setdefault(ticket.id, f"#{ticket.id} {ticket.text[:80]} ({names[person_id]})")
    return list(lines.values())
