"""Everything stored about one person, exported or erased (anonymised where others need it).

The export walks every table with a foreign key to `people.id`, so a new feature's table is
included without changing this file. Each feature says how its tables are erased, and which
are never exported (bot/feature.py); the core says it for its own tables here.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Column, String, Table, Text, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import mentions
from bot.errors import BadInput
from bot.hooks import CopyEraser, Eraser, SealedEraser
from bot.i18n import _, language_of, speaking
from bot.inbox import InboxRow
from bot.masking import mask_student_data
from bot.people.models import ERASED, PersonRow
from bot.registry import Registry
from bot.scheduling import ledger
from bot.sealed import STEP, seal, unseal
from bot.server_secret import ServerSecret
from bot.storage.base import Base
from bot.traces import REMOVED, Traces
from bot.vocabulary import incoming_from_json

# The core's own tables; each feature's are in its registration.
CORE_ERASE: dict[str, str | Eraser] = {
    "conversations": "delete",  # how to reach them: gone
    "deliveries": "delete",  # messages planned for them
}


@dataclass(frozen=True)
class Rules:
    """How erasing treats each table that points at a person, and what export leaves out."""

    erase: dict[str, str | Eraser]
    never_exported: set[str] = field(default_factory=set)
    copies: dict[str, CopyEraser] = field(default_factory=dict)
    sealed: dict[str, SealedEraser] = field(default_factory=dict)
    secret: ServerSecret | None = None  # without it, what is sealed cannot be found


def rules_of(registry: Registry, secret: ServerSecret) -> Rules:
    """The core's rules and every feature's (and the server secret, to find sealed rows)."""
    return Rules({**CORE_ERASE, **registry.erase}, registry.never_exported,
                 registry.erase_copies, registry.erase_sealed, secret)


def person_links() -> list[tuple[Table, str]]:
    """Every (table, column) holding a people.id."""
    return [(table, fk.parent.name) for table in Base.metadata.sorted_tables
            for fk in table.foreign_keys if fk.column.table.name == "people"]


# Bytes a person gets whole in their export, as base64 (their own pictures); others are sized.
WHOLE = {("attachments", "data")}


def free_text(column: Column[Any]) -> bool:
    """A column someone writes words into (a ticket's text, a room), not a code or a key."""
    kind = column.type
    return isinstance(kind, Text) or (isinstance(kind, String) and (kind.length or 0) >= 64)


def _exported(table: Table, name: str, value: Any) -> Any:
    """A value as an export gives it: student identifiers masked in free text, even where a
    teacher kept them (the students' data is not the person's, and a coach's export holds the
    teachers' tickets they worked on: a red team's, stop 44); their own pictures whole."""
    if (table.name, name) in WHOLE:
        return base64.b64encode(value).decode()
    if isinstance(value, str) and free_text(table.c[name]):
        return mask_student_data(value).text
    return _plain(value)


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
        raise BadInput(_("No one is stored as {who}.").format(who=f"{platform}:{user_id}"))
    return row


async def export_person(session: AsyncSession, rules: Rules, platform: str,
                        user_id: str) -> dict[str, Any]:
    """Everything stored about a person: their row and every row that points at them."""
    person = await find_person(session, platform, user_id)
    people = Base.metadata.tables["people"]
    row = (await session.execute(select(people).where(people.c.id == person.id))).one()
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, column in person_links():
        if table.name in rules.never_exported:
            continue
        found = await session.execute(select(table).where(table.c[column] == person.id))
        rows = [{k: _exported(table, k, v) for k, v in r._mapping.items()} for r in found]
        if rows:
            tables.setdefault(table.name, []).extend(rows)
    with speaking(language_of(person.language, person.locale)):  # the export is for them
        note = _("Pulse survey answers are anonymous: nothing links them to you.")
    return {"person": {k: _plain(v) for k, v in row._mapping.items()}, "tables": tables,
            "not_included": note}


async def delete_person(session: AsyncSession, rules: Rules, platform: str,
                        user_id: str) -> dict[str, int]:
    """Erase a person: their words blanked, their contact details deleted, their row a
    tombstone; returns rows changed per table. Aggregate counts stay right."""
    person = await find_person(session, platform, user_id)
    # What they sent and is not yet worked goes first: a turn working one holds its row
    # (Inbox.fence), so the erase waits for that turn to commit and then sees what it wrote,
    # or the turn finds its arrival gone and is rolled back (a red team's, stop 48, found a
    # turn committing just after the erase began kept her words).
    inbox = Base.metadata.tables["inbox"]
    theirs = await _arrivals_of(session, rules.secret, platform, user_id)
    await session.execute(delete(inbox).where(
        (inbox.c.sender == f"{platform}:{user_id}") | inbox.c.id.in_(theirs)))
    names = {person.display_name, person.full_name}
    before = await _strings_by_row(session, person.id)
    changed = await _apply_rules(session, rules, person.id)
    deliveries = Base.metadata.tables["deliveries"]  # planned to their user id, not yet linked
    await session.execute(delete(deliveries).where(
        deliveries.c.recipient == f"{platform}:{user_id}"))
    await session.flush()  # a feature's eraser may have changed loaded rows only
    traces = _traces(before, await _strings_by_row(session, person.id), names)
    changed["deliveries"] = changed.get("deliveries", 0) + await _withhold(session, traces)
    changed["inbox"] = changed.get("inbox", 0) + await _take_out_of_waiting(  # replies to others
        session, rules.secret, lambda text: traces.taken_out(text, REMOVED))
    for table, scrub in rules.copies.items():  # their words copied where nothing points
        changed[table] = changed.get(table, 0) + await scrub(session, traces)
    for table, sealed in rules.sealed.items():
        if rules.secret is None:  # a caller's mistake: Bot.privacy always has it
            raise ValueError("erasing needs the server secret, to find what waits sealed")
        changed[table] = changed.get(table, 0) + await sealed(session, rules.secret, person.id)
    await ledger.blank_settled(session)  # rows a version that kept settled payloads left
    changed["mentions"] = await mentions.take_out(session, names, [person.user_id])
    changed["conversations"] = changed.get("conversations", 0) + await _scrub_references(
        session, person)
    person.user_id = f"{ERASED}{secrets.token_hex(12)}"  # after the scrub, which needs it
    person.display_name, person.full_name, person.tz, person.role = "", "", None, "teacher"
    person.prep_start = person.prep_end = None
    person.prep_days = ""
    person.locale = person.language = None
    changed["people"] = 1
    return changed


async def _apply_rules(session: AsyncSession, rules: Rules, person_id: int) -> dict[str, int]:
    """Each table's erase rule applied to the person's rows; rows changed per table."""
    changed: dict[str, int] = {}
    for table, column in person_links():
        policy = rules.erase.get(table.name, "keep")
        mine = table.c[column] == person_id
        if callable(policy):  # a feature's own eraser sees the person once per table
            if table.name not in changed:
                changed[table.name] = await policy(session, person_id)
            continue
        if policy == "delete":
            result = await session.execute(delete(table).where(mine))
        elif policy.startswith("blank:"):
            columns = policy.partition(":")[2].split(",")
            result = await session.execute(update(table).where(mine)
                                           .values(**{name: "" for name in columns}))
        else:
            continue
        changed[table.name] = changed.get(table.name, 0) + int(
            result.rowcount or 0)  # type: ignore[attr-defined]
    return changed


def _strings(value: Any) -> Iterator[str]:
    """Every string in a value, inside JSON's lists and objects too."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


async def _strings_by_row(session: AsyncSession, person_id: int
                          ) -> dict[tuple[str, str], set[str]]:
    """The strings of every row that points at a person, by table and primary key."""
    found: dict[tuple[str, str], set[str]] = {}
    for table, column in person_links():
        for row in await session.execute(select(table).where(table.c[column] == person_id)):
            key = (table.name, repr([row._mapping[c.name] for c in table.primary_key]))
            found.setdefault(key, set()).update(_strings(list(row._mapping.values())))
    return found


def _traces(before: dict[tuple[str, str], set[str]], after: dict[tuple[str, str], set[str]],
            names: set[str]) -> Traces:
    """What marks a text as carrying the person: their name, and the words the erase took out
    of rows that stay (whatever each feature's rule blanked: ticket texts, follow-ups,
    notes, answers). Deleted rows held contact details, not words."""
    taken = {text for key, texts in before.items() if key in after for text in texts - after[key]}
    # A copy is masked, and may fold lines into one (a ticket kept as typed, a draft's title).
    return Traces(names, taken | {mask_student_data(" ".join(t.split())).text for t in taken})


async def _withhold(session: AsyncSession, traces: Traces) -> int:
    """Messages not yet sent to others that carry the person's name or words are settled
    unsent (a triage card, "X wrote: ...", "X has the same problem"); returns how many."""
    deliveries = Base.metadata.tables["deliveries"]
    query = select(deliveries.c.id, deliveries.c.payload).where(
        deliveries.c.status.in_(ledger.UNSETTLED), deliveries.c.payload != "")
    ids = [row_id for row_id, payload in await session.execute(query)
           if _carries(payload, traces)]
    await ledger.withhold(session, ids)
    return len(ids)


def _carries(payload: str, traces: Traces) -> bool:
    """Whether any string in a delivery's payload (JSON, or an id) holds one of the traces."""
    try:
        decoded: Any = json.loads(payload)
    except ValueError:
        decoded = payload
    return any(traces.found_in(text) for text in _strings(decoded))


async def _scrub_references(session: AsyncSession, person: PersonRow) -> int:
    """Channels stay (others use them), but an adapter's stored reference to a channel may
    still name whoever spoke there last: their id and name are taken out of it."""
    table = Base.metadata.tables["conversations"]
    mentions = table.c.ref.contains(person.user_id, autoescape=True)
    rows = (await session.execute(select(table.c.id, table.c.ref).where(
        table.c.platform == person.platform, mentions))).all()
    traces = [t for t in (person.user_id, json.dumps(person.display_name)[1:-1]) if len(t) > 2]
    for row_id, ref in rows:
        for trace in traces:
            ref = ref.replace(trace, "")
        await session.execute(update(table).where(table.c.id == row_id).values(ref=ref))
    return len(rows)


async def _arrivals_of(session: AsyncSession, secret: ServerSecret | None, platform: str,
                      user_id: str) -> list[int]:
    """Their arrivals not settled yet, which name their sender only sealed inside, and those
    this secret cannot open: any may be theirs, and none can ever be worked (recovery drops
    them), as with the pulse pool's."""
    rows = (await session.execute(select(InboxRow.id, InboxRow.incoming).where(
        InboxRow.sender == "", InboxRow.incoming != ""))).all()
    theirs = []
    for row_id, stored in rows:
        try:
            person = incoming_from_json(unseal(secret, stored)).person
        except ValueError:
            theirs.append(row_id)
            continue
        if (person.platform, person.user_id) == (platform, user_id):
            theirs.append(row_id)
    return theirs


async def _take_out_of_waiting(session: AsyncSession, secret: ServerSecret | None,
                              change: Callable[[str], str]) -> int:
    """Replies still waiting to be delivered, each of their strings changed by `change` (an
    erase takes a person's words out of a coach's queue waiting on Slack); returns how many
    arrivals' replies changed. What this secret cannot open is left."""
    rows = (await session.execute(select(InboxRow.id, InboxRow.replies).where(
        InboxRow.status == "answered", InboxRow.replies != ""))).all()
    changed = 0
    for row_id, stored in rows:
        try:
            opened = unseal(secret, stored)
        except ValueError:
            continue
        replies = json.loads(opened)
        if (scrubbed := _each_string(replies, change)) == replies:
            continue
        padded = json.dumps(scrubbed).encode().ljust(len(opened.encode()))  # the same size
        await session.execute(update(InboxRow).where(InboxRow.id == row_id).values(
            replies=seal(secret, padded, STEP)))
        changed += 1
    return changed


def _each_string(value: Any, change: Callable[[str], str]) -> Any:
    """A JSON value with `change` applied to every string in it."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_each_string(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _each_string(item, change) for key, item in value.items()}
    return value
