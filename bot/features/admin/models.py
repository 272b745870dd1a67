"""Settings admins change from chat, stored in the database so every replica sees them."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base

DEFAULTS = {
    "ticket_remind_after_days": "2",
    "ticket_autoclose_days": "5",
    "ticket_retention_days": "365",
    "question_retention_days": "365",
    "metoo_window_hours": "24",
    "pulse_buyin_target": "85",  # percent agreeing on intention, as districts aim for
    "pulse_min_responses": "5",  # anonymity threshold; read as never below 3
}


class SettingRow(Base):
    """One setting by name."""

    __tablename__ = "settings_kv"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(512))


async def read_setting(session: AsyncSession, key: str) -> str:
    """A setting's stored value, or its default."""
    row = await session.get(SettingRow, key)
    return row.value if row else DEFAULTS[key]


async def read_int(session: AsyncSession, key: str) -> int:
    """A whole-number setting."""
    return int(await read_setting(session, key))


async def write_setting(session: AsyncSession, key: str, value: str) -> None:
    """Store a setting (the key must be a known one)."""
    if key not in DEFAULTS:
        raise KeyError(key)
    row = await session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
