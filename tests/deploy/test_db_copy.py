"""`prepbot db copy`: SQLite to PostgreSQL (or another SQLite file), nothing lost."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.deploy.databases import fresh_postgres, prepbot_chat, seed_sqlite, snapshot
from tests.deploy.servers import prepbot

SERVER = os.environ.get("PREPBOT_TEST_DATABASE_URL", "")


@pytest.fixture
async def target(tmp_path: Path) -> AsyncIterator[str]:
    """An empty database: a new PostgreSQL database when the suite has a server, else SQLite."""
    if not SERVER:
        yield f"sqlite:///{tmp_path / 'target.db'}"
        return
    async with fresh_postgres(SERVER) as url:
        yield url


async def test_copy_keeps_every_row_and_refuses_a_filled_target(tmp_path: Path,
                                                                 target: str) -> None:
    source = seed_sqlite(tmp_path)
    copied = prepbot("db", "copy", "--from", source, "--to", target, "--batch", "2",
                     cwd=tmp_path, env={})
    assert copied.returncode == 0, copied.stderr
    assert "row counts match" in copied.stdout
    assert "tickets: 1 rows" in copied.stdout and "people: 1 rows" in copied.stdout
    assert "  processed_events: 2/4" in copied.stdout, "progress is shown per batch"
    assert "***" in copied.stdout or target.startswith("sqlite"), "the password is hidden"
    (before, sample), (after, copied_sample) = await snapshot(source), await snapshot(target)
    assert after == before and before["tickets"] == 1 and before["questions"] == 2
    for table in ("tickets", "people", "questions", "schools", "ticket_events"):
        assert copied_sample[table] == sample[table], table
    assert "Jamie" not in str(copied_sample["tickets"]), "students stay masked"

    again = prepbot("db", "copy", "--from", source, "--to", target, cwd=tmp_path, env={})
    assert again.returncode == 2 and "already holds rows" in again.stderr
    forced = prepbot("db", "copy", "--from", source, "--to", target, "--force", cwd=tmp_path,
                     env={})
    assert forced.returncode == 0, forced.stderr
    assert (await snapshot(target))[0] == before


async def test_new_rows_after_a_copy_get_fresh_ids(tmp_path: Path, target: str) -> None:
    source = seed_sqlite(tmp_path)
    assert prepbot("db", "copy", "--from", source, "--to", target, cwd=tmp_path,
                   env={}).returncode == 0
    said = prepbot_chat(tmp_path, {"DATABASE_URL": target})
    assert "Ticket #2 is open" in said, "the id sequence was moved past the copied rows"


def test_copy_explains_a_missing_source_and_db_current(tmp_path: Path) -> None:
    missing = prepbot("db", "copy", "--from", "sqlite:///nowhere.db", "--to",
                      f"sqlite:///{tmp_path / 'x.db'}", cwd=tmp_path, env={})
    assert missing.returncode == 2 and "No SQLite file" in missing.stderr
    fresh = prepbot("db", "current", cwd=tmp_path, env={"DATABASE_URL": "sqlite:///new.db"})
    assert fresh.returncode == 1 and "prepbot db upgrade" in fresh.stdout
    assert prepbot("db", "upgrade", cwd=tmp_path,
                   env={"DATABASE_URL": "sqlite:///new.db"}).returncode == 0
    current = prepbot("db", "current", cwd=tmp_path, env={"DATABASE_URL": "sqlite:///new.db"})
    assert current.returncode == 0 and current.stdout.rstrip().endswith("current")
