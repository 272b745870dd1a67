"""Short-lived signed links to kept pictures, and the blocks that show them on a card.

Slack and Teams fetch an image from a URL without prepbot's credentials, so the URL is the
capability: `/attachments/{id}.{nonce}.{expires}.{signature}`, signed with the server secret
(every replica has the same one, so any replica serves any link) and good for LIFETIME.
Every time a card is drawn (any button on it, or the ticket opened from `/tickets`) its links
are new.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.attachments import notes
from bot.attachments.models import AttachmentRow
from bot.attachments.store import owned_by
from bot.blocks import Block, Context, Image
from bot.server_secret import ServerSecret

PURPOSE = "attachment-link"
PREFIX = "/attachments/"
LIFETIME = timedelta(hours=24)


def link(secret: ServerSecret, row: AttachmentRow, now: datetime) -> str:
    """The picture's path on prepbot's server (adapters make it absolute), valid LIFETIME."""
    expires = int((now + LIFETIME).timestamp())
    return PREFIX + secret.sign(PURPOSE, f"{row.id}.{row.nonce}.{expires}")


def opened(secret: ServerSecret, token: str, now: datetime) -> tuple[int, str, datetime] | None:
    """(id, nonce, expiry) of a link this secret signed and that has not expired, else None."""
    message = secret.verify(PURPOSE, token)
    parts = message.split(".") if message else []
    if len(parts) != 3 or not parts[0].isdecimal() or not parts[2].isdecimal():
        return None
    expires = datetime.fromtimestamp(int(parts[2]), UTC)
    return (int(parts[0]), parts[1], expires) if expires > now else None


def picture_blocks(secret: ServerSecret, rows: Sequence[AttachmentRow], now: datetime
                   ) -> tuple[Block, ...]:
    """Each picture as an image, and one line naming them."""
    if not rows:
        return ()
    images = tuple(Image(link(secret, row, now), notes.alt_text(row.name)) for row in rows)
    return (*images, Context(notes.pictures_line([row.name for row in rows])))


async def blocks_for(session: AsyncSession, secret: ServerSecret, owner: str, now: datetime
                     ) -> tuple[Block, ...]:
    """The pictures attached to `owner` (e.g. `ticket:41`), as blocks for a card."""
    return picture_blocks(secret, await owned_by(session, owner), now)
