"""The playground's messenger: messages the bot starts are kept in memory until the page polls."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable

from bot.blocks import Reply
from bot.vocabulary import Conversation, Person

KEEP = 50


class WebMessenger:
    """Per-person and per-channel inboxes; the page fetches and empties its own.

    The playground's channels have no members of their own: with a district in a box,
    `directory` names who is in its channels (`#demo-staff`, `#demo-pilot`).
    """

    platform = "web"

    def __init__(self, directory: Callable[[str], list[Person]] | None = None) -> None:
        self.inboxes: defaultdict[str, deque[Reply]] = defaultdict(lambda: deque(maxlen=KEEP))
        self.directory = directory

    async def dm(self, person: Person, reply: Reply) -> None:
        """Keep a direct message for the person's next poll."""
        self.inboxes[f"dm:{person.user_id}"].append(reply)

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Keep a channel post (the playground's triage channel is `triage`)."""
        self.inboxes[f"channel:{conversation.id}"].append(reply)

    async def members(self, conversation: Conversation) -> list[Person]:
        """Who is in a channel: the district's people in its channels, else nobody."""
        return self.directory(conversation.id) if self.directory else []

    async def profile(self, person: Person) -> Person:
        """Playground people are who they say they are."""
        return person

    def take(self, key: str) -> list[Reply]:
        """Empty one inbox."""
        box = self.inboxes.pop(key, None)
        return list(box) if box else []
