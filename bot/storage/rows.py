"""Rows named by an id that came from outside: a button's value, a form's context, a
planned message's payload. Anything but a plain id names no row, and never reaches the
database (a forged "²" or 25 digits was a crash: int() refuses the one, SQLite the other)."""

from __future__ import annotations

import hashlib
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

Row = TypeVar("Row")
KEY_LENGTH = 255  # request_key columns
LARGEST = 2**31 - 1  # row ids are INTEGER: PostgreSQL refuses a larger one (SQLite 2**63)


def row_id(value: str | int) -> int | None:
    """The id a value names, or None for anything else ("²", "-1", 25 digits, words)."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LARGEST)):
        return None
    return int(text) if int(text) <= LARGEST else None


async def row_named(session: AsyncSession, model: type[Row], value: str | int) -> Row | None:
    """The row of `model` a value names by its id, or None."""
    found = row_id(value)
    return None if found is None else await session.get(model, found)


def request_key(kind: str, said: str) -> str:
    """A key that makes a request idempotent (a retried event, a form sent twice), fit for
    its column: a longer one, as a forged form's context makes, is hashed (it failed the
    turn on PostgreSQL: a red team's, stop 47)."""
    key = f"{kind}:{said}"
    if len(key) <= KEY_LENGTH:
        return key
    return f"{kind}:sha256:{hashlib.sha256(key.encode()).hexdigest()}"


async def one_at_a_time(session: AsyncSession, what: str) -> None:
    """Turns deciding the same `what` ("one open cycle per teacher") run one after the other
    until each commits: PostgreSQL's advisory lock (SQLite's one writer does it already). A
    red team's (stop 49): two coaches at once gave one teacher two cycles, one tool two
    pilots, each having checked that there was none."""
    if session.get_bind().dialect.name == "postgresql":
        number = int.from_bytes(hashlib.sha256(what.encode()).digest()[:8], "big", signed=True)
        await session.execute(text("SELECT pg_advisory_xact_lock(:number)"), {"number": number})
