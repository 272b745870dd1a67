"""What the core needs from the outside world, as Protocols adapters implement."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from bot.blocks import Reply
from bot.vocabulary import Conversation, Person


class Messenger(Protocol):
    """How the core speaks first on a platform (scheduled work uses only this)."""

    platform: str

    async def dm(self, person: Person, reply: Reply) -> None:
        """Send a direct message to a person."""

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Post to a channel or conversation."""

    async def members(self, conversation: Conversation) -> list[Person]:
        """The people in a channel or team."""

    async def profile(self, person: Person) -> Person:
        """A person with name and time zone filled in."""


@runtime_checkable
class Threads(Protocol):
    """A platform whose channel threads are conversations of their own (Teams): a thread's id
    names its channel, in a shape only the adapter knows."""

    platform: str

    def channel_of(self, conversation_id: str) -> str:
        """The channel a conversation is in (its own id, when it is no thread)."""


@runtime_checkable
class Directory(Protocol):
    """A platform that can list the district's whole staff (Slack's workspace); the masker
    learns colleagues' names from it before they ever write to prepbot."""

    platform: str

    async def workspace(self) -> list[Person]:
        """Everyone in the workspace but bots and deactivated accounts, guests marked."""


class Messengers:
    """The platforms the bot can speak on: each adapter adds its messenger when it mounts."""

    def __init__(self) -> None:
        self._by_platform: dict[str, Messenger] = {}

    def add(self, messenger: Messenger) -> None:
        """Speak on `messenger.platform` through this messenger from now on."""
        self._by_platform[messenger.platform] = messenger

    def get(self, platform: str) -> Messenger | None:
        """The platform's messenger, or None when that platform is not mounted."""
        return self._by_platform.get(platform)

    def __getitem__(self, platform: str) -> Messenger:
        return self._by_platform[platform]

    def __iter__(self) -> Iterator[Messenger]:
        return iter(list(self._by_platform.values()))


class Undeliverable(Exception):
    """A messenger's way to say "retrying will not help" (e.g. the app is not installed)."""


class Clock(Protocol):
    """Where the time comes from, so tests can move it."""

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current time in UTC."""
        return datetime.now(UTC)


class Reconciler(Protocol):
    """Optional, for messengers that can tell whether a keyed message already arrived."""

    async def delivered(self, person: Person | None, conversation: Conversation | None,
                        key: str) -> bool | None:
        """True or False when the platform can tell; None when it cannot."""
