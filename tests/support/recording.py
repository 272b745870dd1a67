"""A messenger that records what the core sends, for tests of proactive messages."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.blocks import Reply
from bot.vocabulary import Conversation, Person


@dataclass
class RecordingMessenger:
    """Keeps every DM and post in order; `to(person)` lists what one person got."""

    platform: str = "console"
    sent: list[tuple[str, str, Reply]] = field(default_factory=list)

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record a direct message."""
        self.sent.append(("dm", person.user_id, reply))

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Record a channel post."""
        self.sent.append(("post", conversation.id, reply))

    async def members(self, conversation: Conversation) -> list[Person]:
        """No members."""
        return []

    async def profile(self, person: Person) -> Person:
        """The person as given."""
        return person

    def to(self, person: Person) -> list[str]:
        """The texts DMed to one person."""
        return [reply.text for kind, who, reply in self.sent if kind == "dm" and who ==
                person.user_id]

    def posted(self, channel: str) -> list[Reply]:
        """The replies posted to one channel."""
        return [reply for kind, where, reply in self.sent if kind == "post" and where == channel]


class FlakyMessenger(RecordingMessenger):
    """Refuses every message while `down`, like a platform outage."""

    down: bool = False

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Record a post, or fail during the outage."""
        if self.down:
            raise ConnectionError("platform down")
        await super().post(conversation, reply)

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record a direct message, or fail during the outage."""
        if self.down:
            raise ConnectionError("platform down")
        await super().dm(person, reply)
