"""Where an embedded install keeps its server secret: beside the database by default, or in a
file of its own (PREPBOT_SECRET_KEY_FILE) so that a copy of the database's folder is not a
copy of the key that opens waiting pulse answers; the file's value carries over to
PREPBOT_SECRET_KEY when a district moves to PostgreSQL, where only that setting counts."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from adapters.runtime import load_settings, server_secret
from adapters.server import RUNTIME, _app_factory
from bot.storage.engine import make_engine
from bot.stored_settings import is_servers_secret

SEALED = b"an answer waiting for its release"
FIRST_KEY = "Zmlyc3Qtc2VydmVyLXNlY3JldC1vZi0zMi1ieXRlcyE="
OTHER_KEY = "b3RoZXItc2VydmVyLXNlY3JldC1vZi0zMi1ieXRlcyE="


def sealed_by(database: Path, **settings: str) -> bytes:
    """An answer sealed by the server secret an install starts with."""
    return server_secret(load_settings(**settings),
                         make_engine(f"sqlite:///{database}")).seal("test", SEALED)


def test_an_embedded_install_keeps_its_key_beside_the_database_readable_by_its_owner_only(
        tmp_path: Path) -> None:
    sealed = sealed_by(tmp_path / "prepbot.db")
    key = tmp_path / "prepbot.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    engine = make_engine(f"sqlite:///{tmp_path / 'prepbot.db'}")
    assert server_secret(load_settings(), engine).open("test", sealed) == SEALED  # restarted


def test_a_key_file_of_its_own_keeps_the_key_out_of_the_databases_folder(
        tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "secrets").mkdir()
    key = tmp_path / "secrets" / "prepbot.key"
    sealed = sealed_by(tmp_path / "data" / "prepbot.db", secret_key_file=str(key))
    assert key.exists() and list((tmp_path / "data").glob("*.key")) == []
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'prepbot.db'}")
    again = server_secret(load_settings(secret_key_file=str(key)), engine)
    assert again.open("test", sealed) == SEALED


def test_the_key_files_value_is_the_same_secret_as_prepbot_secret_key(tmp_path: Path) -> None:
    sealed = sealed_by(tmp_path / "prepbot.db")
    value = (tmp_path / "prepbot.key").read_text().strip()
    moved = server_secret(load_settings(secret_key=value),
                          make_engine("postgresql://prepbot@127.0.0.1:1/prepbot"))
    assert moved.lasting and moved.open("test", sealed) == SEALED


def test_replicas_on_postgresql_never_make_key_files_of_their_own(tmp_path: Path) -> None:
    # A red team's (stop 44): two replicas of the Docker image each made /secrets/prepbot.key
    # and each dropped what the other had sealed. Replicas need PREPBOT_SECRET_KEY.
    key = tmp_path / "prepbot.key"
    replica = server_secret(load_settings(secret_key_file=str(key)),
                            make_engine("postgresql://prepbot@127.0.0.1:1/prepbot"))
    assert not replica.lasting and not key.exists()


async def test_the_server_records_the_secret_it_runs_with_and_says_when_it_changed(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # So that `prepbot privacy delete` run with another key is refused (a red team's, stop 44).
    url = f"sqlite:///{tmp_path / 'prepbot.db'}"
    for key in (FIRST_KEY, FIRST_KEY, OTHER_KEY):
        app = await _app_factory(load_settings(DATABASE_URL=url, PREPBOT_SECRET_KEY=key,
                                               PREPBOT_SCHEDULER="0"))
        runtime = app[RUNTIME]
        async with runtime.sessions() as session:
            assert await is_servers_secret(session, runtime.bot.secret)
        await runtime.close()
    assert caplog.text.count("not the one this database was last served with") == 1


async def test_a_database_that_refuses_the_mark_still_serves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    # A red team's (stop 44): on a read-only PostgreSQL database, `prepbot serve` crashed at
    # start on writing the mark.
    async def read_only(*_: object) -> bool:
        raise OperationalError("INSERT INTO settings_kv", {}, Exception("read-only transaction"))

    monkeypatch.setattr("adapters.server.mark_secret", read_only)
    app = await _app_factory(load_settings(DATABASE_URL=f"sqlite:///{tmp_path / 'p.db'}",
                                           PREPBOT_SECRET_KEY=FIRST_KEY, PREPBOT_SCHEDULER="0"))
    await app[RUNTIME].close()
    assert "could not record the server secret's mark" in caplog.text
