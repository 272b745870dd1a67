"""The core's Messenger port on Slack: DMs, channel posts, members and profiles."""

from __future__ import annotations

import dataclasses
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import blockkit
from adapters.slack.inbound import PLATFORM, read_ref
from bot.blocks import Reply
from bot.ports import Undeliverable
from bot.vocabulary import Conversation, Person

log = logging.getLogger(__name__)
PROFILE_SECONDS = 3600.0  # names and time zones change rarely; an hour keeps users.info quiet
PROFILE_CACHE = 5000
PAGE = 200  # people per conversations.members or users.list page (Slack's recommended maximum)
LIST_PAGE = 1000  # channels per conversations.list page (Slack's maximum)
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
GONE = {"channel_not_found", "not_in_channel"}  # a channel whose members we cannot read
# What Slack answers when prepbot may never post there: removed from the channel or the
# channel archived; the person's account gone. Trying again for days cannot help; the core
# tells the admins instead (bot/rerouting.py). Never an answer about prepbot's own token
# ("account_inactive", "invalid_auth": a red team's, stop 54, had one take a route away).
SHUT_CHANNEL = GONE | {"is_archived", "restricted_action"}
SHUT_PERSON = {"user_not_found", "user_disabled", "cannot_dm_bot"}
RECENT = 100  # how far back `delivered` looks: a crash strands at most one batch
DELIVERY_EVENT = "prepbot_delivery"


def reason(error: SlackApiError) -> str:
    """Slack's error code for a failed call (or the HTTP status when the body was not JSON)."""
    data = error.response.data
    return str(data.get("error")) if isinstance(data, dict) else str(error.response.status_code)


@contextmanager
def shut_out(never: set[str]) -> Iterator[None]:
    """Slack's "never here" answers as the core's Undeliverable; any other error as it is."""
    try:
        yield
    except SlackApiError as error:
        if reason(error) not in never:
            raise
        raise Undeliverable(reason(error)) from error


def retry_handlers() -> list[AsyncRetryHandler]:
    """Retries for every Slack call: 429 after Retry-After, 5xx and dropped connections."""
    return [AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=5),
            AsyncServerErrorRetryHandler(max_retry_count=2)]


def make_client(token: str, base_url: str) -> AsyncWebClient:
    """A Web API client on SLACK_API_URL (it needs its trailing slash) with the retries."""
    url = base_url if base_url.endswith("/") else base_url + "/"
    return AsyncWebClient(token=token, base_url=url, retry_handlers=retry_handlers())


class SlackMessenger:
    """How the core speaks first on Slack; profiles are cached in memory for an hour."""

    platform = PLATFORM

    def __init__(self, client: AsyncWebClient, public_url: str = "") -> None:
        self.client = client
        self.public_url = public_url  # PREPBOT_PUBLIC_URL: chart URLs from the core are relative
        # user id -> (when read, person, is a bot or deactivated)
        self._profiles: OrderedDict[str, tuple[float, Person, bool]] = OrderedDict()

    async def dm(self, person: Person, reply: Reply) -> None:
        """Open (or find) the IM with a person and post there."""
        with shut_out(SHUT_PERSON):
            await self._post(await self._im(person), reply)

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Post to a channel's root: a triage card must not be buried in an old thread."""
        with shut_out(SHUT_CHANNEL):
            await self._post(await self.channel_id(conversation), reply)

    async def channel_id(self, conversation: Conversation) -> str:
        """The channel id; a name (`#nearpod-pilot` typed into a form) is looked up."""
        channel, _ = read_ref(conversation.ref)
        given = channel or conversation.id
        if CHANNEL_ID.match(given):
            return given
        wanted = given.lstrip("#").lower()
        async for page in await self.client.conversations_list(  # slack_sdk follows the cursor
                types="public_channel,private_channel", exclude_archived=True, limit=LIST_PAGE):
            for found in page.get("channels") or []:
                if found.get("name") == wanted:
                    return str(found["id"])
        return given  # unknown: Slack answers channel_not_found (see members)

    async def _im(self, person: Person) -> str:
        opened = await self.client.conversations_open(users=person.user_id)
        return str(opened["channel"]["id"])

    async def _post(self, channel: str, reply: Reply) -> None:
        # The scheduler's delivery key rides along as message metadata, so after a crash
        # `delivered` can ask Slack whether this very message already arrived.
        metadata = ({"event_type": DELIVERY_EVENT, "event_payload": {"key": reply.key}}
                    if reply.key else None)
        await self.client.chat_postMessage(channel=channel, metadata=metadata,
                                           **blockkit.render(reply, self.public_url))

    async def delivered(self, person: Person | None, conversation: Conversation | None,
                        key: str) -> bool | None:
        """Whether a message stamped with `key` is among the conversation's recent messages."""
        try:
            if person is not None:
                channel = await self._im(person)
            elif conversation is not None:
                channel = read_ref(conversation.ref)[0] or conversation.id
            else:
                return None
            history = await self.client.conversations_history(
                channel=channel, limit=RECENT, include_all_metadata=True)
        except SlackApiError:
            return None  # cannot tell: the dispatcher sends again rather than never
        messages: list[dict[str, Any]] = history.get("messages") or []
        return any(((m.get("metadata") or {}).get("event_payload") or {}).get("key") == key
                   for m in messages)

    async def members(self, conversation: Conversation) -> list[Person]:
        """Every member of a channel (all pages) but bots and deactivated users.

        Guests (single- and multi-channel) come marked as guests: the core leaves them out of
        check-ins and surveys unless a coach adds them. A channel Slack will not show us has no
        one we can reach: the core then says so ("is the bot a member?") instead of failing.
        """
        try:
            return await self._members(await self.channel_id(conversation))
        except SlackApiError as error:
            if reason(error) not in GONE:
                raise
            log.info("members of %s: %s", conversation.id, reason(error))
            return []

    async def _members(self, channel: str) -> list[Person]:
        people: list[Person] = []
        async for page in await self.client.conversations_members(channel=channel, limit=PAGE):
            user_ids: list[str] = page.get("members", [])
            for user_id in user_ids:
                found, unreachable = await self._lookup(Person(platform=PLATFORM,
                                                                user_id=user_id))
                if not unreachable:
                    people.append(found)
        return people

    async def profile(self, person: Person) -> Person:
        """The person with display name, time zone and locale from users.info (cached)."""
        found, _ = await self._lookup(person)
        return found

    async def workspace(self) -> list[Person]:
        """Every member and guest of the workspace (users.list, all pages), guests marked; no
        bots or deactivated accounts. Names and addresses only pass through: the core keeps
        them in memory for the masker and stores none."""
        people: list[Person] = []
        async for page in await self.client.users_list(limit=PAGE):
            users: list[dict[str, Any]] = page.get("members", [])
            people += [listed(user) for user in users if not is_bot(user)]
        return people

    async def _lookup(self, person: Person) -> tuple[Person, bool]:
        cached = self._profiles.get(person.user_id)
        if cached is not None and time.monotonic() - cached[0] < PROFILE_SECONDS:
            return cached[1], cached[2]
        try:
            user = (await self.client.users_info(user=person.user_id,
                                                 include_locale=True))["user"]
        except SlackApiError as error:  # a name is a nicety: carry on with the bare id
            log.info("users.info failed: %s", reason(error))
            return person, False
        found = to_person(user)
        self._profiles[person.user_id] = (time.monotonic(), found, is_bot(user))
        self._profiles.move_to_end(person.user_id)
        while len(self._profiles) > PROFILE_CACHE:
            self._profiles.popitem(last=False)
        return found, is_bot(user)


def is_bot(user: dict[str, Any]) -> bool:
    """Whether a Slack user is no one prepbot can speak with: a bot (Slackbot too) or a
    deactivated account."""
    return bool(user.get("is_bot") or user.get("deleted") or user.get("id") == "USLACKBOT")


def listed(user: dict[str, Any]) -> Person:
    """A users.list member as the core's Person, with the work address Slack lists (when the
    app has users:read.email): only the directory read carries it, never an event's sender,
    which may be stored in the inbox."""
    email = str((user.get("profile") or {}).get("email") or "")
    return dataclasses.replace(to_person(user), email=email)


def to_person(user: dict[str, Any]) -> Person:
    """A users.info user as the core's Person (display name, else real name, else handle;
    the real name as the full name too)."""
    profile = user.get("profile") or {}
    real_name = profile.get("real_name") or user.get("real_name") or ""
    name = profile.get("display_name") or real_name or user.get("name") or ""
    return Person(platform=PLATFORM, user_id=str(user.get("id", "")), display_name=str(name),
                  full_name=str(real_name),
                  tz=user.get("tz") or None, locale=str(user.get("locale") or ""),
                  guest=bool(user.get("is_restricted") or user.get("is_ultra_restricted")))
