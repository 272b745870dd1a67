"""Sending the core's replies back to where a Slack payload came from."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack import blockkit, modals
from adapters.slack.inbound import Where, ref_of
from adapters.slack.messenger import reason, retry_handlers
from bot.blocks import Button, Buttons, Form, Reply, Text
from bot.vocabulary import Command

log = logging.getLogger(__name__)
REOPEN_FORM = "prepbot.form"  # an adapter-owned button that re-runs a command with a trigger


@dataclass
class Delivery:
    """Sends replies through the Web API and response_url, choosing per reply."""

    client: AsyncWebClient

    async def send(self, replies: list[Reply], where: Where, origin: Command | None = None,
                   in_response: bool = False) -> None:
        """Deliver each reply in order; one failed reply is logged and the rest still go."""
        for reply in replies:
            try:
                await self.send_one(reply, where, origin, in_response)
            except (SlackApiError, OSError) as error:
                log.warning("a Slack reply could not be delivered: %s", error)

    async def send_one(self, reply: Reply, where: Where, origin: Command | None,
                       in_response: bool) -> None:
        """One reply: a modal, an updated message, an ephemeral or a normal message."""
        form = blockkit.form_of(reply)
        if form is not None:
            await self.open_form(form, reply, where, origin)
            return
        private = reply.private or where.ephemeral_only
        if reply.replace_original and where.response_url:
            await self.respond(where.response_url, reply, replace=True)
        elif where.response_url and (in_response or private):
            await self.respond(where.response_url, reply, ephemeral=private)
        elif where.channel and private:
            await self.client.chat_postEphemeral(channel=where.channel, user=where.user_id,
                                                 thread_ts=where.thread_ts or None,
                                                 **blockkit.render(reply))
        elif where.channel:
            await self.client.chat_postMessage(channel=where.channel,
                                               thread_ts=where.thread_ts or None,
                                               **blockkit.render(reply))
        else:  # App Home and modals have no channel: answer in the person's DM with the app
            await self.client.chat_postMessage(channel=where.user_id, **blockkit.render(reply))

    async def respond(self, url: str, reply: Reply, *, replace: bool = False,
                      ephemeral: bool = False) -> None:
        """POST to a response_url (works in channels the bot is not in, and on ephemerals)."""
        webhook = AsyncWebhookClient(url, retry_handlers=retry_handlers())
        body = blockkit.render(reply)
        if replace:
            response = await webhook.send(replace_original=True, **body)
        else:
            response = await webhook.send(replace_original=False,
                                          response_type="ephemeral" if ephemeral else "in_channel",
                                          **body)
        if response.status_code >= 400:
            log.warning("response_url answered %s", response.status_code)

    async def open_form(self, form: Form, reply: Reply, where: Where,
                        origin: Command | None) -> None:
        """A modal when Slack gave a trigger; otherwise a button that opens it."""
        if where.trigger_id:
            view = modals.modal(form, ref_of(where.channel, where.thread_ts) if where.channel
                                else "")
            try:
                await self.client.views_open(trigger_id=where.trigger_id, view=view)
                return
            except SlackApiError as error:  # an expired trigger (over 3 s): fall back below
                log.info("views.open failed (%s); offering a button", reason(error))
        await self.send_one(form_button(form, origin), where, None, in_response=False)


def form_button(form: Form, origin: Command | None) -> Reply:
    """A message offering the form: a typed command has no trigger to open a modal with."""
    text = f"{form.title}: click to fill in the form."
    if origin is None:
        return Reply(f"{form.title}: please use the slash command again.", private=True)
    value = json.dumps({"command": origin.name, "text": origin.text[:1500]})
    button = Button(f"Open: {form.title}"[:75], REOPEN_FORM, value, style="primary")
    return Reply(text, (Text(text), Buttons((button,))), private=True)
