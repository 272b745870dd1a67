"""The demo platform's messenger: what reaches a simulated teacher is noted in the district's
feed (so the coach can watch invitations arrive) and waits for the teacher to answer."""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

from adapters.district.people import ADMIN, BY_KEY, COACH, PLATFORM, SIMULATED, channels
from bot.blocks import Reply
from bot.ports import Clock
from bot.vocabulary import Conversation, Person

KEEP = 300


@dataclass(frozen=True)
class Event:
    """One line of the district's feed: who, what happened, when (demo time)."""

    number: int
    at: datetime
    who: str
    what: str


@dataclass
class Feed:
    """What happened in the district, newest last; readers ask for what came after a number."""

    clock: Clock
    events: deque[Event] = field(default_factory=lambda: deque(maxlen=KEEP))
    quiet: bool = False  # while the past is being written: history is not news
    numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def add(self, who: str, what: str) -> None:
        """Note something that happened now."""
        if not self.quiet:
            self.events.append(Event(next(self.numbers), self.clock.now(), who, what))

    def after(self, number: int) -> list[Event]:
        """The events after a number (0: everything kept)."""
        return [event for event in self.events if event.number > number]

    @property
    def last(self) -> int:
        """The newest event's number (0 when there is none)."""
        return self.events[-1].number if self.events else 0


def name_of(person: Person) -> str:
    """A demo person's name, "(simulated)" included."""
    if person.user_id in BY_KEY:
        return BY_KEY[person.user_id].name + SIMULATED
    for known in (COACH, ADMIN):
        if known.user_id == person.user_id:
            return known.display_name
    return person.display_name or person.user_id


def gist(reply: Reply, limit: int = 90) -> str:
    """A message's first sentence (or first words), on one line."""
    text = " ".join(reply.text.replace("**", "").split())
    first = text.split(". ", 1)[0]
    if len(first) <= limit:
        return first if first == text else first + "."
    return text[:limit].rsplit(" ", 1)[0] + "…"


class DistrictMessenger:
    """Delivers to simulated teachers: notes it in the feed, keeps it for them to answer."""

    platform = PLATFORM

    def __init__(self, feed: Feed) -> None:
        self.feed = feed
        self.waiting: deque[tuple[Person, Reply]] = deque()

    async def dm(self, person: Person, reply: Reply) -> None:
        """A message reaches a simulated person; they answer when the district settles."""
        self.feed.add(name_of(person), f"received: {gist(reply)}")
        self.waiting.append((person, reply))

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """A post in a demo channel."""
        self.feed.add(f"#{conversation.id}", f"posted: {gist(reply)}")

    async def members(self, conversation: Conversation) -> list[Person]:
        """Who is in a demo channel."""
        return list(channels().get(conversation.id.lstrip("#"), []))

    async def profile(self, person: Person) -> Person:
        """A demo person with their simulated name."""
        return Person(platform=PLATFORM, user_id=person.user_id, display_name=name_of(person))

    def take(self) -> list[tuple[Person, Reply]]:
        """What is waiting for an answer, oldest first."""
        found = list(self.waiting)
        self.waiting.clear()
        return found
