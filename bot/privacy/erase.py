"""`prepbot privacy delete`: a person's words blanked where others need the rows, their
contacts deleted, their name taken out of what others wrote, their row a tombstone."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import mentions
from bot.arrivals import STAFF, InboxRow
from bot.masking import mask_student_data
from bot.outbox import sent_by
from bot.people.models import ERASED, PersonRow
from bot.privacy.handing import before_erase
from bot.privacy.rules import Rules, find_person, held_through, person_links, rows_through
from bot.scheduling import ledger
from bot.sealed import STEP, seal, unseal
from bot.server_secret import ServerSecret
from bot.storage.base import Base
from bot.storage.json_values import each_string, strings_in
from bot.traces import REMOVED, Traces
from bot.vocabulary import incoming_from_json

# A notice someone's turn planned (outbox.sent_by): a colleague asking in her very words is
# his own (a red team's, stop 50: his ticket's card was withheld at her erase).
PLANNED_BY = re.compile(r"by\d+:")


async def delete_person(session: AsyncSession, rules: Rules, platform: str, user_id: str,
                        hand_to: PersonRow | None = None, now: datetime | None = None
                        ) -> dict[str, int]:
    """Erase a person: their open work handed to a coach first (refused if they have some and
    none is named), their words blanked, their contact details deleted, their row a
    tombstone; returns rows changed per table. Aggregate counts stay right."""
    person = await find_person(session, platform, user_id)
    await before_erase(session, rules.hand_overs, person, hand_to, now or datetime.now(UTC))
    # What they sent and is not yet worked goes first: a turn working one holds its row
    # (Inbox.fence), so the erase waits for that turn to commit and then sees what it wrote,
    # or the turn finds its arrival gone and is rolled back (a red team's, stop 48, found a
    # turn committing just after the erase began kept her words).
    inbox = Base.metadata.tables["inbox"]
    theirs = await _arrivals_of(session, rules.secret, platform, user_id)
    await session.execute(delete(inbox).where(
        (inbox.c.sender == f"{platform}:{user_id}") | inbox.c.id.in_(theirs)))
    names = await mentions.names_of(session, person)
    before = await _strings_by_row(session, person.id)
    changed = await _apply_rules(session, rules, person.id)
    deliveries = Base.metadata.tables["deliveries"]  # planned to their user id, not yet linked
    await session.execute(delete(deliveries).where(
        deliveries.c.recipient == f"{platform}:{user_id}"))
    await session.flush()  # a feature's eraser may have changed loaded rows only
    traces = _traces(before, await _strings_by_row(session, person.id), names, person.id)
    changed["deliveries"] = changed.get("deliveries", 0) + await _withhold(session, traces,
                                                                            person.id)
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


async def _strings_by_row(session: AsyncSession, person_id: int
                          ) -> dict[tuple[str, str], set[str]]:
    """The strings of every row that points at a person, or at a row of theirs (a feature's
    eraser blanks a cycle's step answers too: a red team's, stop 49, saw a notice quoting
    them sent after the erase), by table and primary key."""
    found: dict[tuple[str, str], set[str]] = {}
    queries = [(table, select(table).where(table.c[column] == person_id))
               for table, column in person_links()]
    queries += [(table, rows_through(table, person_id)) for table in held_through()]
    for table, query in queries:
        for row in await session.execute(query):
            key = (table.name, repr([row._mapping[c.name] for c in table.primary_key]))
            found.setdefault(key, set()).update(strings_in(list(row._mapping.values())))
    return found


def _traces(before: dict[tuple[str, str], set[str]], after: dict[tuple[str, str], set[str]],
            names: set[str], person_id: int) -> Traces:
    """What marks a text as carrying the person: their name, and the words the erase took out
    of rows that stay (whatever each feature's rule blanked: ticket texts, follow-ups,
    notes, answers). Deleted rows held contact details, not words."""
    taken = {text for key, texts in before.items() if key in after for text in texts - after[key]}
    # A copy is masked, and may fold lines into one (a ticket kept as typed, a draft's title).
    return Traces(names, taken | {mask_student_data(" ".join(t.split())).text for t in taken},
                  person_id)


async def _withhold(session: AsyncSession, traces: Traces, person_id: int) -> int:
    """Messages not yet sent to others that her turns planned, or that carry the person's name
    or words, are settled unsent (a triage card, "X wrote: ...", "X has the same problem");
    returns how many."""
    deliveries = Base.metadata.tables["deliveries"]
    query = select(deliveries.c.id, deliveries.c.payload, deliveries.c.occurrence).where(
        deliveries.c.status.in_(ledger.UNSETTLED), deliveries.c.payload != "")
    ids = [row_id for row_id, payload, occurrence in await session.execute(query)
           if occurrence.startswith(sent_by(person_id)) or _carries(
               payload, traces, by_another=PLANNED_BY.match(occurrence) is not None)]
    await ledger.withhold(session, ids)
    return len(ids)


def _carries(payload: str, traces: Traces, by_another: bool) -> bool:
    """Whether any string in a delivery's payload (JSON, or an id) holds one of the traces
    (`by_another`: a notice another person's turn planned, Traces.found_in)."""
    try:
        decoded: Any = json.loads(payload)
    except ValueError:
        decoded = payload
    return any(traces.found_in(text, by_another) for text in strings_in(decoded))


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
        mark = STAFF if opened.startswith(STAFF) else ""  # kept: whom they may reach
        replies = json.loads(opened.removeprefix(mark))
        if (scrubbed := each_string(replies, change)) == replies:
            continue
        padded = (mark + json.dumps(scrubbed)).encode().ljust(len(opened.encode()))  # same size
        await session.execute(update(InboxRow).where(InboxRow.id == row_id).values(
            replies=seal(secret, padded, STEP)))
        changed += 1
    return changed
