"""Migrations own the schema: they build it from empty and take it down again."""

from __future__ import annotations

from sqlalchemy import inspect

from adapters.runtime import Runtime
from bot.storage.migrate import current_revision, downgrade, head_revision, upgrade
from bot.storage.models import metadata


async def table_names(runtime: Runtime) -> set[str]:
    async with runtime.engine.connect() as connection:
        return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


async def test_migrations_create_every_table_from_empty(runtime: Runtime) -> None:
    await downgrade(runtime.engine)
    assert not (await table_names(runtime)) & set(metadata.tables)
    assert await current_revision(runtime.engine) is None

    await upgrade(runtime.engine)

    assert set(metadata.tables) <= await table_names(runtime)
    assert await current_revision(runtime.engine) == head_revision()


async def test_the_models_match_the_migrations(runtime: Runtime) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    async with runtime.engine.connect() as connection:
        diff = await connection.run_sync(
            lambda c: compare_metadata(MigrationContext.configure(c), metadata))
    assert diff == []
