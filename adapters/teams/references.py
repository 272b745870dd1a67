"""Stored conversation references: read from the core's `conversations` table for botbuilder."""

from __future__ import annotations

import json

from botbuilder.schema import ConversationReference
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from adapters.teams.inbound import PLATFORM
from bot.people.models import ConversationRow, PersonRow


def load_reference(ref: str) -> ConversationReference:
    """A ConversationReference from the JSON this adapter stored."""
    return ConversationReference().deserialize(json.loads(ref))


async def personal_ref(sessions: async_sessionmaker[AsyncSession], user_id: str) -> str:
    """The latest personal-chat reference of a Teams user, or "" when they never wrote."""
    query = (select(ConversationRow.ref)
             .join(PersonRow, PersonRow.id == ConversationRow.person_id)
             .where(PersonRow.platform == PLATFORM, PersonRow.user_id == user_id,
                    ConversationRow.platform == PLATFORM, ConversationRow.kind == "direct",
                    ConversationRow.ref != "")
             .order_by(ConversationRow.updated_at.desc()).limit(1))
    async with sessions() as session:
        return (await session.execute(query)).scalar_one_or_none() or ""


async def conversation_ref(sessions: async_sessionmaker[AsyncSession],
                           conversation_id: str) -> str:
    """The stored reference of a conversation by its Teams id, or ""."""
    query = select(ConversationRow.ref).where(ConversationRow.platform == PLATFORM,
                                              ConversationRow.conversation_id == conversation_id)
    async with sessions() as session:
        return (await session.execute(query)).scalar_one_or_none() or ""


async def stored_person(sessions: async_sessionmaker[AsyncSession],
                        user_id: str) -> tuple[str, str | None] | None:
    """A Teams person's stored display name and time zone, or None."""
    query = select(PersonRow.display_name, PersonRow.tz).where(PersonRow.platform == PLATFORM,
                                                               PersonRow.user_id == user_id)
    async with sessions() as session:
        row = (await session.execute(query)).one_or_none()
    return (row[0], row[1]) if row is not None else None
