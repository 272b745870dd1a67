"""The coaches' queue as a triage view: how urgent, which room and school, how old, who has it.

Every line says what a coach needs to pick the next ticket without opening it, and every
button says what it does ("Open ticket #12", "Claim ticket #12"): a screen reader reads the
label alone, and "#12" alone tells nobody anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Button, Buttons, Context, Reply, Text
from bot.features.tickets.models import TicketPersonRow, TicketRow
from bot.i18n import N_, _, ngettext
from bot.people.models import PersonRow
from bot.schools.models import SchoolRow

URGENCY_WORDS = {"now": N_("urgent: a class is waiting"), "today": N_("needed today"),
                 "week": N_("needed this week")}
# The words the queue shows are the words its `status` filter takes.
QUEUE_STATUS = {"new": N_("new"), "assigned": N_("assigned"),
                "waiting": N_("waiting on the teacher"), "resolved": N_("resolved"),
                "closed": N_("closed")}
EXCERPT = 90


@dataclass(frozen=True)
class QueueLine:
    """One ticket as the queue shows it, with what the ticket row alone does not say."""

    ticket: TicketRow
    school: str
    handler: str
    affected: int


async def queue_lines(session: AsyncSession, tickets: list[TicketRow]) -> list[QueueLine]:
    """The schools, handlers and "me too" counts of some tickets, in three queries."""
    ids = [t.id for t in tickets]
    schools: dict[int, str] = {i: n for i, n in await session.execute(
        select(SchoolRow.id, SchoolRow.name).where(
            SchoolRow.id.in_({t.school_id for t in tickets if t.school_id})))}
    handlers: dict[int, str] = {i: n for i, n in await session.execute(
        select(PersonRow.id, PersonRow.display_name).where(
            PersonRow.id.in_({t.assignee_id for t in tickets if t.assignee_id})))}
    counts: dict[int, int] = {i: n for i, n in await session.execute(
        select(TicketPersonRow.ticket_id, func.count()).where(TicketPersonRow.ticket_id.in_(ids))
        .group_by(TicketPersonRow.ticket_id))}
    return [QueueLine(t, schools.get(t.school_id or 0, ""),
                      handlers.get(t.assignee_id or 0, "") or (_("someone") if t.assignee_id
                                                               else ""),
                      int(counts.get(t.id, 1))) for t in tickets]


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """The text on one line, cut at a word boundary (never mid-word) with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit + 1] else flat[:limit]
    return cut.rstrip(" ,.;:-") + "…"


def age(since: datetime, now: datetime) -> str:
    """How long ago, as people say it: "just now", "25 min", "3 h", "2 days"."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 2:
        return _("just now")
    if minutes < 60:
        return _("{count} min ago").format(count=minutes)
    if minutes < 48 * 60:
        return _("{count} h ago").format(count=minutes // 60)
    return _("{count} days ago").format(count=minutes // (24 * 60))


def line_text(line: QueueLine, now: datetime) -> str:
    """`#12 · urgent: a class is waiting · Room 204 · Lincoln · opened 2 h ago · new, nobody
    has it` and the teacher's words below (plain text: a teacher typed them)."""
    t = line.ticket
    parts = [f"#{t.id}", _(URGENCY_WORDS[t.urgency]) if t.urgency in URGENCY_WORDS else t.urgency,
             _("Room {room}").format(room=t.room) if t.room else _("no room given"),
             line.school or _("no school set"),
             _("opened {age}").format(age=age(t.created_at, now))]
    who = (f"{_(QUEUE_STATUS.get(t.status, t.status))}, "
           + (_("handled by {name}").format(name=line.handler) if line.handler
              else _("nobody has it yet")))
    if line.affected > 1:
        who += ", " + ngettext("{count} teacher affected", "{count} teachers affected",
                               line.affected).format(count=line.affected)
    return " · ".join([*parts, who]) + f"\n\u201c{excerpt(t.text)}\u201d"


def buttons_for(ticket: TicketRow) -> Buttons:
    """Open it, and claim it straight from the queue while nobody has it."""
    found = [Button(_("Open ticket #{id}").format(id=ticket.id), "tickets.view", str(ticket.id))]
    if ticket.assignee_id is None and ticket.status in ("new", "waiting"):
        found.append(Button(_("Claim ticket #{id}").format(id=ticket.id), "tickets.claim",
                            str(ticket.id),
                            "primary"))
    return Buttons(tuple(found))


def queue_reply(lines: list[QueueLine], now: datetime, empty: str, hint: str) -> Reply:
    """The queue, most urgent and oldest first, one line and a row of buttons per ticket."""
    if not lines:
        return Reply(empty, (Text(empty), Context(hint)), private=True)
    title = ngettext("Ticket queue: {count} ticket", "Ticket queue: {count} tickets",
                     len(lines)).format(count=len(lines))
    blocks: list[Block] = [Text(_("**{title}**, most urgent and oldest first").format(title=title))]
    for line in lines:
        blocks += [Text(line_text(line, now), markdown=False), buttons_for(line.ticket)]
    blocks.append(Context(hint))
    text = title + "\n" + "\n".join(line_text(line, now) for line in lines)
    return Reply(text, tuple(blocks), private=True)
