"""The library's rules over its tables: the texts in use, and every change with its author."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.library.models import ChangeRow, StoredArticleRow
from bot.i18n import _
from bot.people.models import PersonRow
from bot.storage.rows import row_named

HISTORY = 10  # changes shown in an article's history


@dataclass(frozen=True)
class Change:
    """One change as the history shows it: what, who and when."""

    id: int
    kind: str
    removed: bool
    restores: int | None
    author: str
    at: datetime


async def stored_texts(session: AsyncSession) -> dict[str, str]:
    """Every article the district keeps in the database: id -> the article's text."""
    rows = await session.execute(select(StoredArticleRow.article_id, StoredArticleRow.text))
    return {article_id: text for article_id, text in rows}


async def fingerprint(session: AsyncSession) -> tuple[int, int]:
    """How many changes there are and the newest one's id: any commit changes it.

    Changes are only ever added, so a change that commits after a later-numbered one still
    changes the count (a bare max id would miss it on PostgreSQL).
    """
    count, newest = (await session.execute(
        select(func.count(), func.max(ChangeRow.id)))).one()
    return int(count), int(newest or 0)


async def record(session: AsyncSession, article_id: str, text: str, kind: str,
                 author: PersonRow, now: datetime, *, restores: int | None = None,
                 draft: str | None = None) -> ChangeRow:
    """Keep a change and make its text the one in use (an empty text: none of the district's)."""
    change = ChangeRow(article_id=article_id, kind=kind, text=text, restores=restores,
                       draft=draft, author_id=author.id, created_at=now)
    session.add(change)
    await session.flush()
    current = await session.get(StoredArticleRow, article_id)
    if not text:
        if current is not None:
            await session.delete(current)
    elif current is None:
        session.add(StoredArticleRow(article_id=article_id, text=text, change_id=change.id))
    else:
        current.text, current.change_id = text, change.id
    return change


async def history(session: AsyncSession, article_id: str, limit: int = HISTORY
                  ) -> list[Change]:
    """The newest changes to one article, newest first, with who made each."""
    query = (select(ChangeRow, PersonRow.display_name)
             .outerjoin(PersonRow, PersonRow.id == ChangeRow.author_id)
             .where(ChangeRow.article_id == article_id)
             .order_by(ChangeRow.id.desc()).limit(limit))
    return [Change(row.id, row.kind, not row.text, row.restores, name or _("someone"),
                   row.created_at) for row, name in await session.execute(query)]


async def change_of(session: AsyncSession, article_id: str, change_id: str) -> ChangeRow:
    """One earlier change of this article, or a clear message when there is none."""
    found = await row_named(session, ChangeRow, change_id)
    if found is None or found.article_id != article_id:
        raise BadInput(_("I can't find that version of the article any more."))
    return found


async def has_changes(session: AsyncSession, article_id: str) -> bool:
    """True when the article was ever changed in chat."""
    query = select(ChangeRow.id).where(ChangeRow.article_id == article_id).limit(1)
    return (await session.execute(query)).first() is not None


async def used_drafts(session: AsyncSession) -> set[str]:
    """The drafts already published (their "feature:ref" keys)."""
    query = select(ChangeRow.draft).where(ChangeRow.draft.is_not(None)).distinct()
    return {str(key) for key in (await session.execute(query)).scalars()}


async def last_change(session: AsyncSession, article_id: str) -> Change | None:
    """The newest change to an article, for "last changed by" under it."""
    found = await history(session, article_id, 1)
    return found[0] if found else None
