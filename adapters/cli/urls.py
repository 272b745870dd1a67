"""Database URLs as operators type them: checked, and told apart however spelled."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.storage.engine import async_url


def database_url(text: str, option: str) -> URL:
    """The URL an option names; one that is not a URL is a clear error, not a traceback."""
    try:
        return make_url(async_url(text))
    except ArgumentError as error:
        typer.echo(f"{option} {text!r} is not a database URL: name it as "
                   "sqlite:///path/to/prepbot.db or postgresql://USER:PASSWORD@HOST/DATABASE.",
                   err=True)
        raise typer.Exit(2) from error


# This machine, however named (no host: its socket), is one PostgreSQL server.
LOOPBACK = {"", "localhost", "127.0.0.1", "::1"}


def same_database(one: URL, other: URL) -> bool:
    """Whether two URLs name one database however spelled: the same file for SQLite, the same
    server, port and database for PostgreSQL (a red team's, stop 52: a file named once
    absolute and once relative passed, and `--force` emptied it)."""
    if one.get_backend_name() != other.get_backend_name():
        return False
    if one.get_backend_name() == "sqlite":
        first, second = one.database or "", other.database or ""
        if not first or not second or ":memory:" in (first, second):
            return first == second
        if Path(first).resolve() == Path(second).resolve():
            return True
        try:
            return os.path.samefile(first, second)  # a hard link or a symlinked folder
        except OSError:
            return False

    def server(url: URL) -> tuple[str, int, str]:
        host = (url.host or "").lower()
        return ("localhost" if host in LOOPBACK else host, url.port or 5432, url.database or "")
    return server(one) == server(other)
