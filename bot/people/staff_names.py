"""Every replica's masker knows the colleagues' names (bot/masking/staff.py): the display names
(and Slack's real names) of the people Slack and Teams have shown prepbot, read from the
database.

A poll like the library's (bot/features/library/jobs.py): each PREPBOT_REFRESH_SECONDS a
replica reads the people added since its last look, an indexed range of ids; every
FULL_READ it reads them all afresh, so that a name given later to an older row (a coach made
before they first spoke) is learnt and an erased person's forgotten. Only Slack's and Teams'
names count: a playground guest or a console user types whatever name they like, and a typed
name must not unmask a student.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.masking.staff import know_staff
from bot.people.models import PersonRow
from bot.ports import Clock

PLATFORMS = ("slack", "teams")  # the platforms that vouch for a name
FULL_READ = timedelta(minutes=10)


@dataclass
class StaffFollower:
    """Keeps one replica's list of colleagues' names in step with the people table."""

    clock: Clock
    last_id: int = 0
    read_all_at: datetime | None = None

    async def refresh(self, session: AsyncSession) -> None:
        """Learn the names of the people added since the last look (all, now and then)."""
        now = self.clock.now()
        afresh = self.read_all_at is None or now - self.read_all_at >= FULL_READ
        if afresh:
            self.last_id, self.read_all_at = 0, now
        rows = (await session.execute(
            select(PersonRow.id, PersonRow.display_name, PersonRow.full_name)
            .where(PersonRow.id > self.last_id, PersonRow.platform.in_(PLATFORMS),
                   (PersonRow.display_name != "") | (PersonRow.full_name != ""))
            .order_by(PersonRow.id))).all()
        names = [name for row in rows for name in row[1:] if name]
        await session.close()  # nothing more to read: no transaction open while learning
        if afresh:  # thousands of names: off the event loop, swapped in when ready
            await asyncio.to_thread(know_staff, names, afresh=True)
        elif names:
            know_staff(names)
        if rows:
            self.last_id = rows[-1][0]
