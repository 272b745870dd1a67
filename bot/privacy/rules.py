"""Which tables hold a person, directly or through a row of theirs, and how each is treated."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Column, Select, String, Table, Text, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.hooks import CopyEraser, Eraser, SealedEraser
from bot.hooks.year import HandOver
from bot.i18n import _
from bot.people.models import PersonRow
from bot.registry import Registry
from bot.server_secret import ServerSecret
from bot.storage.base import Base

# The core's own tables; each feature's are in its registration.
CORE_ERASE: dict[str, str | Eraser] = {
    "conversations": "delete",  # how to reach them: gone
    "deliveries": "delete",  # messages planned for them
}


@dataclass(frozen=True)
class Rules:
    """How erasing treats each table that points at a person, and what export leaves out."""

    erase: dict[str, str | Eraser]
    never_exported: set[str] = field(default_factory=set)
    copies: dict[str, CopyEraser] = field(default_factory=dict)
    sealed: dict[str, SealedEraser] = field(default_factory=dict)
    secret: ServerSecret | None = None  # without it, what is sealed cannot be found
    exported_through: set[str] = field(default_factory=set)
    hand_overs: list[HandOver] = field(default_factory=list)  # her open work, to a coach


def rules_of(registry: Registry, secret: ServerSecret) -> Rules:
    """The core's rules and every feature's (and the server secret, to find sealed rows)."""
    return Rules({**CORE_ERASE, **registry.erase}, registry.never_exported,
                 registry.erase_copies, registry.erase_sealed, secret,
                 registry.exported_through, registry.hand_overs)


def person_links() -> list[tuple[Table, str]]:
    """Every (table, column) holding a people.id."""
    return [(table, fk.parent.name) for table in Base.metadata.sorted_tables
            for fk in table.foreign_keys if fk.column.table.name == "people"]


def held_through() -> list[Table]:
    """Every table that holds no people.id but points at rows that do (a cycle's steps)."""
    linked = {table.name for table, _column in person_links()}
    return [table for table in Base.metadata.sorted_tables if table.name not in linked
            and any(fk.column.table.name in linked for fk in table.foreign_keys)]


def rows_through(table: Table, person_id: int) -> Select[Any]:
    """The rows of such a table whose row above points at the person, in any of its columns."""
    linked = dict[str, list[str]]()
    for parent, column in person_links():
        linked.setdefault(parent.name, []).append(column)
    above = []
    for fk in table.foreign_keys:
        parent = fk.column.table
        if parent.name in linked:
            theirs = or_(*(parent.c[column] == person_id for column in linked[parent.name]))
            above.append(fk.parent.in_(select(fk.column).where(theirs)))
    return select(table).where(or_(*above))


def free_text(column: Column[Any]) -> bool:
    """A column someone writes words into (a ticket's text, a room, a step's answers), not a
    code or a key."""
    kind = column.type
    return isinstance(kind, Text | JSON) or (
        isinstance(kind, String) and (kind.length or 0) >= 64)


async def find_person(session: AsyncSession, platform: str, user_id: str) -> PersonRow:
    """The stored person, or a BadInput naming who was not found."""
    row = (await session.execute(select(PersonRow).where(
        PersonRow.platform == platform, PersonRow.user_id == user_id))).scalar_one_or_none()
    if row is None:
        raise BadInput(_("No one is stored as {who}.").format(who=f"{platform}:{user_id}"))
    return row
