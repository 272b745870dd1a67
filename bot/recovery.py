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
from bot.vocabulary import AnyIncoming, Person

log = logging.getLogger(__name__)
Handle = Callable[[AnyIncoming, Arrival], Awaitable[list[Reply]]]
StillStaff = Callable[[Person], Awaitable[bool]]


async def recover_left_over(inbox: Inbox, responders: Mapping[str, Responder], handle: Handle,
                            now: datetime, still_staff: StillStaff) -> int:
    """Work each arrival left past its lease (or answer it from its stored replies) where
    its platform is mounted here; how many were answered. Replies built for a coach go only
    to someone who still is one (a red team's, stop 52)."""
    count = 0
    for arrival, status, stored in await inbox.left_over(now, responders.keys()):
        if status == "answered" and arrival.staff:
            try:
                coaches = await still_staff(arrival.incoming.person)
            except (SQLAlchemyError, OSError):
                continue  # asked again once its lease has passed
            if not coaches:
                log.info("a recovered arrival's replies were for a coach who no longer is "
                         "one: dropped")
                inbox.settle(arrival)
                continue
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
