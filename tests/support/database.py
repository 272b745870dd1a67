"""The test database: SQLite in a temporary folder, or PREPBOT_TEST_DATABASE_URL (PostgreSQL)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.tables import metadata

if TYPE_CHECKING:
    from adapters.runtime import Runtime


async def empty_tables(engine: AsyncEngine) -> None:
    """Delete every row of every prepbot table, keeping the schema."""
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))


async def every_row(runtime: Runtime) -> str:
    """Every stored row of every table, as one string to search (for a name, say)."""
    async with runtime.sessions() as session:
        return repr([(await session.execute(select(table))).all()
                     for table in metadata.sorted_tables])
