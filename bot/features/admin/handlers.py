"""`/prepbot`: help for everyone, `whoami`, and `role` for admins."""

from __future__ import annotations

from bot.blocks import Fields, Reply, Text
from bot.errors import BadInput, NotAllowed
from bot.people.directory import set_role
from bot.roles import Role
from bot.router import Router
from bot.turn import Turn
from bot.vocabulary import Command

ROLE_USAGE = "Usage: `/prepbot role <platform:user_id> <teacher|coach|admin>`"


def whoami(turn: Turn) -> Reply:
    """Who the bot thinks you are."""
    person = turn.person
    pairs = (("Name", person.display_name or "(unknown)"), ("Role", person.role),
             ("Id", f"{person.platform}:{person.user_id}"))
    return Reply(f"You are {person.display_name or person.user_id}, a {person.role}.",
                 (Fields(pairs),), private=True)


async def role(turn: Turn, words: list[str]) -> Reply:
    """Admins give a person a role."""
    if not turn.role.allows(Role.ADMIN):
        raise NotAllowed("Only admins can change roles.")
    if len(words) != 2 or ":" not in words[0] or words[1].lower() not in set(Role):
        raise BadInput(ROLE_USAGE)
    platform, _, user_id = words[0].partition(":")
    row = await set_role(turn.session, platform, user_id, Role(words[1].lower()), turn.now)
    text = f"{words[0]} is now a {row.role}."
    return Reply(text, (Text(text),), private=True)


def register(router: Router) -> None:
    """Wire `/prepbot` into the router."""

    async def prepbot(turn: Turn) -> list[Reply]:
        """Dispatch `/prepbot help | whoami | role ...`."""
        assert isinstance(turn.incoming, Command)
        verb, _, rest = turn.incoming.text.strip().partition(" ")
        if verb.lower() == "whoami":
            return [whoami(turn)]
        if verb.lower() == "role":
            return [await role(turn, rest.split())]
        return [router.help(turn.role)]

    router.command("prepbot", "help, `whoami`, and (admins) `role <platform:user> <role>`",
                   "/prepbot [help|whoami|role]")(prepbot)
