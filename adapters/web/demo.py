"""The playground's world: the Bot the page talks to, its messenger, and the district in a box.

On an install with no platform the playground is prepbot itself (its database, its clock);
on a real install whose operator turned it on, it runs in a world apart: a demo database in
a temporary folder (gone when the server stops), its own people, its own scheduler, and only
the web and district messengers, so nothing reaches Slack, Teams or the real data.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from adapters.district import District
from adapters.district.clock import Movable
from adapters.district.world import NO_PLATFORM, apart
from adapters.web.messenger import WebMessenger
from bot.app import Bot
from bot.scheduling.scheduler import Scheduler
from bot.settings import Settings
from bot.vocabulary import Conversation
from knowledge import KnowledgeBase

__all__ = ["NO_PLATFORM", "Playground", "running", "world"]
TRIAGE = "triage"  # the playground's one triage channel, seen by coach and admin personas


@dataclass
class Playground:
    """The Bot the page talks to, its in-memory messenger, and whether personas are on."""

    bot: Bot
    messenger: WebMessenger
    personas: bool
    scheduler: Scheduler | None = None  # a separate demo's own; started with the server's
    district: District | None = None


def world(bot: Bot, personas: bool, scheduler: Scheduler | None = None) -> Playground:
    """The playground on a Bot: the web messenger, and a district when demo time can move."""
    district = None
    if isinstance(bot.clock, Movable):  # a DemoClock (or the tests' FakeClock)
        district = District(bot, bot.clock,
                            triage=Conversation(platform="web", id=TRIAGE, kind="channel"))
    messenger = WebMessenger(district.members if district else None)
    bot.messengers.add(messenger)
    return Playground(bot, messenger, personas, scheduler, district)


@contextlib.asynccontextmanager
async def running(settings: Settings, kb: KnowledgeBase) -> AsyncIterator[Playground]:
    """A demo world beside the real one, for as long as the server runs."""
    async with apart(settings, kb) as runtime:
        yield world(runtime.bot, runtime.settings.playground is not False, runtime.scheduler)
