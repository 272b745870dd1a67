"""`prepbot privacy export`: everything stored about one person, students' data masked."""

from __future__ import annotations

import base64
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import _, language_of, speaking
from bot.masking import mask_student_data
from bot.privacy.rules import Rules, find_person, free_text, person_links, rows_through
from bot.storage.base import Base
from bot.storage.json_values import each_string

# Bytes a person gets whole in their export, as base64 (their own pictures); others are sized.
WHOLE = {("attachments", "data")}


async def export_person(session: AsyncSession, rules: Rules, platform: str,
                        user_id: str) -> dict[str, Any]:
    """Everything stored about a person: their row, every row that points at them, and the
    rows a feature keeps of theirs through those (a cycle's step answers)."""
    person = await find_person(session, platform, user_id)
    people = Base.metadata.tables["people"]
    row = (await session.execute(select(people).where(people.c.id == person.id))).one()
    tables: dict[str, list[dict[str, Any]]] = {}
    queries: list[tuple[Table, Select[Any]]] = [
        (table, select(table).where(table.c[column] == person.id))
        for table, column in person_links() if table.name not in rules.never_exported]
    queries += [(Base.metadata.tables[name], rows_through(Base.metadata.tables[name], person.id))
                for name in sorted(rules.exported_through - rules.never_exported)]
    for table, query in queries:
        rows = [{k: _exported(table, k, v) for k, v in r._mapping.items()
                 if f"{table.name}.{k}" not in rules.never_exported}
                for r in await session.execute(query)]
        if rows:
            tables.setdefault(table.name, []).extend(rows)
    with speaking(language_of(person.language, person.locale)):  # the export is for them
        note = _("Pulse survey answers are anonymous: nothing links them to you.")
    return {"person": {k: _plain(v) for k, v in row._mapping.items()}, "tables": tables,
            "not_included": note}


def _exported(table: Table, name: str, value: Any) -> Any:
    """A value as an export gives it: student identifiers masked in free text, even where a
    teacher kept them (the students' data is not the person's, and a coach's export holds the
    teachers' tickets they worked on: a red team's, stop 44); their own pictures whole."""
    if (table.name, name) in WHOLE:
        return base64.b64encode(value).decode()
    if free_text(table.c[name]) and isinstance(value, str | dict | list):
        return each_string(value, lambda text: mask_student_data(text, schools=False).text)
    return _plain(value)


def _plain(value: Any) -> Any:
    """A JSON-ready value."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value
