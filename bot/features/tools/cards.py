"""A tool's card: what the register knows, with its links, checklist, use and buy-in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.blocks import Reply
from bot.features.tools import adoption, checklist, service, views
from bot.features.tools.asking import answer_for
from bot.features.tools.models import ToolRow
from bot.hooks.digest import Period
from bot.hooks.year import MentionAsk
from bot.i18n import _, format_percent, format_share, ngettext
from bot.people.models import PersonRow
from bot.roles import Role
from bot.schools.models import SchoolRow
from bot.turn import Turn

RECENT = timedelta(days=30)
NOW = timedelta(seconds=1)  # a period ends before its end: this turn's own rows count too


async def school_names(turn: Turn[Any], tool: ToolRow) -> str:
    """The schools using a tool, by name ("all schools" when none is named)."""
    ids = [int(s) for s in tool.schools.split(",") if s.strip().isdecimal()]
    if not ids:
        return _("all schools")
    query = select(SchoolRow.name).where(SchoolRow.id.in_(ids)).order_by(SchoolRow.name)
    return ", ".join((await turn.session.execute(query)).scalars())


async def card_of(turn: Turn[Any], tool: ToolRow) -> Reply:
    """Everyone sees the register's answer; coaches see the whole card."""
    if not turn.role.allows(Role.COACH):
        return await answer_for(turn, tool)
    owner = await turn.session.get(PersonRow, tool.owner_id) if tool.owner_id else None
    checks = await checklist.checks_of(turn.session, tool.id)
    blocked = checklist.blocked(checks)
    facts = [(_("Status"), views.label(tool.status)),
             (_("Owner"), owner.display_name if owner else _("nobody yet")),
             (_("Schools"), await school_names(turn, tool)), (_("Grades"), tool.grades or "-"),
             (_("Asked for by"), _teachers(await service.demand(turn.session, tool.id))),
             (_("Checklist"), checklist.summary(checks)),
             (_("Pilot"), _("blocked: {reason}").format(reason=blocked) if blocked
              else _("may enter one"))]
    facts += await _links(turn, tool)
    if tool.status in ("adopted", "sunsetting"):
        facts += await _use(turn, tool)
    if tool.decide_by and tool.status in service.UNDER_REVIEW:
        facts.append((_("Decision by"), views.day(tool.decide_by)))
    if tool.retire_on and tool.status == "sunsetting":
        facts.append((_("Retires on"), views.day(tool.retire_on)))
    if tool.reason:
        facts.append((_("Reason"), tool.reason))
    return views.card(tool, facts, staff=True)


async def _use(turn: Turn[Any], tool: ToolRow) -> list[tuple[str, str]]:
    """An adopted tool's use against the teachers it is meant for, and its last buy-in."""
    use = await adoption.use_of(turn.session, turn.features, tool, turn.now)
    found = [(_("Use"), _("{teachers} of {intended} ({share})").format(
        teachers=use.teachers, intended=_teachers(use.intended), share=views.share_of(use))
        if use.share is not None else _("{teachers}; how many it is meant for isn't set "
                                        "(/tools use {name} <n> intended)").format(
            teachers=_teachers(use.teachers), name=tool.name))]
    # A wave's figure is its coach's and the admins' (a red team's, stop 50: any coach read
    # a colleague's pilot on the card, where /pulse results refused it).
    reader = None if turn.role.allows(Role.ADMIN) else turn.person.id
    waves = turn.features.pulse_waves
    asked = await waves.asked(turn.session, turn.person.id) if waves else set()
    shown = [b for b in await adoption.buy_ins(turn.session, turn.features, tool)
             if adoption.shown_to(reader, b.coach_id) and b.survey_id not in asked]
    if shown and (last := shown[-1]).agree is not None:  # shown: agree is set
        found.append((_("Last buy-in"), _("{agree} (target {target})").format(
            agree=format_share(last.agree, last.target),
            target=format_percent(last.target / 100))))
    return found


async def _links(turn: Turn[Any], tool: ToolRow) -> list[tuple[str, str]]:
    found = []
    for kind, label in (("pulse", _("Pulses")), ("ticket", _("Tickets")),
                        ("article", _("Articles"))):
        refs = await service.links(turn.session, tool.id, kind)
        if refs:
            mark = "#" if kind != "article" else ""
            found.append((label, ", ".join(f"{mark}{r}" for r in refs[-8:])))
    ask = MentionAsk(service.words_of(tool), Period(turn.now - RECENT, turn.now + NOW))
    said = [m for find in turn.features.mentions for m in await find(turn.session, ask)]
    if said:
        tickets = sum(m.ref.startswith("ticket:") for m in said)
        questions = len(said) - tickets
        found.append((_("Mentioned (30 days)"), "{tickets}, {questions}".format(
            tickets=ngettext("{count} ticket", "{count} tickets", tickets).format(count=tickets),
            questions=ngettext("{count} question", "{count} questions", questions).format(
                count=questions))))
    return found


def _teachers(count: int) -> str:
    return ngettext("{count} teacher", "{count} teachers", count).format(count=count)
