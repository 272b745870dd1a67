"""Find or record the person and conversation behind an incoming event."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.people.models import ConversationRow, PersonRow
from bot.roles import Role
from bot.vocabulary import AnyIncoming, Conversation, Person

log = logging.getLogger(__name__)
# Whose doing an admin role is (PersonRow.admin_by): the list's over a teacher's role, the
# list's over a coach's given by hand (a coach again once taken out), or a person's.
SETTINGS, OVER_COACH, HAND = "settings", "settings:coach", "hand"
# Taken out of the list while she still ran work: a coach until it is handed over, then a
# teacher again (bot/people/giving.py).
KEPT = "settings:work"

Row = TypeVar("Row", PersonRow, ConversationRow)
MARKUP = re.compile(r"[\[\]*`<>]")


async def find_or_add(session: AsyncSession, find: Callable[[], Awaitable[Row | None]],
                      make: Callable[[], Row]) -> Row:
    """The existing row, or a new one; if another replica adds it at the same moment, theirs."""
    row = await find()
    if row is not None:
        return row
    try:
        async with session.begin_nested():
            row = make()
            session.add(row)
    except IntegrityError:  # a concurrent first request from the same person won the insert
        row = await find()
        if row is None:
            raise
    return row


async def find_person(session: AsyncSession, platform: str, user_id: str) -> PersonRow | None:
    """The stored person, or None."""
    query = select(PersonRow).where(PersonRow.platform == platform, PersonRow.user_id == user_id)
    return (await session.execute(query)).scalar_one_or_none()


async def role_of(session: AsyncSession, person: Person, admins: frozenset[str]) -> Role:
    """A person's role without storing them: PREPBOT_ADMINS', else as stored, else teacher."""
    if person.key in admins:
        return Role.ADMIN
    stored = await find_person(session, person.platform, person.user_id)
    return Role(stored.role) if stored is not None else Role.TEACHER


def plain_name(name: str) -> str:
    """A display name as plain words: names go into sentences the renderers read as markup,
    so `[click me](https://…)` or `*URGENT*` from one platform must not become a live link or
    shouting on another. Brackets, asterisks, backticks and angle brackets have no place in a
    name."""
    return " ".join(MARKUP.sub(" ", name).split())[:255]


async def still_staff(sessions: async_sessionmaker[AsyncSession], admins: frozenset[str],
                      person: Person) -> bool:
    """Whether someone is a coach or an admin now (read, never the writer)."""
    async with sessions() as session:
        return (await role_of(session, person, admins)).allows(Role.COACH)


async def remember_person(
    session: AsyncSession, person: Person, now: datetime, admins: frozenset[str]
) -> PersonRow:
    """The stored row for `person`, created on first sight; PREPBOT_ADMINS are made admins."""
    name = plain_name(person.display_name)
    row = await find_or_add(
        session, lambda: find_person(session, person.platform, person.user_id),
        lambda: PersonRow(platform=person.platform, user_id=person.user_id, created_at=now,
                          display_name=name, tz=person.tz, role=Role.TEACHER,
                          locale=person.locale[:16] or None))
    if name:
        row.display_name = name
    if person.full_name:
        row.full_name = plain_name(person.full_name)
    if person.tz:
        row.tz = person.tz
    if person.locale:
        row.locale = person.locale[:16]
    listed(row, person.key in admins)
    await session.flush()
    return row


def listed(row: PersonRow, in_list: bool) -> None:
    """Follow PREPBOT_ADMINS: listed, an admin (the list's doing, unless a person gave it);
    taken out, what they were before the list made them one (a red team's, stop 52: a coach
    listed and taken out became a teacher)."""
    if in_list and (row.role != Role.ADMIN or row.admin_by is None):
        row.admin_by = row.admin_by or (OVER_COACH if row.role == Role.COACH else SETTINGS)
        row.role = Role.ADMIN
    elif not in_list and row.role == Role.ADMIN and row.admin_by in (SETTINGS, OVER_COACH, KEPT):
        row.role = Role.COACH if row.admin_by == OVER_COACH else Role.TEACHER
        row.admin_by = None
        log.warning("%s:%s is no longer in PREPBOT_ADMINS: %s again", row.platform,
                    row.user_id, row.role)


async def remember_sender(session: AsyncSession, incoming: AnyIncoming, now: datetime,
                          admins: frozenset[str], anonymous: bool = False) -> PersonRow:
    """The sender's row, and where they wrote from, stored; for an `anonymous` turn only
    read, since its commit otherwise named its writer (a pulse answer that was a teacher's
    first turn stored her chat beside her sealed answer: a red team's, stop 48)."""
    if anonymous:
        known = await find_person(session, incoming.person.platform, incoming.person.user_id)
        if known is not None:
            return known
    person = await remember_person(session, incoming.person, now, admins)
    await remember_conversation(session, incoming.conversation, person.id, now)
    return person


async def remember_conversation(
    session: AsyncSession, conversation: Conversation, person_id: int | None, now: datetime
) -> None:
    """Store the latest adapter reference of a conversation, so the bot can message it later."""
    query = select(ConversationRow).where(ConversationRow.platform == conversation.platform,
                                          ConversationRow.conversation_id == conversation.id)

    async def find() -> ConversationRow | None:
        return (await session.execute(query)).scalar_one_or_none()

    row = await find_or_add(session, find, lambda: ConversationRow(
        platform=conversation.platform, conversation_id=conversation.id, kind=conversation.kind,
        ref="", updated_at=now))
    if conversation.ref and conversation.ref != row.ref:
        row.ref = conversation.ref
        row.updated_at = now
    if conversation.kind == "direct" and person_id is not None:
        # A DM first met when its kind could not be told (Slack slow to say whose it was)
        # is one now: a ticket route to it dies with her role (a red team's, stop 52).
        row.person_id, row.kind = person_id, "direct"


async def set_role(session: AsyncSession, platform: str, user_id: str, role: Role,
                   now: datetime) -> PersonRow:
    """Give a person a role, creating their row if they have not spoken to the bot yet."""
    row = await find_or_add(session, lambda: find_person(session, platform, user_id),
                            lambda: PersonRow(platform=platform, user_id=user_id, created_at=now,
                                              display_name="", role=Role.TEACHER))
    row.role, row.admin_by = role, HAND if role == Role.ADMIN else None  # kept
    await session.flush()
    return row


async def person_by_id(session: AsyncSession, person_id: int | None) -> PersonRow | None:
    """A stored person by row id."""
    return await session.get(PersonRow, person_id) if person_id is not None else None
