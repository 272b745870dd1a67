"""The register's rules: find a tool by any of its names, add and request tools ("me too"
counts demand), move a tool along its life, and who uses it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.tools.models import (
    ToolEventRow,
    ToolLinkRow,
    ToolRow,
    ToolSupportRow,
    ToolUserRow,
)
from bot.i18n import _
from bot.masking import PLACEHOLDER, Masked, mask_student_data, mask_within
from bot.mentions import INSTEAD, names_of, pattern_of
from bot.people.models import PersonRow
from bot.scheduling.policy import person_calendar
from bot.schools.service import calendar_of

STATUSES = ("requested", "evaluating", "piloting", "adopted", "sunsetting", "retired",
            "declined")
UNDER_REVIEW = ("requested", "evaluating", "piloting")
NOT_APPROVED = ("retired", "declined")
QUARTER = timedelta(days=91)
# Where a coach may move a tool by hand; a pilot and a retirement have their own commands.
MOVES = {"requested": {"evaluating", "declined", "adopted"},
         "evaluating": {"adopted", "declined", "requested"},
         "piloting": {"evaluating", "adopted", "declined"},
         "adopted": {"evaluating"},
         "sunsetting": {"adopted", "evaluating"},
         "retired": {"evaluating"},
         "declined": {"evaluating"}}
MARKUP = re.compile(r"[\[\]*`<>|]")
GUESS = 90  # a close enough spelling of a tool's name ("Blookit")


def key_of(name: str) -> str:
    """A tool's name as the register keys it: lower case, single spaces."""
    return " ".join(name.lower().split())[:80]


def clean_name(text: str) -> str:
    """A tool's name as typed, without quotes or trailing punctuation."""
    name = " ".join(unmarked(text).strip().strip("\"'\u201c\u201d").split()).rstrip("?.!,")
    if not name:
        raise BadInput(_("Which tool? For example `/tools request Blooket`."))
    if len(name) > 80:
        raise BadInput(_("That's a long name for a tool; 80 characters at most."))
    return name


def masked_name(text: str) -> Masked:
    """A tool's name as typed, masked: it keeps the names in its first two words ("Jasper AI",
    "Lucy Calkins Units of Study"), not a student named after them ("Lexia for Jaylen
    Brooks") nor a number, a login or an address typed into it."""
    return mask_student_data(clean_name(text), names_from=2)


def unmarked(text: str) -> str:
    """The text without the characters renderers read as markup (names go into sentences:
    brackets and emphasis have no place), but with what masking hid kept ("[id number]")."""
    pieces, at = [], 0
    for hidden in PLACEHOLDER.finditer(text):
        if text.startswith("(", hidden.end()):
            continue  # "[name](https://...)" is a link, whatever its words
        pieces += [MARKUP.sub(" ", text[at:hidden.start()]), hidden.group()]
        at = hidden.end()
    return "".join([*pieces, MARKUP.sub(" ", text[at:])])


def words_of(tool: ToolRow) -> tuple[str, ...]:
    """A tool's name and aliases: what teachers may call it."""
    return (tool.name, *(a.strip() for a in tool.aliases.split(",") if a.strip()))


async def all_tools(session: AsyncSession) -> list[ToolRow]:
    """Every tool in the register, by name."""
    return list((await session.execute(select(ToolRow).order_by(ToolRow.key))).scalars())


async def find(session: AsyncSession, name: str) -> ToolRow | None:
    """A tool by its name or an alias, any case; or by its name as masked, which is how
    the register keeps it ("Renaissance Star [id number]": a red team's, stop 47)."""
    key = key_of(name)
    keys = {key, key_of(mask_student_data(name, names_from=2).text)}
    rows = list((await session.execute(select(ToolRow).where(ToolRow.key.in_(keys)))).scalars())
    if rows:
        return next((t for t in rows if t.key == key), rows[0])
    return next((t for t in await all_tools(session)
                 if key in (key_of(w) for w in words_of(t))), None)


async def named_in(session: AsyncSession, text: str) -> ToolRow | None:
    """The tool a sentence names (as a whole word), or the one it spells nearly right."""
    tools = await all_tools(session)
    for tool in sorted(tools, key=lambda t: -len(t.name)):
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)
               for w in words_of(tool)):
            return tool
    choices = {key_of(w): t for t in tools for w in words_of(t) if len(w) >= 5}
    tokens = re.findall(r"[\w.+-]{5,}", text)
    for token in tokens:
        best = process.extractOne(key_of(token), list(choices), scorer=fuzz.ratio)
        if best is not None and best[1] >= GUESS:
            return choices[best[0]]
    return None


async def must_find(session: AsyncSession, name: str) -> ToolRow:
    """A tool by name, or a friendly word that it isn't in the register."""
    tool = await find(session, clean_name(name))
    if tool is None:
        # Quoted masked: what was typed in a form may hold a student (a red team's, stop 57).
        raise BadInput(_("{name} isn't in the register. `/tools request {name}` asks for it; "
                         "coaches can `/tools add` it.").format(
                             name=mask_within(clean_name(name), 80).text))
    return tool


def event(session: AsyncSession, tool: ToolRow, kind: str, text: str, by: int | None,
          now: datetime) -> None:
    """Write what happened to a tool."""
    session.add(ToolEventRow(tool_id=tool.id, at=now, actor_id=by, kind=kind, text=text[:600]))


async def add(session: AsyncSession, name: str, status: str, by: PersonRow,
              now: datetime) -> tuple[ToolRow, bool]:
    """A tool in the register (a new one owned by whoever added it); True when new."""
    found = await find(session, name)
    if found is not None:
        return found, False
    tool = ToolRow(name=clean_name(name), key=key_of(name), status=status, owner_id=by.id,
                   created_at=now, status_at=now)
    session.add(tool)
    await session.flush()
    event(session, tool, "status", f"added as {status}", by.id, now)
    return tool, True


async def request(session: AsyncSession, name: str, person: PersonRow, purpose: str,
                  now: datetime) -> tuple[ToolRow, bool]:
    """A teacher asks for a tool: a new request, or their "me too" on one already there.
    True when the request counted (False: they had already asked)."""
    tool = await find(session, name)
    if tool is None:
        tool = ToolRow(name=clean_name(name), key=key_of(name), status="requested",
                       requested_by=person.id, purpose=purpose[:2000], created_at=now,
                       status_at=now)
        session.add(tool)
        await session.flush()
        event(session, tool, "status", "requested", person.id, now)
    return tool, await support(session, tool, person, now)


async def support(session: AsyncSession, tool: ToolRow, person: PersonRow,
                  now: datetime) -> bool:
    """Count a teacher's demand once; True when it is new."""
    query = select(ToolSupportRow.id).where(ToolSupportRow.tool_id == tool.id,
                                            ToolSupportRow.person_id == person.id)
    if (await session.execute(query)).first() is not None:
        return False
    kind = "request" if tool.requested_by == person.id else "metoo"
    session.add(ToolSupportRow(tool_id=tool.id, person_id=person.id, kind=kind, at=now))
    await session.flush()
    return True


async def demand(session: AsyncSession, tool_id: int) -> int:
    """How many teachers asked for a tool."""
    query = select(func.count()).where(ToolSupportRow.tool_id == tool_id)
    return int((await session.execute(query)).scalar_one())


async def supporters(session: AsyncSession, tool_id: int) -> list[int]:
    """Who asked for a tool (they hear the decision)."""
    query = select(ToolSupportRow.person_id).where(ToolSupportRow.tool_id == tool_id)
    return list((await session.execute(query)).scalars())


async def users(session: AsyncSession, tool_id: int) -> list[int]:
    """Who uses a tool: its users, and who asked for it."""
    query = select(ToolUserRow.person_id).where(ToolUserRow.tool_id == tool_id)
    found = list((await session.execute(query)).scalars())
    return found + [p for p in await supporters(session, tool_id) if p not in found]


async def add_users(session: AsyncSession, tool: ToolRow, people: list[int], source: str,
                    now: datetime) -> int:
    """Record people as a tool's users; returns how many were new."""
    known = set(await users(session, tool.id))
    fresh = [p for p in dict.fromkeys(people) if p not in known]
    session.add_all(ToolUserRow(tool_id=tool.id, person_id=p, source=source, at=now)
                    for p in fresh)
    await session.flush()
    return len(fresh)


async def link(session: AsyncSession, tool: ToolRow, kind: str, ref: str,
               now: datetime) -> bool:
    """Link a pulse, ticket or article to a tool; True when new."""
    query = select(ToolLinkRow.id).where(ToolLinkRow.tool_id == tool.id,
                                         ToolLinkRow.kind == kind, ToolLinkRow.ref == ref)
    if (await session.execute(query)).first() is not None:
        return False
    session.add(ToolLinkRow(tool_id=tool.id, kind=kind, ref=ref[:128], at=now))
    await session.flush()
    return True


async def links(session: AsyncSession, tool_id: int, kind: str) -> list[str]:
    """A tool's links of one kind, oldest first."""
    query = (select(ToolLinkRow.ref).where(ToolLinkRow.tool_id == tool_id,
                                           ToolLinkRow.kind == kind).order_by(ToolLinkRow.id))
    return list((await session.execute(query)).scalars())


async def local_today(session: AsyncSession, person_id: int | None, now: datetime) -> date:
    """The date in someone's school zone (the district default for nobody)."""
    person = await session.get(PersonRow, person_id) if person_id is not None else None
    calendar = await calendar_of(session, person.school_id if person else None)
    zone = person_calendar(calendar, person.tz if person else None).zone
    return now.astimezone(zone).date()


async def set_status(session: AsyncSession, tool: ToolRow, status: str, by: int | None,
                     now: datetime, reason: str = "") -> None:
    """Move a tool to a status, with what that means: adoption starts the quarterly pulse,
    the first pilot or adoption counts as new this semester."""
    if status not in STATUSES:
        raise BadInput(_("{status!r} is not a status. The statuses: {statuses}.").format(
            status=status, statuses=", ".join(STATUSES)))
    today = await local_today(session, by if by is not None else tool.owner_id, now)
    if status in ("piloting", "adopted") and tool.introduced_on is None:
        tool.introduced_on = today
    if status == "adopted" and tool.status != "sunsetting":
        tool.adopted_on, tool.next_pulse_on, tool.flagged_on = today, today + QUARTER, None
    if status == "adopted":
        tool.retire_on = None
    reason = mask_within(reason.strip(), 512).text  # teachers read it: no student
    if reason and status in ("sunsetting", *NOT_APPROVED):
        tool.reason = reason[:512]  # what teachers are told when they ask
    tool.status, tool.status_at = status, now
    event(session, tool, "status", f"{status}: {reason}".strip(": ")[:600], by, now)
    await session.flush()


async def erase_requester(session: AsyncSession, person_id: int) -> int:
    """An erased teacher's words go from the tools they asked for (the purpose they typed),
    and their name from every tool's (a red team's, stop 49, read "Ms Rivera Reading Log" in
    the register after her erase, asked for by her or added for her by a coach); the tools
    and their counts of teachers stay."""
    person = await session.get(PersonRow, person_id)
    names = sorted(await names_of(session, person)) if person else []
    theirs = pattern_of(names, []) if names else None
    changed = 0
    for tool in (await session.execute(select(ToolRow))).scalars():
        if tool.requested_by == person_id:
            tool.purpose, changed = "", changed + 1
        if theirs and theirs.search(f"{tool.name}\n{tool.aliases}"):
            tool.aliases = theirs.sub(INSTEAD, tool.aliases)
            await _rename(session, tool, theirs.sub(INSTEAD, tool.name))
            changed += tool.requested_by != person_id
    return changed


async def _rename(session: AsyncSession, tool: ToolRow, name: str) -> None:
    """A new name for a tool, told apart by its number if another tool has it already."""
    taken = await session.scalar(select(ToolRow.id).where(
        ToolRow.key == key_of(name), ToolRow.id != tool.id))
    tool.name = name if taken is None else f"{name[:70]} #{tool.id}"
    tool.key = key_of(tool.name)
