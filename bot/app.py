"""The Bot: one entry point, `handle`, that every adapter calls with the core's vocabulary."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import TypeAlias

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import outbox, texts
from bot.arrivals import Arrival, Withdrawn
from bot.attachments.receiving import Receiver, only_files
from bot.attachments.retention import attachment_rules
from bot.attachments.store import hold
from bot.blocks import Reply, say
from bot.errors import PrepbotError
from bot.feature import Feature
from bot.features import FEATURES
from bot.i18n import _, speaking
from bot.inbox import Inbox, Responder
from bot.metrics import Metrics
from bot.people.directory import remember_sender, set_role, still_staff
from bot.people.staff_names import StaffFollower, Workspaces
from bot.ports import Clock, Messengers, SystemClock
from bot.privacy import Rules, rules_of
from bot.receiving import Inbound, Outcome, Receipt, received
from bot.recovery import recover_left_over
from bot.registry import Registry
from bot.repeats import retried, withdrawn
from bot.retention import housekeeping
from bot.roles import Role
from bot.router import as_command
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.jobs import Jobs
from bot.scrubbing import scrubbed
from bot.server_secret import ServerSecret
from bot.settings import Settings
from bot.storage.engine import make_readers, make_sessions
from bot.turn import Clashed, FetchFirst, KnownMembers, Turn, ask_members, not_saved
from bot.vocabulary import AnyIncoming, Message, Person, Revision
from bot.withdrawals import remember
from knowledge import KnowledgeBase
from knowledge.intents import recognise

# The intents the answers feature looks up in the knowledge base ("thanks" never is).
LOOKED_UP = frozenset({"question", "vague"})
log = logging.getLogger(__name__)
TALK_WORDS = frozenset({"ticket"})  # bare command words that, alone, are conversation
MAX_CLASHES = 3  # runs of one turn that lost a race for a unique row (Clashed)
MAX_LISTS = 4  # member lists one turn may ask for (a survey's cohort, a series' guests)


# What one run of a turn came to (Bot._in_session).
Ran: TypeAlias = tuple[list[Reply], list[str], bool] | list[Reply] | FetchFirst | Clashed


class Bot:
    """The core, built from explicit parts; it holds no platform and sends nothing itself."""

    def __init__(self, *, sessions: async_sessionmaker[AsyncSession], kb: KnowledgeBase,
                 settings: Settings, clock: Clock | None = None,
                 metrics: Metrics | None = None,
                 features: Sequence[Feature] = FEATURES,
                 secret: ServerSecret | None = None) -> None:
        self.sessions = sessions
        self.kb = kb
        self.settings = settings
        self.clock = clock or SystemClock()
        self.metrics = metrics or Metrics()
        self.messengers = Messengers()
        # Without a lasting secret, what must stay sealed is refused rather than lost.
        self.secret = secret or ServerSecret(os.urandom(32), lasting=False)
        self.features = Registry((*features, housekeeping, attachment_rules))
        # Files shared with a message: each adapter adds its platform's fetcher.
        self.attachments = Receiver(settings.attachment_max_bytes, settings.attachment_types)
        self.router = self.features.router
        self.jobs = self.features.fill(Jobs(messengers=self.messengers, secret=self.secret,
                                            kb=kb, clock=self.clock))
        self.jobs.renderer(outbox.NOTICE)(outbox.render)
        self.jobs.renderer(outbox.STAFF_NOTICE, staff=True)(outbox.render)
        self.jobs.renderer(outbox.SHARED_NOTICE, staff=True)(outbox.render)
        self.staff = StaffFollower(self.clock, self.messengers, Workspaces(
            timedelta(hours=settings.staff_directory_hours) if settings.staff_directory_hours
            else None))
        if settings.masking_staff != "off":
            self.jobs.refresher("people.staff_names")(self.staff.refresh)
        self.dispatcher = Dispatcher(sessions, self.jobs, self.clock, self.messengers,
                                     self.metrics,
                                     lease=timedelta(seconds=settings.delivery_lease_seconds))
        engine = sessions.kw["bind"]
        self.readers = make_readers(engine)  # lookups a platform waits on: never the writer
        self.inbox = Inbox(make_sessions(engine, urgent=True), self.clock,
                           lease=timedelta(seconds=settings.inbox_lease_seconds),
                           secret=self.secret)
        # How each platform answers an arrival when no request is waiting (after a crash).
        self.responders: dict[str, Responder] = {}
        self.dispatcher.recoverers.append(self.recover)
        self.refreshing = asyncio.Lock()

    @property
    def privacy(self) -> Rules:
        """How `prepbot privacy` exports and erases a person with these features."""
        return rules_of(self.features, self.secret)

    def command_from_text(self, message: Message, bare_words: bool = False) -> AnyIncoming:
        """A typed `/command` (or, with bare_words, `ticket ...`) becomes a Command.

        A lone bare "ticket" stays words: said right after an answer it asks for a person,
        and the conversation carries the question over (as in every other adapter).
        """
        if message.heard != "addressed" or (
                bare_words and message.text.strip().lower() in TALK_WORDS):
            return message  # nothing overheard in a channel is a command to the bot
        return as_command(message, self.router.names if bare_words else None) or message

    async def overhears(self, message: Message) -> bool:
        """Whether some feature wants a message overheard in a channel (a help channel's);
        the rest is dropped before it is stored. A database that cannot be read raises, as
        a store would: the adapter refuses the message, and Slack sends it again."""
        wanted = self.features.overhears
        if not wanted:
            return False
        # Every message of every channel prepbot is in comes here: read, never the writer.
        async with self.readers() as session:
            for overhears in wanted:
                if await overhears(session, self.kb, message, self.settings.admin_keys):
                    return True
        return False

    async def revised(self, revision: Revision) -> bool:
        """A message edited or deleted where it was written: what a feature kept of it
        follows. False when the database could not take it now: the adapter refuses the
        event, so the platform sends it again."""
        try:  # the inbox's sessions: the platform waits on this, so a lock is waited on briefly
            async with self.inbox.sessions() as session, session.begin():
                if revision.text is None:  # a turn not run yet keeps none of its words
                    await remember(session, "withdrawn", revision.where, revision.message_id,
                                   self.clock.now())
                for revised in self.features.revised:
                    await revised(session, self.kb, revision, self.clock.now())
        except (SQLAlchemyError, OSError):
            log.warning("could not follow a message's edit or deletion; refused, to be resent")
            return False
        return True

    async def handle(self, incoming: AnyIncoming, arrival: Arrival | None = None
                     ) -> list[Reply]:
        """Handle one incoming event and return the replies; retried events return nothing.

        For an arrival from the inbox, the replies are stored with the turn's effects, and a
        database failure leaves it to be worked again rather than lost.
        """
        kind = type(incoming).__name__.lower()
        self.metrics.incoming.labels(kind).inc()
        # Downloaded and cleaned before the transaction opens: no writer waits on a download.
        incoming = await self.attachments.receive(scrubbed(incoming))
        if isinstance(incoming, Message) and recognise(incoming.text) in LOOKED_UP:
            # Retrieval reads no table: done before the session, it never holds SQLite's
            # writer, and the answers feature finds the decision remembered.
            self.kb.answer(incoming.text)
        # The platform's locale until the stored person says otherwise (bot/i18n.py).
        with speaking(incoming.person.locale):
            known: KnownMembers = {}
            clashes = 0
            outcome = await self._in_session(incoming, arrival, known, may_clash=True)
            while isinstance(outcome, Clashed) or (isinstance(outcome, FetchFirst)
                                                   and len(known) < MAX_LISTS):
                if isinstance(outcome, FetchFirst):
                    await ask_members(self.messengers, outcome.conversation, known)  # no session
                clashes += isinstance(outcome, Clashed)
                outcome = await self._in_session(incoming, arrival, known,
                                                 may_clash=clashes < MAX_CLASHES)
        if isinstance(outcome, FetchFirst | Clashed):  # a handler asking list after list: a bug
            log.error("a %s turn asked for more than %d member lists", kind, MAX_LISTS)
            return []
        if not isinstance(outcome, tuple):
            return outcome
        replies, notices, changed = outcome
        # Sent once the session is closed: no network wait while holding SQLite's writer.
        await self.dispatcher.send_notices(notices)
        if changed:
            await self.refresh()  # this replica answers from the change at once
        return replies

    async def _in_session(self, incoming: AnyIncoming, arrival: Arrival | None,
                          known: KnownMembers, may_clash: bool = False
                          ) -> Ran:
        """One run of the turn in a transaction: what it did, what to tell the person when it
        failed, or the member list it needs first (rolled back); with `may_clash`, Clashed
        (rolled back) when another turn wrote one of its unique rows first."""
        async with self.sessions() as session:
            try:
                return await self._handle(session, incoming, arrival, known)
            except FetchFirst as needed:
                await session.rollback()
                return needed
            except Withdrawn:  # its sender was erased meanwhile: nothing of them is kept
                await session.rollback()
                log.info("a %s's sender was erased while its turn ran: dropped",
                         type(incoming).__name__.lower())
                return []
            except PrepbotError as error:
                await session.rollback()
                return [say(str(error))]
            except (SQLAlchemyError, OSError) as error:  # asyncpg's refused connect: OSError
                with contextlib.suppress(SQLAlchemyError, OSError):  # connection gone?
                    await session.rollback()
                if may_clash and isinstance(error, IntegrityError):
                    return Clashed()
                self.metrics.errors.inc()
                log.exception("database error while handling a %s",
                              type(incoming).__name__.lower())
                return not_saved(incoming, arrival is not None and self.inbox.retry_later(arrival))

    async def refresh(self) -> None:
        """Re-read what this replica keeps in memory from the database (stored articles);
        every replica runs it every PREPBOT_REFRESH_SECONDS, and after a turn changed it."""
        async with self.refreshing:
            for name, refresher in self.jobs.refreshers.items():
                try:
                    async with self.sessions() as session:
                        await refresher(session)
                except (SQLAlchemyError, OSError) as error:  # every few seconds: no traceback
                    log.warning("refreshing %s failed: %s", name, type(error).__name__)
                except Exception:  # tried again on the next refresh; the last state stays
                    log.exception("refreshing %s failed", name)

    async def close(self) -> None:
        """Stop the work the Bot runs in the background itself (a workspace read under way),
        and finish the inbox's writes: a settle dropped here is a reply sent twice later."""
        await self.staff.workspaces.stop()
        await self.inbox.finish()

    async def _handle(self, session: AsyncSession, incoming: AnyIncoming,
                      arrival: Arrival | None, known: KnownMembers
                      ) -> tuple[list[Reply], list[str], bool]:
        now = self.clock.now()
        if arrival is not None:
            await self.inbox.fence(session, arrival)
        if await retried(session, self.secret, incoming, now):
            self.metrics.duplicates.inc()
            return [], [], False
        if await withdrawn(session, incoming):
            return [], [], False
        back = await self.dispatcher.disconnected.speaks_again(
            session, incoming.person.platform, now)
        anonymous = self.router.anonymous(incoming)
        person = await remember_sender(session, incoming, now, self.settings.admin_keys,
                                       anonymous=anonymous)
        kept = await hold(session, person.id, incoming.attachments, now)
        turn = Turn(incoming, person, session, self.kb, self.clock, self.metrics, self.settings,
                    self.messengers, self.features, self.secret, known_members=known)
        started = time.perf_counter()
        with speaking(person.speaks):  # every sentence of this turn, and the errors it raises
            replies = [] if only_files(incoming) else await self.router.dispatch(turn)
            # After dispatch: a feature may claim them.
            told = self.attachments.note(incoming, kept)
        replies = [*replies, told] if told else replies
        # Whose turn planned a notice, so that an erase withholds what she said in it (outbox).
        sender = "" if anonymous else outbox.sent_by(person.id)
        source = f"{sender}{person.platform}:{incoming.event_id or uuid.uuid4()}"
        notices = await outbox.plan(session, turn.notices, source, now)
        if arrival is not None:
            await self.inbox.answered(session, arrival, replies, now,
                                      staff=turn.role.allows(Role.COACH))
        await session.commit()
        if back:
            self.dispatcher.disconnected.reconnected(incoming.person.platform)
        elapsed = time.perf_counter() - started
        self.metrics.handle_seconds.labels(type(incoming).__name__.lower()).observe(elapsed)
        # One line per event for operators: its kind and timing, never what was typed.
        log.info("handled %s in %.1f ms", type(incoming).__name__, elapsed * 1000)
        return replies, notices, bool(turn.changed)

    async def receive(self, inbound: Inbound) -> Outcome:
        """Answer a request another system made (a helpdesk's webhook): the receiver acts in
        one transaction, which commits only when it accepted; its notices then go out."""
        async with self.sessions() as session:
            outcome, notices = await received(Receipt(scrubbed(inbound), session, self.clock,
                                                      self.secret, self.features))
        await self.dispatcher.send_notices(notices)
        return outcome

    async def disconnect(self, platform: str, reason: str) -> None:
        """A platform says it is gone (uninstalled): stop sending there, keep every row."""
        await self.dispatcher.disconnect(platform, reason)

    async def recover(self, now: datetime) -> int:
        """Work what a crashed process left in the inbox, and answer where it came from."""
        return await recover_left_over(self.inbox, self.responders, self.handle, now, partial(
            still_staff, self.readers, self.settings.admin_keys))

    async def grant(self, person: Person, role: Role) -> None:
        """Give a person a role (the admin CLI and the playground's persona switch use this);
        a database that cannot be reached is a PrepbotError saying nothing was saved."""
        try:
            async with self.sessions() as session, session.begin():
                await set_role(session, person.platform, person.user_id, role,
                               self.clock.now())
        except (SQLAlchemyError, OSError) as error:  # asyncpg's refused connect is an OSError
            log.warning("could not give a role: %s", type(error).__name__)
            raise PrepbotError(_(texts.SAVE_FAILED)) from error

    def help(self, role: Role) -> Reply:
        """What this role can do."""
        return self.router.help(role)
