"""One delivery sent to its platform: to whom it goes, and what came of it ("" when it went
out, else why not: REFUSED when the platform refused it for good, PERMANENT when the platform
is disconnected, STEPPED_DOWN when this process no longer leads and gives it back untried)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.blocks import Reply
from bot.ports import Messengers, Undeliverable
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Conversation, Person

log = logging.getLogger(__name__)
CONCURRENCY = 8
PERMANENT = "undeliverable: "  # the platform is gone (uninstalled): nothing about the target
REFUSED = "refused: "  # the platform refused this target for good (Undeliverable)
STEPPED_DOWN = "stepped down"  # not tried: given back, for the new leader to send

Leading = Callable[[], Awaitable[bool]]  # whether this process still leads
Send = Callable[[DeliveryRow, Reply], Awaitable[str]]


async def always_leading() -> bool:
    """A tick not run by the scheduler's leader (a turn's notices, the demo, a test)."""
    return True


def sender(messengers: Messengers, gone: dict[str, str], leading: Leading) -> Send:
    """A send of one message, CONCURRENCY at a time, never to a platform that is `gone`."""
    gate = asyncio.Semaphore(CONCURRENCY)

    async def send(row: DeliveryRow, reply: Reply) -> str:
        messenger = messengers.get(row.platform)
        if row.platform in gone:  # uninstalled: kept on record, never sent
            return PERMANENT + f"{row.platform} is disconnected ({gone[row.platform]})"
        if messenger is None:
            return f"no messenger for {row.platform}"
        person, conversation = target(row)
        async with gate:
            if not await leading():
                return STEPPED_DOWN
            try:
                if person is not None:
                    await messenger.dm(person, reply)
                elif conversation is not None:
                    await messenger.post(conversation, reply)
            except Undeliverable as error:  # retrying cannot help: record it at once
                return REFUSED + type(error).__name__ + f": {error}"[:200]
            except Exception as error:  # recorded in the ledger and retried
                log.warning("delivery %s failed: %s", row.id, type(error).__name__)
                return type(error).__name__ + f": {error}"[:200]
        return ""

    return send


def key(row: DeliveryRow) -> str:
    """The delivery's idempotency key, as the platform is asked whether it arrived."""
    return f"{row.job}/{row.occurrence}/{row.recipient}"


def target(row: DeliveryRow) -> tuple[Person | None, Conversation | None]:
    """Whom a delivery goes to: a person's DM, or a conversation (a channel)."""
    if row.conversation_id:
        return None, Conversation(platform=row.platform, id=row.conversation_id, kind="channel")
    user_id = row.recipient.partition(":")[2]
    return Person(platform=row.platform, user_id=user_id), None
