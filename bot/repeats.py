"""A turn that must not run: a platform's retry of an event handled before, or a message
deleted where it was written before its turn ran."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.sealed import keyed
from bot.server_secret import ServerSecret
from bot.storage.idempotency import claim_event, handled_before
from bot.vocabulary import AnyIncoming, Message
from bot.withdrawals import taken_back


async def retried(session: AsyncSession, secret: ServerSecret, incoming: AnyIncoming,
                  now: datetime) -> bool:
    """Whether the incoming event was handled before; if not, it is claimed in `session`.
    Its id is kept hashed with the server secret (a plain key from before is still found)."""
    if not incoming.event_id:
        return False
    plain = f"{incoming.person.platform}:{incoming.event_id}"
    key = f"{incoming.person.platform}:{keyed(secret, incoming.event_id)}"
    return not await claim_event(session, key, now) or (
        key != plain and await handled_before(session, plain))


async def withdrawn(session: AsyncSession, incoming: AnyIncoming) -> bool:
    """Whether the incoming message was deleted before this turn ran: nothing of it is kept."""
    return isinstance(incoming, Message) and await taken_back(
        session, incoming.conversation, incoming.message_id)
