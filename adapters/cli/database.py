"""`prepbot db`: upgrade, current, checkpoint, and copy (SQLite to PostgreSQL) without
touching SQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from alembic.util.exc import CommandError
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    Table,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.cli.urls import database_url, same_database, sqlite_file
from adapters.runtime import load_settings
from bot.storage.base import UTCDateTime
from bot.storage.engine import checkpoint, make_engine
from bot.storage.migrate import (
    NewerDatabase,
    current_revision,
    head_revision,
    known_revision,
    upgrade,
)
from bot.tables import metadata as app_metadata

T = TypeVar("T")
db = typer.Typer(help="Look after the database: migrations, and moving to PostgreSQL.",
                 no_args_is_help=True)
SKIP = {"alembic_version"}  # the copy's target is migrated by Alembic itself
SECRET_PARAMETERS = {"password", "sslpassword"}  # what a URL's query may hold of a secret
LOG_NOT_EMPTIED = (
    "SQLite's write-ahead log could not be emptied: another connection was reading the "
    "database (an online backup, a sqlite3 shell?). Until it is, the words just erased are "
    "still in its -wal file. When that reader has finished, run `prepbot db checkpoint`.")


def with_database(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run async work; a database that cannot be reached is a clear error, not a traceback."""
    try:
        return asyncio.run(work())
    except (SQLAlchemyError, OSError) as error:
        typer.echo(f"Database error: {type(error).__name__}: {str(error).splitlines()[0]}",
                   err=True)
        raise typer.Exit(1) from error
    except (NewerDatabase, CommandError) as error:  # a rollback of the code, most often
        typer.echo(str(error).splitlines()[0], err=True)
        raise typer.Exit(1) from error


def _shown(url: str) -> str:
    """A URL fit for printing: the password hidden, where it belongs or in the query string
    (libpq's and asyncpg's `?password=`: a red team's, stop 53, saw it printed)."""
    parsed = make_url(url)
    secret = [name for name in parsed.query if name.lower() in SECRET_PARAMETERS]
    return parsed.difference_update_query(secret).render_as_string(hide_password=True)


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply every migration to the database in DATABASE_URL (also done on every start)."""
    url = load_settings().database_url

    async def work() -> None:
        engine = make_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    with_database(work)
    typer.echo(f"Database is at revision {head_revision()}.")


@db.command("current")
def db_current() -> None:
    """Print the database's migration revision and whether it is the newest; exit 1 if not."""
    url = load_settings().database_url

    async def work() -> str | None:
        engine = make_engine(url)
        try:
            return await current_revision(engine)
        finally:
            await engine.dispose()

    revision, head = with_database(work), head_revision()
    if revision == head:
        advice = "current"
    elif revision and not known_revision(revision):
        # Rolled back past a migration: upgrading cannot help (docs/upgrading.md).
        advice = ("migrated by a newer prepbot: reinstall that version, or restore the "
                  "backup taken before the upgrade")
    else:
        advice = "run `prepbot db upgrade`"
    typer.echo(f"{_shown(url)}: revision {revision or 'none'} (newest {head}): {advice}")
    raise typer.Exit(0 if revision == head else 1)


@db.command("checkpoint")
def db_checkpoint() -> None:
    """Empty SQLite's write-ahead log into the database file (an erase does it too); exit 1
    if a reader kept it from finishing."""
    url = load_settings().database_url

    async def work() -> bool:
        engine = make_engine(url)
        try:
            return await checkpoint(engine)
        finally:
            await engine.dispose()

    if not with_database(work):
        typer.echo(LOG_NOT_EMPTIED, err=True)
        raise typer.Exit(1)
    if make_url(url).get_backend_name() != "sqlite":
        typer.echo("Nothing to do on PostgreSQL: a dump holds no erased row. Its own files keep "
                   "old rows until vacuum reclaims them; run VACUUM to do it now.")
        return
    typer.echo("The write-ahead log is empty: everything is in the database file.")


@db.command("copy")
def db_copy(
        source: Annotated[str, typer.Option("--from", help="The database to read, e.g. "
                                            "sqlite:///prepbot.db")],
        target: Annotated[str, typer.Option("--to", help="The database to fill, e.g. "
                                            "postgresql://prepbot:PASSWORD@db/prepbot")],
        force: Annotated[bool, typer.Option(help="Delete what the target already holds "
                                            "first.")] = False,
        batch: Annotated[int, typer.Option(min=1, help="Rows per insert.")] = 1000) -> None:
    """Copy every table, in dependency order, from one database to another (stop prepbot first)."""
    if same_database(database_url(source, "--from"), database_url(target, "--to")):
        typer.echo("--from and --to name the same database.", err=True)
        raise typer.Exit(2)
    path = sqlite_file(make_url(source))
    if make_url(source).get_backend_name() == "sqlite" and not (path and Path(path).is_file()):
        typer.echo(f"No SQLite file at {path!r}: name it as sqlite:///path/to/prepbot.db.",
                   err=True)
        raise typer.Exit(2)
    copied = with_database(lambda: copy_database(source, target, force=force, batch=batch))
    typer.echo(f"Copied {sum(copied.values())} rows in {len(copied)} tables to "
               f"{_shown(target)}; row counts match.")


class CopyRefused(Exception):
    """The copy cannot start; the message says why and what to do."""


async def copy_database(source: str, target: str, *, force: bool = False, batch: int = 1000,
                        echo: Callable[[str], None] = typer.echo) -> dict[str, int]:
    """Copy all rows from source to target (migrated first); returns rows per table."""
    src, dst = make_engine(source), make_engine(target)
    try:
        return await _copy(src, dst, force, batch, echo)
    except CopyRefused as refused:
        typer.echo(str(refused), err=True)
        raise typer.Exit(2) from refused
    finally:
        await src.dispose()
        await dst.dispose()


async def _copy(src: AsyncEngine, dst: AsyncEngine, force: bool, batch: int,
                echo: Callable[[str], None]) -> dict[str, int]:
    head, revision = head_revision(), await current_revision(src)
    if revision and not known_revision(revision):  # a rollback of the code: upgrade can't help
        raise NewerDatabase(revision)
    if revision != head:
        raise CopyRefused("The source is not at the newest migration: run `prepbot db upgrade` "
                          "with DATABASE_URL set to the source first.")
    await upgrade(dst)
    tables = await _tables(src, dst)
    async with dst.begin() as out:
        filled = {t.name: n for t in tables if (n := await _count(out, t))}
        if filled and not force:
            raise CopyRefused("The target already holds rows (" + ", ".join(
                f"{name}: {n}" for name, n in filled.items()) + "). Use --force to replace "
                "them, or name an empty database.")
        if filled and dst.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            await out.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        elif filled:
            for table in reversed(tables):  # children before parents
                await out.execute(delete(table))
    copied: dict[str, int] = {}
    async with src.connect() as reader, dst.begin() as out:
        for table in tables:
            copied[table.name] = await _copy_table(reader, out, table, batch, echo)
        if dst.dialect.name == "postgresql":
            await _reset_sequences(out, tables)
    async with src.connect() as reader, dst.connect() as out:
        for table in tables:
            have, want = await _count(out, table), await _count(reader, table)
            if have != want:
                raise CopyRefused(f"{table.name}: {have} rows copied of {want}.")
    return copied


async def _tables(src: AsyncEngine, dst: AsyncEngine) -> list[Table]:
    """Tables to copy, parents first, with the columns both databases have.

    Column types come from prepbot's own models where it has them (their types turn SQLite's
    text timestamps into real ones); otherwise from the source, with UTC timestamps where the
    target keeps time zones (prepbot writes UTC everywhere).
    """
    found = MetaData()
    async with src.connect() as connection:
        await connection.run_sync(lambda c: found.reflect(c))
    async with dst.connect() as connection:
        wanted: dict[str, dict[str, Any]] = await connection.run_sync(_columns_of)
    tables: list[Table] = []
    for reflected in found.sorted_tables:
        if reflected.name in SKIP or reflected.name not in wanted:
            continue
        known = app_metadata.tables.get(reflected.name)
        columns = []
        for column in reflected.columns:
            if column.name not in wanted[reflected.name]:
                continue
            kind: Any = known.columns[column.name].type if known is not None and \
                column.name in known.columns else column.type
            target_type = wanted[reflected.name][column.name]
            if known is None and isinstance(target_type, DateTime) and target_type.timezone:
                kind = UTCDateTime()
            # No foreign keys: the copy only inserts, in an order that already respects them.
            columns.append(Column(column.name, kind, primary_key=column.primary_key))
        tables.append(Table(reflected.name, MetaData(), *columns))
    return tables


def _columns_of(connection: Connection) -> dict[str, dict[str, Any]]:
    inspector = inspect(connection)
    return {name: {c["name"]: c["type"] for c in inspector.get_columns(name)}
            for name in inspector.get_table_names()}


async def _count(connection: AsyncConnection, table: Table) -> int:
    return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())


async def _copy_table(reader: AsyncConnection, out: AsyncConnection, table: Table, batch: int,
                      echo: Callable[[str], None]) -> int:
    total, done = await _count(reader, table), 0
    order = list(table.primary_key.columns) or list(table.columns)
    result = await reader.stream(select(table).order_by(*order))
    async for rows in result.mappings().partitions(batch):
        await out.execute(insert(table), [dict(row) for row in rows])
        done += len(rows)
        if total > batch:
            echo(f"  {table.name}: {done}/{total}")
    echo(f"{table.name}: {done} rows")
    return done


async def _reset_sequences(out: AsyncConnection, tables: list[Table]) -> None:
    """Move each serial column's sequence past the copied ids, so new rows do not collide."""
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            sequence = (await out.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                          {"t": table.name, "c": column.name})).scalar()
            if sequence:
                await out.execute(text(
                    f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") FROM '
                    f'"{table.name}"), 1), (SELECT COUNT(*) FROM "{table.name}") > 0)'),
                    {"s": sequence})
