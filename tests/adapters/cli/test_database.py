"""`prepbot db`: a copy never empties the database it reads, and a database a newer prepbot
migrated is named as such, by every command that meets it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from adapters.cli.urls import same_database
from adapters.runtime import Runtime
from bot.people.models import PersonRow
from bot.roles import Role
from bot.vocabulary import Person
from tests.adapters.cli.test_cli import free_port, prepbot


def seeded(tmp_path: Path) -> Path:
    """A scratch install with one coach and one school; returns its database file."""
    assert prepbot("roles", "set", "console:park", "coach", cwd=tmp_path,
                   DATABASE_URL="").returncode == 0
    assert prepbot("schools", "add", "Lincoln", cwd=tmp_path, DATABASE_URL="").returncode == 0
    return tmp_path / "prepbot.db"


def counts(database: Path) -> tuple[int, int]:
    with sqlite3.connect(database) as connection:
        return (connection.execute("select count(*) from people").fetchone()[0],
                connection.execute("select count(*) from schools").fetchone()[0])


@pytest.mark.parametrize("target", ["sqlite:///./prepbot.db",
                                    "sqlite:///file:{database}?uri=true"])
def test_a_copy_onto_the_same_sqlite_file_spelled_another_way_is_refused(
        tmp_path: Path, target: str) -> None:
    # Red teams' (stop 52): absolute once, relative once (then as a `file:` URI), with
    # --force: every row deleted.
    database = seeded(tmp_path)
    copied = prepbot("db", "copy", "--from", f"sqlite:///{database}", "--to",
                     target.format(database=database), "--force", cwd=tmp_path,
                     DATABASE_URL="")
    assert copied.returncode == 2 and "name the same database" in copied.stderr
    assert counts(database) == (1, 1)


@pytest.mark.parametrize(("one", "other"), [
    ("postgresql://prepbot:x@127.0.0.1/prepbot", "postgresql://prepbot:y@localhost:5432/prepbot"),
    ("postgresql://prepbot@DB.example.org/prepbot", "postgresql+asyncpg://a@db.example.org/prepbot"),
    # a red team's on that fix (stop 52): loopback spelled otherwise, a host in the query
    ("postgresql://p@127.0.0.1/prepbot", "postgresql://p@127.1/prepbot"),
    ("postgresql://p@localhost/prepbot", "postgresql://p@2130706433/prepbot"),
    ("postgresql://p@[::1]/prepbot", "postgresql://p@[::ffff:127.0.0.1]/prepbot"),
    ("postgresql://p@/prepbot", "postgresql://p@/prepbot?host=/var/run/postgresql"),
    ("postgresql://p@db.example.org/prepbot", "postgresql://p@/prepbot?host=db.example.org"),
])
def test_one_postgresql_database_is_the_same_however_its_server_is_spelled(
        one: str, other: str) -> None:
    assert same_database(make_url(one), make_url(other))


def test_two_postgresql_databases_on_one_server_are_not_the_same() -> None:
    assert not same_database(make_url("postgresql://p@localhost/prepbot"),
                             make_url("postgresql://p@localhost/prepbot_new"))
    assert not same_database(make_url("postgresql://p@localhost:5432/prepbot"),
                             make_url("postgresql://p@localhost:5433/prepbot"))
    assert not same_database(make_url("postgresql://p@/prepbot?host=old-db.example.org"),
                             make_url("postgresql://p@localhost/prepbot"))
    assert not same_database(make_url("postgresql://p@/prepbot?host=/tmp&port=5433"),
                             make_url("postgresql://p@localhost/prepbot"))


async def test_a_copy_onto_the_same_postgresql_by_another_host_name_is_refused(
        runtime: Runtime, tmp_path: Path) -> None:
    # A red team's (stop 52): 127.0.0.1 and localhost: TRUNCATE of every table, "row counts
    # match", exit 0.
    if runtime.engine.dialect.name != "postgresql":
        pytest.skip("needs PREPBOT_TEST_DATABASE_URL (the SQLite case is above)")
    await runtime.bot.grant(Person(platform="slack", user_id="UCOACH"), Role.COACH)
    url = make_url(runtime.engine.url.render_as_string(hide_password=False))
    source = url.set(drivername="postgresql", host="127.0.0.1")
    target = url.set(drivername="postgresql", host="localhost")
    copied = prepbot("db", "copy", "--from", source.render_as_string(hide_password=False),
                     "--to", target.render_as_string(hide_password=False), "--force",
                     cwd=tmp_path, DATABASE_URL="")
    assert copied.returncode == 2 and "name the same database" in copied.stderr
    async with runtime.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(PersonRow)) == 1


def test_a_copy_given_file_names_instead_of_urls_says_how_to_name_them(tmp_path: Path) -> None:
    seeded(tmp_path)
    copied = prepbot("db", "copy", "--from", "prepbot.db", "--to", "postgres-server",
                     cwd=tmp_path, DATABASE_URL="")
    assert copied.returncode == 2 and "Traceback" not in copied.stderr
    assert "--from 'prepbot.db' is not a database URL" in copied.stderr
    assert "sqlite:///path/to/prepbot.db" in copied.stderr


def test_a_database_a_newer_prepbot_migrated_is_named_so_by_every_command(
        tmp_path: Path) -> None:
    # A red team's (stop 52): after a rollback of the code, `db current` advised `db upgrade`,
    # which (like every other command) was alembic's traceback.
    database = seeded(tmp_path)
    with sqlite3.connect(database) as connection:
        connection.execute("update alembic_version set version_num = '0099_from_the_future'")
    current = prepbot("db", "current", cwd=tmp_path, DATABASE_URL="")
    assert current.returncode == 1 and "prepbot db upgrade" not in current.stdout
    assert "migrated by a newer prepbot: reinstall that version" in current.stdout
    copy = ("db", "copy", "--from", f"sqlite:///{database}", "--to",
            f"sqlite:///{tmp_path / 'copy.db'}")  # not sent to `db upgrade` either
    for command in (("db", "upgrade"), ("schools", "list"), copy):
        refused = prepbot(*command, cwd=tmp_path, DATABASE_URL="")
        assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
        assert refused.stderr.startswith(
            "This database was migrated by a newer prepbot (revision 0099_from_the_future")
    assert counts(database) == (1, 1)


def test_serve_on_a_database_a_newer_prepbot_migrated_says_so_and_stops(tmp_path: Path) -> None:
    database = seeded(tmp_path)
    with sqlite3.connect(database) as connection:
        connection.execute("update alembic_version set version_num = '0099_from_the_future'")
    served = prepbot("serve", "--port", str(free_port()), cwd=tmp_path, DATABASE_URL="")
    assert served.returncode == 1 and "Traceback" not in served.stderr, served.stderr[-600:]
    assert "migrated by a newer prepbot" in served.stderr


def test_an_unreachable_database_is_one_sentence_from_every_group(tmp_path: Path) -> None:
    # A red team's (stop 52): outside `prepbot db`, a database that is down was a traceback.
    down = "postgresql://prepbot:x@127.0.0.1:1/prepbot"
    for command in (("roles", "set", "slack:U1", "coach"), ("schools", "list"),
                    ("privacy", "export", "slack:U1")):
        result = prepbot(*command, cwd=tmp_path, DATABASE_URL=down)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-600:]
        assert result.stderr.startswith("Database error: ")
    assert not os.listdir(tmp_path)
    served = prepbot("serve", "--port", str(free_port()), cwd=tmp_path, DATABASE_URL=down)
    assert served.returncode == 1 and "Traceback" not in served.stderr, served.stderr[-600:]
    assert "Cannot start prepbot: ConnectionRefusedError" in served.stderr


def test_db_current_hides_a_password_given_in_the_query_string(
        tmp_path: Path, database_url: str) -> None:
    # A red team's (stop 53): `?password=...` (libpq's and asyncpg's form, handy when the
    # password holds an "@") was printed whole; only the userinfo password was hidden.
    url = make_url(database_url)
    if not url.password:
        pytest.skip("a SQLite file has no password: the PostgreSQL run tries this")
    in_query = url.set(password=None).update_query_dict({"password": url.password})
    current = prepbot("db", "current", cwd=tmp_path,
                      DATABASE_URL=in_query.render_as_string(hide_password=False))
    assert "revision" in current.stdout, current.stderr  # it connected with that password
    assert f"password={url.password}" not in current.stdout + current.stderr


def test_db_current_takes_sslmode_as_hosted_postgresql_spells_it(
        tmp_path: Path, database_url: str) -> None:
    # A red team's (stop 53): libpq's `?sslmode=require`, as every hosted PostgreSQL's guide
    # gives the URL, was asyncpg's TypeError traceback; it is asyncpg's `ssl` now.
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        pytest.skip("sslmode is PostgreSQL's: the PostgreSQL run tries this")
    spelled = url.update_query_dict({"sslmode": "disable"})  # this server speaks no TLS
    current = prepbot("db", "current", cwd=tmp_path,
                      DATABASE_URL=spelled.render_as_string(hide_password=False))
    assert current.returncode == 0 and "revision" in current.stdout, current.stderr
