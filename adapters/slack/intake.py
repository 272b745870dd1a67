"""Slack's side of the inbox: store each payload before Slack hears "got it", then work it.

Slack never sends a slash command again once it got its 200, so a payload is written to the
core's inbox (bot/inbox.py) before the listener acknowledges it; the work that follows can
die with the process and is picked up on the next start, answered through the same
response_url or channel (`respond`, the Bot's responder for Slack).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import uuid
from collections.abc import Coroutine
from typing import Any

from slack_sdk.errors import SlackApiError

from adapters.slack.delivery import Delivery, Undelivered
from adapters.slack.home import language_reader
from adapters.slack.inbound import Where
from adapters.slack.messenger import SlackMessenger
from bot.app import Bot
from bot.arrivals import Arrival
from bot.blocks import Reply, Text
from bot.i18n import N_, _, speaking
from bot.vocabulary import AnyIncoming, Message, Person

log = logging.getLogger(__name__)
SLOW_SECONDS = 2.0  # after this long, tell the person we are still on it
WORKERS = 8  # answers worked on at once; more wait their turn (they are already stored)
WORKING = N_("Working on it…")


class Intake:
    """Accepts payloads into the inbox and works them, a bounded number at a time."""

    def __init__(self, bot: Bot, delivery: Delivery, messenger: SlackMessenger) -> None:
        self.bot, self.delivery, self.messenger = bot, delivery, messenger
        self.speaks_of = language_reader(bot.readers)
        self.running: set[asyncio.Task[None]] = set()
        self.workers = asyncio.Semaphore(WORKERS)
        bot.responders["slack"] = self.respond

    async def take(self, incoming: AnyIncoming, where: Where, in_response: bool = False
                   ) -> bool:
        """Store the payload (call before acknowledging it), then start its work; False when
        it was a repeat of one already taken."""
        key = incoming.event_id or f"once-{uuid.uuid4()}"
        incoming = dataclasses.replace(incoming, event_id=key)
        reply_to = json.dumps({"where": dataclasses.asdict(where), "in_response": in_response})
        arrival = await self.bot.inbox.accept(incoming, key, reply_to)
        if arrival is not None:
            self.spawn(self.work(arrival, where, in_response))
        return arrival is not None

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run work after the acknowledgement, remembered so shutdown can wait for it."""
        task = asyncio.create_task(work)
        self.running.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self.running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Slack work failed", exc_info=task.exception())

    async def work(self, arrival: Arrival, where: Where, in_response: bool) -> None:
        """Run the core (saying so when it is slow), deliver what it says, settle."""
        async with self.bot.inbox.held(arrival):  # however long a worker or Slack takes
            await self._work(arrival, where, in_response)

    async def _work(self, arrival: Arrival, where: Where, in_response: bool) -> None:
        answering = asyncio.ensure_future(self._answer(arrival))
        done, _pending = await asyncio.wait({answering}, timeout=SLOW_SECONDS)
        overheard = isinstance(arrival.incoming, Message) and arrival.incoming.heard != "addressed"
        if not done and not overheard:  # no "Working on it" to someone who did not ask
            with speaking(await self._speaks(arrival.incoming.person)):
                working = _(WORKING)
            with contextlib.suppress(Undelivered):  # only a courtesy: the answer matters
                await self.delivery.send([Reply(working, (Text(working),), private=True)],
                                         where)
        replies = await answering
        async with self.workers:
            try:
                await self.delivery.send(replies, where, in_response)
            except Undelivered as waiting:  # not settled: recovery sends what did not go
                log.warning("a Slack answer waits for Slack: sent again after its lease")
                await self.bot.inbox.unsent(arrival, waiting.replies)
                return
        self.bot.inbox.settle(arrival)

    async def _speaks(self, person: Person) -> str:
        """The person's language: chosen, else their Slack locale (users.info, cached)."""
        with contextlib.suppress(SlackApiError, OSError):  # unreachable: the bare id will do
            person = await self.messenger.profile(person)
        return await self.speaks_of(person)

    async def _answer(self, arrival: Arrival) -> list[Reply]:
        # A bounded number of answers at once: acknowledgements stay fast under a burst.
        async with self.workers:
            incoming = arrival.incoming
            try:
                person = await self.messenger.profile(incoming.person)
            except (SlackApiError, OSError):  # Slack unreachable: the bare user id will do
                person = incoming.person
            return await self.bot.handle(dataclasses.replace(incoming, person=person), arrival)

    async def respond(self, reply_to: str, replies: list[Reply]) -> None:
        """Answer an arrival worked after a restart, where its payload asked to be answered."""
        stored = json.loads(reply_to)
        await self.delivery.send(replies, Where(**stored["where"]), stored["in_response"])

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for taken work to finish and be settled (on shutdown, and in tests)."""
        while self.running:
            done, pending = await asyncio.wait(set(self.running), timeout=timeout)
            if not done:  # left to the lease: recovery works them again after a restart
                log.warning("%d Slack answers still running after %.0f s", len(pending), timeout)
                return
        await self.bot.inbox.drain()
