"""The slack-bolt AsyncApp: each Slack payload is acknowledged first, then run through the core."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import home, inbound
from adapters.slack.blockkit import SUBMIT_FORM
from adapters.slack.delivery import Delivery
from adapters.slack.inbound import Payload, Where
from adapters.slack.messenger import SlackMessenger
from bot.app import Bot
from bot.blocks import Reply, Text
from bot.vocabulary import AnyIncoming, Incoming

log = logging.getLogger(__name__)
SLOW_SECONDS = 2.0  # after this long, tell the person we are still on it
WORKERS = 8  # answers worked on at once; more wait their turn (they are already acknowledged)
WORKING = "Working on it…"
Ack = Callable[..., Awaitable[None]]
ANY = re.compile(r".*")
In = TypeVar("In", bound=Incoming)


def once(incoming: In, req: AsyncBoltRequest) -> In:
    """Slack gives commands and clicks no event id, and never retries them: the same signed
    request again is a replay, so its signature becomes the id the core drops repeats by."""
    signature = req.headers.get("x-slack-signature") or []
    if incoming.event_id or not signature:
        return incoming  # over Socket Mode there is no signature, and no way in to replay
    key = hashlib.sha256(signature[0].encode()).hexdigest()[:40]
    return dataclasses.replace(incoming, event_id=f"request-{key}")


class SlackAdapter:
    """Holds the bolt app, the core, and the work still running after an acknowledgement."""

    def __init__(self, bot: Bot, client: AsyncWebClient, signing_secret: str,
                 public_url: str = "") -> None:
        self.bot = bot
        self.client = client
        self.public_url = public_url
        self.messenger = SlackMessenger(client, public_url)
        self.delivery = Delivery(client, public_url)
        self.running: set[asyncio.Task[None]] = set()
        self.workers = asyncio.Semaphore(WORKERS)
        # Settings are passed in explicitly: bolt would otherwise read os.environ itself.
        # Requests are verified once, by http.py on the raw bytes before anything parses them
        # (Socket Mode needs no signature), so bolt's own check is off.
        # process_before_response: each listener only acks and spawns its work (see spawn),
        # so bolt answers at once instead of polling every 10 ms for the ack.
        self.app = AsyncApp(client=client, signing_secret=signing_secret,
                            request_verification_enabled=False,
                            process_before_response=True, logger=log)
        self._listen()

    def _listen(self) -> None:
        app = self.app
        app.event("message")(self.on_message)
        app.event("app_mention")(self.on_mention)
        app.event("app_home_opened")(self.on_home)
        app.event("reaction_added")(self.on_reaction)
        app.command(re.compile(r"^/.+"))(self.on_command)
        app.action(ANY)(self.on_action)
        app.view_submission(ANY)(self.on_submission)
        app.view_closed(ANY)(self.on_closed)
        app.shortcut(inbound.TICKET_SHORTCUT)(self.on_shortcut)

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run work after the acknowledgement, remembered so shutdown can wait for it."""
        task = asyncio.create_task(work)
        self.running.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self.running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Slack work failed", exc_info=task.exception())

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for acknowledged work to finish (on shutdown, and in tests)."""
        while self.running:
            done, _ = await asyncio.wait(set(self.running), timeout=timeout)
            if not done:
                return

    async def run(self, incoming: AnyIncoming, where: Where, in_response: bool = False) -> None:
        """Run the core (saying so when it is slow) and deliver what it says."""
        work = asyncio.ensure_future(self._answer(incoming))
        done, _ = await asyncio.wait({work}, timeout=SLOW_SECONDS)
        if not done:
            await self.delivery.send([Reply(WORKING, (Text(WORKING),), private=True)], where)
        replies = await work
        async with self.workers:
            await self.delivery.send(replies, where, in_response)

    async def _answer(self, incoming: AnyIncoming) -> list[Reply]:
        # A bounded number of answers at once: acknowledgements stay fast under a burst.
        async with self.workers:
            try:
                person = await self.messenger.profile(incoming.person)
            except (SlackApiError, OSError):  # Slack unreachable: the bare user id will do
                person = incoming.person
            return await self.bot.handle(dataclasses.replace(incoming, person=person))

    async def on_message(self, body: Payload, context: Any) -> None:
        """`message.im`: a DM typed to the bot (events are acknowledged by bolt)."""
        found = inbound.direct_message(body, context.bot_user_id)
        if found is not None:
            message, where = found
            self.spawn(self.run(self.bot.command_from_text(message), where))

    async def on_mention(self, body: Payload, context: Any) -> None:
        """`app_mention`: answered in the thread of the mention."""
        found = inbound.mention(body, context.bot_user_id)
        if found is not None:
            message, where = found
            self.spawn(self.run(self.bot.command_from_text(message), where))

    async def on_reaction(self, body: Payload) -> None:
        """`reaction_added`: a 🎫 on a message opens a ticket from that message's text."""
        found = inbound.reaction(body)
        if found is not None:
            self.spawn(self.ticket_from_reaction(*found))

    async def ticket_from_reaction(self, channel: str, ts: str, user_id: str,
                                   event_id: str | None) -> None:
        """Read the reacted-to message, then run it as `/ticket <text>`."""
        try:
            page = await self.client.conversations_history(channel=channel, latest=ts,
                                                           inclusive=True, limit=1)
        except SlackApiError:
            log.warning("could not read the message a ticket reaction was on")
            return
        messages = page.get("messages") or []
        if not messages or messages[0].get("ts") != ts:
            return  # a thread reply or a deleted message: nothing to carry over
        command, where = inbound.reaction_ticket(channel, user_id,
                                                 str(messages[0].get("text", "")), event_id)
        await self.run(command, where)

    async def on_home(self, body: Payload) -> None:
        """`app_home_opened`: publish the Home tab for this person."""
        event = body.get("event") or {}
        if event.get("tab") == "home" and event.get("user"):
            self.spawn(self.publish_home(str(event["user"]), str(event.get("channel") or "")))

    async def publish_home(self, user_id: str, channel: str) -> None:
        """Build and publish one person's Home tab."""
        who = await self.messenger.profile(inbound.person(user_id))
        where = inbound.conversation(channel or user_id, True)
        view = await home.home_view(who, where, self.bot.handle,
                                    home.role_reader(self.bot.sessions), self.public_url)
        await self.client.views_publish(user_id=user_id, view=view)

    async def on_command(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """A slash command: acknowledge with nothing, answer through its response_url."""
        await ack()
        command, where = inbound.command(body)
        self.spawn(self.run(once(command, req), where, in_response=True))

    async def on_action(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """A button click or radio choice."""
        await ack()
        found = inbound.action(body)
        if found is None:
            return
        action, where = once(found[0], req), found[1]
        if action.action_id == SUBMIT_FORM:  # a form shown inside a message was submitted
            self.spawn(self.submit_inline(body, req))
            return
        self.spawn(self.run(action, where))

    async def submit_inline(self, body: Payload, req: AsyncBoltRequest) -> None:
        """Run a message form's Submit as the Submission its modal would have given."""
        found = inbound.form_submission(body)
        if found is None:
            return
        submission, where, missing = found
        if missing:  # what a modal would have refused to submit
            text = "Please fill in: " + ", ".join(missing) + "."
            await self.delivery.send([Reply(text, (Text(text, markdown=False),), private=True)],
                                     where)
            return
        await self.run(once(submission, req), where)

    async def on_submission(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """A modal was submitted: close it at once, then answer where it was opened."""
        await ack()
        submission, where = inbound.submission(body)
        self.spawn(self.run(once(submission, req), where))

    async def on_closed(self, ack: Ack) -> None:
        """A modal was cancelled: nothing to do."""
        await ack()

    async def on_shortcut(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """"Open a ticket from this message"."""
        await ack()
        command, where = inbound.shortcut(body)
        self.spawn(self.run(once(command, req), where, in_response=True))

    async def running_ctx(self, _: object) -> AsyncIterator[None]:
        """An aiohttp cleanup context: on shutdown, let acknowledged work finish."""
        yield
        with contextlib.suppress(Exception):
            await self.drain()

