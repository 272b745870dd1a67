"""Setting the district up, and its days: the school, its people, two weeks of history written
through the real core with demo time wound back, and the odd question or ticket each day."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from adapters.district import behaviour
from adapters.district.people import (
    ADMIN,
    COACH,
    QUESTIONS,
    SCHOOL,
    SIMULATED,
    TEACHERS,
    ZONE,
    Teacher,
)
from bot.app import Bot
from bot.blocks import Button, Buttons, Fields, Reply
from bot.people.directory import find_person, remember_person
from bot.roles import Role
from bot.schools.service import save_school, school_named
from bot.vocabulary import Command, Message, Person

if TYPE_CHECKING:
    from adapters.district.district import District

HISTORY_DAYS = 14
MOMENTS = (time(8, 5), time(9, 40), time(11, 15), time(13, 30), time(14, 50))


async def school_id(bot: Bot) -> int | None:
    """The demo school's id, when the district was set up in this database."""
    async with bot.sessions() as session:
        found = await school_named(session, SCHOOL)
    return found.id if found else None


async def build(d: District) -> None:
    """The school, its people and roles, the history, then the triage route."""
    now = d.clock.now()
    async with d.bot.sessions() as session, session.begin():
        school = await save_school(session, SCHOOL, ZONE, time(7, 30), time(15, 0))
        for person, role in [*((t.person, Role.TEACHER) for t in TEACHERS),
                             (COACH, Role.COACH), (ADMIN, Role.ADMIN)]:
            row = await remember_person(session, person, now, frozenset())
            row.school_id, row.role = school.id, role
    await history(d)  # before the route: past tickets are not news in the triage channel
    if d.triage is not None and not await routed(d):
        await d.send(Command(name="prepbot", text="settings route default here",
                             person=ADMIN, conversation=d.triage, event_id=None))


async def routed(d: District) -> bool:
    """Whether an admin already chose where tickets go (the demo then leaves it alone)."""
    replies = await d.send(Command(name="prepbot", text="settings", **d.origin(ADMIN)))
    return any(label.startswith("route ") for r in replies for b in r.blocks
               if isinstance(b, Fields) for label, _ in b.pairs)


async def place(d: District, opener: Person) -> None:
    """Whoever opened the district works at its school (unless they already have one)."""
    async with d.bot.sessions() as session, session.begin():
        row = await find_person(session, opener.platform, opener.user_id)
        found = await school_named(session, SCHOOL)
        if row is not None and found is not None and row.school_id is None:
            row.school_id = found.id


def school_days(first: date, last: date) -> list[date]:
    """Monday to Friday, from first to last."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)
            if (first + timedelta(days=n)).weekday() < 5]


async def history(d: District) -> None:
    """Two weeks of questions, tickets and triage, lived through the real core with demo time
    wound back; then time returns to where it was."""
    end = d.clock.now()
    today = d.local(end).date()
    days = school_days(today - timedelta(days=HISTORY_DAYS), today - timedelta(days=1))
    d.move_to(datetime.combine(days[0], time(7, 0), d.zone))
    for number, day in enumerate(days):
        await live(d, day, coach_works=number < len(days) - 2)
    d.move_to(end)
    await d.bot.dispatcher.tick()
    await d.settle()


async def at(d: District, day: date, moment: time) -> None:
    """Move demo time on to a moment of a school day (never back: history runs forward)."""
    target = datetime.combine(day, moment, d.zone)
    if target > d.clock.now():
        d.move_to(target)


async def live(d: District, day: date, coach_works: bool) -> None:
    """One school day: questions through the day, a ticket now and then, the coach's round."""
    rng = random.Random(f"day|{day.isoformat()}")
    moments = sorted(rng.sample(MOMENTS, rng.randint(3, 5)))
    if coach_works:
        await at(d, day, time(9, 30))
        await coach_round(d, rng)
    for moment in moments:
        await at(d, day, moment)
        await ask(d, rng.choice(TEACHERS), rng.choice(QUESTIONS))
    if rng.random() < 0.5:
        await at(d, day, time(12, 20))
        await ticket(d, rng.choice(TEACHERS))
    await at(d, day, time(15, 30))
    await d.bot.dispatcher.tick()
    await d.settle()


async def ask(d: District, teacher: Teacher, question: str) -> int:
    """A teacher asks; they say whether it helped, or ask for a person."""
    replies = await d.send(Message(text=question, **d.origin(teacher.person)))
    d.feed.add(teacher.name + SIMULATED, f"asked: \u201c{question}\u201d")
    when = d.clock.now().isoformat()
    moves = [m for reply in replies for m in behaviour.after_answer(teacher, reply, when)]
    return 1 + await d.act(teacher, moves)


async def ticket(d: District, teacher: Teacher) -> int:
    """A teacher opens a ticket with the form."""
    replies = await d.send(Command(name="ticket", text="", **d.origin(teacher.person)))
    return await d.act(teacher, [m for r in replies for m in d.respond(teacher, r)])


def pressed(replies: list[Reply], action: str) -> list[Button]:
    """The buttons of some replies with one action id."""
    return [b for r in replies for blk in r.blocks if isinstance(blk, Buttons)
            for b in blk.buttons if b.action_id == action]


async def coach_round(d: District, rng: random.Random) -> None:
    """The simulated coach's morning: claim what is new, resolve most of what they hold."""
    # The demo school's queue only: what was there before the district is not theirs.
    queue = await d.send(Command(name="tickets", text=f"school {SCHOOL}", **d.origin(COACH)))
    claims = {b.value: b for b in pressed(queue, "tickets.claim")}  # one click per ticket
    for claim in claims.values():
        await d.click(COACH, claim)
    claimed = set(claims)
    for opened in pressed(queue, "tickets.view"):
        if opened.value in claimed:
            continue  # claimed just now: its turn comes tomorrow
        card = await d.click(COACH, opened)
        roll = rng.random()
        action = "tickets.resolve" if roll < 0.7 else "tickets.wait" if roll < 0.85 else ""
        for button in pressed(card, action) if action else []:
            await d.click(COACH, button)
    await d.settle()


async def daily_life(d: District, moment: datetime) -> int:
    """While time is skipped: on each school day, once it is past ten, someone asks a
    question, and now and then someone opens a ticket."""
    local = d.local(moment)
    day = local.date()
    if local.weekday() >= 5 or local.time() < time(10) or day in d.lived:
        return 0
    d.lived.add(day)
    rng = random.Random(f"live|{day.isoformat()}")
    done = await ask(d, rng.choice(TEACHERS), rng.choice(QUESTIONS))
    if rng.random() < 0.4:
        done += await ticket(d, rng.choice(TEACHERS))
    return done

