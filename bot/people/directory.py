"""Find or record the person and conversation behind an incoming event."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.people.models import ConversationRow, PersonRow
from bot.roles import Role
from bot.vocabulary import Conversation, Person


async def find_person(session: AsyncSession, platform: str, user_id: str) -> PersonRow | None:
    """The stored person, or None."""
    query = select(PersonRow).where(PersonRow.platform == platform, PersonRow.user_id == user_id)
    return (await session.execute(query)).scalar_one_or_none()


async def remember_person(
    session: AsyncSession, person: Person, now: datetime, admins: frozenset[str]
) -> PersonRow:
    """The stored row for `person`, created on first sight; PREPBOT_ADMINS are made admins."""
    row = await find_person(session, person.platform, person.user_id)
    if row is None:
        row = PersonRow(platform=person.platform, user_id=person.user_id, created_at=now,
                        display_name=person.display_name, tz=person.tz, role=Role.TEACHER)
        session.add(row)
    if person.display_name:
        row.display_name = person.display_name
    if person.tz:
        row.tz = person.tz
    if person.key in admins:
        row.role = Role.ADMIN
    await session.flush()
    return row


async def remember_conversation(
    session: AsyncSession, conversation: Conversation, person_id: int | None, now: datetime
) -> None:
    """Store the latest adapter reference of a conversation, so the bot can message it later."""
    query = select(ConversationRow).where(ConversationRow.platform == conversation.platform,
                                          ConversationRow.conversation_id == conversation.id)
    row = (await session.execute(query)).scalar_one_or_none()
    if row is None:
        row = ConversationRow(platform=conversation.platform, conversation_id=conversation.id,
                              kind=conversation.kind, updated_at=now)
        session.add(row)
    if conversation.ref and conversation.ref != row.ref:
        row.ref = conversation.ref
        row.updated_at = now
    if conversation.kind == "direct" and person_id is not None:
        row.person_id = person_id


async def set_role(session: AsyncSession, platform: str, user_id: str, role: Role,
                   now: datetime) -> PersonRow:
    """Give a person a role, creating their row if they have not spoken to the bot yet."""
    row = await find_person(session, platform, user_id)
    if row is None:
        row = PersonRow(platform=platform, user_id=user_id, created_at=now)
        session.add(row)
    row.role = role
    await session.flush()
    return row


async def person_by_id(session: AsyncSession, person_id: int | None) -> PersonRow | None:
    """A stored person by row id."""
    return await session.get(PersonRow, person_id) if person_id is not None else None
