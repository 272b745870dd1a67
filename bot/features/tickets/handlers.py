"""`/tickets` (a teacher's own, or the coaches' queue), the ticket form, and triage routes."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply, Text, form_reply
from bot.errors import BadInput
from bot.features.tickets import queue, service, views
from bot.features.tickets.routes import CATEGORIES, DEFAULT, all_routes, set_route
from bot.i18n import N_, _
from bot.roles import Role
from bot.schools.service import school_named
from bot.turn import Turn
from bot.vocabulary import Action, Command

STATUSES = ("new", "assigned", "waiting", "resolved", "closed", "all")
# Words said around the filters ("/tickets list", "/ticket show my queue"), and the filters
# that are one word: a message of nothing else asks for the queue, not a new ticket.
SAID_IN_PASSING = frozenset({"list", "show", "queue", "view", "the", "my", "tickets", "ticket"})
ONE_WORD_FILTERS = frozenset({"mine", "unassigned", "all"})


def asks_for_the_list(words: list[str]) -> bool:
    """`/ticket list`, `/ticket mine`: only list words and one-word filters."""
    return bool(words) and set(words) <= SAID_IN_PASSING | ONE_WORD_FILTERS


FILTER_HELP = N_("Filters: `mine`, `unassigned`, `all`, `school <name>`, `category <name>`, "
                 "`status <{statuses}>`.")


def filter_help() -> str:
    """The queue's filter words, in the reader's language (the words themselves stay)."""
    return _(FILTER_HELP).format(statuses="|".join(STATUSES))


async def tickets_command(turn: Turn[Command]) -> list[Reply]:
    """A teacher's own tickets; for coaches, the queue with filters."""
    return await listing(turn, turn.incoming.text.split())


async def listing(turn: Turn[Command], filters: list[str]) -> list[Reply]:
    """A teacher's own tickets; for coaches, the queue by these filter words."""
    if not turn.role.allows(Role.COACH):
        mine = await service.own_tickets(turn.session, turn.person)
        return [views.listing(_("Your tickets"), mine,
                              _("You have no tickets. `/ticket` opens one."), turn.person.id)]
    wanted = await parse_filters(turn, filters)
    found = await queue.queue_lines(turn.session, await service.queue(turn.session, wanted))
    empty = (_("Nothing in the queue for those filters.") if filters
             else _("The queue is empty: no open tickets."))
    return [queue.queue_reply(found, turn.now, empty, filter_help())]


async def parse_filters(turn: Turn[Command], words: list[str]) -> service.QueueFilter:
    """Read the coach's filter words."""
    fields: dict[str, object] = {}
    i = 0
    while i < len(words):
        word, value = words[i].lower(), words[i + 1] if i + 1 < len(words) else ""
        if word in SAID_IN_PASSING:
            pass  # "/tickets list", "/tickets show queue": the queue was asked for all the same
        elif word == "all":
            fields["statuses"] = STATUSES[:-1]  # "/tickets all": every status, as "status all"
        elif word == "mine":
            fields["assignee_id"] = turn.person.id
        elif word == "unassigned":
            fields["unassigned"] = True
        elif word == "category":
            fields["category"], i = _one_of(value, CATEGORIES, "category"), i + 1
        elif word == "status":
            status = _one_of(value, STATUSES, "status")
            fields["statuses"], i = (STATUSES[:-1] if status == "all" else (status,)), i + 1
        elif word == "school":
            if not value:
                raise BadInput(_("Which school? For example `/tickets school Lincoln Elementary`."))
            fields["school_id"], i = await school_id(turn, " ".join(words[i + 1:])), len(words)
        else:
            raise BadInput(_("I don't know the filter `{value1}`. {FILTER_HELP}").format(
                               value1=_shown(words[i]), FILTER_HELP=filter_help()))
        i += 1
    return service.QueueFilter(**fields)  # type: ignore[arg-type]


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    """A filter's value, or a sentence naming the value that is wrong and the ones that work."""
    if value.lower() in allowed:
        return value.lower()
    choices = f"`/tickets {what} <{'|'.join(allowed)}>`"
    raise BadInput(_("I don't know the {what} `{value}`. Try {choices}.").format(
                       what=what, value=_shown(value), choices=choices) if value
                   else _("Which {what}? Try {choices}.").format(what=what, choices=choices))


def _shown(word: str) -> str:
    """A word someone typed, safe inside a code span (no backtick can end it early)."""
    return word.replace("`", "'")[:40]


async def school_id(turn: Turn[Command], name: str) -> int:
    """A school's id by name (case-insensitive)."""
    found = await school_named(turn.session, name)
    if found is None:
        raise BadInput(_("I don't know a school called {name!r}.").format(name=name))
    return found.id


async def show_form(turn: Turn[Action]) -> list[Reply]:
    """The new-ticket form, for buttons elsewhere ("Open a ticket" after a coffee chat)."""
    return [form_reply(views.new_ticket_form())]


async def route_here(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot settings route <category|default> here`, typed in a triage channel."""
    words = turn.incoming.text.lower().split()
    if len(words) != 2 or words[1] != "here" or words[0] not in (*CATEGORIES, DEFAULT):
        raise BadInput(_("Usage: `/prepbot settings route <category|default> here`. Categories: "
                         "{value1}, or `default`.").format(value1=', '.join(CATEGORIES)))
    if turn.incoming.conversation.kind == "between_people":
        # prepbot is not in it: every ticket routed there would be lost (stop 53).
        raise BadInput(_("I can post tickets only in a channel I'm in, or in your own direct "
                         "messages with me. Type this there."))
    await set_route(turn.session, words[0], turn.incoming.conversation)
    text = _("Tickets in {words} will be posted here.").format(words=words[0])
    return [Reply(text, (Text(text),), private=True)]


async def describe_routes(session: AsyncSession) -> list[tuple[str, str]]:
    """The triage routes, for `/prepbot settings`."""
    return [(f"route {r.category}", f"{r.platform}:{r.conversation_id}")
            for r in await all_routes(session)]
