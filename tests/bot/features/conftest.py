"""Fixtures the coach's-year features share (tools, pilots, cycles, portfolio): a school in
New York, a coach and three teachers with prep periods, a messenger that notes when each
message went out, and a clock that jumps from one due message to the next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button, Buttons, Form, Reply
from bot.scheduling.models import DeliveryRow
from bot.schools.models import ClosureRow
from bot.schools.service import save_school
from bot.vocabulary import Conversation, Person
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger

NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # 09:00 in New York
SCHOOL = "Lincoln Elementary"
PREPS = {"rivera": (time(10, 15), time(11, 0)), "chen": (time(12, 30), time(13, 15)),
         "diaz": (time(13, 20), time(14, 5))}
MORNING_CHECK = time(6, 30)  # each day the clock stops here, so daily work runs


@dataclass
class TimedMessenger(RecordingMessenger):
    """Records every DM and post with the fake time it went out."""

    clock: FakeClock | None = None
    times: list[datetime] = field(default_factory=list)

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record a DM and when."""
        await super().dm(person, reply)
        self.times.append(self.clock.now() if self.clock else datetime.min)

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Record a post and when."""
        await super().post(conversation, reply)
        self.times.append(self.clock.now() if self.clock else datetime.min)

    def received(self, person: Person, containing: str = "") -> list[tuple[datetime, Reply]]:
        """What one person got (optionally only texts containing some words), with when."""
        return [(at, reply) for at, (kind, who, reply) in zip(self.times, self.sent, strict=True)
                if kind == "dm" and who == person.user_id and containing in reply.text]

    def forms(self, person: Person, form_id: str) -> list[tuple[datetime, Form]]:
        """The forms of one kind DMed to one person, with when."""
        return [(at, block) for at, reply in self.received(person) for block in reply.blocks
                if isinstance(block, Form) and block.form_id == form_id]


@dataclass(frozen=True)
class Staff:
    """The people of the coach's year."""

    coach: Person
    admin: Person
    teachers: list[Person]

    @property
    def rivera(self) -> Person:
        """Ms Rivera: prep 10:15-11:00."""
        return self.teachers[0]


@pytest.fixture
def timed(runtime: Runtime, clock: FakeClock) -> TimedMessenger:
    """The console platform's messenger, noting when each message went out."""
    messenger = TimedMessenger(clock=clock)
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def lincoln(runtime: Runtime) -> int:
    """Lincoln Elementary, New York, 07:30 to 15:30."""
    async with runtime.sessions() as session, session.begin():
        school = await save_school(session, SCHOOL, "America/New_York", time(7, 30),
                                   time(15, 30))
        return school.id


async def close_on(runtime: Runtime, school: int, day: date, label: str) -> None:
    """A closure date (a holiday) for the school."""
    async with runtime.sessions() as session, session.begin():
        session.add(ClosureRow(school_id=school, day=day, label=label))


@pytest.fixture
async def staff(chat: ConsoleChat, coach: Person, admin: Person, lincoln: int,
                timed: TimedMessenger, clock: FakeClock) -> Staff:
    """Mr Okafor (coach), Ada (admin) and three Lincoln teachers who set their prep periods."""
    clock.current = MONDAY
    teachers = [Person(platform="console", user_id=key, display_name=name)
                for key, name in (("rivera", "Ms Rivera"), ("chen", "Mr Chen"),
                                  ("diaz", "Dr Diaz"))]
    for person in (coach, admin, *teachers):
        await chat.say(f"/prepbot school {SCHOOL}", as_=person)
    for person in teachers:
        start, end = PREPS[person.user_id]
        await chat.say(f"/prepbot prep {start:%H:%M}-{end:%H:%M} mon-fri", as_=person)
    return Staff(coach, admin, teachers)


def local(moment: datetime) -> datetime:
    """A moment in New York."""
    return moment.astimezone(NEW_YORK)


def in_prep(person: Person, moment: datetime) -> bool:
    """Whether a moment falls in the teacher's prep period (New York time, a weekday)."""
    start, end = PREPS[person.user_id]
    at = local(moment)
    return at.weekday() < 5 and start <= at.time() < end


async def next_due(runtime: Runtime, after: datetime) -> datetime | None:
    """When the ledger's next pending message may go out."""
    async with runtime.sessions() as session:
        found = (await session.execute(select(func.min(DeliveryRow.not_before)).where(
            DeliveryRow.status == "pending", DeliveryRow.not_before > after))).scalar()
    return found.replace(tzinfo=UTC) if found is not None and found.tzinfo is None else found


async def advance(runtime: Runtime, clock: FakeClock, until: datetime) -> None:
    """Run the scheduler from now to `until`, jumping to each message's time and stopping
    every morning (New York) so daily work happens: as a running server would, in few ticks."""
    while True:
        await runtime.dispatcher.tick()
        if clock.current >= until:
            return
        day = local(clock.current).date() + timedelta(days=1)
        morning = datetime.combine(day, MORNING_CHECK, NEW_YORK).astimezone(UTC)
        due = await next_due(runtime, clock.current)
        clock.current = min(t for t in (due, morning, until) if t is not None)


def button(reply: Reply, label: str) -> Button:
    """A button of a reply, by the start of its label."""
    return next(b for block in reply.blocks if isinstance(block, Buttons)
                for b in block.buttons if b.label.startswith(label))


def form_of(replies: list[Reply]) -> Form:
    """The form among some replies."""
    return next(b for r in replies for b in r.blocks if isinstance(b, Form))
