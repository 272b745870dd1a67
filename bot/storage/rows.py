"""Rows named by an id that came from outside: a button's value, a form's context, a
planned message's payload. Anything but a plain id names no row, and never reaches the
database (a forged "²" or 25 digits was a crash: int() refuses the one, SQLite the other)."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

Row = TypeVar("Row")
LONGEST = 18  # digits: a longer number is no row's id, and no database's integer


def row_id(value: str | int) -> int | None:
    """The id a value names, or None for anything else ("²", "-1", 25 digits, words)."""
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= LONGEST else None


async def row_named(session: AsyncSession, model: type[Row], value: str | int) -> Row | None:
    """The row of `model` a value names by its id, or None."""
    found = row_id(value)
    return None if found is None else await session.get(model, found)
