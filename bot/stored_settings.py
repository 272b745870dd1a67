"""Settings admins change from chat, stored in the database so every replica sees them.

Each feature declares its own as `StoredSetting` objects (name, default, bounds, help) and
lists them in its registration; `/prepbot settings` shows and changes them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.errors import BadInput
from bot.i18n import _
from bot.server_secret import ServerSecret
from bot.storage.base import Base


class SettingRow(Base):
    """One changed setting by name; a setting never changed has no row."""

    __tablename__ = "settings_kv"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(512))


@dataclass(frozen=True)
class StoredSetting:
    """A whole-number setting with its default and the range that makes sense for it."""

    name: str
    default: int
    help: str
    minimum: int = 0
    maximum: int = 100_000

    async def read(self, session: AsyncSession) -> int:
        """The stored value (kept inside the bounds), or the default."""
        row = await session.get(SettingRow, self.name)
        try:
            value = int(row.value) if row else self.default
        except ValueError:
            value = self.default
        return min(self.maximum, max(self.minimum, value))

    def parse(self, text: str) -> int:
        """A value an admin typed, or a BadInput that says what would be accepted."""
        cleaned = text.strip()
        if not (cleaned.isascii() and cleaned.isdigit()) or not (
                self.minimum <= int(cleaned) <= self.maximum):
            raise BadInput(_("`{name}` takes a whole number from {minimum} to {maximum} "
                             "({help}).").format(name=self.name, minimum=self.minimum,
                                                 maximum=self.maximum, help=_(self.help)))
        return int(cleaned)

    async def write(self, session: AsyncSession, value: int) -> None:
        """Store a new value."""
        row = await session.get(SettingRow, self.name)
        if row is None:
            session.add(SettingRow(key=self.name, value=str(value)))
        else:
            row.value = str(value)


SECRET_MARK = "server_secret_mark"  # a keyed hash of the secret `prepbot serve` runs with


async def mark_secret(session: AsyncSession, secret: ServerSecret) -> bool:
    """Record that the server runs with this secret (its keyed hash, never the key); False
    when it was last served with another (a restore without its key, a replica given
    another one)."""
    mark = _mark_of(secret)
    row = await session.get(SettingRow, SECRET_MARK)
    if row is None:
        session.add(SettingRow(key=SECRET_MARK, value=mark))
        return True
    same, row.value = row.value == mark, mark
    return same


async def is_servers_secret(session: AsyncSession, secret: ServerSecret) -> bool | None:
    """Whether this is the secret the server last ran with; None when none was recorded."""
    row = await session.get(SettingRow, SECRET_MARK)
    return None if row is None else row.value == _mark_of(secret)


def _mark_of(secret: ServerSecret) -> str:
    return secret.keyed_hash(SECRET_MARK, "the server's")
