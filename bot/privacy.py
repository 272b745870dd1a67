"""Everything stored about one person, exported or erased (anonymised where others need it).

The export walks every table with a foreign key to `people.id`, so a new feature's table is
included without changing this file. Pulse answers are keyed by a per-form secret, never by a
person, so no path leads from a person to them; `pulse_respondents` (who was asked) is left
out too, since beside response dates in a small cohort it could narrow who answered what.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.people.models import PersonRow
from bot.storage.models import metadata

NOT_EXPORTED = {"pulse_respondents", "pulse_responses"}
# What erasing does to each table that points at a person. A table missing here fails
# tests/reliability/test_privacy.py, so every new table gets a deliberate decision.
ERASE: dict[str, str] = {
    "conversations": "delete",  # how to reach them: gone
    "deliveries": "delete",  # messages planned for them
    "digest_prefs": "delete",
    "coffee_optouts": "delete",
    "coffee_members": "delete",  # no more invitations
    "questions": "blank:text",  # counts and outcomes stay for the digest
    "ticket_events": "blank:text",  # what they wrote on a ticket's timeline
    "coffee_rsvps": "blank:note,topic",
    "tickets": "tickets",  # see _erase_tickets
    "ticket_people": "keep",  # "teachers affected" counts; points at the tombstone
    "coffee_slots": "keep",
    "coffee_series": "keep",  # a coach's series, now run by a tombstone
    "pulse_surveys": "keep",
    "pulse_respondents": "keep",  # only says a tombstone was asked
    "kb_drafts": "keep",  # a coach's draft article: work product, not personal data
}


def person_links() -> list[tuple[Table, str]]:
    """Every (table, column) holding a people.id."""
    return [(table, fk.parent.name) for table in metadata.sorted_tables
            for fk in table.foreign_keys if fk.column.table.name == "people"]


def _plain(value: Any) -> Any:
    """A JSON-ready value."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


async def find_person(session: AsyncSession, platform: str, user_id: str) -> PersonRow:
    """The stored person, or a BadInput naming who was not found."""
    row = (await session.execute(select(PersonRow).where(
        PersonRow.platform == platform, PersonRow.user_id == user_id))).scalar_one_or_none()
    if row is None:
        raise BadInput(f"No one is stored as {platform}:{user_id}.")
    return row


async def export_person(session: AsyncSession, platform: str, user_id: str) -> dict[str, Any]:
    """Everything stored about a person: their row and every row that points at them."""
    person = await find_person(session, platform, user_id)
    people = metadata.tables["people"]
    row = (await session.execute(select(people).where(people.c.id == person.id))).one()
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, column in person_links():
        if table.name in NOT_EXPORTED:
            continue
        found = await session.execute(select(table).where(table.c[column] == person.id))
        rows = [{k: _plain(v) for k, v in r._mapping.items()} for r in found]
        if rows:
            tables.setdefault(table.name, []).extend(rows)
    return {"person": {k: _plain(v) for k, v in row._mapping.items()}, "tables": tables,
            "not_included": "Pulse survey answers are anonymous: nothing links them to you."}


async def delete_person(session: AsyncSession, platform: str, user_id: str) -> dict[str, int]:
    """Erase a person: their words blanked, their contact details deleted, their row a
    tombstone; returns rows changed per table. Aggregate counts stay right."""
    person = await find_person(session, platform, user_id)
    changed: dict[str, int] = {}
    for table, column in person_links():
        policy = ERASE.get(table.name, "keep")
        mine = table.c[column] == person.id
        if policy == "delete":
            result = await session.execute(delete(table).where(mine))
        elif policy.startswith("blank:"):
            columns = policy.partition(":")[2].split(",")
            result = await session.execute(update(table).where(mine)
                                           .values(**{name: "" for name in columns}))
        elif policy == "tickets" and column == "requester_id":
            changed["tickets"] = await _erase_tickets(session, person.id)
            continue
        else:
            continue
        changed[table.name] = changed.get(table.name, 0) + int(
            result.rowcount or 0)  # type: ignore[attr-defined]
    deliveries = metadata.tables["deliveries"]  # planned to their user id, not yet linked
    await session.execute(delete(deliveries).where(
        deliveries.c.recipient == f"{platform}:{user_id}"))
    person.user_id = f"erased-{secrets.token_hex(12)}"
    person.display_name, person.tz, person.role = "", None, "teacher"
    person.prep_start = person.prep_end = None
    person.prep_days = ""
    changed["people"] = 1
    return changed


async def _erase_tickets(session: AsyncSession, person_id: int) -> int:
    """Blank what they wrote on their tickets, unless other teachers share the ticket."""
    tickets, on = metadata.tables["tickets"], metadata.tables["ticket_people"]
    shared = select(on.c.ticket_id).where(on.c.person_id != person_id)
    result = await session.execute(
        update(tickets).where(tickets.c.requester_id == person_id,
                              tickets.c.id.not_in(shared)).values(text="", room=""))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
