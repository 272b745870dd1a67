"""Alembic migrations, run on start and by `prepbot db upgrade`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.storage.engine import READ_ONLY

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


class NewerDatabase(Exception):
    """The database is at a revision this prepbot does not ship: a newer one migrated it."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"This database was migrated by a newer prepbot (revision {revision}; this one "
            f"knows up to {head_revision()}): reinstall that version, or restore the backup "
            "taken before the upgrade (docs/upgrading.md).")


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the schema up to `revision` (the latest by default); NewerDatabase when a newer
    prepbot has migrated it (after a rollback of the code), instead of alembic's traceback."""
    async with engine.begin() as connection:
        await connection.run_sync(lambda c: _upgrade(c, revision))


def _upgrade(connection: Connection, revision: str) -> None:
    found = _revision_of(connection)
    if found and not known_revision(found):
        raise NewerDatabase(found)
    command.upgrade(_config(connection), revision)


async def downgrade(engine: AsyncEngine, revision: str = "base") -> None:
    """Take the schema down to `revision` (empty by default)."""
    async with engine.begin() as connection:
        await connection.run_sync(lambda c: command.downgrade(_config(c), revision))


def head_revision() -> str | None:
    """The newest migration shipped with this version of prepbot."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revision(revision: str) -> bool:
    """Whether this version of prepbot ships `revision` (not: a newer one migrated past it)."""
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    async with engine.connect() as connection:
        await connection.execution_options(**READ_ONLY)  # health checks: never wait on a writer
        return await connection.run_sync(_revision_of)


def _revision_of(connection: Connection) -> str | None:
    # A quiet read of alembic_version: health checks call this often.
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
