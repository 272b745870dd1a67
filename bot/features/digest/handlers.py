"""`/digest` on demand, and `/digest settings` for when and for which schools it arrives."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot import when
from bot.blocks import Fields, Reply, Text
from bot.errors import BadInput
from bot.features.digest.report import build_digest
from bot.features.digest.service import (
    asked_of,
    coach_of,
    parse_period,
    prefs_of,
    scope_for,
    zone_of,
)
from bot.features.digest.views import digest_reply
from bot.hooks.digest import DigestAsk
from bot.i18n import N_, _, format_time, weekday_name
from bot.people.prep import parse_clock
from bot.schools.service import school_named
from bot.turn import Turn
from bot.vocabulary import Command

SETTINGS_USAGE = N_("`/digest settings day monday`, `/digest settings time 07:30`, "
                    "`/digest settings off` (or `on`), `/digest settings schools Lincoln, "
                    "Hillside`")


async def digest_command(turn: Turn[Command]) -> list[Reply]:
    """`/digest [last week | this week | FROM..TO]`."""
    prefs = await prefs_of(turn.session, turn.person)
    zone = await zone_of(turn.session, turn.person)
    period = parse_period(turn.incoming.text, turn.now, zone)
    asked = await asked_of(turn.session, turn.features.pulse_waves, turn.person.id)
    ask = DigestAsk(period, scope_for(turn.person, prefs), coach_of(turn.person), turn.now,
                    zone, asked)
    return [digest_reply(await build_digest(turn.session, turn.features.digest_sections, ask))]


async def settings(turn: Turn[Command]) -> list[Reply]:
    """When the digest arrives (`/digest settings` alone, or an unknown word after it)."""
    if turn.incoming.text.strip():
        raise BadInput(_("Try {SETTINGS_USAGE}.").format(SETTINGS_USAGE=_(SETTINGS_USAGE)))
    return [await _state(turn)]


async def day(turn: Turn[Command]) -> list[Reply]:
    """`/digest settings day monday` (or `lunes`, `el lunes`, `Mondays`)."""
    wanted = when.days(turn.incoming.text)
    if wanted is None or len(wanted) != 1:
        raise BadInput(_("Name a weekday, e.g. `/digest settings day monday`."))
    (await prefs_of(turn.session, turn.person)).weekday = int(wanted)
    return [await _state(turn)]


async def time_(turn: Turn[Command]) -> list[Reply]:
    """`/digest settings time 07:30`."""
    try:
        at = parse_clock(turn.incoming.text)
    except BadInput as error:
        raise BadInput(_("{value0!r} is not a time of day. Try `/digest settings time 07:30` (or "
                         "7:30am).").format(value0=turn.incoming.text.strip())) from error
    (await prefs_of(turn.session, turn.person)).at = at
    return [await _state(turn)]


async def off(turn: Turn[Command]) -> list[Reply]:
    """No weekly digest (`/digest` on demand still works)."""
    (await prefs_of(turn.session, turn.person)).opted_out = True
    return [await _state(turn)]


async def on(turn: Turn[Command]) -> list[Reply]:
    """The weekly digest again."""
    (await prefs_of(turn.session, turn.person)).opted_out = False
    return [await _state(turn)]


async def schools(turn: Turn[Command]) -> list[Reply]:
    """`/digest settings schools Lincoln, Hillside`: the schools the digest covers."""
    if not turn.incoming.text.strip():
        raise BadInput(_("Name the schools, e.g. `/digest settings schools Lincoln, Hillside`."))
    ids = await _school_ids(turn.session, turn.incoming.text)
    (await prefs_of(turn.session, turn.person)).schools = ",".join(str(i) for i in ids)
    return [await _state(turn)]


async def _state(turn: Turn[Command]) -> Reply:
    prefs = await prefs_of(turn.session, turn.person)
    await turn.session.flush()
    state = _("off") if prefs.opted_out else _("{day} at {time}").format(
        day=weekday_name(prefs.weekday), time=format_time(prefs.at))
    heading = _("Weekly digest")
    blocks = (Fields(((heading, state),)),
              Text(_("Change it with {usage}.").format(usage=_(SETTINGS_USAGE))))
    return Reply(_("Weekly digest: {state}.").format(state=state), blocks, private=True)


async def _school_ids(session: AsyncSession, names: str) -> list[int]:
    ids = []
    for name in filter(None, (n.strip() for n in names.split(","))):
        found = await school_named(session, name)
        if found is None:
            raise BadInput(_("I don't know a school called {name!r}.").format(name=name))
        ids.append(found.id)
    return ids
