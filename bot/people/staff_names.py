"""Every replica's masker knows the colleagues' names (bot/masking/staff.py): the display names
(and Slack's real names) of the people Slack and Teams have shown prepbot, read from the
database, and of everyone in Slack's workspace, read from Slack.

A poll like the library's (bot/features/library/jobs.py): each PREPBOT_REFRESH_SECONDS a
replica reads the people added since its last look, an indexed range of ids; every
FULL_READ it reads them all afresh, so that a name given later to an older row (a coach made
before they first spoke) is learnt; and at once when someone was erased, whose name goes.
Only Slack's and Teams' names count: a playground guest or a console user types whatever
name they like, and a typed name must not unmask a student. A platform that lists its whole
staff (a Directory: Slack's users.list) is read in the background every
PREPBOT_STAFF_DIRECTORY_HOURS; its names are kept in memory only, and its guests' names are
learnt from neither source (who is a guest is stored with the person, for the operator's
commands, which never read the list). Only the member list vouches that someone is staff,
so only its names spare one word alone at PREPBOT_MASKING_STAFF=context
(bot/masking/staff.py), and only its members' work addresses (profile.email, with the
users:read.email scope) are kept as written (bot/masking/staff_addresses.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.masking.staff import know_staff
from bot.people.models import ERASED, PersonRow
from bot.ports import Clock, Directory, Messengers
from bot.vocabulary import Person

log = logging.getLogger(__name__)
PLATFORMS = ("slack", "teams")  # the platforms that vouch for a name
FULL_READ = timedelta(minutes=10)
BATCH = 500  # user ids in one UPDATE's IN list
RETRY = timedelta(minutes=10)  # after a workspace read failed (a missing scope, a network hiccup)


@dataclass
class Workspaces:
    """What the platforms that list their whole staff said when last read."""

    every: timedelta | None = None  # None: never read them
    names: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)  # members' work addresses, when listed
    guests: frozenset[tuple[str, str]] = frozenset()  # (platform, user id)
    platforms: frozenset[str] = frozenset()  # the platforms whose lists were read
    due: datetime | None = None
    reading: asyncio.Task[list[Person]] | None = None

    def start(self, now: datetime, messengers: Messengers) -> None:
        """Begin reading every Directory in the background, when it is time to."""
        if self.every is None or self.reading is not None or (self.due and now < self.due):
            return
        directories = [m for m in messengers if isinstance(m, Directory)]
        if directories:  # thousands of people in pages, rate limited: never inside a refresh
            self.due = now + self.every
            self.reading = asyncio.create_task(read_all(directories))

    def collect(self, now: datetime) -> bool:
        """Take in a read that has finished; True when there are new names to learn."""
        if self.reading is None or not self.reading.done():
            return False
        task, self.reading = self.reading, None
        if task.cancelled():  # stopped with the server: nothing to learn
            return False
        try:
            people = task.result()
        except Exception as error:  # whatever went wrong: keep the last list, try again later
            log.warning("reading the workspace's members failed (%s: %s); trying again in %s",
                        type(error).__name__, error, RETRY)
            self.due = now + RETRY
            return False
        self.guests = frozenset((p.platform, p.user_id) for p in people if p.guest)
        self.platforms = frozenset(p.platform for p in people)
        self.names = [name for p in people if not p.guest
                      for name in (p.display_name, p.full_name) if name]
        self.addresses = [p.email for p in people if not p.guest and p.email]
        log.info("learnt the names of %d members of the workspace (%d guests left out)",
                 len(people) - len(self.guests), len(self.guests))
        return True

    async def stop(self) -> None:
        """Abandon a read under way (the server is shutting down)."""
        if self.reading is not None:
            self.reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.reading


async def mark_guests(session: AsyncSession, workspaces: Workspaces) -> None:
    """Store who the lists just read mark a guest, and who not, for the platforms read: a
    process that never reads them (an operator's command) then knows too."""
    for platform in workspaces.platforms:
        guests = sorted(user for where, user in workspaces.guests if where == platform)
        await session.execute(update(PersonRow).where(  # one transaction: no one sees this
            PersonRow.platform == platform, PersonRow.guest.is_(True)).values(guest=False))
        for start in range(0, len(guests), BATCH):
            await session.execute(update(PersonRow).where(
                PersonRow.platform == platform, PersonRow.guest.is_(False),
                PersonRow.user_id.in_(guests[start:start + BATCH])).values(guest=True))
    await session.commit()


async def read_all(directories: Sequence[Directory]) -> list[Person]:
    """Everyone every directory lists."""
    return [person for directory in directories for person in await directory.workspace()]


@dataclass
class StaffFollower:
    """Keeps one replica's list of colleagues' names in step with the people table and the
    platforms' own lists."""

    clock: Clock
    messengers: Messengers = field(default_factory=Messengers)
    workspaces: Workspaces = field(default_factory=Workspaces)
    last_id: int = 0
    read_all_at: datetime | None = None
    erased: int = 0  # people erased when last looked
    stale: bool = False  # a full read is due (and was not done yet)

    async def refresh(self, session: AsyncSession) -> None:
        """Learn the names of the people added since the last look (all, now and then, and
        as soon as someone is erased, whose name must go at once: a red team's, stop 48,
        found it kept on every replica for up to FULL_READ after the erase)."""
        now = self.clock.now()
        erased = int((await session.execute(select(func.count()).where(
            PersonRow.user_id.startswith(ERASED, autoescape=True)))).scalar_one())
        read = self.workspaces.collect(now)
        if read:
            await mark_guests(session, self.workspaces)
        # Kept until a full read is done: one that failed is tried again at the next refresh.
        self.stale = (self.stale or read or self.read_all_at is None
                      or now - self.read_all_at >= FULL_READ or erased != self.erased)
        since = 0 if self.stale else self.last_id
        rows = (await session.execute(
            select(PersonRow.id, PersonRow.platform, PersonRow.user_id, PersonRow.display_name,
                   PersonRow.full_name)
            .where(PersonRow.id > since, PersonRow.platform.in_(PLATFORMS),
                   PersonRow.guest.is_(False),
                   (PersonRow.display_name != "") | (PersonRow.full_name != ""))
            .order_by(PersonRow.id))).all()
        guests = self.workspaces.guests
        names = [name for row in rows if (row[1], row[2]) not in guests
                 for name in row[3:] if name]
        await session.close()  # nothing more to read: no transaction open while learning
        # Only Slack's member list vouches that someone is staff (its guests, bots and
        # deactivated accounts left out); whoever merely wrote, on Teams (where a school's
        # students write too) or on Slack (a guest not yet known as one, a Slack Connect
        # user), spares their whole name only (bot/masking/staff.py; red teams', stop 60)
        if self.stale:  # thousands of names: off the event loop, swapped in when ready
            await asyncio.to_thread(partial(know_staff, afresh=True, unvouched=names,
                                            addresses=self.workspaces.addresses),
                                    self.workspaces.names)
            self.stale, self.read_all_at = False, now
        elif names:
            know_staff([], unvouched=names)
        self.erased, self.last_id = erased, rows[-1][0] if rows else since
        self.workspaces.start(now, self.messengers)
