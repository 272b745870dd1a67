"""The district's articles kept in the database, for `prepbot kb check --published` and backups."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.library.models import StoredArticleRow
from bot.hooks import Table

COLUMNS = ("id", "change", "text")


async def articles(session: AsyncSession, _: str = "") -> Table:
    """Every article in use from the database: its id, the change that made it, its text."""
    query = select(StoredArticleRow).order_by(StoredArticleRow.article_id)
    return Table(COLUMNS, [(row.article_id, str(row.change_id), row.text)
                           for row in (await session.execute(query)).scalars()])
