"""The district: its messenger and feed, its teachers' answers, and demo time moving on."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from adapters.district import behaviour, seed
from adapters.district.clock import Movable
from adapters.district.feature import demo_feature
from adapters.district.messenger import DistrictMessenger, Feed, name_of
from adapters.district.people import BY_KEY, PLATFORM, ZONE, Teacher, channels
from bot.app import Bot
from bot.blocks import Button, Reply
from bot.errors import BadInput
from bot.i18n import _, format_time
from bot.scheduling.models import DeliveryRow
from bot.vocabulary import Action, AnyIncoming, Conversation, Origin, Person, Submission

MAX_MOVES = 400  # per settling: a runaway conversation stops here
MAX_DEPTH = 3  # a click, the form it opens, what that form's answer offers


@dataclass(frozen=True)
class Skipped:
    """What moving demo time did."""

    now: datetime
    delivered: int
    answered: int


class District:
    """A demo school whose simulated teachers answer through the real core."""

    def __init__(self, bot: Bot, clock: Movable, triage: Conversation | None = None) -> None:
        self.bot, self.clock, self.triage = bot, clock, triage
        self.feed = Feed(clock)
        self.messenger = DistrictMessenger(self.feed)
        self.lock = asyncio.Lock()
        self.lived: set[date] = set()
        self.opened = False
        self.zone = ZoneInfo(ZONE)
        bot.messengers.add(self.messenger)
        bot.features.add(demo_feature(self))

    def members(self, channel: str) -> list[Person]:
        """Who is in a demo channel (for the playground's and the terminal's messengers)."""
        return list(channels().get(channel.lstrip("#"), []))

    async def is_open(self) -> bool:
        """Whether the demo school exists in this database (once it does, it stays)."""
        self.opened = self.opened or await seed.school_id(self.bot) is not None
        return self.opened

    async def open(self, opener: Person | None = None) -> bool:
        """Set the district up (once: the school, its people, two weeks of history); True
        when this call did it. The opener is placed at the demo school."""
        async with self.lock:
            created = not await self.is_open()
            if created:
                self.feed.quiet = True
                try:
                    await seed.build(self)
                finally:
                    self.feed.quiet = False
            if opener is not None and opener.platform != PLATFORM:
                await seed.place(self, opener)
        return created

    def local(self, moment: datetime | None = None) -> datetime:
        """A moment (now by default) at the demo school."""
        return (moment or self.clock.now()).astimezone(self.zone)

    def move_to(self, moment: datetime) -> None:
        """Demo time jumps to a moment (later, or earlier while history is written)."""
        self.clock.advance(seconds=(moment - self.clock.now()).total_seconds())

    async def send(self, incoming: AnyIncoming) -> list[Reply]:
        """An event from a demo person, through the real core."""
        return await self.bot.handle(incoming)

    def origin(self, person: Person) -> Origin:
        """Where a demo person speaks from: their own chat with the bot."""
        return Origin(person=person, event_id=f"district-{uuid.uuid4()}",
                      conversation=Conversation(platform=PLATFORM, id=f"dm-{person.user_id}"))

    async def click(self, person: Person, button: Button) -> list[Reply]:
        """A demo person clicks a button."""
        return await self.send(Action(action_id=button.action_id, value=button.value,
                                      **self.origin(person)))

    def respond(self, teacher: Teacher, reply: Reply) -> list[behaviour.Move]:
        """What a teacher does with a message now (the same message later may differ)."""
        return behaviour.respond(teacher, reply, self.clock.now().isoformat())

    async def act(self, teacher: Teacher, moves: list[behaviour.Move], depth: int = 0) -> int:
        """Make a teacher's moves, and answer what each move brings back; returns how many."""
        done = 0
        for move in moves:
            self.feed.add(name_of(teacher.person), move.said)
            origin = self.origin(teacher.person)
            incoming: AnyIncoming = (
                Action(action_id=move.action_id, value=move.value, **origin) if move.action_id
                else Submission(form_id=move.form_id, values=move.values, context=move.context,
                                **origin))
            replies = await self.send(incoming)
            done += 1
            if depth < MAX_DEPTH:
                for reply in replies:
                    done += await self.act(teacher, self.respond(teacher, reply), depth + 1)
        return done

    async def settle(self) -> int:
        """Let every simulated teacher answer what reached them; returns how many moves."""
        done = 0
        while done < MAX_MOVES:
            waiting = self.messenger.take()
            if not waiting:
                break
            for person, reply in waiting:
                teacher = BY_KEY.get(person.user_id)
                if teacher is not None:
                    done += await self.act(teacher, self.respond(teacher, reply))
        return done

    async def settled(self) -> int:
        """Settle, unless a skip is moving time (it settles as it goes)."""
        if self.lock.locked():
            return 0
        async with self.lock:
            return await self.settle()

    def target(self, what: str) -> datetime:
        """Where `hour`, `morning`, `day`, `week`, `3 hours` or `2 days` takes demo time."""
        now = self.clock.now()
        words = what.strip().lower().split()
        if words in (["hour"], ["day"], ["week"]):
            return now + {"hour": timedelta(hours=1), "day": timedelta(days=1),
                          "week": timedelta(days=7)}[words[0]]
        if words in (["morning"], ["tomorrow"], ["tomorrow", "morning"]):
            day = self.local(now).date() + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return datetime.combine(day, time(7, 0), self.zone)
        if len(words) == 2 and words[0].isdecimal() and 0 < int(words[0]) <= 14 \
                and words[1].rstrip("s") in ("hour", "day"):
            unit = timedelta(hours=1) if words[1].startswith("hour") else timedelta(days=1)
            return now + int(words[0]) * unit
        raise BadInput(_("Skip how far? `/demo skip hour`, `/demo skip morning` (the next "
                         "school day at {opening}), `/demo skip day`, `/demo skip week`, or "
                         "`/demo skip 3 hours`.").format(opening=format_time(time(7, 0), "H:mm")))

    async def steps(self, start: datetime, end: datetime) -> list[datetime]:
        """The moments to stop at on the way: every hour of the school day (planners run),
        every message due in between, and the end."""
        query = select(DeliveryRow.not_before).where(
            DeliveryRow.status == "pending", DeliveryRow.not_before > start,
            DeliveryRow.not_before <= end)
        async with self.bot.sessions() as session:
            due = set((await session.execute(query)).scalars())
        moment = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        while moment < end:
            local = self.local(moment)
            if local.weekday() < 5 and 6 <= local.hour <= 17:
                due.add(moment)
            moment += timedelta(hours=1)
        return sorted({*due, end})

    async def skip(self, what: str) -> Skipped:
        """Move demo time forward, stopping where work is due: the scheduler sends what is
        due at each stop, teachers answer, and the district lives its school days."""
        async with self.lock:
            end = self.target(what)
            delivered = answered = 0
            for moment in await self.steps(self.clock.now(), end):
                self.move_to(moment)
                answered += await seed.daily_life(self, moment)
                delivered += (await self.bot.dispatcher.tick()).sent
                answered += await self.settle()
            return Skipped(self.clock.now(), delivered, answered)
