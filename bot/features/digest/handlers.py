"""`/digest` on demand, and `/digest settings` for when and for which schools it arrives."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Fields, Reply, Text
from bot.errors import BadInput
from bot.features.digest.report import build_digest
from bot.features.digest.service import coach_of, parse_period, prefs_of, scope_for, zone_of
from bot.features.digest.views import digest_reply
from bot.hooks import DigestAsk
from bot.people.prep import DAYS, parse_clock
from bot.schools.models import SchoolRow
from bot.turn import Turn
from bot.vocabulary import Command

SETTINGS_USAGE = ("`/digest settings day monday`, `/digest settings time 07:30`, "
                  "`/digest settings off` (or `on`), `/digest settings schools Lincoln, Hillside`")


async def digest_command(turn: Turn[Command]) -> list[Reply]:
    """`/digest [last week | this week | FROM..TO]`."""
    prefs = await prefs_of(turn.session, turn.person)
    period = parse_period(turn.incoming.text, turn.now, await zone_of(turn.session, turn.person))
    ask = DigestAsk(period, scope_for(turn.person, prefs), coach_of(turn.person), turn.now)
    return [digest_reply(await build_digest(turn.session, turn.features.digest_sections, ask))]


async def settings(turn: Turn[Command]) -> list[Reply]:
    """Change when the digest arrives, for which schools, or opt out."""
    prefs = await prefs_of(turn.session, turn.person)
    verb, _, value = turn.incoming.text.strip().partition(" ")
    verb, value = verb.lower(), value.strip()
    if verb == "day" and value.lower()[:3] in DAYS:
        prefs.weekday = DAYS.index(value.lower()[:3])
    elif verb == "time" and value:
        prefs.at = parse_clock(value)
    elif verb in {"off", "on"}:
        prefs.opted_out = verb == "off"
    elif verb == "schools" and value:
        prefs.schools = ",".join(str(i) for i in await _school_ids(turn.session, value))
    elif verb:
        raise BadInput(f"Try {SETTINGS_USAGE}.")
    await turn.session.flush()
    state = "off" if prefs.opted_out else f"{DAYS[prefs.weekday].title()} at {prefs.at:%H:%M}"
    return [Reply(f"Weekly digest: {state}.", (Fields((("Weekly digest", state),)),
                                                Text(f"Change it with {SETTINGS_USAGE}.")),
                  private=True)]


async def _school_ids(session: AsyncSession, names: str) -> list[int]:
    ids = []
    for name in filter(None, (n.strip() for n in names.split(","))):
        found = (await session.execute(select(SchoolRow.id).where(
            SchoolRow.name.ilike(name)))).scalar_one_or_none()
        if found is None:
            raise BadInput(f"I don't know a school called {name!r}.")
        ids.append(int(found))
    return ids
