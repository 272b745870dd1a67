"""Migrations own the schema: they build it from empty and take it down again."""

from __future__ import annotations

from sqlalchemy import inspect

from adapters.runtime import Runtime
from bot.storage.migrate import current_revision, downgrade, head_revision, upgrade
from bot.tables import metadata


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


async def test_charts_move_to_their_own_table_with_an_owner(runtime: Runtime) -> None:
    from datetime import UTC, date, datetime

    from sqlalchemy import text

    await downgrade(runtime.engine, "0009")
    now = datetime(2026, 11, 30, 14, tzinfo=UTC)
    async with runtime.engine.begin() as connection:  # the coach and survey as 0009 knew them
        coach_id = (await connection.execute(text(
            "INSERT INTO people (platform, user_id, display_name, role, created_at, prep_days) "
            "VALUES ('console', 'okafor', '', 'coach', :at, '') RETURNING id"),
            {"at": now})).scalar_one()
        await connection.execute(text(
            "INSERT INTO pulse_surveys (id, tool, tool_key, instrument, spec, platform, "
            "cohort_id, cohort_name, coach_id, wave, share_results, invited, opened_at, "
            "closes_on, closes_at) VALUES (7, 'Nearpod', 'nearpod', 'tam', '{}', 'console', "
            "'C1', '', :coach, 1, false, 0, :at, :on, :at)"),
            {"coach": coach_id, "at": now, "on": date(2026, 12, 4)})
    async with runtime.engine.begin() as connection:
        for token, survey in (("pulse-chart", 7), ("digest-chart", None)):
            await connection.execute(text(
                "INSERT INTO pulse_charts (token, survey_id, fingerprint, png, created_at) "
                "VALUES (:token, :survey, 'f', :png, :at)"),
                {"token": token, "survey": survey, "png": b"\x89PNG", "at": now})

    await upgrade(runtime.engine)

    async with runtime.engine.connect() as connection:
        rows = (await connection.execute(text(
            "SELECT token, owner FROM charts ORDER BY token"))).all()
    assert [tuple(row) for row in rows] == [("digest-chart", "digest"),
                                           ("pulse-chart", "survey:7")]
    assert "pulse_charts" not in await table_names(runtime)


async def test_a_pilots_figure_leaves_the_reasons_teachers_read(runtime: Runtime) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import select

    from bot.features.tools.models import ToolRow

    await downgrade(runtime.engine, "0023")  # the tools table is as it is now
    now = datetime(2026, 12, 14, 9, tzinfo=UTC)
    async with runtime.sessions() as session, session.begin():
        session.add_all([
            ToolRow(name="Blooket", key="blooket", status="declined", created_at=now, status_at=now,
                    reason="after its pilot: buy-in 33% is far below the 85% target"),
            ToolRow(name="Gimkit", key="gimkit", status="declined", created_at=now, status_at=now,
                    reason="sells student data")])

    await upgrade(runtime.engine)

    async with runtime.sessions() as session:
        reasons = dict((await session.execute(select(ToolRow.name, ToolRow.reason))).all())
    assert reasons == {"Blooket": "after its pilot (your coach can tell you more)",
                       "Gimkit": "sells student data"}
