"""`/coffee`: coaches get their series, teachers their next session and a pause switch."""

from __future__ import annotations

from bot.blocks import Reply
from bot.errors import BadInput
from bot.features.coffee import coaching, mine
from bot.i18n import N_, _
from bot.roles import Role
from bot.turn import Turn
from bot.vocabulary import Command

USAGE = N_("`/coffee` (your sessions), `/coffee setup` (coaches: a new series)")


async def coffee_command(turn: Turn[Command]) -> list[Reply]:
    """A coach's series, or a teacher's next session."""
    if turn.incoming.text.strip():
        raise BadInput(_("I know {usage}.").format(usage=_(USAGE)))
    if turn.role.allows(Role.COACH):
        return await coaching.listing(turn)
    return await mine.overview(turn)
