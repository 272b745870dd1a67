"""`/tools`: the register for everyone; adding, checking, moving, linking and retiring tools
for coaches; overriding a failed privacy or accessibility point for admins."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.blocks import Reply, form_reply, say
from bot.errors import BadInput
from bot.features.tools import adoption, checklist, evidence, forms, service, views
from bot.features.tools.cards import card_of
from bot.features.tools.models import ToolRow
from bot.i18n import N_, _, ngettext
from bot.roles import Role
from bot.turn import Turn
from bot.vocabulary import Command, Message

LINK_KINDS = ("ticket", "article", "pulse")  # typed in `/tools link`
LINKED = {"ticket": N_("Linked ticket {ref} to {name}."),
          "article": N_("Linked article {ref} to {name}."),
          "pulse": N_("Linked pulse {ref} to {name}.")}
BY_NUMBER = {"ticket": N_("A ticket is linked by its number, e.g. `/tools link {name} ticket 41`."),
             "pulse": N_("A pulse is linked by its number, e.g. `/tools link {name} pulse 41`.")}
SENTENCE = 3  # `/tools` followed by this many words that name no tool is a question


async def show(turn: Turn[Command]) -> list[Reply]:
    """`/tools` lists the register; `/tools Blooket` shows one tool."""
    text = turn.incoming.text.strip()
    staff = turn.role.allows(Role.COACH)
    if not text:
        tools = await service.all_tools(turn.session)
        demand = {t.id: await service.demand(turn.session, t.id) for t in tools} if staff else {}
        return [views.listing(tools, demand, staff)]
    tool = await service.find(turn.session, service.clean_name(text))
    if tool is not None:
        return [await card_of(turn, tool)]
    if len(text.split()) >= SENTENCE and turn.features.router.on_message is not None:
        # "tools menu is missing in Docs", typed in Teams without a slash: a question.
        question = Message(person=turn.incoming.person, conversation=turn.incoming.conversation,
                           event_id=turn.incoming.event_id, text=f"tools {text}")
        asked: Turn[Any] = turn
        return await turn.features.router.on_message(dataclasses.replace(asked,
                                                                         incoming=question))
    raise BadInput(_("{name} isn't in the register. `/tools request {name}` asks for it.").format(
        name=service.clean_name(text)))


async def add(turn: Turn[Command]) -> list[Reply]:
    """`/tools add Nearpod [adopted]`: a tool the district has or is considering."""
    words = turn.incoming.text.split()
    status = "evaluating"
    if len(words) > 1 and words[-1].lower() in ("evaluating", "adopted", "requested"):
        status = words.pop().lower()
    elif len(words) > 1 and words[-1].lower() in service.STATUSES:
        raise BadInput(_("A tool is added as `requested`, `evaluating` or `adopted`; pilots "
                         "and retirements have their own commands."))
    name = " ".join(words)
    tool, new = await service.add(turn.session, service.masked_name(name).text, status,
                                  turn.person, turn.now)
    if new and status == "adopted":
        await service.set_status(turn.session, tool, "adopted", turn.person.id, turn.now)
        tool.introduced_on = None  # already in use: not one of this semester's new tools
    said = (_("{name} is in the register as {status}, owned by you. Next: `/tools checklist "
              "{name}`.") if new else _("{name} is already in the register ({status}).")
            ).format(name=tool.name, status=views.label(tool.status))
    return [say(said)]


async def checklist_form(turn: Turn[Command]) -> list[Reply]:
    """`/tools checklist Blooket`: the six-point form, filled in with what is known."""
    tool = await service.must_find(turn.session, turn.incoming.text)
    checks = await checklist.checks_of(turn.session, tool.id)
    return [form_reply(forms.checklist_form(tool, checks))]


async def check(turn: Turn[Command]) -> list[Reply]:
    """`/tools check Blooket privacy pass https://... DPA signed`: one point, inline."""
    words = turn.incoming.text.split()
    at = next((i for i, w in enumerate(words) if w.lower() in checklist.RESULTS), -1)
    if at < 2:
        raise BadInput(_("Try `/tools check Blooket privacy pass https://link-to-the-DPA "
                         "signed in May` (pass, fail or unknown; a link and a note if you "
                         "like)."))
    point = checklist.point_named(words[at - 1])
    tool = await service.must_find(turn.session, " ".join(words[:at - 1]))
    rest = words[at + 1:]
    link = evidence.evidence_link(rest[0]) if rest and "://" in rest[0] else ""
    note = " ".join(rest[1:] if link else rest)
    await checklist.record(turn.session, tool, point, words[at].lower(), note, link,
                           turn.person.id, turn.now)
    checks = await checklist.checks_of(turn.session, tool.id)
    return [views.checked(tool, checks, checklist.blocked(checks))]


async def status(turn: Turn[Command]) -> list[Reply]:
    """`/tools status Gimkit declined [reason]`: move a tool by hand."""
    words = turn.incoming.text.split()
    at = next((i for i, w in enumerate(words) if w.lower() in service.STATUSES), -1)
    if at < 1:
        raise BadInput(_("Try `/tools status Gimkit evaluating` (or {statuses}).").format(
            statuses=", ".join(service.STATUSES)))
    tool = await service.must_find(turn.session, " ".join(words[:at]))
    wanted, reason = words[at].lower(), " ".join(words[at + 1:])
    if wanted not in service.MOVES.get(tool.status, set()):
        raise BadInput(_why_not(tool, wanted))
    await checklist.hold(turn.session, tool.id)
    if wanted == "adopted" and (blocked := await _blocked(turn, tool)):
        raise BadInput(_(checklist.NOT_ADOPTED).format(name=tool.name, blocked=blocked))
    await service.set_status(turn.session, tool, wanted, turn.person.id, turn.now, reason)
    told = await adoption.announce(turn.session, tool, turn.now) \
        if wanted in ("adopted", "declined") else 0
    moved = (ngettext("{name} is now {status}. The {count} teacher who asked for it will hear.",
                      "{name} is now {status}. The {count} teachers who asked for it will hear.",
                      told) if told else _("{name} is now {status}.")).format(
                          name=tool.name, status=views.label(wanted), count=told)
    return [say(moved)]


def _why_not(tool: ToolRow, wanted: str) -> str:
    if wanted == "piloting":
        return _("A pilot starts with `/pilot start {name} with @a @b @c for 4 weeks`.").format(
            name=tool.name)
    if wanted in ("sunsetting", "retired"):
        return _("Retiring gives users thirty days' notice: `/tools retire {name}`.").format(
            name=tool.name)
    return _("{name} is {status}; it can't go straight to {wanted}.").format(
        name=tool.name, status=views.label(tool.status), wanted=views.label(wanted))


async def _blocked(turn: Turn[Command], tool: ToolRow) -> str:
    return checklist.blocked(await checklist.checks_of(turn.session, tool.id))


async def override(turn: Turn[Command]) -> list[Reply]:
    """`/tools override Blooket privacy <reason>`: an admin lets a tool into pilots anyway."""
    words = turn.incoming.text.split()
    at = next((i for i, w in enumerate(words) if w.lower() in ("privacy", "accessibility",
                                                                "ferpa", "coppa", "wcag")), -1)
    if at < 1:
        raise BadInput(_("Try `/tools override Blooket privacy the vendor signs the DPA by "
                         "1 March` (privacy or accessibility, and the reason)."))
    tool = await service.must_find(turn.session, " ".join(words[:at]))
    point = checklist.point_named(words[at])
    await checklist.override(turn.session, tool, point, " ".join(words[at + 1:]),
                             turn.person.id, turn.now)
    return [say(_("Recorded: {name}'s failed {point} point is overridden, with your reason. It "
                  "may enter a pilot now.").format(name=tool.name, point=_(point.label)))]


async def link(turn: Turn[Command]) -> list[Reply]:
    """`/tools link Blooket ticket 41` (or `article nearpod-join`)."""
    words = turn.incoming.text.split()
    if len(words) < 3 or words[-2].lower() not in LINK_KINDS:
        raise BadInput(_("Try `/tools link Blooket ticket 41` or `/tools link Nearpod article "
                         "nearpod-join`."))
    tool = await service.must_find(turn.session, " ".join(words[:-2]))
    kind, ref = words[-2].lower(), words[-1].lstrip("#")
    if kind == "article" and turn.kb.get(ref) is None:
        raise BadInput(_("There is no article {ref!r} in the knowledge base.").format(ref=ref))
    if kind in BY_NUMBER and not (ref.isascii() and ref.isdecimal()):  # not "²"
        raise BadInput(_(BY_NUMBER[kind]).format(name=tool.name))
    if kind == "pulse":
        await adoption.linkable(turn.session, turn.features, tool, int(ref),
                                None if turn.role.allows(Role.ADMIN) else turn.person.id)
    await service.link(turn.session, tool, kind, ref, turn.now)
    return [say(_(LINKED[kind]).format(ref=ref, name=tool.name))]


async def use(turn: Turn[Command]) -> list[Reply]:
    """`/tools use Blooket 12 of 40`: the teachers using it, of those it is meant for."""
    words = turn.incoming.text.split()
    numbers = [i for i, w in enumerate(words) if w.isdecimal() and len(w) <= 6]
    if not numbers:
        raise BadInput(_("Try `/tools use Blooket 12 of 40` (teachers using it, of the "
                         "teachers it is meant for), or `/tools use Blooket 40 intended`."))
    tool = await service.must_find(turn.session, " ".join(words[:numbers[0]]))
    first = int(words[numbers[0]])
    if len(words) > numbers[0] + 1 and words[numbers[0] + 1].lower() == "intended":
        tool.intended = first
    else:
        tool.use_figure = first
        if len(numbers) > 1:
            tool.intended = int(words[numbers[1]])
    found = await adoption.use_of(turn.session, turn.features, tool, turn.now)
    used = (_("{name}: {teachers} of {intended} intended teachers ({share}), {counted}.")
            if found.share is not None else
            _("{name}: {teachers} of {intended} intended teachers, {counted}.")).format(
                name=tool.name, teachers=found.teachers, intended=found.intended or "?",
                share=views.share_of(found), counted=found.how)
    return [say(used)]


async def retire(turn: Turn[Command]) -> list[Reply]:
    """`/tools retire Blooket`: the form for the reason and the alternative."""
    tool = await service.must_find(turn.session, turn.incoming.text)
    if tool.status != "adopted":
        raise BadInput(_("Only an adopted tool is retired; {name} is {status}.").format(
            name=tool.name, status=views.label(tool.status)))
    alternative = await turn.session.get(ToolRow, tool.alternative_id) \
        if tool.alternative_id else None
    return [form_reply(forms.retire_form(tool, alternative.name if alternative else ""))]
