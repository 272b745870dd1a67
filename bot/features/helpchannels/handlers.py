"""`/prepbot channel help [on [quiet|react] | off]`: coaches turn help-channel mode on and off."""

from __future__ import annotations

from bot.blocks import Reply, say
from bot.errors import BadInput
from bot.features.helpchannels import service, views
from bot.features.helpchannels.hearing import ANSWERS_PER_HOUR, CONFIDENCE
from bot.i18n import _
from bot.turn import Turn
from bot.vocabulary import Command, Conversation


def _channel(turn: Turn[Command]) -> Conversation:
    where = turn.incoming.conversation
    if where.kind != "channel":
        raise BadInput(_(views.ONLY_IN_CHANNEL))
    return where


async def status(turn: Turn[Command]) -> list[Reply]:
    """Whether this channel is a help channel, and how it behaves."""
    channel = await service.channel_of(turn.session, _channel(turn))
    if channel is None:
        return [views.status(False)]
    return [views.status(True, channel.when_unsure, await ANSWERS_PER_HOUR.read(turn.session),
                         await CONFIDENCE.read(turn.session))]


async def turn_on(turn: Turn[Command]) -> list[Reply]:
    """Read this channel's new questions; `react` adds 👀 to those it cannot answer."""
    mode = views.MODES.get(turn.incoming.text.strip().lower())
    if mode is None:
        raise BadInput(_(views.USAGE))
    await service.turn_on(turn.session, _channel(turn), mode, turn.person, turn.now)
    return [views.turned_on(mode)]


async def turn_off(turn: Turn[Command]) -> list[Reply]:
    """Stop reading this channel; what was kept from it is forgotten."""
    if turn.incoming.text.strip():
        raise BadInput(_(views.USAGE))
    was_on = await service.turn_off(turn.session, _channel(turn))
    return [say(_(views.TURNED_OFF), private=False) if was_on else say(_(views.WAS_OFF))]
