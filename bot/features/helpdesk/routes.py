"""Routes to a helpdesk: the district's default, a ticket category, or a school; a ticket goes
by its school's route first, then its category's, then the default."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.helpdesk.models import HelpdeskRouteRow
from bot.i18n import _
from bot.schools.models import SchoolRow
from bot.schools.service import school_named
from bot.server_secret import ServerSecret
from bot.storage.rows import row_named

# The tickets feature's categories (a test keeps the two lists the same).
CATEGORIES = ("hardware", "network", "accounts", "lms", "apps", "privacy", "security",
              "coaching", "other")
DEFAULT = "default"
SEALED = "helpdesk-secret"  # the purpose the shared secrets are sealed for
EMAIL = re.compile(r"^[^@\s<>\"]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}  # plain http is allowed only to these
MIN_SECRET, MAX_SECRET = 16, 200


@dataclass(frozen=True)
class Route:
    """A route's stored key ("school:3") and how an admin names it ("school Lincoln")."""

    key: str
    label: str


async def parse_route(session: AsyncSession, words: list[str]) -> Route:
    """`default`, a category, or `school <name>`; a friendly error otherwise."""
    if len(words) == 1 and words[0].lower() == DEFAULT:
        return Route(DEFAULT, DEFAULT)
    if len(words) == 1 and words[0].lower() in CATEGORIES:
        return Route(f"category:{words[0].lower()}", words[0].lower())
    if len(words) > 1 and words[0].lower() == "school":
        school = await school_named(session, " ".join(words[1:]))
        if school is None:
            raise BadInput(_("I don't know a school called {name!r}.").format(
                name=" ".join(words[1:])))
        return Route(f"school:{school.id}", f"school {school.name}")
    raise BadInput(_("A route is `default`, a category ({categories}) or `school <name>`.")
                   .format(categories=", ".join(CATEGORIES)))


async def route_of_key(session: AsyncSession, key: str) -> Route | None:
    """A stored key as a route, or None when it names no route there could be."""
    kind, _colon, value = key.partition(":")
    if key == DEFAULT or (kind == "category" and value in CATEGORIES):
        return Route(key, await label_of(session, key))
    school = await row_named(session, SchoolRow, value) if kind == "school" else None
    return Route(key, f"school {school.name}") if school else None


async def label_of(session: AsyncSession, key: str) -> str:
    """How an admin names a stored route."""
    kind, _colon, value = key.partition(":")
    if kind == "school":
        school = await row_named(session, SchoolRow, value)
        # "school <name>" is how the command names it; only "(gone)" is said in words
        return f"school {school.name}" if school else _("{route} (gone)").format(
            route=f"school #{value}")
    return value or kind


async def route_for(session: AsyncSession, category: str,
                    school_id: int | None) -> HelpdeskRouteRow | None:
    """The route a new ticket takes: its school's, its category's, or the default."""
    keys = ([f"school:{school_id}"] if school_id is not None else []) + [
        f"category:{category}", DEFAULT]
    for key in keys:
        row = await session.get(HelpdeskRouteRow, key)
        if row is not None:
            return row
    return None


async def route_row(session: AsyncSession, route: Route, now: datetime) -> HelpdeskRouteRow:
    """A route's row, made when it does not exist yet."""
    row = await session.get(HelpdeskRouteRow, route.key)
    if row is None:
        row = HelpdeskRouteRow(route=route.key, email="", webhook_url="", secret=None,
                               updated_at=now)
        session.add(row)
    row.updated_at = now
    return row


async def all_routes(session: AsyncSession) -> list[HelpdeskRouteRow]:
    """Every route, in key order."""
    query = select(HelpdeskRouteRow).order_by(HelpdeskRouteRow.route)
    return list((await session.execute(query)).scalars())


def checked_email(text: str) -> str:
    """An address an admin typed (Slack may wrap it as <mailto:a@b|a@b>)."""
    address = text.strip().strip("<>").removeprefix("mailto:").split("|")[0]
    if not EMAIL.match(address) or len(address) > 254:
        raise BadInput(_("That doesn't look like an email address, e.g. "
                         "`helpdesk@district.org`."))
    return address


def checked_url(text: str) -> str:
    """A webhook URL an admin typed: https (plain http only to this machine), at most 255
    characters."""
    url = text.strip().strip("<>").split("|")[0]
    parts = urlsplit(url)
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS)
    if not parts.hostname or not secure or len(url) > 255:
        raise BadInput(_("The webhook URL must start with `https://` and be at most 255 "
                         "characters."))
    return url


def shown_url(url: str) -> str:
    """A URL as chat shows it: scheme and host only, since a path may hold a token."""
    parts = urlsplit(url)
    rest = "/…" if parts.path.strip("/") or parts.query else ""
    return f"{parts.scheme}://{parts.netloc}{rest}" if parts.netloc else ""


def seal(secret: ServerSecret, value: str) -> bytes:
    """A shared secret as stored: sealed, so a copy of the database cannot read it."""
    if not secret.lasting:
        raise BadInput(_("Set PREPBOT_SECRET_KEY on the server first (docs/configuration.md): "
                         "without it a stored secret would not survive a restart."))
    if len(value) < MIN_SECRET or len(value) > MAX_SECRET or any(c.isspace() for c in value):
        raise BadInput(_("A secret is {shortest} to {longest} characters with no spaces, e.g. "
                         "from `openssl rand -hex 32`. Nothing was saved.").format(
                             shortest=MIN_SECRET, longest=MAX_SECRET))
    return secret.seal(SEALED, value.encode())


def opened(secret: ServerSecret, row: HelpdeskRouteRow | None) -> str | None:
    """A route's shared secret, or None when none is set (or it was sealed by another key)."""
    if row is None or row.secret is None:
        return None
    try:
        return secret.open(SEALED, row.secret).decode()
    except ValueError:
        return None
