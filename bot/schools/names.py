"""Every replica's masker knows the district's schools by name (bot/masking/schools.py), read
from the schools its admins added (`/prepbot schools add`) at each refresh: a handful of rows,
so read whole each time, and a school renamed or removed is forgotten at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.masking.schools import know_schools
from bot.schools.models import SchoolRow


class SchoolNamesFollower:
    """Keeps the masker's schools the same as the database's."""

    def __init__(self) -> None:
        self.known: tuple[str, ...] | None = None

    async def refresh(self, session: AsyncSession) -> None:
        """Read every school's name; tell the masker when they changed."""
        names = tuple((await session.execute(select(SchoolRow.name).order_by(
            SchoolRow.name))).scalars())
        if names != self.known:
            know_schools(names)
            self.known = names
