"""Rendered charts, stored as PNG and served at /charts/{token}.png by the server.

Each chart has an owner (`survey:12` for a pulse survey's results, `digest` for weekly
digests) and a fingerprint of the figures it shows, so the same figures reuse one image.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import LargeBinary, String, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class ChartRow(Base):
    """One rendered chart; the token is unguessable."""

    __tablename__ = "charts"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    png: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


async def drawn(session: AsyncSession, owner: str, figures: object, draw: Callable[[], bytes],
                now: datetime) -> str:
    """The token of the owner's chart of these figures, drawing it (off the event loop, it
    is CPU-bound) only when no chart of the very same figures is stored yet."""
    fingerprint = hashlib.sha256(repr(figures).encode()).hexdigest()
    token = await find_chart(session, owner, fingerprint)
    if token is None:
        png = await asyncio.to_thread(draw)
        token = await save_chart(session, owner, png, fingerprint, now)
    return token


async def find_chart(session: AsyncSession, owner: str, fingerprint: str) -> str | None:
    """The token of the owner's chart of these very figures, if it was drawn already."""
    query = select(ChartRow.token).where(ChartRow.owner == owner,
                                         ChartRow.fingerprint == fingerprint).limit(1)
    found = (await session.execute(query)).scalar_one_or_none()
    return str(found) if found is not None else None


async def save_chart(session: AsyncSession, owner: str, png: bytes, fingerprint: str,
                     now: datetime) -> str:
    """Store a PNG under a new unguessable token."""
    token = secrets.token_urlsafe(24)
    session.add(ChartRow(token=token, owner=owner, fingerprint=fingerprint, png=png,
                         created_at=now))
    await session.flush()
    return token


async def chart_png(session: AsyncSession, token: str) -> bytes | None:
    """A stored chart's bytes, for the HTTP route."""
    row = await session.get(ChartRow, token)
    return row.png if row else None


def chart_url(token: str) -> str:
    """The chart's path on prepbot's server (adapters make it absolute where needed)."""
    return f"/charts/{token}.png"


async def forget_charts(session: AsyncSession, owner: str, before: datetime) -> int:
    """Delete an owner's charts drawn before a moment; returns how many."""
    result = await session.execute(delete(ChartRow).where(ChartRow.owner == owner,
                                                          ChartRow.created_at < before))
    return int(getattr(result, "rowcount", 0) or 0)
