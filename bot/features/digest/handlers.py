"""`/digest` on demand and its settings; the weekly delivery through the scheduler."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Fields, Reply, Text
from bot.errors import BadInput
from bot.features.digest import chart
from bot.features.digest.report import build_digest
from bot.features.digest.schedule import (
    GRACE,
    coach_of,
    due_time,
    parse_period,
    prefs_of,
    recipients,
    scope_for,
    week_of,
    zone_of,
)
from bot.features.digest.views import digest_reply
from bot.people.models import PersonRow
from bot.people.prep import DAYS, parse_clock
from bot.roles import Role
from bot.router import Router
from bot.scheduling.jobs import Jobs
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.schools.models import SchoolRow
from bot.turn import Turn
from bot.vocabulary import Command

JOB = "digest.weekly"
SETTINGS_USAGE = ("`/digest settings day monday`, `/digest settings time 07:30`, "
                  "`/digest settings off` (or `on`), `/digest settings schools Lincoln, Hillside`")


async def digest_command(turn: Turn) -> list[Reply]:
    """`/digest [last week | this week | FROM..TO]` or `/digest settings ...`."""
    assert isinstance(turn.incoming, Command)
    text = turn.incoming.text.strip()
    if text.lower().startswith("settings"):
        return [await settings(turn, text[len("settings"):].strip())]
    prefs = await prefs_of(turn.session, turn.person)
    period = parse_period(text, turn.now, await zone_of(turn.session, turn.person))
    digest = await build_digest(turn.session, period, scope_for(turn.person, prefs),
                                coach_of(turn.person), turn.now)
    return [digest_reply(digest)]


async def settings(turn: Turn, text: str) -> Reply:
    """Change when the digest arrives, for which schools, or opt out."""
    prefs = await prefs_of(turn.session, turn.person)
    verb, _, value = text.partition(" ")
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
    return Reply(f"Weekly digest: {state}.", (Fields((("Weekly digest", state),)),
                                               Text(f"Change it with {SETTINGS_USAGE}.")),
                 private=True)


async def _school_ids(session: AsyncSession, names: str) -> list[int]:
    ids = []
    for name in filter(None, (n.strip() for n in names.split(","))):
        found = (await session.execute(select(SchoolRow.id).where(
            SchoolRow.name.ilike(name)))).scalar_one_or_none()
        if found is None:
            raise BadInput(f"I don't know a school called {name!r}.")
        ids.append(int(found))
    return ids


async def plan_digests(session: AsyncSession, now: datetime) -> list[Planned]:
    """A delivery for each coach whose weekly time has come (within the grace window)."""
    planned = []
    for person in await recipients(session):
        prefs = await prefs_of(session, person)
        if prefs.opted_out:
            continue
        due = due_time(now, prefs, await zone_of(session, person))
        if now - due <= GRACE:
            planned.append(Planned(JOB, due.isoformat(), person.platform, due, due + GRACE,
                                   person_id=person.id, user_id=person.user_id))
    return planned


async def render_digest(session: AsyncSession, row: DeliveryRow) -> Reply | None:
    """The digest for the week before the delivery's local day."""
    person = await session.get(PersonRow, row.person_id) if row.person_id else None
    if person is None:
        return None
    prefs = await prefs_of(session, person)
    if prefs.opted_out:
        return None
    zone = await zone_of(session, person)
    sent_on = datetime.fromisoformat(row.occurrence).astimezone(zone).date()
    period = week_of(sent_on, zone).previous
    return digest_reply(await build_digest(session, period, scope_for(person, prefs),
                                           coach_of(person)))


def register(router: Router) -> None:
    """Wire `/digest`."""
    router.command("digest", "the weekly digest now (`last week`, `FROM..TO`, `settings`)",
                   "/digest [last week|settings]", Role.COACH)(digest_command)


def register_jobs(jobs: Jobs) -> None:
    """Wire the weekly delivery."""
    jobs.planner(JOB)(plan_digests)
    jobs.renderer(JOB)(render_digest)
    jobs.retention("digest.charts")(chart.forget_old_charts)


