"""What the bot starts, for the person at the terminal: kept until the next prompt."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable

from bot.blocks import Reply
from bot.vocabulary import Conversation, Person

KEEP = 50
PLATFORM = "console"


class ConsoleMessenger:
    """DMs and channel posts on the console platform, shown before the next prompt.

    The terminal has no channels of its own: `members` asks `directory` (the demo district's
    channels, when one runs) and otherwise lists nobody.
    """

    platform = PLATFORM

    def __init__(self, directory: dict[str, list[Person]] | None = None) -> None:
        self.waiting: deque[tuple[str, Reply]] = deque(maxlen=KEEP)
        self.directory = directory if directory is not None else {}

    async def dm(self, person: Person, reply: Reply) -> None:
        """Keep a direct message for the terminal."""
        self.waiting.append((f"to {person.user_id}", reply))

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Keep a channel post for the terminal (it shows every channel)."""
        self.waiting.append((f"in #{conversation.id}", reply))

    async def members(self, conversation: Conversation) -> list[Person]:
        """The people of a channel, from the directory."""
        return list(self.directory.get(conversation.id.lstrip("#"), []))

    async def profile(self, person: Person) -> Person:
        """People in a terminal are who they say they are."""
        return person

    def take(self) -> list[tuple[str, Reply]]:
        """Everything kept since the last call, oldest first."""
        found = list(self.waiting)
        self.waiting.clear()
        return found


def news_for(messenger: ConsoleMessenger, person: Person
             ) -> Callable[[], Awaitable[list[str | Reply]]]:
    """What the terminal shows before its next prompt: its person's messages as replies,
    anything else with a line saying where it went."""
    async def news() -> list[str | Reply]:
        shown: list[str | Reply] = []
        for where, reply in messenger.take():
            if where != f"to {person.user_id}":
                shown.append(f"(prepbot, {where}:)")
            shown.append(reply)
        return shown
    return news
