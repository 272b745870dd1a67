"""`/prepbot`: help, `whoami`, `school`, `prep`, and for admins `role` and `settings`."""

from __future__ import annotations

import re

from bot.blocks import Fields, Reply, Text, say
from bot.errors import BadInput
from bot.i18n import N_, NAMES, _, format_days, format_time
from bot.people.giving import change_role
from bot.people.prep import parse_prep
from bot.roles import Role
from bot.schools.service import school_named
from bot.turn import Turn
from bot.vocabulary import Command, Submission

ROLE_USAGE = N_("Usage: `/prepbot role <platform:user_id> <teacher|coach|admin>` (their id is "
                "in their `/prepbot whoami`; in Slack, `@name` works too).")
# Clearing a prep period, in either language.
PREP_OFF = frozenset({"off", "none", "clear", "no", "ninguno", "ninguna", "borrar", "quitar"})
MENTION = re.compile(r"^<@([A-Z0-9]+)(?:\|[^>]*)?>$")
SETTINGS_USAGE = N_("Usage: `/prepbot settings` to list, `/prepbot settings route "
                    "<category|default> here` in a triage channel, or `/prepbot settings <name> "
                    "<value>`.")


async def help_(turn: Turn[Command]) -> list[Reply]:
    """What this person can do."""
    return [turn.features.router.help(turn.role)]


async def whoami(turn: Turn[Command]) -> list[Reply]:
    """Who the bot thinks you are."""
    person = turn.person
    pairs = ((_("Name"), person.display_name or _("(unknown)")), (_("Role"), person.role),
             (_("Id"), f"{person.platform}:{person.user_id}"),
             (_("Language"), NAMES[person.speaks]))
    text = _("You are {name}, {role}.").format(name=person.display_name or person.user_id,
                                               role=Role(person.role).with_article)
    return [Reply(text, (Fields(pairs),), private=True)]


async def role(turn: Turn[Command]) -> list[Reply]:
    """Admins give a person a role."""
    words = turn.incoming.text.split()
    if len(words) != 2:
        raise BadInput(_(ROLE_USAGE))
    return [await give_role(turn, words[0], words[1])]


async def role_form(turn: Turn[Submission]) -> list[Reply]:
    """The "Give someone a role" form."""
    values = turn.incoming.values
    return [await give_role(turn, values.get("who", "").strip(), values.get("role", ""))]


async def give_role(turn: Turn[Command] | Turn[Submission], who: str, wanted: str) -> Reply:
    """`platform:user_id` (or a Slack mention, `<@U0123|name>`) is given a role."""
    mention = MENTION.match(who)
    if mention:  # /prepbot is escaped in Slack's manifest: `@Mr Okafor` arrives as an id
        who = f"{turn.incoming.person.platform}:{mention.group(1)}"
    platform, _sep, user_id = who.partition(":")
    if not platform or not user_id or wanted.lower() not in set(Role):
        raise BadInput(_(ROLE_USAGE))
    row = await change_role(turn.session, turn.features.hand_overs, turn.settings.admin_keys,
                            who, Role(wanted.lower()), turn.now)
    name = f" ({row.display_name})" if row.display_name else ""
    return say(_("{who}{name} is now {with_article}.").format(
                   who=who, name=name, with_article=Role(row.role).with_article))


async def school(turn: Turn[Command]) -> list[Reply]:
    """Anyone says which school they work at."""
    name = turn.incoming.text.strip()
    found = await school_named(turn.session, name) if name else None
    if found is None:
        raise BadInput(_("I don't know a school called {name!r}. Ask an admin to add it.").format(
                           name=name)
                       if name else _("Usage: `/prepbot school <school name>`"))
    turn.person.school_id = found.id
    return [say(_("Got it: you're at {name}.").format(name=found.name))]


async def prep(turn: Turn[Command]) -> list[Reply]:
    """Anyone sets (or clears) their prep period, so non-urgent messages arrive in it."""
    person, text = turn.person, turn.incoming.text.strip()
    if text.lower() in PREP_OFF:
        person.prep_start = person.prep_end = None
        person.prep_days = ""
        return [say(_("Prep period cleared: messages may come any time in school hours."))]
    person.prep_start, person.prep_end, person.prep_days = parse_prep(text)
    return [say(_("Got it: I'll keep non-urgent messages to {start}-{end} on {days}.").format(
        start=format_time(person.prep_start), end=format_time(person.prep_end),
        days=format_days(person.prep_days)))]


async def settings(turn: Turn[Command]) -> list[Reply]:
    """Admins list and change stored settings (each feature declares its own)."""
    words = turn.incoming.text.split()
    known = turn.features.settings
    if not words:
        values = [(name, str(await setting.read(turn.session)))
                  for name, setting in known.items()]
        for describe in turn.features.describes:
            values += await describe(turn.session)
        return [Reply(_("Settings"), (Fields(tuple(values)), Text(_(SETTINGS_USAGE))),
                      private=True)]
    if len(words) != 2 or words[0] not in known:
        raise BadInput(_(SETTINGS_USAGE))
    setting = known[words[0]]
    await setting.write(turn.session, setting.parse(words[1]))
    return [say(_("{name} is now {words}.").format(name=setting.name, words=words[1]))]
