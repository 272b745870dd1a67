"""Wiring: `/ticket`, `/tickets`, and every ticket button and form."""

from __future__ import annotations

from sqlalchemy import select

from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.tickets import opening, service, sweeps, triage, views
from bot.features.tickets.routes import CATEGORIES
from bot.roles import Role
from bot.router import Router
from bot.scheduling.jobs import Jobs
from bot.schools.models import SchoolRow
from bot.turn import Turn
from bot.vocabulary import Command

FILTER_HELP = ("Filters: `mine`, `unassigned`, `school <name>`, `category <name>`, "
               "`status <new|assigned|waiting|resolved|closed|all>`.")


async def tickets_command(turn: Turn) -> list[Reply]:
    """A teacher's own tickets; for coaches, the queue with filters."""
    if not turn.role.allows(Role.COACH):
        mine = await service.own_tickets(turn.session, turn.person)
        return [views.listing("Your tickets", mine, "You have no tickets. `/ticket` opens one.")]
    assert isinstance(turn.incoming, Command)
    wanted = await parse_filters(turn, turn.incoming.text.split())
    found = await service.queue(turn.session, wanted)
    return [views.listing("Ticket queue", found, "Nothing in the queue for those filters.")]


async def parse_filters(turn: Turn, words: list[str]) -> service.QueueFilter:
    """Read the coach's filter words."""
    fields: dict[str, object] = {}
    i = 0
    while i < len(words):
        word, value = words[i].lower(), words[i + 1] if i + 1 < len(words) else ""
        if word == "mine":
            fields["assignee_id"] = turn.person.id
        elif word == "unassigned":
            fields["unassigned"] = True
        elif word == "category" and value.lower() in CATEGORIES:
            fields["category"], i = value.lower(), i + 1
        elif word == "status" and value.lower() in (*service.OPEN, "resolved", "closed", "all"):
            fields["statuses"] = (("new", "assigned", "waiting", "resolved", "closed")
                                  if value.lower() == "all" else (value.lower(),))
            i += 1
        elif word == "school" and value:
            fields["school_id"], i = await school_id(turn, " ".join(words[i + 1:])), len(words)
        else:
            raise BadInput(f"I don't know the filter `{words[i]}`. {FILTER_HELP}")
        i += 1
    return service.QueueFilter(**fields)  # type: ignore[arg-type]


async def school_id(turn: Turn, name: str) -> int:
    """A school's id by name (case-insensitive)."""
    query = select(SchoolRow.id).where(SchoolRow.name.ilike(name.strip()))
    found = (await turn.session.execute(query)).scalar_one_or_none()
    if found is None:
        raise BadInput(f"I don't know a school called {name!r}.")
    return int(found)


def register(router: Router) -> None:
    """Wire the tickets feature into the router."""
    router.command("ticket", "open a ticket for a person to help", "/ticket [what happened]")(
        opening.ticket_command)
    router.command("tickets", "your tickets (coaches: the queue, with filters)",
                   "/tickets [filters]")(tickets_command)
    router.form("tickets.new")(opening.from_form)
    router.action("tickets.open")(opening.from_question)
    router.action("tickets.join")(opening.join)
    router.action("tickets.separate")(opening.separate)
    router.action("tickets.view")(triage.view)
    router.action("tickets.reopen")(triage.reopen)
    router.action("tickets.answer")(triage.ask_answer)
    router.form("tickets.answer")(triage.send_answer)
    for name, handler in (("claim", triage.claim), ("wait", triage.wait),
                          ("resolve", triage.resolve), ("reply", triage.ask_reply),
                          ("merge", triage.ask_merge), ("suggest", triage.ask_draft)):
        router.action(f"tickets.{name}", Role.COACH)(handler)
    router.form("tickets.reply", Role.COACH)(triage.send_reply)
    router.form("tickets.merge", Role.COACH)(triage.do_merge)
    router.form("tickets.draft", Role.COACH)(triage.save_draft)


def register_jobs(jobs: Jobs) -> None:
    """Tickets' timed work: reminders and auto-close, and retention."""
    jobs.chore("tickets.waiting")(sweeps.sweep_waiting)
    jobs.retention("tickets.retention")(sweeps.purge_expired)
