"""One turn: an activity in; the core's replies out as new cards, card updates or invoke answers."""

from __future__ import annotations

import dataclasses
import json
import logging
import uuid
from http import HTTPStatus
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes
from sqlalchemy.exc import SQLAlchemyError

from adapters.teams import cards, inbound
from adapters.teams.private import is_shared, pointer, send_privately
from bot import texts
from bot.app import Bot
from bot.arrivals import Arrival
from bot.blocks import Reply, Text
from bot.i18n import _, speaking
from bot.vocabulary import AnyIncoming, Message, Person

log = logging.getLogger(__name__)
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"


def to_activity(reply: Reply, public_url: str = "") -> Activity:
    """A core reply as a botbuilder Activity (relative image URLs get PREPBOT_PUBLIC_URL)."""
    return Activity().deserialize(cards.render(reply, public_url))


def incoming_of(activity: Activity) -> AnyIncoming | None:
    """The core's incoming event for an activity this adapter handles, else None."""
    if activity.type == ActivityTypes.message:
        return inbound.from_message(activity)
    if activity.type == ActivityTypes.invoke and activity.name == inbound.EXECUTE:
        return inbound.from_execute(activity)
    if activity.type in ("conversationUpdate", "installationUpdate"):
        return inbound.greeting(activity) if inbound.bot_was_added(activity) else None
    return None


class ActivityBot:
    """botbuilder's turn callback, holding the core Bot (it inherits from nothing)."""

    def __init__(self, bot: Bot, public_url: str = "", app_id: str = "") -> None:
        self.bot = bot
        self.public_url = public_url
        self.app_id = app_id  # without one (emulator mode) no 1:1 chat can be opened

    async def on_turn(self, context: TurnContext, incoming: AnyIncoming | None) -> None:
        """Store the (already translated) activity in the inbox, let the core handle it, and
        answer in Teams' way; a crash after the store is answered on the next start."""
        activity = context.activity
        overheard = isinstance(incoming, Message) and incoming.heard != "addressed"
        replies: list[Reply] = []
        try:
            if isinstance(incoming, Message):
                wanted = not overheard or await self.bot.overhears(incoming)
                incoming = self.bot.command_from_text(incoming, bare_words=True) \
                    if wanted else None
            arrival = await self._take(incoming) if incoming is not None else None
        except (SQLAlchemyError, OSError):  # not stored: say so now, or it is lost unsaid
            log.warning("a Teams %s could not be stored", activity.type, exc_info=True)
            arrival = None
            if incoming is not None and not overheard:  # nobody asked an overheard post
                replies = [not_saved(incoming.person)]
        async with self.bot.inbox.held(arrival):  # however long the turn and Teams take
            if arrival is not None:
                replies = await self.bot.handle(arrival.incoming, arrival)
            if activity.type == ActivityTypes.invoke:
                await self.answer_execute(context, replies)
            else:
                await self.send(context, replies, overheard)
        if arrival is not None:
            self.bot.inbox.settle(arrival)

    async def _take(self, incoming: AnyIncoming) -> Arrival | None:
        """Written down before the turn runs (None: Teams sent this activity before)."""
        key = incoming.event_id or f"once-{uuid.uuid4()}"
        incoming = dataclasses.replace(incoming, event_id=key)
        reply_to = json.dumps({"ref": incoming.conversation.ref,
                               "user": incoming.person.user_id,
                               "shared": incoming.conversation.kind != "direct"})
        return await self.bot.inbox.accept(incoming, key, reply_to)

    async def send(self, context: TurnContext, replies: list[Reply],
                   overheard: bool = False) -> None:
        """Each reply as a new message, or as an update of the card the person acted on;
        private replies in a channel or group chat go to the person's 1:1 chat (for a message
        overheard in a channel, with no line left in its thread). A bot cannot react to a
        Teams message, so a reaction is not sent."""
        replies = [r for r in replies if not r.reaction]
        card_id = context.activity.reply_to_id if context.activity.value is not None else None
        # Where others read, a private reply never replaces the card clicked: everyone sees it.
        private = [r for r in replies if r.private] if is_shared(context.activity) else []
        if private:  # without an app id (the emulator) no 1:1 chat opens: withheld, not shown
            delivered = bool(self.app_id) and await send_privately(
                context, self.app_id, [to_activity(r, self.public_url) for r in private])
            replies = [r for r in replies if r not in private]
            if not overheard:  # nobody in a help thread asked for it: no line left there
                note = pointer(context.activity, delivered)
                replies.append(Reply(note, (Text(note),)))
        if overheard:  # read in a channel: only a public answer ever goes in its thread
            replies = [r for r in replies if not r.private]
        for reply in replies:
            activity = to_activity(reply, self.public_url)
            if reply.replace_original and card_id:
                activity.id = card_id
                await context.update_activity(activity)
            else:
                await context.send_activity(activity)

    async def answer_execute(self, context: TurnContext, replies: list[Reply]) -> None:
        """Action.Execute wants an invoke response: the updated card, or a short message."""
        body: dict[str, Any] = {"statusCode": 200, "type": MESSAGE_RESPONSE, "value": ""}
        rest = list(replies)
        shared = is_shared(context.activity)
        replacing = next((r for r in replies if r.replace_original and r.blocks
                          and not (r.private and shared)), None)
        if replacing is not None:
            rest.remove(replacing)
            body = {"statusCode": 200, "type": cards.CARD_TYPE,
                    "value": cards.render_card(replacing, self.public_url)}
        await self.send(context, rest)
        await context.send_activity(Activity(
            type=ActivityTypes.invoke_response,
            value=InvokeResponse(status=HTTPStatus.OK, body=body)))


def not_saved(person: Person) -> Reply:
    """"Nothing was saved, please try again", in the person's language."""
    with speaking(person.locale):
        said = _(texts.SAVE_FAILED)
    return Reply(said, (Text(said),), private=True)


async def on_turn_error(context: TurnContext, error: Exception) -> None:
    """A failed send is logged, not retried by Teams: the core has already committed the turn."""
    log.error("Teams turn failed (%s activity): %s", context.activity.type,
              type(error).__name__, exc_info=error)
