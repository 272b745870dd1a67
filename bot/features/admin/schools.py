"""`/prepbot schools`: admins add and edit schools (name, time zone, hours) and closures."""

from __future__ import annotations

import re
from datetime import date

from bot.blocks import Reply, form_reply, say
from bot.errors import BadInput
from bot.features.admin import views
from bot.features.admin.jobs import SCHOOLS
from bot.i18n import _
from bot.people.prep import parse_clock, parse_days
from bot.schools.models import SchoolRow
from bot.schools.service import (
    add_closures,
    all_schools,
    parse_hours,
    save_school,
    school_named,
    upcoming_closures,
    zone_named,
)
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Command, Submission
from bot.when import days_in_word

HOURS = re.compile(r"^\d{1,2}(:\d{2})?\s*(am|pm)?-\d{1,2}(:\d{2})?\s*(am|pm)?$", re.IGNORECASE)
DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$")
DEFAULT_ZONE, DEFAULT_HOURS = "America/New_York", "07:30-15:00"


async def listing(turn: Turn[Command]) -> list[Reply]:
    """Every school with its zone and hours, and buttons to change them."""
    return [views.schools_reply(await all_schools(turn.session))]


async def add(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot schools add Lincoln Middle America/Chicago 07:45-15:15 [mon-fri]`, or the
    form."""
    words = turn.incoming.text.split()
    if not words:
        return [form_reply(views.school_form())]
    zone, span, name, days = DEFAULT_ZONE, DEFAULT_HOURS, [], ""
    for word in words:
        if HOURS.match(word):
            span = word
        elif (open_days := days_in_word(word)) is not None:
            # Open weekdays, `mon-fri`, `lun-vie`, `sat,sun` (a summer school, a weekend
            # academy); a lone day's name is part of the school's ("Sun Valley").
            days = open_days
        elif "/" in word:
            zone = zone_named(word)
        else:
            name.append(word)
    if not name:
        raise BadInput(_("Which school? Try {usage}.").format(usage=views.SCHOOLS_USAGE))
    opens, closes = parse_hours(span)
    known = await school_named(turn.session, " ".join(name))
    school = await save_school(turn.session, " ".join(name), zone, opens, closes,
                               days or (known.weekdays if known else "01234"))
    turn.refresh_after_commit(SCHOOLS)
    return [_saved(school, known is None)]


async def edit(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot schools edit <name>`: the school's form, filled in."""
    return [form_reply(views.school_form(await _named(turn, turn.incoming.text)))]


async def closures(turn: Turn[Command]) -> list[Reply]:
    """`/prepbot schools closures Lincoln 2026-12-21..2027-01-01 Winter break`, or the form."""
    words = turn.incoming.text.split()
    at = next((i for i, w in enumerate(words) if DAY.match(w)), len(words))
    school = await _named(turn, " ".join(words[:at]))
    if at == len(words):
        return [form_reply(views.closures_form(school))]
    first, last = _range(words[at])
    added = await add_closures(turn.session, school, first, last, " ".join(words[at + 1:]))
    return [await _closures_reply(turn, school, added)]


async def add_button(turn: Turn[Action]) -> list[Reply]:
    """"Add a school" (the list's or the checklist's button): the form."""
    return [form_reply(views.school_form())]


async def edit_button(turn: Turn[Action]) -> list[Reply]:
    """"Edit <school>": the form, filled in."""
    return [form_reply(views.school_form(await _by_id(turn, turn.incoming.value)))]


async def closures_button(turn: Turn[Action]) -> list[Reply]:
    """"Closures for <school>": the form."""
    return [form_reply(views.closures_form(await _by_id(turn, turn.incoming.value)))]


async def save_form(turn: Turn[Submission]) -> list[Reply]:
    """The school form: a new school, or changes to one (a rename too)."""
    values = turn.incoming.values
    school = None if turn.incoming.context.startswith("new:") else \
        await _by_id(turn, turn.incoming.context)
    opens, closes = parse_clock(values.get("opens", "")), parse_clock(values.get("closes", ""))
    saved = await save_school(turn.session, values.get("name", ""),
                              values.get("tz", "") or DEFAULT_ZONE, opens, closes,
                              parse_days(values.get("days", "") or "mon-fri"), school)
    turn.refresh_after_commit(SCHOOLS)
    return [_saved(saved, school is None)]


async def closures_form(turn: Turn[Submission]) -> list[Reply]:
    """The closures form: a date or a range and a label on each line."""
    school = await _by_id(turn, turn.incoming.context)
    added = 0
    for number, line in enumerate(turn.incoming.values.get("dates", "").splitlines(), 1):
        first_word, _space, label = line.strip().replace(",", " ", 1).partition(" ")
        if not first_word:
            continue
        if not DAY.match(first_word):
            raise BadInput(_("Line {number}: {word!r} is not a date like 2026-12-24 or a range "
                             "like 2026-12-21..2027-01-01. Nothing was added.").format(
                                 number=number, word=first_word))
        first, last = _range(first_word)
        added += await add_closures(turn.session, school, first, last, label.strip())
    return [await _closures_reply(turn, school, added)]


def _saved(school: SchoolRow, new: bool) -> Reply:
    said = (_("{name} added: {zone}, {hours}. Teachers say where they work with "
              "`/prepbot school {name}`; coaches can now run `/coffee setup` for it.") if new
            else _("{name} updated: {zone}, {hours}. Teachers say where they work with "
                   "`/prepbot school {name}`; coaches can now run `/coffee setup` for it."))
    return say(said.format(name=school.name, zone=school.tz, hours=views.hours(school)))


async def _closures_reply(turn: Turn[Command] | Turn[Submission], school: SchoolRow,
                          added: int) -> Reply:
    today = turn.now.date()
    return views.closures_reply(school, added, await upcoming_closures(turn.session, school,
                                                                       today))


def _range(text: str) -> tuple[date, date]:
    found = DAY.match(text)
    try:
        first = date.fromisoformat(found.group(1)) if found else None
        last = date.fromisoformat(found.group(2)) if found and found.group(2) else first
    except ValueError as error:
        raise BadInput(_("{text!r} is not a date like 2026-12-24.").format(text=text)) \
            from error
    if first is None or last is None:
        raise BadInput(_("{text!r} is not a date like 2026-12-24.").format(text=text))
    return first, last


async def _named(turn: Turn[Command], name: str) -> SchoolRow:
    if not name.strip():
        raise BadInput(_("Which school? Try {usage}.").format(usage=views.SCHOOLS_USAGE))
    found = await school_named(turn.session, name)
    if found is None:
        raise BadInput(_("I don't know a school called {name!r}. `/prepbot schools` lists "
                         "them.").format(name=name.strip()))
    return found


async def _by_id(turn: Turn[Action] | Turn[Submission], value: str) -> SchoolRow:
    found = await row_named(turn.session, SchoolRow, value)
    if found is None:
        raise BadInput(_("That school is gone. `/prepbot schools` lists them."))
    return found
