"""The register as other features see it (the core's `tool_register` hook): a pilot finds
its tool and the checklist's verdict, moves the tool along, adds users and pulses."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import BadInput
from bot.features.tools import adoption, checklist, service, views
from bot.features.tools.models import ToolRow
from bot.hooks.year import ToolFacts, ToolMove, ToolRegister
from bot.i18n import _


async def find(session: AsyncSession, name: str | int) -> ToolFacts | None:
    """A tool by name or alias (or by id: a pilot's copy of its name may be an erased
    teacher's, renamed), with whether it may enter a pilot."""
    tool = await session.get(ToolRow, name) if isinstance(name, int) else \
        await service.find(session, name)
    if tool is None:
        return None
    checks = await checklist.checks_of(session, tool.id)
    tagged = tuple(f"ticket:{r}" for r in await service.links(session, tool.id, "ticket"))
    return ToolFacts(tool.id, tool.name, service.words_of(tool), tool.status, tool.owner_id,
                     checklist.blocked(checks), tagged, adoption.cohort_key(tool))


async def move(session: AsyncSession, change: ToolMove) -> None:
    """A pilot starts, is decided, links a wave, adds its teachers as the tool's users."""
    tool = await session.get(ToolRow, change.tool_id)
    if tool is None:
        return
    if change.decide_by is not None:
        tool.decide_by = change.decide_by
    if tool.owner_id is None:
        tool.owner_id = change.by
    for survey in change.pulses:
        await service.link(session, tool, "pulse", str(survey), change.now)
    if change.users:
        await service.add_users(session, tool, list(change.users), "pilot", change.now)
    if change.status and change.status != tool.status:
        await _may_move(session, tool, change.status)
        await service.set_status(session, tool, change.status, change.by, change.now,
                                 change.reason)
        if change.status in ("piloting", "adopted", "declined"):
            await adoption.announce(session, tool, change.now)


async def _may_move(session: AsyncSession, tool: ToolRow, wanted: str) -> None:
    """A pilot's decision moves a tool only as `/tools status` may (a red team's, stop 49:
    "Adopt" on the pilot's report adopted a tool that had failed the privacy point since, or
    that a coach had declined by hand)."""
    await checklist.hold(session, tool.id)
    if wanted != "piloting" and wanted not in service.MOVES.get(tool.status, set()):
        raise BadInput(_("{name} is {status} now, so it can't become {wanted} from here.").format(
            name=tool.name, status=views.label(tool.status), wanted=views.label(wanted)))
    blocked = checklist.blocked(await checklist.checks_of(session, tool.id))
    if wanted in ("piloting", "adopted") and blocked:
        raise BadInput(_(checklist.NOT_ADOPTED).format(name=tool.name, blocked=blocked))


register = ToolRegister(find=find, move=move)
