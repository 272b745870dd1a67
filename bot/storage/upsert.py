"""Insert-if-new (ON CONFLICT DO NOTHING RETURNING) and insert-or-replace (ON CONFLICT DO
UPDATE), each in one statement on both databases."""

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


async def put(session: AsyncSession, model: Any, row: dict[str, object], unique: str) -> None:
    """Insert the row, or replace the one with its `unique` value, in one statement: never a
    read then a write that another transaction's delete can come between."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(row)
    await session.execute(statement.on_conflict_do_update(
        index_elements=[getattr(model, unique)],
        set_={k: statement.excluded[k] for k in row if k != unique}))
