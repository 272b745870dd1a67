"""The composition root: settings -> engine -> knowledge base -> Bot."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import Bot
from bot.masking import use_grown_ups_model
from bot.masking.staff import use_staff_names
from bot.metrics import Metrics
from bot.people.giving import follow_admins_list
from bot.ports import Clock, Messengers
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.leader import Leader
from bot.scheduling.scheduler import Scheduler
from bot.server_secret import ServerSecret, from_file, from_setting
from bot.settings import Settings
from bot.storage.engine import make_engine, make_sessions
from bot.storage.migrate import upgrade
from knowledge import KnowledgeBase, load_knowledge_base

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a running prepbot holds, built once and closed once."""

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    kb: KnowledgeBase
    bot: Bot
    metrics: Metrics
    dispatcher: Dispatcher
    scheduler: Scheduler

    @property
    def messengers(self) -> Messengers:
        """Each configured platform's messenger, by platform name; adapters add theirs."""
        return self.bot.messengers

    async def close(self) -> None:
        """Stop the scheduler and the Bot's own background work; release the database."""
        await self.scheduler.stop()
        await self.bot.close()
        await self.engine.dispose()


def server_secret(settings: Settings, engine: AsyncEngine) -> ServerSecret:
    """PREPBOT_SECRET_KEY; or, for an embedded SQLite database (one process), its key file
    (PREPBOT_SECRET_KEY_FILE, or beside the database); otherwise a key for this process only,
    with which nothing that must last is sealed. Replicas each making a key file would each
    seal with their own (a red team's, stop 44)."""
    if settings.secret_key:
        return ServerSecret(from_setting(settings.secret_key))
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        return ServerSecret(from_file(Path(settings.secret_key_file) if settings.secret_key_file
                                      else Path(database).with_suffix(".key")))
    log.warning("PREPBOT_SECRET_KEY is not set: pulse surveys cannot take answers until it is "
                "(docs/configuration.md)")
    return ServerSecret(os.urandom(32), lasting=False)


async def build_runtime(settings: Settings, *, clock: Clock | None = None,
                        kb: KnowledgeBase | None = None, migrate: bool = True,
                        follow_admins: bool = True) -> Runtime:
    """Open the database (migrating it), load the knowledge base and build the Bot; with
    `follow_admins`, stored roles follow PREPBOT_ADMINS (not for an operator's command: her
    shell may not have the server's list; a red team's, stop 52)."""
    use_grown_ups_model(settings.masking_model)
    use_staff_names(settings.masking_staff)
    engine = make_engine(settings.database_url)
    if migrate:
        await upgrade(engine)
    sessions = make_sessions(engine)
    kb = kb or load_knowledge_base(settings.kb_dir or None)
    metrics = Metrics()
    bot = Bot(sessions=sessions, kb=kb, settings=settings, clock=clock, metrics=metrics,
              secret=server_secret(settings, engine))
    if follow_admins:
        async with sessions() as session, session.begin():  # before any turn reads a role
            await follow_admins_list(session, bot.features.hand_overs, settings.admin_keys,
                                     bot.clock.now())
    await bot.refresh()  # a district's stored articles, before the first question
    dispatcher = bot.dispatcher
    scheduler = Scheduler(dispatcher, Leader(settings.database_url, engine.dialect.name),
                          tick_seconds=settings.tick_seconds)
    log.info("prepbot ready: %d articles, database %s", len(kb.articles), engine.dialect.name)
    return Runtime(settings, engine, sessions, kb, bot, metrics, dispatcher, scheduler)


def load_settings(**overrides: object) -> Settings:
    """Read the settings from the environment and `.env`, once, here."""
    return Settings(**overrides)  # type: ignore[arg-type]
