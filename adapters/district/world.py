"""A demo world of its own: a runtime on a database in a temporary folder (gone when it
closes), with no platform and demo time, for a playground beside a real install and for
`prepbot chat --demo`. Nothing in it reaches Slack, Teams or the real database."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from adapters.district.clock import DemoClock
from adapters.runtime import Runtime, build_runtime
from bot.settings import Settings
from knowledge import KnowledgeBase

# Its own secret too (a key file beside the demo database): what the demo signs, a "me too"
# offer for its ticket #1, must mean nothing to the real install, whose ids are as small.
NO_PLATFORM = {"slack_bot_token": "", "slack_signing_secret": "", "slack_app_token": "",
               "microsoft_app_id": "", "microsoft_app_password": "",
               "microsoft_app_tenant_id": "", "teams_emulator": False, "admins": "",
               "secret_key": "", "secret_key_file": ""}  # its own key, beside its database


@contextlib.asynccontextmanager
async def apart(settings: Settings, kb: KnowledgeBase | None = None) -> AsyncIterator[Runtime]:
    """A runtime on a temporary demo database, closed (and its folder removed) on exit."""
    with tempfile.TemporaryDirectory(prefix="prepbot-demo-") as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'demo.db'}"
        demo = settings.model_copy(update={**NO_PLATFORM, "database_url": url})
        # Its own copy of the articles: what is published in the demo stays in the demo.
        runtime = await build_runtime(demo, kb=kb.fork() if kb else None,
                                      clock=DemoClock(settings.demo_start))
        try:
            yield runtime
        finally:
            await runtime.close()
