"""Kept pictures: held for a while after they arrive, then attached to what a feature opens.

A picture that arrives with a message is held for its sender (owner "") for HOLD; a feature
that opens something for that person in the meantime (the tickets feature, a ticket) claims
what they hold. Held pictures nobody claimed are deleted by the retention sweep.
"""

from __future__ import annotations

import mimetypes
import re
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from bot.attachments.models import AttachmentRow
from bot.masking import mask_within
from bot.vocabulary import Attachment

HOLD = timedelta(hours=2)  # as long as "ticket" refers back to the last question
UNSAFE = re.compile(r"[\x00-\x1f\x7f*_~`<>|\[\]()]")  # control characters and markup
BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")  # "Maya.Lopez", not "10.15"


def shown_name(name: str) -> str:
    """A file name fit to show a coach: no folders, no markup, student names masked."""
    base = re.split(r"[\\/]", name)[-1].strip() or "picture"
    stem, dot, extension = base.rpartition(".")
    if not (dot and stem and mimetypes.guess_type(base)[0]):  # "Maya.Lopez" has none
        stem, extension = base, ""
    # Its words as a sentence: the masker reads "Jaden_Rodriguez" and "Rodriguez.png" as one
    # word each, neither a name (a red team's, stop 47).
    words = " ".join(BETWEEN_LETTERS.sub(" ", UNSAFE.sub(" ", stem)).split()) or "picture"
    return mask_within(words, 90).text + (f".{extension}" if extension else "")


async def hold(session: AsyncSession, person_id: int, attachments: Sequence[Attachment],
               now: datetime) -> list[AttachmentRow]:
    """Store the cleaned pictures of an arrival, held for their sender."""
    rows = [AttachmentRow(person_id=person_id, owner="", nonce=secrets.token_urlsafe(12),
                          name=shown_name(a.name), media_type=a.media_type, size=len(a.data),
                          data=a.data, created_at=now)
            for a in attachments if a.data and not a.refused]
    session.add_all(rows)
    await session.flush()
    return rows


async def claim(session: AsyncSession, person_id: int, owner: str, now: datetime
                ) -> list[AttachmentRow]:
    """Attach what the person holds (received in the last HOLD) to `owner`, e.g. `ticket:41`."""
    query = (select(AttachmentRow).options(defer(AttachmentRow.data))
             .where(AttachmentRow.person_id == person_id, AttachmentRow.owner == "",
                    AttachmentRow.created_at >= now - HOLD).order_by(AttachmentRow.id))
    rows = list((await session.execute(query)).scalars())
    for row in rows:
        row.owner = owner
    await session.flush()
    return rows


async def owned_by(session: AsyncSession, owner: str) -> list[AttachmentRow]:
    """The pictures attached to `owner`, oldest first (their bytes are not read)."""
    query = (select(AttachmentRow).options(defer(AttachmentRow.data))
             .where(AttachmentRow.owner == owner).order_by(AttachmentRow.id))
    return list((await session.execute(query)).scalars())


async def move(session: AsyncSession, owner: str, to: str) -> int:
    """Re-attach everything of one owner to another (a ticket merged into another)."""
    result = await session.execute(update(AttachmentRow).where(AttachmentRow.owner == owner)
                                   .values(owner=to))
    return int(getattr(result, "rowcount", 0) or 0)


async def forget(session: AsyncSession, owners: Sequence[str]) -> int:
    """Delete the pictures of these owners (tickets past their retention)."""
    if not owners:
        return 0
    result = await session.execute(delete(AttachmentRow).where(AttachmentRow.owner.in_(owners)))
    return int(getattr(result, "rowcount", 0) or 0)


async def forget_unclaimed(session: AsyncSession, now: datetime) -> int:
    """Delete held pictures nothing claimed within HOLD (the scheduler's retention sweep)."""
    result = await session.execute(delete(AttachmentRow).where(
        AttachmentRow.owner == "", AttachmentRow.created_at < now - HOLD))
    return int(getattr(result, "rowcount", 0) or 0)


async def picture(session: AsyncSession, attachment_id: int, nonce: str) -> AttachmentRow | None:
    """One picture with its bytes, when the link's id and nonce both match."""
    row = await session.get(AttachmentRow, attachment_id)
    return row if row is not None and secrets.compare_digest(row.nonce, nonce) else None
