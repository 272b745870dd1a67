"""Alembic environment: runs on the connection prepbot hands it, or on sqlalchemy.url."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from bot.storage.engine import make_engine
from bot.tables import metadata


def run_on(connection: Connection) -> None:
    """Run the migrations on one open connection."""
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


async def run_on_url(url: str) -> None:
    """Open the database at `url` and migrate it."""
    engine = make_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(run_on)
    await engine.dispose()


given = context.config.attributes.get("connection")
if given is not None:
    run_on(given)
else:
    asyncio.run(run_on_url(context.config.get_main_option("sqlalchemy.url") or ""))
