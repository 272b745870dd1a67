"""A tool's card: what the register knows, with its links, checklist, use and buy-in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.blocks import Reply
from bot.features.tools import adoption, checklist, service, views
from bot.features.tools.asking import answer_for
from bot.features.tools.models import ToolRow
from bot.hooks import MentionAsk, Period
from bot.people.models import PersonRow
from bot.roles import Role
from bot.schools.models import SchoolRow
from bot.turn import Turn

RECENT = timedelta(days=30)
NOW = timedelta(seconds=1)  # a period ends before its end: this turn's own rows count too


async def school_names(turn: Turn[Any], tool: ToolRow) -> str:
    """The schools using a tool, by name ("all schools" when none is named)."""
    ids = [int(s) for s in tool.schools.split(",") if s.strip().isdigit()]
    if not ids:
        return "all schools"
    query = select(SchoolRow.name).where(SchoolRow.id.in_(ids)).order_by(SchoolRow.name)
    return ", ".join((await turn.session.execute(query)).scalars())


async def card_of(turn: Turn[Any], tool: ToolRow) -> Reply:
    """Everyone sees the register's answer; coaches see the whole card."""
    if not turn.role.allows(Role.COACH):
        return await answer_for(turn, tool)
    owner = await turn.session.get(PersonRow, tool.owner_id) if tool.owner_id else None
    checks = await checklist.checks_of(turn.session, tool.id)
    facts = [("Status", views.LABELS[tool.status]),
             ("Owner", owner.display_name if owner else "nobody yet"),
             ("Schools", await school_names(turn, tool)), ("Grades", tool.grades or "-"),
             ("Asked for by", _teachers(await service.demand(turn.session, tool.id))),
             ("Checklist", checklist.summary(checks)),
             ("Pilot", f"blocked: {blocked}" if (blocked := checklist.blocked(checks))
              else "may enter one")]
    facts += await _links(turn, tool)
    if tool.status in ("adopted", "sunsetting"):
        use = await adoption.use_of(turn.session, turn.features, tool, turn.now)
        facts.append(("Use", f"{use.teachers} of {_teachers(use.intended)} ({use.share:.0%})"
                      if use.share is not None else f"{_teachers(use.teachers)}; how many it "
                      f"is meant for isn't set (/tools use {tool.name} <n> intended)"))
        shown = await adoption.buy_ins(turn.session, turn.features, tool)
        if shown:
            facts.append(("Last buy-in", f"{shown[-1].agree:.0%} (target {shown[-1].target}%)"))
    if tool.decide_by and tool.status in service.UNDER_REVIEW:
        facts.append(("Decision by", views.day(tool.decide_by)))
    if tool.retire_on and tool.status == "sunsetting":
        facts.append(("Retires on", views.day(tool.retire_on)))
    if tool.reason:
        facts.append(("Reason", tool.reason))
    return views.card(tool, facts, staff=True)


async def _links(turn: Turn[Any], tool: ToolRow) -> list[tuple[str, str]]:
    found = []
    for kind, label in (("pulse", "Pulses"), ("ticket", "Tickets"), ("article", "Articles")):
        refs = await service.links(turn.session, tool.id, kind)
        if refs:
            mark = "#" if kind != "article" else ""
            found.append((label, ", ".join(f"{mark}{r}" for r in refs[-8:])))
    ask = MentionAsk(service.words_of(tool), Period(turn.now - RECENT, turn.now + NOW))
    said = [m for find in turn.features.mentions for m in await find(turn.session, ask)]
    if said:
        tickets = sum(m.ref.startswith("ticket:") for m in said)
        questions = len(said) - tickets
        found.append(("Mentioned (30 days)", f"{tickets} ticket{'s' * (tickets != 1)}, "
                                            f"{questions} question{'s' * (questions != 1)}"))
    return found


def _teachers(count: int) -> str:
    return f"{count} teacher{'s' * (count != 1)}"
