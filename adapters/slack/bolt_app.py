"""The slack-bolt AsyncApp: each Slack payload is stored, acknowledged, then worked by the core.

Every listener writes its payload to the inbox before it acknowledges (adapters/slack/
intake.py), so nothing Slack was told "got it" can be lost. Payloads prepbot does not act
on (other events, other apps' shortcuts, legacy dialogs, option lists) are acknowledged and
ignored: a 404 would make Slack count a failed delivery and send it again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import home, inbound, revisions
from adapters.slack.blockkit import SUBMIT_FORM
from adapters.slack.delivery import Delivery, Undelivered
from adapters.slack.files import SlackFiles
from adapters.slack.inbound import Payload, Where
from adapters.slack.intake import Intake
from adapters.slack.messenger import SlackMessenger
from adapters.slack.places import LEFT, Places
from bot.app import Bot
from bot.blocks import Reply, Text
from bot.i18n import N_, _, join, speaking
from bot.vocabulary import Command, Incoming, Person

log = logging.getLogger(__name__)
Ack = Callable[..., Awaitable[None]]
ANY = re.compile(r".*")
In = TypeVar("In", bound=Incoming)
NOT_TAKEN = N_("Sorry, I couldn't take that just now, so nothing was saved. Please try again "
               "in a minute.")
GONE = ("app_uninstalled", "tokens_revoked")


def once(incoming: In, req: AsyncBoltRequest) -> In:
    """Slack gives commands and clicks no event id, and never retries them: the same signed
    request again is a replay, so its signature becomes the id the core drops repeats by."""
    signature = req.headers.get("x-slack-signature") or []
    if incoming.event_id or not signature:
        return incoming  # over Socket Mode there is no signature, and no way in to replay
    key = hashlib.sha256(signature[0].encode()).hexdigest()[:40]
    return dataclasses.replace(incoming, event_id=f"request-{key}")


def sent_at(body: Payload) -> float | None:
    """When Slack says an event happened: its envelope's `event_time`, else the event's own
    `event_ts` or `ts` (epoch seconds)."""
    event = body.get("event") or {}
    for at in (body.get("event_time"), event.get("event_ts"), event.get("ts")):
        if isinstance(at, int | float | str):
            with contextlib.suppress(ValueError):
                return float(at)
    return None


class NotFollowed(Exception):
    """An edit or deletion the database could not take now: answered 500, sent again."""


class SlackAdapter:
    """Holds the bolt app, the core, and the intake that stores and works each payload."""

    def __init__(self, bot: Bot, client: AsyncWebClient, signing_secret: str,
                 public_url: str = "") -> None:
        self.bot = bot
        self.client = client
        self.public_url = public_url
        self.messenger = SlackMessenger(client, public_url)
        self.delivery = Delivery(client, public_url)
        self.intake = Intake(bot, self.delivery, self.messenger)
        self.speaks_of = home.language_reader(bot.readers)
        self.places = Places(client)
        bot.attachments.add(SlackFiles(client))  # files shared with a message
        # Settings are passed in explicitly: bolt would otherwise read os.environ itself.
        # Requests are verified once, by http.py on the raw bytes before anything parses them
        # (Socket Mode needs no signature), so bolt's own check is off.
        # process_before_response: each listener stores, acks and spawns its work, so bolt
        # answers at once instead of polling every 10 ms for the ack.
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
        for name in GONE:
            app.event(name)(self.on_gone)
        for name in LEFT:
            app.event(name)(self.on_left)
        app.command(re.compile(r"^/.+"))(self.on_command)
        app.action(ANY)(self.on_action)
        app.view_submission(ANY)(self.on_submission)
        app.view_closed(ANY)(self.ignore)
        app.shortcut(inbound.TICKET_SHORTCUT)(self.on_shortcut)
        # What prepbot does not act on is acknowledged, never left to bolt's 404.
        app.event(ANY)(self.ignore)
        app.shortcut(ANY)(self.ignore)
        app.options(ANY)(self.no_options)
        app.dialog_submission(ANY)(self.ignore)
        app.dialog_cancellation(ANY)(self.ignore)

    @property
    def running(self) -> set[Any]:
        """Work taken and not finished yet."""
        return self.intake.running

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for taken work to finish (on shutdown, and in tests)."""
        await self.intake.drain(timeout)

    async def ignore(self, ack: Ack, body: Payload) -> None:
        """A payload prepbot has no use for: acknowledged, noted at debug level."""
        await ack()
        log.debug("ignored a Slack %s payload", body.get("type"))

    async def no_options(self, ack: Ack) -> None:
        """An external select asking for options: there are none."""
        await ack(options=[])

    async def on_gone(self, ack: Ack, body: Payload) -> None:
        """The app was uninstalled or its tokens revoked: stop sending there, keep the data."""
        await ack()
        reason = str((body.get("event") or {}).get("type", "app_uninstalled"))
        await self.bot.disconnect("slack", reason)

    async def on_left(self, ack: Ack, body: Payload) -> None:
        """prepbot was removed from a channel, or the channel archived: it may not post there
        (what was routed there goes to the admins: bot/rerouting.py)."""
        await ack()
        self.places.left(str((body.get("event") or {}).get("channel", "")), sent_at(body))

    async def on_message(self, body: Payload, context: Any) -> None:
        """`message.im`: a DM typed to the bot (stored before bolt acknowledges it);
        `message.channels`/`.groups`: read in a channel, kept only if a feature wants it."""
        found = (inbound.direct_message(body, context.bot_user_id)
                 or inbound.overheard(body, context.bot_user_id))
        if found is None:
            revision = revisions.revision(body)
            # A kept help-channel question follows its writer; if it cannot now, bolt's 500
            # has Slack send the edit or deletion again.
            if revision is not None and not await self.bot.revised(revision):
                raise NotFollowed
            return
        message, where = found
        if message.conversation.kind == "direct":
            self.places.heard_dm(message.person.user_id, message.conversation.id)
        else:
            self.places.heard_in(message.conversation.channel_id, sent_at(body))
        if message.heard != "addressed" and not await self.bot.overhears(message):
            return  # not a help channel: nothing of it is stored
        await self.intake.take(self.bot.command_from_text(message), where)

    async def on_mention(self, body: Payload, context: Any) -> None:
        """`app_mention`: answered in the thread of the mention."""
        found = inbound.mention(body, context.bot_user_id)
        if found is not None:
            message, where = found
            await self.intake.take(self.bot.command_from_text(message), where)

    async def on_reaction(self, body: Payload) -> None:
        """`reaction_added`: a 🎫 on a message opens a ticket from that message's text (read
        first, so what is stored is the ticket; Slack sends the event again if this is slow)."""
        found = inbound.reaction(body)
        if found is None:
            return
        channel, ts, user_id, event_id = found
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
        await self.intake.take(command, where)

    async def on_home(self, body: Payload) -> None:
        """`app_home_opened`: publish the Home tab for this person (nothing to store)."""
        event = body.get("event") or {}
        if event.get("tab") == "home" and event.get("user"):
            self.intake.spawn(self.publish_home(str(event["user"]),
                                                str(event.get("channel") or "")))

    async def publish_home(self, user_id: str, channel: str) -> None:
        """Build and publish one person's Home tab."""
        who = await self.messenger.profile(inbound.person(user_id))
        where = inbound.conversation(channel or user_id, True)
        view = await home.home_view(who, where, self.bot.handle,
                                    home.role_reader(self.bot.readers), self.public_url,
                                    home.language_reader(self.bot.readers))
        await self.client.views_publish(user_id=user_id, view=view)

    async def on_command(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """A slash command: stored, then acknowledged with nothing (or with why it could not
        be taken); answered through its response_url."""
        command, where = await self.placed(*inbound.command(body))
        try:
            await self.intake.take(once(command, req), where, in_response=True)
        except Exception:  # the database is out of reach: say so now, Slack never resends
            log.exception("a slash command could not be stored")
            # Their language is stored in the database that is out of reach, and a command's
            # payload carries no locale: the default language is all there is to go on.
            await ack(text=_(NOT_TAKEN))
            return
        await ack()

    async def placed(self, incoming: In, where: Where) -> tuple[In, Where]:
        """What a person did where prepbot is not (a DM with a colleague, which Slack names
        "directmessage" as it does theirs with prepbot; a group DM; a private channel it was
        not invited to) is done among others, and answered to them alone: where Slack allows
        (response_url, ephemeral) or in their own DM with prepbot (a red team's, stop 44, had
        answers in a colleague's DM reach the colleague)."""
        place = incoming.conversation
        if place.kind == "direct" and place.id.startswith("D") and not (
                await self.places.in_own_dm(incoming.person.user_id, place.id)):
            incoming = inbound.among_others(incoming)
        elif place.kind == "channel" and isinstance(incoming, Command) and not (
                await self.places.in_channel(place.channel_id)):
            incoming = inbound.among_others(incoming)  # a public channel it was never added to
        if incoming.conversation.kind != "between_people":
            return incoming, where
        return incoming, dataclasses.replace(
            where, channel="", thread_ts="", ephemeral_only=True, shared=True)

    async def on_action(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """A button click or radio choice."""
        found = inbound.action(body)
        if found is None:
            await ack()
            return
        action, where = await self.placed(once(found[0], req), found[1])
        if action.action_id == SUBMIT_FORM:  # a form shown inside a message was submitted
            await self.submit_inline(body, req)
        else:
            await self.intake.take(action, where)
        await ack()

    async def submit_inline(self, body: Payload, req: AsyncBoltRequest) -> None:
        """Take a message form's Submit as the Submission its modal would have given."""
        found = inbound.form_submission(body)
        if found is None:
            return
        submission, where, missing = found
        submission, where = await self.placed(submission, where)
        if missing:  # what a modal would have refused to submit
            self.intake.spawn(self.ask_to_fill(submission.person, where, missing))
            return
        await self.intake.take(once(submission, req), where)

    async def ask_to_fill(self, person: Person, where: Where, missing: list[str]) -> None:
        """Ask, in the person's language, for the required fields left empty (named by their
        labels, already in that language); run after the acknowledgement: it reads the
        database."""
        with speaking(await self.speaks_of(person)):  # no full stop: a label may end in "?"
            text = _("Please fill in: {fields}").format(fields=join(missing))
        with contextlib.suppress(Undelivered):  # they can press Submit again
            await self.delivery.send([Reply(text, (Text(text, markdown=False),), private=True)],
                                     where)

    async def on_submission(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """A modal was submitted: stored, the modal closed, answered where it was opened."""
        submission, where = await self.placed(*inbound.submission(body))
        await self.intake.take(once(submission, req), where)
        await ack()

    async def on_shortcut(self, ack: Ack, body: Payload, req: AsyncBoltRequest) -> None:
        """"Open a ticket from this message"."""
        command, where = await self.placed(*inbound.shortcut(body))
        await self.intake.take(once(command, req), where, in_response=True)
        await ack()

    async def running_ctx(self, _: object) -> AsyncIterator[None]:
        """An aiohttp cleanup context: on shutdown, let taken work finish."""
        yield
        with contextlib.suppress(Exception):
            await self.drain()
