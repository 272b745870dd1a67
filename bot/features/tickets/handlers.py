"""`/tickets` (a teacher's own, or the coaches' queue), the ticket form, and triage routes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply, Text, form_reply
from bot.errors import BadInput
from bot.features.tickets import service, views
from bot.features.tickets.routes import CATEGORIES, DEFAULT, all_routes, set_route
from bot.roles import Role
from bot.schools.service import school_named
from bot.turn import Turn
from bot.vocabulary import Action, Command

FILTER_HELP = ("Filters: `mine`, `unassigned`, `school <name>`, `category <name>`, "
               "`status <new|assigned|waiting|resolved|closed|all>`.")


async def tickets_command(turn: Turn[Command]) -> list[Reply]:
    """A teacher's own tickets; for coaches, the queue with filters."""
    if not turn.role.allows(Role.COACH):
        mine = await service.own_tickets(turn.session, turn.person)
        return [views.listing("Your tickets", mine, "You have no tickets. `/ticket` opens one.")]
    wanted = await parse_filters(turn, turn.incoming.text.split())
    found = await service.queue(turn.session, wanted)
    return [views.listing("Ticket queue", found, "Nothing in the queue for those filters.")]


async def parse_filters(turn: Turn[Command], words: list[str]) -> service.QueueFilter:
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


async def school_id(turn: Turn[Command], name: str) -> int:
    """A school's id by name (case-insensitive)."""
    found = await school_named(turn.session, name)
    if found is None:
        raise BadInput(f"I don't know a school called {name!r}.")
    return found.id


async def show_form(turn: Turn[Action]) -> list[Reply]:
    """The new-ticket form, for buttons elsewhere ("Open a ticket" after a coffee chat)."""
    return [form_reply(views.new_ticket_form())]


async def route_here(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot settings route <category|default> here`, typed in a triage channel."""
    words = turn.incoming.text.lower().split()
    if len(words) != 2 or words[1] != "here" or words[0] not in (*CATEGORIES, DEFAULT):
        raise BadInput(f"Usage: `/prepbot settings route <category|default> here`. "
                       f"Categories: {', '.join(CATEGORIES)}, or `default`.")
    await set_route(turn.session, words[0], turn.incoming.conversation)
    text = f"Tickets in {words[0]} will be posted here."
    return [Reply(text, (Text(text),), private=True)]


async def describe_routes(session: AsyncSession) -> list[tuple[str, str]]:
    """The triage routes, for `/prepbot settings`."""
    return [(f"route {r.category}", f"{r.platform}:{r.conversation_id}")
            for r in await all_routes(session)]
