"""The playground's own world, for a real install whose operator turned it on: a demo
database in a temporary folder (gone when the server stops), its own people, its own
scheduler, and only the web messenger, so nothing reaches Slack, Teams or the real data."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from adapters.runtime import build_runtime
from adapters.web.messenger import WebMessenger
from bot.app import Bot
from bot.scheduling.scheduler import Scheduler
from bot.settings import Settings
from knowledge import KnowledgeBase

NO_PLATFORM = {"slack_bot_token": "", "slack_signing_secret": "", "slack_app_token": "",
               "microsoft_app_id": "", "microsoft_app_password": "", "teams_emulator": False,
               "admins": ""}


@dataclass
class Playground:
    """The Bot the page talks to, its in-memory messenger, and whether personas are on."""

    bot: Bot
    messenger: WebMessenger
    personas: bool
    scheduler: Scheduler | None = None  # a separate demo's own; started with the server's


@contextlib.asynccontextmanager
async def running(settings: Settings, kb: KnowledgeBase) -> AsyncIterator[Playground]:
    """A demo runtime beside the real one, for as long as the server runs."""
    with tempfile.TemporaryDirectory(prefix="prepbot-playground-") as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'playground.db'}"
        demo = settings.model_copy(update={**NO_PLATFORM, "database_url": url})
        # Its own copy of the articles: what is published in the demo stays in the demo.
        runtime = await build_runtime(demo, kb=kb.fork())
        messenger = WebMessenger()
        runtime.messengers.add(messenger)
        try:
            yield Playground(runtime.bot, messenger, demo.playground is not False,
                             runtime.scheduler)
        finally:
            await runtime.close()
