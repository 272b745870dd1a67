"""Coaches' buttons and forms on a tool: the checklist, the edit, retirement, keeping a tool
flagged for review."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import cast

from sqlalchemy import select

from bot.blocks import Reply, form_reply, say
from bot.errors import BadInput
from bot.features.tools import adoption, checklist, evidence, forms, service, stale, views
from bot.features.tools.cards import card_of, school_names
from bot.features.tools.models import ToolCheckRow, ToolRow
from bot.i18n import _, ngettext
from bot.masking import mask_within
from bot.people.models import PersonRow
from bot.roles import Role
from bot.schools.service import school_named
from bot.storage.rows import row_named
from bot.turn import Turn
from bot.vocabulary import Action, Submission

ME = ("me", "yo")  # the edit form's owner field: the coach themself, in either language


async def _tool(turn: Turn[Action | Submission]) -> ToolRow:
    incoming = turn.incoming
    # A form's context is the tool's id and the stamp of what it showed: "12:3f9a...".
    ref = incoming.value if isinstance(incoming, Action) else incoming.context.partition(":")[0]
    tool = await row_named(turn.session, ToolRow, ref)
    if tool is None:
        raise BadInput(_("That tool is no longer in the register."))
    return tool


async def _held(turn: Turn[Action | Submission]) -> ToolRow:
    """The tool, read again once its turns wait for each other: a form or button decides on
    what is recorded now, not on what was read before another turn committed."""
    tool = await _tool(turn)
    await checklist.hold(turn.session, tool.id)
    await turn.session.refresh(tool)
    return tool


async def ask_checklist(turn: Turn[Action]) -> list[Reply]:
    """"Checklist" on a tool's card."""
    tool = await _tool(turn)
    return [form_reply(forms.checklist_form(tool, await checklist.checks_of(turn.session,
                                                                             tool.id)))]


async def save_checklist(turn: Turn[Submission]) -> list[Reply]:
    """All six points at once (each pass, fail or unknown, a note, a link) and the standards;
    what another changed since the form was opened is kept (a red team's, stop 52), and the
    rest saved (stop 57)."""
    tool, values = await _held(turn), turn.incoming.values
    links = {p.key: evidence.evidence_link(values.get(f"{p.key}_link", ""))
             for p in checklist.POINTS}  # every link checked before anything is saved
    sent = (mask_within(values.get("standards", tool.standards).strip(), 4000).text,
            *((values.get(p.key, "unknown") or "unknown",
               checklist.kept_note(values.get(f"{p.key}_note", "")), links[p.key])
              for p in checklist.POINTS))
    checks = await checklist.checks_of(turn.session, tool.id)
    opened = stale.opened_parts(turn.incoming.context, len(sent))
    if opened is None:  # a form stamped whole, from before stop 57: all of it, or nothing
        return await _save_whole_checklist(turn, tool, sent, checks)
    fates = stale.verdicts(opened, stale.checklist_state(tool, checks),
                           stale.checklist_entries(tool, checks), sent)
    await _record(turn, tool, sent, fates)
    checks = await checklist.checks_of(turn.session, tool.id)
    names = (_("Standards"), *(_(p.label) for p in checklist.POINTS))
    return [views.checked(tool, checks, checklist.blocked(checks),
                          views.clashes(tool, stale.clashed(names, fates), names, sent))]


async def _record(turn: Turn[Submission], tool: ToolRow, sent: stale.State,
                  fates: list[stale.Verdict]) -> None:
    """Write the parts whose fate is to be written: the standards, then each point."""
    if fates[0] == "write":
        tool.standards = str(sent[0])
    for point, entry, fate in zip(checklist.POINTS, sent[1:], fates[1:], strict=True):
        if fate == "write":
            result, note, link = cast(tuple[str, str, str], entry)
            await checklist.record(turn.session, tool, point, result, note, link,
                                   turn.person.id, turn.now)


async def _save_whole_checklist(turn: Turn[Submission], tool: ToolRow, sent: stale.State,
                                checks: dict[str, ToolCheckRow]) -> list[Reply]:
    """A form stamped whole: refused whole once the checklist moved on (stop 52's rule)."""
    before, opened = stale.checklist_state(tool, checks), stale.seen(turn.incoming.context)
    if not opened and not checks:  # a form from before stamps, on an empty checklist
        opened = stale.stamp(before)
    await _record(turn, tool, sent, ["write"] * len(sent))
    checks = await checklist.checks_of(turn.session, tool.id)
    stale.refuse_checklist(tool, opened, before, stale.checklist_state(tool, checks))
    return [views.checked(tool, checks, checklist.blocked(checks))]


async def ask_edit(turn: Turn[Action]) -> list[Reply]:
    """"Edit" on a tool's card."""
    tool = await _tool(turn)
    owner = await turn.session.get(PersonRow, tool.owner_id) if tool.owner_id else None
    alternative = await turn.session.get(ToolRow, tool.alternative_id) \
        if tool.alternative_id else None
    schools = "" if not tool.schools else await school_names(turn, tool)
    return [form_reply(forms.edit_form(tool, owner.display_name if owner else "", schools,
                                       alternative.name if alternative else ""))]


async def save_edit(turn: Turn[Submission]) -> list[Reply]:
    """Save a tool's facts; every value is checked before any is stored, and what another
    changed since the form was opened is kept (a red team's, stop 52: a handover undone)."""
    tool, values = await _held(turn), turn.incoming.values
    now = {attribute: getattr(tool, attribute) for attribute, _field in stale.FACTS}
    before = stale.facts_state(tool)
    await _assign_facts(turn, tool, values)
    # What she entered, as it would be kept: a clash quotes it masked (a red team's, stop 57).
    entered = {**values, **{field: str(getattr(tool, attribute)) for attribute, field
                            in stale.FACTS if attribute in stale.TEXT_FACTS}}
    opened = stale.opened_parts(turn.incoming.context, len(before))
    if opened is None:  # a form stamped whole, from before stop 57: all of it, or nothing
        stale.refuse_edit(tool, stale.seen(turn.incoming.context), before,
                          stale.facts_state(tool))
        fates: list[stale.Verdict] = ["write"] * len(before)
    else:
        fates = stale.verdicts(opened, before, before, stale.facts_state(tool))
    for (attribute, _field), fate in zip(stale.FACTS, fates, strict=True):
        if fate != "write":
            setattr(tool, attribute, now[attribute])
    service.event(turn.session, tool, "edit", "facts edited", turn.person.id, turn.now)
    clashed = stale.clashed([field for _attribute, field in stale.FACTS], fates)
    return [await card_of(turn, tool), *views.edit_clashes(tool, clashed, entered)]


async def _assign_facts(turn: Turn[Submission], tool: ToolRow,
                        values: Mapping[str, str]) -> None:
    """Check every value of an edit form, then set them all on the tool."""
    intended = values.get("intended", "").strip()
    if intended and not (intended.isdecimal() and len(intended) <= 6):
        raise BadInput(_("Teachers it is meant for: a whole number, e.g. 40."))
    decide_by = _date(values.get("decide_by", ""))
    schools = [await _school(turn, n) for n in values.get("schools", "").split(",") if n.strip()]
    alternative = await _alternative(turn, tool, values.get("alternative", ""))
    owner = await _owner(turn, values.get("owner", ""), tool.owner_id)
    # Teachers read every fact: each is masked, a name from its third word as a tool's is.
    tool.aliases = ", ".join(mask_within(a.strip(), 80, names_from=2).text  # each a name
                             for a in values.get("aliases", "").split(",") if a.strip())[:255]
    tool.owner_id, tool.schools = owner, ",".join(str(s) for s in schools)
    tool.grades = mask_within(values.get("grades", "").strip(), 64).text
    tool.website = mask_within(values.get("website", "").strip(), 255).text
    tool.access = mask_within(values.get("access", "").strip(), 512).text
    tool.intended, tool.decide_by = int(intended or 0), decide_by
    tool.alternative_id = alternative.id if alternative else None
    tool.reason = mask_within(values.get("reason", "").strip(), 512).text


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError as error:
        raise BadInput(_("{text!r} isn't a date like 2027-01-15.").format(
            text=_quoted(text))) from error


async def _school(turn: Turn[Submission], name: str) -> int:
    school = await school_named(turn.session, name)
    if school is None:
        raise BadInput(_("I don't know a school called {name!r}.").format(name=_quoted(name)))
    return school.id


async def _alternative(turn: Turn[Submission], tool: ToolRow, name: str) -> ToolRow | None:
    if not name.strip():
        return None
    found = await service.must_find(turn.session, name)
    if found.id == tool.id:
        raise BadInput(_("A tool can't be its own alternative."))
    return found


async def _owner(turn: Turn[Submission], name: str, current: int | None) -> int | None:
    name = name.strip()
    if not name:
        return current
    if name.lower() in ME:
        return turn.person.id
    query = select(PersonRow).where(PersonRow.platform == turn.person.platform,
                                    PersonRow.display_name == name,
                                    PersonRow.role.in_((Role.COACH.value, Role.ADMIN.value)))
    found = list((await turn.session.execute(query.limit(2))).scalars())
    if not found:
        raise BadInput(_("I don't know a coach called {name!r} here.").format(
            name=_quoted(name)))
    if len(found) > 1:  # a name two coaches share is asked about, never guessed
        raise BadInput(_("More than one coach here is called {name!r}: write “me”, or ask "
                         "your admin which of them it is.").format(name=_quoted(name)))
    return found[0].id


def _quoted(typed: str) -> str:
    """What a form's field held, as a refusal quotes it: masked (a red team's, stop 57: a
    student's name and id came back in the reply, and so into the chat's history)."""
    return mask_within(typed.strip(), 120).text


async def ask_retire(turn: Turn[Action]) -> list[Reply]:
    """"Retire with 30 days' notice": the form."""
    tool = await _tool(turn)
    if tool.status != "adopted":
        raise BadInput(_("{name} is {status}: only an adopted tool is retired.").format(
            name=tool.name, status=views.label(tool.status)))
    alternative = await turn.session.get(ToolRow, tool.alternative_id) \
        if tool.alternative_id else None
    return [form_reply(forms.retire_form(tool, alternative.name if alternative else ""))]


async def save_retire(turn: Turn[Submission]) -> list[Reply]:
    """Send the thirty days' notice to the tool's users, through the ledger."""
    tool, values = await _tool(turn), turn.incoming.values
    if tool.status != "adopted":
        raise BadInput(_("{name} is already {status}.").format(
            name=tool.name, status=views.label(tool.status)))
    reason = values.get("reason", "").strip()
    if not reason:
        raise BadInput(_("Say why it is being retired: its users read this."))
    alternative = await _alternative(turn, tool, values.get("alternative", ""))
    told = await adoption.retire(turn.session, tool, turn.person, reason, alternative, turn.now)
    assert tool.retire_on is not None
    return [say(ngettext("{name} is being retired on {day}. The notice goes to its {count} user "
                         "in their school hours.", "{name} is being retired on {day}. The notice "
                         "goes to its {count} users in their school hours.", told).format(
                             name=tool.name, day=views.day(tool.retire_on), count=told),
                replace=True)]


async def keep(turn: Turn[Action]) -> list[Reply]:
    """"Keep it": the review flag is cleared (another semester before the next look); only
    an adopted tool's waiting review is answered."""
    tool = await _held(turn)
    if tool.status != "adopted":  # a red team's (stop 52): retired meanwhile, by its new owner
        raise BadInput(_("{name} is {status} now: there is no review to answer.").format(
            name=tool.name, status=views.label(tool.status)))
    if tool.flagged_on is None:
        raise BadInput(_("{name} has no review waiting: it was already answered.").format(
            name=tool.name))
    tool.flagged_on = None
    if tool.adopted_on is not None:
        tool.adopted_on = await service.local_today(turn.session, turn.person.id, turn.now)
    service.event(turn.session, tool, "review", "kept after review", turn.person.id, turn.now)
    return [say(_("Kept: {name} stays adopted; I'll look at its use again in a semester.").format(
        name=tool.name), replace=True)]
