"""An erased person as others wrote of them: their full name, or their id in a mention
("<@U0ERASEME>", as Slack writes one), in a colleague's question, a coach's reply, a pulse
comment. The erase takes both out of every column people write words into (a red team's,
stop 47: a coach's kept reply kept her Slack id and name, and her own released comment
her name, beside her answers)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import JSON, String, cast, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.name_marks import NAME_WORDS, name_forms, names_pattern
from bot.people.models import PersonRow
from bot.schools.models import SchoolRow
from bot.storage.base import Base
from bot.storage.json_values import each_string

# (table, column) people write words into. Every other free-text column is a key, an id, a
# setting or a copy the erase treats on its own (tests/reliability/test_privacy.py holds
# each column to one side or the other).
WORDS = {
    ("questions", "text"), ("help_threads", "text"), ("help_replies", "text"),
    ("tickets", "text"), ("tickets", "room"), ("ticket_events", "text"),
    ("coffee_rsvps", "note"), ("coffee_rsvps", "topic"), ("cycles", "note"),
    ("cycles", "goal"), ("cycles", "target"), ("pilot_checkins", "text"),
    ("pilot_observations", "note"), ("pulse_responses", "comment"), ("tools", "purpose"),
    ("tools", "reason"), ("tools", "access"), ("tool_events", "text"), ("tool_checks", "note"),
    ("tool_checks", "override"), ("helpdesk_messages", "text"), ("helpdesk_handoffs", "room"),
    ("workshops", "title"), ("closures", "label"), ("tools", "standards"),
    ("cycle_steps", "answers"),  # JSON: each string in it
    ("attachments", "name"),  # a picture's name, as its sender gave it
    ("coffee_series", "place"),  # "Ms Rivera's room": the coach's words, in every invitation
}
SHORTEST_ID = 8  # a shorter id ("t1", a console name) is too likely a word of its own
INSTEAD = "[name]"


def pattern_of(names: list[str], ids: list[str]) -> re.Pattern[str]:
    """Their full names (as others write them: bot/name_marks.py) and their ids
    (bare, or in a mention, any case), as whole words."""
    found = names_pattern(names)
    marks = [found.pattern] if found else []
    for user_id in ids:
        marks += [rf"(?<!\w)(?i:<@{re.escape(user_id)}(?:\|[^>]*)?>|{re.escape(user_id)})(?!\w)"]
    return re.compile("|".join(marks))


def probe_of(mark: str) -> str:
    """The longest run of a to z and digits in a name or id, lowercased: what a row holding it
    holds for sure, however it is spaced and whatever SQLite's lower() leaves ("NÚÑEZ"); ""
    when no run is long enough to look for (every row is read)."""
    longest = max(re.findall(r"[a-z0-9]+", mark.lower()), key=len, default="")
    return longest if len(longest) >= 3 else ""


async def take_out(session: AsyncSession, names: Iterable[str], ids: Iterable[str]) -> int:
    """Their names and ids replaced by "[name]" wherever people wrote; rows changed."""
    names = [n for n in names if len(n.split()) >= NAME_WORDS]  # one word: in too many texts
    ids = [i for i in ids if len(i) >= SHORTEST_ID]
    if not names and not ids:
        return 0
    pattern = pattern_of(names, ids)
    probes = [probe_of(m) for m in [*names, *ids]]
    changed = 0
    for table_name, column_name in sorted(WORDS):
        table = Base.metadata.tables[table_name]
        column, key = table.c[column_name], list(table.primary_key)
        as_text = cast(column, String) if isinstance(column.type, JSON) else column
        near = true() if "" in probes else or_(  # only rows that may hold one are read
            *(func.lower(as_text).contains(p, autoescape=True) for p in probes))
        for row in (await session.execute(select(*key, column).where(near))).all():
            *ids_of_row, text = row
            scrubbed = each_string(text, lambda words: pattern.sub(INSTEAD, words))
            if text and scrubbed != text:
                await session.execute(update(table).where(
                    *(k == v for k, v in zip(key, ids_of_row, strict=True)))
                    .values({column_name: scrubbed}))
                changed += 1
    return changed


async def names_of(session: AsyncSession, person: PersonRow) -> set[str]:
    """Her names as others write them (name_marks.name_forms), less any that someone else goes by
    or a school is called: those are not hers alone (a red team's, stop 50: erasing one of two
    "Mr Lee"s took the other's words, and "John Adams" went from "John Adams Middle")."""
    forms = name_forms(person.display_name) | name_forms(person.full_name)
    probes = [probe for probe in map(probe_of, forms) if probe]
    if not probes:
        return forms
    others = await session.execute(select(PersonRow.display_name, PersonRow.full_name).where(
        PersonRow.id != person.id, or_(*(func.lower(PersonRow.display_name).contains(p)
                                        for p in probes),
                                      *(func.lower(PersonRow.full_name).contains(p)
                                        for p in probes))))
    theirs = {form.casefold() for row in others for name in row for form in name_forms(name)}
    schools = list((await session.execute(select(SchoolRow.name))).scalars())

    def a_schools(form: str) -> bool:
        pattern = names_pattern([form])
        return pattern is not None and any(pattern.search(school) for school in schools)
    return {form for form in forms if form.casefold() not in theirs and not a_schools(form)}
