"""Coffee fixtures: two schools, a coach, cohorts a messenger can list, and a clock to drive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from adapters.console import ConsoleChat
from adapters.runtime import Runtime
from bot.blocks import Button, Buttons, Form, Reply
from bot.features.coffee import jobs as coffee_jobs
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.jobs import Jobs
from bot.schools.models import ClosureRow, SchoolRow
from bot.schools.service import save_school
from bot.vocabulary import Conversation, Person
from tests.support.clock import FakeClock
from tests.support.recording import RecordingMessenger

LINCOLN, HILLSIDE = "C-LINCOLN", "C-HILLSIDE"
NEW_YORK, LOS_ANGELES = "America/New_York", "America/Los_Angeles"
TUESDAY = datetime(2026, 12, 8, 5, tzinfo=UTC)  # Tuesday 00:00 in New York
INVITED = datetime(2026, 12, 8, 13, tzinfo=UTC)  # 08:00: Wednesday's invitations are out
SESSION = datetime(2026, 12, 9, 12, 15, tzinfo=UTC)  # Wednesday 07:15 in New York


@dataclass
class CohortMessenger(RecordingMessenger):
    """Records what was sent and when; lists the members of each cohort channel."""

    clock: FakeClock | None = None
    channels: dict[str, list[Person]] = field(default_factory=dict)
    times: list[datetime] = field(default_factory=list)

    async def dm(self, person: Person, reply: Reply) -> None:
        """Record a DM with the time it was sent."""
        await super().dm(person, reply)
        self.times.append(self.clock.now() if self.clock else datetime.min)

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Record a post with the time it was sent."""
        await super().post(conversation, reply)
        self.times.append(self.clock.now() if self.clock else datetime.min)

    async def members(self, conversation: Conversation) -> list[Person]:
        """The people in a cohort channel."""
        return list(self.channels.get(conversation.id, []))

    def received(self, person: Person, starting: str = "") -> list[tuple[datetime, Reply]]:
        """What one person got (optionally only texts starting so), with when."""
        return [(at, reply) for at, (kind, who, reply) in zip(self.times, self.sent, strict=True)
                if kind == "dm" and who == person.user_id and reply.text.startswith(starting)]


@pytest.fixture
def outbox(runtime: Runtime, clock: FakeClock) -> CohortMessenger:
    """The console platform's messenger, with two cohorts."""
    messenger = CohortMessenger(clock=clock)
    runtime.bot.messengers.add(messenger)
    return messenger


@pytest.fixture
async def schools(runtime: Runtime) -> dict[str, int]:
    """Lincoln Elementary (New York, closed for Veterans Day) and Hillside Middle (LA)."""
    async with runtime.sessions() as session, session.begin():
        lincoln = await save_school(session, "Lincoln Elementary", NEW_YORK, time(7, 30),
                                    time(15, 0))
        hillside = await save_school(session, "Hillside Middle", LOS_ANGELES, time(8, 0),
                                     time(15, 30))
        session.add(ClosureRow(school_id=lincoln.id, day=date(2026, 11, 11),
                               label="Veterans Day"))
        return {"lincoln": lincoln.id, "hillside": hillside.id}


def teacher(user_id: str, name: str, tz: str = NEW_YORK) -> Person:
    """A teacher as the platform lists them."""
    return Person(platform="console", user_id=user_id, display_name=name, tz=tz)


@pytest.fixture
def lincoln_staff(outbox: CohortMessenger, coach: Person) -> list[Person]:
    """Two Lincoln teachers, and the coach, in the Lincoln channel."""
    people = [teacher("rivera", "Ms Rivera"), teacher("chen", "Mr Chen")]
    outbox.channels[LINCOLN] = [*people, coach]
    return people


@pytest.fixture
def hillside_staff(outbox: CohortMessenger) -> list[Person]:
    """One Hillside teacher, in Los Angeles."""
    people = [teacher("diaz", "Ms Diaz", LOS_ANGELES)]
    outbox.channels[HILLSIDE] = people
    return people


async def school_id(runtime: Runtime, name: str) -> int:
    async with runtime.sessions() as session:
        found = await session.execute(select(SchoolRow.id).where(SchoolRow.name == name))
        return int(found.scalar_one())


async def set_up(chat: ConsoleChat, coach: Person, school: int, **values: str) -> list[Reply]:
    """Submit the setup form as the coach; values override a weekly Wednesday 7:15 series."""
    fields = {"cohort": LINCOLN, "mode": "group", "days": "wed", "cadence": "1",
              "time": "7:15", "minutes": "20", "place": "the teachers' lounge",
              "school": str(school), "ends": "2026-12-18", "invite": "day_before", **values}
    return await chat.submit("coffee.setup", fields, context="new:test", as_=coach)


async def invitations_out(chat: ConsoleChat, runtime: Runtime, clock: FakeClock,
                          coach: Person, school: int) -> None:
    """A weekly Wednesday 7:15 series set up on Tuesday, ticked until the invitations are out."""
    clock.current = TUESDAY
    await set_up(chat, coach, school)
    await run(runtime, clock, INVITED)


def coffee_only(runtime: Runtime) -> Dispatcher:
    """A dispatcher with only this feature's jobs: the other features' chores cost time."""
    jobs = Jobs(messengers=runtime.bot.messengers, features=runtime.bot.features)
    coffee_jobs.register(jobs)
    return Dispatcher(runtime.sessions, jobs, runtime.bot.clock, runtime.bot.messengers,
                      runtime.metrics)


async def run(runtime: Runtime, clock: FakeClock, until: datetime,
              step: timedelta = timedelta(minutes=15), busy: tuple[int, int] = (10, 24),
              quiet: timedelta = timedelta(hours=1)) -> None:
    """Tick every `step` in the busy UTC hours (US school days), every `quiet` outside them."""
    dispatcher = coffee_only(runtime)
    while clock.current < until:
        await dispatcher.tick()
        inside = busy[0] <= clock.current.hour < busy[1]
        clock.current += step if inside else quiet


def button(reply: Reply, label: str) -> Button:
    """A button of a reply, by label."""
    return next(b for block in reply.blocks if isinstance(block, Buttons)
                for b in block.buttons if b.label == label)


def form_in(replies: list[Reply]) -> Form:
    """The form among replies."""
    return next(b for r in replies for b in r.blocks if isinstance(b, Form))
