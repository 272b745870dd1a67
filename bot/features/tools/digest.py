"""The register's part of the digest: each adopted tool's last buy-in against the target and
its trend, tools flagged for review, requests waiting, and schools taking on too many.

Buy-ins and use are read as the register last counted them (once a day, from released
pulse answers only: tools/adoption.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Text
from bot.features.tools import adoption, service
from bot.features.tools.models import ToolRow
from bot.hooks import DigestAsk, Section

MAX_LINES = 12


def trend(tool: ToolRow) -> str:
    """`buy-in 80% (wave 3), below the 85% target, down from 90%`."""
    shown = adoption.kept_buy_ins(tool)
    if not shown:
        return "no buy-in yet (a pulse shows it from its threshold of answers)"
    wave, agree, target = shown[-1]
    mark = "meets" if agree * 100 >= target else "below"
    line = f"buy-in {agree:.0%} (wave {wave}), {mark} the {target}% target"
    if len(shown) > 1:
        before = shown[-2][1]
        move = "up from" if agree > before else "down from" if agree < before else "level with"
        line += f", {move} {before:.0%}"
    return line


def adopted_line(tool: ToolRow) -> str:
    """One adopted tool: its buy-in and trend, and a review flag or retirement date."""
    line = f"• {tool.name}: {trend(tool)}"
    if tool.flagged_on is not None:
        use = adoption.kept_use(tool)
        share = f"{use.share:.0%}" if use.share is not None else "?"
        line += f"; used by {use.teachers} of {use.intended} teachers ({share}): review it"
    elif tool.status == "sunsetting" and tool.retire_on:
        line += f"; retiring on {tool.retire_on.day} {tool.retire_on:%B}"
    return line


async def fatigue(session: AsyncSession, ask: DigestAsk) -> str:
    """Schools taking on at least the limit of new tools this semester."""
    today = await service.local_today(session, ask.coach_id, ask.now)
    limit = await adoption.FATIGUE.read(session)
    heavy = {school: names for school, names in
             (await adoption.new_this_semester(session, today)).items() if len(names) >= limit}
    return "\n".join(f"• {school}: {len(names)} new tools this semester ({', '.join(names)}); "
                     "too many at once and teachers keep none"
                     for school, names in sorted(heavy.items()))


async def sections(session: AsyncSession, ask: DigestAsk) -> Sequence[Section]:
    """Tools the coach owns (or nobody does yet); every tool for an admin."""
    query = select(ToolRow).order_by(ToolRow.key)
    if ask.coach_id is not None:
        query = query.where(or_(ToolRow.owner_id == ask.coach_id, ToolRow.owner_id.is_(None)))
    tools = list((await session.execute(query)).scalars())
    blocks: list[Block] = []
    adopted = [t for t in tools if t.status in ("adopted", "sunsetting")]
    if adopted:
        blocks.append(Text("**Adopted tools**\n" + "\n".join(
            adopted_line(t) for t in adopted[:MAX_LINES])))
    waiting = [(t, await service.demand(session, t.id)) for t in tools
               if t.status in ("requested", "evaluating")]
    if waiting:
        waiting.sort(key=lambda pair: -pair[1])
        blocks.append(Text("**Requests waiting**\n" + "\n".join(
            f"• {t.name} ({t.status}): asked for by {n}" for t, n in waiting[:MAX_LINES])))
    if heavy := await fatigue(session, ask):
        blocks.append(Text("**Tool fatigue**\n" + heavy))
    if not blocks:
        return ()
    flagged = sum(t.flagged_on is not None for t in adopted)
    summary = f"{flagged} tool{'s' if flagged != 1 else ''} to review" if flagged else ""
    return (Section("Tools", 45, tuple(blocks), summary),)
