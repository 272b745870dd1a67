"""Sending the core's replies back to where a Slack payload came from."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack import blockkit, modals
from adapters.slack.inbound import Where, ref_of
from adapters.slack.messenger import reason, retry_handlers
from bot.arrivals import Unsent
from bot.blocks import Form, Reply

log = logging.getLogger(__name__)
FAILURES = (SlackApiError, OSError, ClientError)  # OSError: timeouts and refused connects
# What Slack answers, with HTTP 200, when the fault is its own and passes (its docs: retry).
PASSING = {"internal_error", "fatal_error", "service_unavailable", "request_timeout",
           "ratelimited"}


class Undelivered(Unsent):
    """Slack could not take these replies just now (a 5xx or 429 past the client's
    retries, no connection, an error of its own): its arrival stays answered with them, and
    recovery sends them again; the replies that went out are not sent twice."""


def for_now(error: Exception) -> bool:
    """Whether a failed call may succeed later; a channel gone or a token revoked never will."""
    if isinstance(error, SlackApiError):
        status = int(getattr(error.response, "status_code", 200) or 200)
        return status == 429 or status >= 500 or reason(error) in PASSING
    return True


@dataclass
class Delivery:
    """Sends replies through the Web API and response_url, choosing per reply."""

    client: AsyncWebClient
    public_url: str = ""  # PREPBOT_PUBLIC_URL, for the core's relative image URLs

    def render(self, reply: Reply) -> blockkit.Json:
        """The reply as Block Kit arguments."""
        return blockkit.render(reply, self.public_url)

    async def send(self, replies: list[Reply], where: Where, in_response: bool = False) -> None:
        """Deliver each reply in order; a failed one is logged and the rest still go. If
        Slack could not take one just now, Undelivered is raised once all were tried."""
        later: list[Reply] = []
        for reply in replies:
            try:
                await self.send_one(reply, where, in_response)
            except Undelivered:
                later.append(reply)
            except FAILURES as error:
                log.warning("a Slack reply could not be delivered: %s", error)
                if for_now(error):
                    later.append(reply)
        if later:
            raise Undelivered(later)

    async def send_one(self, reply: Reply, where: Where, in_response: bool) -> None:
        """One reply: a reaction, a modal, an updated message, an ephemeral or a message.

        A form opens as a modal when the payload carried a trigger_id (a slash command or a
        click); otherwise (a typed command, a proactive DM) it is shown inside the message.
        """
        if reply.reaction:  # an emoji on the message being answered, not a message
            if where.channel and where.thread_ts:
                await self.client.reactions_add(channel=where.channel, name=reply.reaction,
                                                timestamp=where.thread_ts)
            return
        form = blockkit.form_of(reply)
        if form is not None and await self.open_form(form, where):
            return
        private = reply.private or where.ephemeral_only
        # A private reply never replaces a message everyone in the channel sees.
        if reply.replace_original and where.response_url and not (private and where.shared):
            await self.respond(where.response_url, reply, replace=True)
        elif where.response_url and (in_response or private):
            await self.respond(where.response_url, reply, ephemeral=private)
        elif where.channel and private:
            await self.client.chat_postEphemeral(channel=where.channel, user=where.user_id,
                                                 thread_ts=where.thread_ts or None,
                                                 **self.render(reply))
        elif where.channel:
            await self.client.chat_postMessage(channel=where.channel,
                                               thread_ts=where.thread_ts or None,
                                               **self.render(reply))
        else:  # App Home and modals have no channel: answer in the person's DM with the app
            await self.client.chat_postMessage(channel=where.user_id, **self.render(reply))

    async def respond(self, url: str, reply: Reply, *, replace: bool = False,
                      ephemeral: bool = False) -> None:
        """POST to a response_url (works in channels the bot is not in, and on ephemerals)."""
        webhook = AsyncWebhookClient(url, retry_handlers=retry_handlers())
        body = self.render(reply)
        if replace:
            response = await webhook.send(replace_original=True, **body)
        else:
            response = await webhook.send(replace_original=False,
                                          response_type="ephemeral" if ephemeral else "in_channel",
                                          **body)
        if response.status_code >= 400:
            log.warning("response_url answered %s", response.status_code)
        if response.status_code == 429 or response.status_code >= 500:
            raise Undelivered([reply])

    async def open_form(self, form: Form, where: Where) -> bool:
        """Open the form as a modal when Slack gave a trigger; False when it could not."""
        if not where.trigger_id:
            return False
        view = modals.modal(form, ref_of(where.channel, where.thread_ts) if where.channel
                            else "")
        try:
            await self.client.views_open(trigger_id=where.trigger_id, view=view)
            return True
        except SlackApiError as error:  # an expired trigger (over 3 s): shown inline instead
            log.info("views.open failed (%s); showing the form in the message", reason(error))
            return False
