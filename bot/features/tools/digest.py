"""The register's part of the digest: each adopted tool's last buy-in against the target and
its trend, tools flagged for review, requests waiting, and schools taking on too many.

Buy-ins and use are read as the register last counted them (once a day, from released
pulse answers only: tools/adoption.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Text
from bot.features.tools import adoption, service, views
from bot.features.tools.models import ToolRow
from bot.hooks.digest import DigestAsk, Section
from bot.i18n import _, format_percent, format_share, ngettext, reaches

MAX_LINES = 12


def trend(tool: ToolRow, reader: int | None, asked: frozenset[int] = frozenset()) -> str:
    """`buy-in 80% (wave 3), below the 85% target, down from 90%`, of the waves `reader`
    runs (None: an admin, all) but those they were `asked` in."""
    shown = adoption.kept_buy_ins(tool, reader, asked)
    if not shown:
        return _("no buy-in yet (a pulse shows it from its threshold of answers)")
    wave, agree, target = shown[-1]
    said = format_share(agree, target)
    line = (_("buy-in {agree} (wave {wave}), meets the {target} target") if reaches(agree, target)
            else _("buy-in {agree} (wave {wave}), below the {target} target")).format(
                agree=said, wave=wave, target=format_percent(target / 100))
    if len(shown) > 1:
        before, before_target = shown[-2][1], shown[-2][2]
        before_said = format_share(before, before_target)
        # The word follows the figures as shown: "60%, down from 60%" is level (a red team's).
        line = (_("{line}, level with {before}") if said == before_said
                else _("{line}, up from {before}") if agree > before
                else _("{line}, down from {before}")).format(line=line, before=before_said)
    return line


def adopted_line(tool: ToolRow, reader: int | None, asked: frozenset[int] = frozenset()) -> str:
    """One adopted tool: its buy-in and trend, and a review flag or retirement date."""
    line = f"• {tool.name}: {trend(tool, reader, asked)}"
    if tool.flagged_on is not None:
        use = adoption.kept_use(tool)
        line = _("{line}; used by {teachers} of {intended} teachers ({share}): review it").format(
            line=line, teachers=use.teachers, intended=use.intended, share=views.share_of(use))
    elif tool.status == "sunsetting" and tool.retire_on:
        line = _("{line}; retiring on {day}").format(line=line, day=views.day(tool.retire_on))
    return line


async def fatigue(session: AsyncSession, ask: DigestAsk) -> str:
    """Schools taking on at least the limit of new tools this semester."""
    today = await service.local_today(session, ask.coach_id, ask.now)
    limit = await adoption.FATIGUE.read(session)
    heavy = {school: names for school, names in
             (await adoption.new_this_semester(session, today)).items() if len(names) >= limit}
    return "\n".join("• " + ngettext(
        "{school}: {count} new tool this semester ({names}); too many at once and teachers "
        "keep none", "{school}: {count} new tools this semester ({names}); too many at once "
        "and teachers keep none", len(names)).format(
            school=school, count=len(names), names=", ".join(names))
        for school, names in sorted(heavy.items()))


def waiting_line(tool: ToolRow, asked: int) -> str:
    """A request waiting for a decision, and how many asked for it."""
    return "• " + _("{name} ({status}): asked for by {count}").format(
        name=tool.name, status=views.label(tool.status), count=asked)


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Tools the coach owns (or nobody does yet); every tool for an admin."""
    query = select(ToolRow).order_by(ToolRow.key)
    if ask.coach_id is not None:
        query = query.where(or_(ToolRow.owner_id == ask.coach_id, ToolRow.owner_id.is_(None)))
    tools = list((await session.execute(query)).scalars())
    blocks: list[Block] = []
    adopted = [t for t in tools if t.status in ("adopted", "sunsetting")]
    if adopted:
        blocks.append(Text(_heading(_("Adopted tools"), [
            adopted_line(t, ask.coach_id, ask.asked) for t in adopted[:MAX_LINES]])))
    waiting = [(t, await service.demand(session, t.id)) for t in tools
               if t.status in ("requested", "evaluating")]
    if waiting:
        waiting.sort(key=lambda pair: -pair[1])
        blocks.append(Text(_heading(_("Requests waiting"), [
            waiting_line(t, n) for t, n in waiting[:MAX_LINES]])))
    if heavy := await fatigue(session, ask):
        blocks.append(Text(_heading(_("Tool fatigue"), [heavy])))
    if not blocks:
        return ()
    flagged = sum(t.flagged_on is not None for t in adopted)
    summary = ngettext("{count} tool to review", "{count} tools to review", flagged).format(
        count=flagged) if flagged else ""
    return (Section(_("Tools"), 45, tuple(blocks), summary),)


def _heading(heading: str, lines: list[str]) -> str:
    return f"**{heading}**\n" + "\n".join(lines)
