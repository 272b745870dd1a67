"""Recovery: the arrivals a crashed or failed turn left in the inbox, worked and answered."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime

from sqlalchemy.exc import SQLAlchemyError

from bot.arrivals import Arrival, Unsent
from bot.blocks import Reply
from bot.inbox import MAX_ATTEMPTS, Inbox, Responder
from bot.vocabulary import AnyIncoming

log = logging.getLogger(__name__)
Handle = Callable[[AnyIncoming, Arrival], Awaitable[list[Reply]]]


async def recover_left_over(inbox: Inbox, responders: Mapping[str, Responder], handle: Handle,
                            now: datetime) -> int:
    """Work each arrival left past its lease (or answer it from its stored replies) where
    its platform is mounted here; how many were answered."""
    count = 0
    for arrival, status, stored in await inbox.left_over(now, responders.keys()):
        respond = responders[arrival.incoming.person.platform]
        replies = stored if status == "answered" else await handle(arrival.incoming, arrival)
        if inbox.retrying(arrival):  # failed again: they were told it will be
            inbox.settle(arrival)  # not settled: only the mark goes
            continue
        try:
            await respond(arrival.reply_to, replies)
            count += 1
        except Exception as error:  # tried again once its lease has passed, a few times
            if isinstance(error, Unsent):  # what went out is not sent again (if this holds)
                with contextlib.suppress(SQLAlchemyError, OSError):
                    await inbox.unsent(arrival, error.replies)
            platform = arrival.incoming.person.platform
            if arrival.attempts < MAX_ATTEMPTS:
                log.warning("a recovered %s arrival could not be answered", platform,
                            exc_info=True)
                continue
            log.error("a recovered %s arrival could not be answered in %d tries: given up",
                      platform, arrival.attempts, exc_info=True)
        inbox.settle(arrival)
    await inbox.drain()
    return count
