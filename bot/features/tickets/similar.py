""""Me too": find an open ticket from the same school that describes the same problem; and
the open tickets of a group of people (for a coach's brief)."""

from __future__ import annotations

import hashlib
import json
import uuid
import zlib
from collections import OrderedDict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Button, Buttons, Text
from bot.errors import BadInput
from bot.features.tickets.models import TicketPersonRow, TicketRow
from bot.features.tickets.service import OPEN
from bot.hooks import Answered
from bot.i18n import N_, _
from bot.masking import mask_student_data, mask_within
from bot.sealed import opened_value, sealed_value
from bot.storage.rows import row_named
from bot.stored_settings import StoredSetting
from bot.turn import Turn
from knowledge import KnowledgeBase

MAX_OPEN_WORK = 15
JOIN = "tickets-join"  # what a "me too" button's value is signed for
SEPARATE = "tickets-separate"  # what a "No, open a new ticket" button's value is sealed for
MOST_VALUE = 1990  # characters of a button's value Slack takes (2,000)
READINGS_KEPT = 4096  # open tickets' masked words remembered per process, newest used first
_readings: OrderedDict[tuple[bytes, date], str] = OrderedDict()
METOO_WINDOW = StoredSetting("metoo_window_hours", 24,
                             N_("hours an open ticket is offered to others as \"me too\""),
                             minimum=1, maximum=24 * 30)


def problem_of(kb: KnowledgeBase, text: str) -> tuple[str, ...]:
    """The two articles the knowledge base takes a description for, leader first; none when
    it deflects (no article fits)."""
    decision = kb.answer(text)
    return () if decision.kind == "deflect" else tuple(m.article_id for m in
                                                       decision.matches[:2])


def masked_reading(text: str, today: date) -> str:
    """An open ticket's words masked, as "me too" reads them: masked once per process and
    day (every question at a busy school reads every open ticket), remembered by a digest of
    the words rather than the words, which may be kept as typed."""
    key = (hashlib.blake2b(text.encode(), digest_size=16).digest(), today)
    if key in _readings:
        _readings.move_to_end(key)
        return _readings[key]
    _readings[key] = masked = mask_student_data(text, today=today, schools=False).text
    if len(_readings) > READINGS_KEPT:
        _readings.popitem(last=False)
    return masked


def forget_readings() -> None:
    """Forget every remembered reading (a test's, or a directory's names known then)."""
    _readings.clear()


def same_problem(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """The same leading article, or each one's leader the other's runner-up (a near tie,
    "printer jams": printer-offline or printer-add)."""
    return bool(mine and theirs) and (mine[0] == theirs[0] or (
        mine[0] in theirs and theirs[0] in mine))


async def similar_open_ticket(session: AsyncSession, kb: KnowledgeBase, school_id: int | None,
                              text: str, now: datetime, window_hours: int = 24
                              ) -> TicketRow | None:
    """The newest open ticket of the last `window_hours` from the same school that the
    knowledge base takes for the same problem. Never matched on its words: an offer that
    came or did not come for words typed would tell them one by one (a red team read a
    student's name and id out of a colleague's ticket that way, stop 43)."""
    mine = problem_of(kb, text)
    if school_id is None or not mine:
        return None
    since = now - timedelta(hours=window_hours)
    query = (select(TicketRow).where(TicketRow.school_id == school_id,
                                     TicketRow.status.in_(OPEN), TicketRow.created_at >= since,
                                     TicketRow.merged_into.is_(None))
             .order_by(TicketRow.created_at.desc(), TicketRow.id.desc()).limit(200))
    for ticket in (await session.execute(query)).scalars():
        # Read masked even where the teacher kept it: a student's name must not tip the tie.
        if same_problem(mine, problem_of(kb, masked_reading(ticket.text, now.date()))):
            return ticket
    return None


async def metoo_offer(turn: Turn[Any], answered: Answered) -> tuple[Block, ...]:
    """Under an answer: "Same problem? Add me to #41" when an open ticket at the school matches;
    never under an answer others read (a channel), which would tell them of the ticket."""
    if turn.person.school_id is None or turn.incoming.conversation.kind != "direct":
        return ()
    same = await similar_open_ticket(turn.session, turn.kb, turn.person.school_id,
                                     answered.text, turn.now,
                                     await METOO_WINDOW.read(turn.session))
    if same is None:
        return ()
    return (Text(_("Others at your school reported something like this: ticket #{id}.")
                 .format(id=same.id)),
            Buttons((Button(_("Same problem? Add me to #{id}").format(id=same.id),
                            "tickets.join", offer(turn, same)),)))


def offer(turn: Turn[Any], ticket: TicketRow) -> str:
    """A "me too" button's value: this ticket, offered to this person, signed by the server.
    The ticket's creation is signed too: on SQLite a purged ticket's number is given to the
    next, and an old button joined another teacher's ticket (a red team's, stop 48)."""
    return turn.secret.sign(JOIN, f"{turn.person.id}:{ticket.id}:{made_of(ticket)}")


async def offered(turn: Turn[Any], value: str) -> TicketRow:
    """The ticket a "me too" button offered to the person clicking it; a forged or someone
    else's offer, or one for a ticket since gone, gets the same answer as a ticket that does
    not exist."""
    found = turn.secret.verify(JOIN, value)
    person, ticket_id, made = [*(found or "").split(":"), "", ""][:3]
    mine = bool(found) and person == str(turn.person.id)
    ticket = await row_named(turn.session, TicketRow, ticket_id) if mine else None
    if ticket is None or made != made_of(ticket):
        raise BadInput(_("That \u201cme too\u201d offer isn't one I made to you. Ask me "
                         "again and I'll look for an open ticket like yours."))
    return ticket


def draft_value(turn: Turn[Any], text: str) -> str:
    """A "No, open a new ticket" button's value: the teacher's words as typed, for her alone,
    compressed and sealed with the server secret (they are not masked yet: a value a client
    carries must not read as them, a red team's, stop 65), cut to fit Slack's 2,000
    characters. A fresh nonce makes a double click open one ticket."""
    while True:
        plain = json.dumps([turn.person.id, str(uuid.uuid4()), text], ensure_ascii=False)
        value = sealed_value(turn.secret, SEPARATE, zlib.compress(plain.encode()))
        if len(value) <= MOST_VALUE or not text:
            return value
        text = text[:len(text) * 9 // 10]


def draft_in(turn: Turn[Any], value: str) -> tuple[str, str]:
    """(nonce, words) of a "No, open a new ticket" button the server gave this person."""
    try:
        plain = zlib.decompress(opened_value(turn.secret, SEPARATE, value))
        person, nonce, text = json.loads(plain)
        if person == turn.person.id:
            return str(nonce), str(text)
    except (TypeError, ValueError, zlib.error):
        pass
    raise BadInput(_("That button isn't one I gave you. Type `/ticket` and what happened, and "
                     "I'll open one."))


def made_of(ticket: TicketRow) -> str:
    """When a ticket was made, as a button's value carries it: on SQLite a purged ticket's
    number is given to the next."""
    return str(int(ticket.created_at.timestamp()))


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
        # Masked even where the teacher kept their words: the brief is read by its host.
        words = mask_within(ticket.text, 80).text
        lines.setdefault(ticket.id, f"#{ticket.id} {words} ({names[person_id]})")
    return list(lines.values())
