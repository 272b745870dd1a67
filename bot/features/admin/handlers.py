"""`/prepbot`: help, `whoami`, `school`, `prep`, and for admins `role` and `settings`."""

from __future__ import annotations

from bot.blocks import Fields, Reply, Text
from bot.errors import BadInput, NotAllowed
from bot.features.admin.models import DEFAULTS, read_setting, write_setting
from bot.features.tickets.routes import CATEGORIES, DEFAULT, all_routes, set_route
from bot.people.directory import set_role
from bot.people.prep import DAYS, parse_prep
from bot.roles import Role
from bot.router import Router
from bot.schools.service import school_named
from bot.turn import Turn
from bot.vocabulary import Command

ROLE_USAGE = "Usage: `/prepbot role <platform:user_id> <teacher|coach|admin>`"
SETTINGS_USAGE = ("Usage: `/prepbot settings` to list, `/prepbot settings route <category|default> "
                  "here` in a triage channel, or `/prepbot settings <name> <value>`.")


def _said(text: str) -> Reply:
    return Reply(text, (Text(text),), private=True)


def whoami(turn: Turn) -> Reply:
    """Who the bot thinks you are."""
    person = turn.person
    pairs = (("Name", person.display_name or "(unknown)"), ("Role", person.role),
             ("Id", f"{person.platform}:{person.user_id}"))
    return Reply(f"You are {person.display_name or person.user_id}, "
                 f"{Role(person.role).with_article}.",
                 (Fields(pairs),), private=True)


async def role(turn: Turn, words: list[str]) -> Reply:
    """Admins give a person a role."""
    if not turn.role.allows(Role.ADMIN):
        raise NotAllowed("Only admins can change roles.")
    if len(words) != 2 or ":" not in words[0] or words[1].lower() not in set(Role):
        raise BadInput(ROLE_USAGE)
    platform, _, user_id = words[0].partition(":")
    row = await set_role(turn.session, platform, user_id, Role(words[1].lower()), turn.now)
    return _said(f"{words[0]} is now {Role(row.role).with_article}.")


async def school(turn: Turn, name: str) -> Reply:
    """Anyone says which school they work at."""
    found = await school_named(turn.session, name) if name else None
    if found is None:
        raise BadInput(f"I don't know a school called {name!r}. Ask an admin to add it."
                       if name else "Usage: `/prepbot school <school name>`")
    turn.person.school_id = found.id
    return _said(f"Got it: you're at {found.name}.")


def prep(turn: Turn, text: str) -> Reply:
    """Anyone sets (or clears) their prep period, so non-urgent messages arrive in it."""
    person = turn.person
    if text.lower() in {"off", "none", "clear"}:
        person.prep_start = person.prep_end = None
        person.prep_days = ""
        return _said("Prep period cleared: messages may come any time in school hours.")
    person.prep_start, person.prep_end, person.prep_days = parse_prep(text)
    days = ", ".join(DAYS[int(d)].title() for d in person.prep_days)
    return _said(f"Got it: I'll keep non-urgent messages to {person.prep_start:%H:%M}-"
                 f"{person.prep_end:%H:%M} on {days}.")


async def settings(turn: Turn, words: list[str]) -> Reply:
    """Admins list and change stored settings and ticket routes."""
    if not turn.role.allows(Role.ADMIN):
        raise NotAllowed("Only admins can change settings.")
    if not words:
        values = [(key, await read_setting(turn.session, key)) for key in DEFAULTS]
        routes = [(f"route {r.category}", f"{r.platform}:{r.conversation_id}")
                  for r in await all_routes(turn.session)]
        return Reply("Settings", (Fields(tuple(values + routes)), Text(SETTINGS_USAGE)),
                     private=True)
    if words[0] == "route" and len(words) == 3 and words[2] == "here":
        category = words[1].lower()
        if category not in (*CATEGORIES, DEFAULT):
            raise BadInput(f"Categories: {', '.join(CATEGORIES)}, or `default`.")
        await set_route(turn.session, category, turn.incoming.conversation)
        return _said(f"Tickets in {category} will be posted here.")
    if len(words) == 2 and words[0] in DEFAULTS and words[1].isdigit():
        await write_setting(turn.session, words[0], words[1])
        return _said(f"{words[0]} is now {words[1]}.")
    raise BadInput(SETTINGS_USAGE)


def register(router: Router) -> None:
    """Wire `/prepbot` into the router."""

    async def prepbot(turn: Turn) -> list[Reply]:
        """Dispatch `/prepbot help | whoami | school | role | settings`."""
        assert isinstance(turn.incoming, Command)
        verb, _, rest = turn.incoming.text.strip().partition(" ")
        verb = verb.lower()
        if verb == "whoami":
            return [whoami(turn)]
        if verb == "school":
            return [await school(turn, rest.strip())]
        if verb == "prep":
            return [prep(turn, rest.strip())]
        if verb == "role":
            return [await role(turn, rest.split())]
        if verb == "settings":
            return [await settings(turn, rest.split())]
        return [router.help(turn.role)]

    router.command("prepbot", "help, `whoami`, `school <name>`, `prep 10:15-11:00 mon-fri`; "
                   "admins: `role`, `settings`",
                   "/prepbot [help|whoami|school|prep|role|settings]")(prepbot)
