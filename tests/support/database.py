"""The test database: SQLite in a temporary folder, or PREPBOT_TEST_DATABASE_URL (PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.tables import metadata


async def empty_tables(engine: AsyncEngine) -> None:
    """Delete every row of every prepbot table, keeping the schema."""
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))
