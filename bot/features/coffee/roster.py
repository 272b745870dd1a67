"""Who is in a series: the cohort's members as the platform lists them, and who may be invited."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.coffee.models import CoffeeMemberRow, CoffeeOptOutRow, CoffeeSeriesRow
from bot.people.models import ConversationRow, PersonRow
from bot.ports import Messengers
from bot.roles import Role
from bot.turn import FetchFirst, Turn
from bot.vocabulary import Conversation, Person

log = logging.getLogger(__name__)
CHUNK = 500  # ids per IN (...) query; well under every database's parameter limit


async def cohort_of(session: AsyncSession, series: CoffeeSeriesRow) -> Conversation:
    """The cohort conversation, with the adapter's stored reference when the bot has one."""
    query = select(ConversationRow.ref).where(ConversationRow.platform == series.platform,
                                              ConversationRow.conversation_id == series.cohort_id)
    ref = (await session.execute(query)).scalar_one_or_none() or ""
    return Conversation(platform=series.platform, id=series.cohort_id, kind="channel", ref=ref)


async def listed(messengers: Messengers, cohort: Conversation
                 ) -> list[Person] | None:
    """Who the platform says is in the cohort, or None when it can't say right now."""
    messenger = messengers.get(cohort.platform)
    if messenger is None:
        return None
    try:
        return await messenger.members(cohort)
    except Exception as error:  # a platform hiccup: the next tick asks again
        log.warning("could not list the members of %s: %s", cohort.id, type(error).__name__)
        return None


@dataclass
class Cohorts:
    """Who is in each series' cohort, asked of the platforms between transactions.

    Listing a big channel can take minutes of API calls, and a planner's transaction holds
    SQLite's write lock: planners ask here, get None the first time, and the scheduler
    gathers the answers outside any transaction before planning again. Each answer is used
    once, so every session is planned with the cohort as it is that day.
    """

    messengers: Messengers
    found: dict[int, list[Person]] = field(default_factory=dict)
    wanted: dict[int, Conversation] = field(default_factory=dict)
    checked: set[int] = field(default_factory=set)  # new series whose cohort was looked at

    async def members(self, session: AsyncSession, series: CoffeeSeriesRow
                      ) -> list[Person] | None:
        """The cohort's members if gathered since last asked; otherwise asks for them."""
        if series.id in self.found:
            return self.found.pop(series.id)
        self.wanted[series.id] = await cohort_of(session, series)
        return None

    async def gather(self) -> int:
        """List every cohort asked for; returns how many answers came back."""
        wanted, self.wanted, self.found = self.wanted, {}, {}
        for series_id, cohort in wanted.items():
            people = await listed(self.messengers, cohort)
            if people is not None:
                self.found[series_id] = people
        return len(self.found)


async def invitees(session: AsyncSession, series: CoffeeSeriesRow, people: Sequence[Person],
                   now: datetime) -> list[PersonRow]:
    """The cohort's people to invite: not the coach, and guests only when the coach added
    them (everyone is remembered, so the delivery policy knows their time zone)."""
    rows = await remember_all(session, people, now, series.school_id)
    guests = {person.user_id for person in people if person.guest}
    if guests:
        added = {pid for pid, m in (await members_of(session, series.id)).items()
                 if m.guest_added}
        rows = [row for row in rows if row.user_id not in guests or row.id in added]
    return [row for row in rows if row.id != series.coach_id]


async def guests_of(turn: Turn[Any], series: CoffeeSeriesRow) -> list[PersonRow] | None:
    """The cohort's guests, or None when the platform can't say who is in the cohort."""
    cohort = await cohort_of(turn.session, series)
    try:
        people = await turn.members(cohort)
    except FetchFirst:
        raise  # asked between two runs of this turn, never with the database's writer held
    except Exception as error:  # a platform hiccup: the coach is asked to try again
        log.warning("could not list the members of %s: %s", cohort.id, type(error).__name__)
        return None
    return await remember_all(turn.session, [p for p in people if p.guest], turn.now, None)


async def remember_all(session: AsyncSession, people: Sequence[Person], now: datetime,
                       school_id: int | None) -> list[PersonRow]:
    """Stored rows for many people at once; newcomers are placed in the series' school."""
    by_platform: dict[str, dict[str, Person]] = {}
    for person in people:
        by_platform.setdefault(person.platform, {})[person.user_id] = person
    rows: list[PersonRow] = []
    for platform, wanted in by_platform.items():
        known = await _known(session, platform, list(wanted))
        for user_id, person in wanted.items():
            row = known.get(user_id)
            if row is None:
                row = PersonRow(platform=platform, user_id=user_id, created_at=now,
                                role=Role.TEACHER, display_name=person.display_name)
                session.add(row)
            row.display_name = person.display_name or row.display_name
            row.tz = person.tz or row.tz
            row.school_id = row.school_id or school_id
            rows.append(row)
    await session.flush()
    return rows


async def _known(session: AsyncSession, platform: str, user_ids: list[str]
                 ) -> dict[str, PersonRow]:
    found: dict[str, PersonRow] = {}
    for start in range(0, len(user_ids), CHUNK):
        query = select(PersonRow).where(PersonRow.platform == platform,
                                        PersonRow.user_id.in_(user_ids[start:start + CHUNK]))
        found.update((row.user_id, row) for row in (await session.execute(query)).scalars())
    return found


async def members_of(session: AsyncSession, series_id: int) -> dict[int, CoffeeMemberRow]:
    """A series' member rows by person id."""
    query = select(CoffeeMemberRow).where(CoffeeMemberRow.series_id == series_id)
    return {row.person_id: row for row in (await session.execute(query)).scalars()}


async def enrol(session: AsyncSession, series_id: int, people: Sequence[PersonRow]
                ) -> dict[int, CoffeeMemberRow]:
    """Member rows for everyone in the cohort, created on first sight."""
    members = await members_of(session, series_id)
    for person in people:
        if person.id not in members:
            members[person.id] = CoffeeMemberRow(series_id=series_id, person_id=person.id)
            session.add(members[person.id])
    await session.flush()
    return members


async def opted_out(session: AsyncSession, person_ids: Sequence[int] | None = None) -> set[int]:
    """The people who said "stop inviting me" (all of them, or among `person_ids`)."""
    query = select(CoffeeOptOutRow.person_id)
    if person_ids is not None:
        query = query.where(CoffeeOptOutRow.person_id.in_(list(person_ids)))
    return set((await session.execute(query)).scalars())


def is_paused(member: CoffeeMemberRow | None, day: date) -> bool:
    """True when the member paused (for good, or until a date on or after `day`)."""
    if member is None:
        return False
    return member.paused or (member.paused_until is not None and member.paused_until >= day)


async def may_invite(session: AsyncSession, series_id: int, person_id: int, day: date) -> bool:
    """Checked again when each message is built: a pause or opt-out since planning wins."""
    if await session.get(CoffeeOptOutRow, person_id) is not None:
        return False
    query = select(CoffeeMemberRow).where(CoffeeMemberRow.series_id == series_id,
                                          CoffeeMemberRow.person_id == person_id)
    return not is_paused((await session.execute(query)).scalar_one_or_none(), day)
