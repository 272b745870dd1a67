"""Messages their writers took back before their turn ran: deleted (any channel), or edited
(a help channel's posts and replies). Remembered by platform, channel and message id alone,
nobody's words, with the event ids and for as long, so a turn that runs later (still
running, or waiting to be worked again) keeps none of the words taken back."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.idempotency import ProcessedEvent, claim_event
from bot.vocabulary import Conversation

How = Literal["withdrawn", "edited"]


async def remember(session: AsyncSession, how: How, where: Conversation, message_id: str,
                   now: datetime) -> None:
    """A message deleted ("withdrawn") or edited by its writer."""
    if message_id:
        await claim_event(session, _key(how, where, message_id), now)


async def taken_back(session: AsyncSession, where: Conversation, message_id: str,
                     *hows: How) -> bool:
    """Whether its writer deleted (or, when asked, edited) this message already."""
    if not message_id:
        return False
    for how in hows or ("withdrawn",):
        found = await session.get(ProcessedEvent, _key(how, where, message_id))
        if found is not None:
            return True
    return False


def _key(how: How, where: Conversation, message_id: str) -> str:
    return f"{how}:{where.platform}:{where.channel_id}:{message_id}"[:255]
