"""Insert-if-new in one statement on both databases (ON CONFLICT DO NOTHING RETURNING)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


async def insert_new(session: AsyncSession, model: Any, rows: Sequence[dict[str, object]],
                     unique: str, returned: Any) -> dict[str, Any]:
    """Insert the rows whose `unique` value is new; returns {unique value: returned column}
    for those inserted (a row already there is left alone and not in the result)."""
    if not rows:
        return {}
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    key = getattr(model, unique)
    statement = (insert(model).values(list(rows)).on_conflict_do_nothing(index_elements=[key])
                 .returning(key, returned))
    return {str(k): v for k, v in (await session.execute(statement)).all()}
