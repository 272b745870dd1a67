"""A signed webhook to a helpdesk (or the automation in front of it). The core signs the body
when it renders it; this only posts it. Any answer but a 2xx is retried by the ledger, with the
same Idempotency-Key, so the receiver can keep exactly one."""

from __future__ import annotations

from urllib.parse import urlsplit

from aiohttp import ClientError, ClientSession, ClientTimeout

from adapters.helpdesk.wire import headers_of
from bot.blocks import Reply
from bot.ports import Undeliverable
from bot.vocabulary import Conversation, Person

TIMEOUT = ClientTimeout(total=15)


class WebhookFailed(Exception):
    """The receiver did not take the webhook; the message names the host only (a URL's path
    may hold a token)."""


class WebhookMessenger:
    """The "webhook" platform: a post to a conversation is a POST to its id (a URL)."""

    platform = "webhook"

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """POST the signed body; raise for anything but a 2xx."""
        url = conversation.id
        host = urlsplit(url).hostname or "?"
        headers = dict(headers_of(reply))
        try:
            async with ClientSession(timeout=TIMEOUT) as session, session.post(
                    url, data=reply.text.encode(), headers=headers,
                    allow_redirects=False) as response:
                status = response.status
        except (ClientError, TimeoutError) as error:
            raise WebhookFailed(f"{host}: {type(error).__name__}") from None
        except ValueError as error:  # not a URL aiohttp can post to
            raise Undeliverable(f"{host}: not a usable URL") from error
        if not 200 <= status < 300:
            raise WebhookFailed(f"HTTP {status} from {host}")

    async def dm(self, person: Person, reply: Reply) -> None:
        """Helpdesks are reached by URL only."""
        raise Undeliverable("a webhook goes to a URL, not to a person")

    async def members(self, conversation: Conversation) -> list[Person]:
        """A URL has no members."""
        return []

    async def profile(self, person: Person) -> Person:
        """Nothing to look up."""
        return person
