"""Database URLs as operators type them: checked, and told apart however spelled."""

from __future__ import annotations

import os
import socket
from ipaddress import ip_address
from pathlib import Path
from urllib.parse import unquote, urlsplit

import typer
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from bot.storage.engine import async_url


def database_url(text: str, option: str) -> URL:
    """The URL an option names; one that is not a URL is a clear error, not a traceback."""
    try:
        return make_url(async_url(text))
    except (ArgumentError, ValueError) as error:  # ValueError: a password read as a port
        # Quoted only when it holds no "@" or ":", which could be a password (stop 53).
        shown = f" {text!r}" if not set(text) & {"@", ":"} else ""
        typer.echo(f"{option}{shown} is not a database URL: name it as "
                   "sqlite:///path/to/prepbot.db or postgresql://USER:PASSWORD@HOST/DATABASE.",
                   err=True)
        raise typer.Exit(2) from error


def same_database(one: URL, other: URL) -> bool:
    """Whether two URLs name one database however spelled: the same file for SQLite, the same
    server, port and database for PostgreSQL (red teams', stop 52: a file named once
    absolute and once relative, or as a `file:` URI, and a server named 127.1, passed, and
    `--force` emptied it)."""
    if one.get_backend_name() != other.get_backend_name():
        return False
    if one.get_backend_name() == "sqlite":
        first, second = sqlite_file(one), sqlite_file(other)
        if not first or not second or ":memory:" in (first, second):
            return first == second
        if Path(first).resolve() == Path(second).resolve():
            return True
        try:
            return os.path.samefile(first, second)  # a hard link or a symlinked folder
        except OSError:
            return False
    return _server(one) == _server(other)


def sqlite_file(url: URL) -> str:
    """The file an SQLite URL opens, a `file:` URI's too (`sqlite:///file:/x.db?uri=true`)."""
    name = url.database or ""
    if not name.startswith("file:"):
        return name
    parsed = urlsplit(name)
    return unquote(parsed.path) or ":memory:"


def _server(url: URL) -> tuple[str, int, str]:
    """Where a PostgreSQL URL connects: this machine (however named: a loopback address in any
    spelling, no host, a socket folder) or a host; the port; the database. A host or port
    given in the query string (asyncpg's form) counts as given."""
    host = str(url.host or _first(url.query.get("host")) or "")
    port = url.port or int(_first(url.query.get("port")) or 5432)
    return ("this machine" if _local(host) else host.lower(), port, url.database or "")


def _first(value: str | tuple[str, ...] | None) -> str:
    return (value[0] if value else "") if isinstance(value, tuple) else (value or "")


def _local(host: str) -> bool:
    """Whether a host is this machine: none, a socket folder, or what resolves to loopback."""
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True
    try:
        found = socket.getaddrinfo(host.strip("[]"), None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    return bool(found) and all(_loopback(str(each[4][0]).split("%")[0]) for each in found)


def _loopback(address: str) -> bool:
    ip = ip_address(address)
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1
    return ip.is_loopback or (mapped is not None and mapped.is_loopback)
