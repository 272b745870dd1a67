"""The inbox: everything Slack or Teams hands prepbot is written down before it is
acknowledged, and worked from there. It is the delivery ledger's pair on the way in.

An arrival goes `pending` (stored: now the platform may be told "got it") -> `answered` (the
turn's effects and its replies committed together, by Bot.handle) -> `done` (the replies
reached the person). After a crash, the dispatcher's tick finds what was left: a pending
arrival is handled (exactly once: its key is unique, and the core drops a repeated event
id), an answered one has its stored replies delivered again. Concurrent arrivals share one
commit (group commit), so the acknowledgement never waits on a queue of single writes.

What an arrival says is stored sealed with the server secret (when it is a lasting one): a
pulse answer here sits beside its sender, and a ticket's text is not masked yet, so a copy
of the database must not read them. Every form is padded to one size, as a pulse's answers
are in their pool, so that a comment's length does not tell which released answer set it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.arrivals import STAFF, Arrival, InboxRow, Withdrawn
from bot.blocks import Form, Reply, replies_from_json, replies_to_json
from bot.ports import Clock
from bot.sealed import FORM_SIZE, STEP, keyed, seal, unseal
from bot.server_secret import ServerSecret
from bot.storage.upsert import insert_new
from bot.vocabulary import AnyIncoming, Submission, incoming_from_json, incoming_to_json

LEASE = timedelta(seconds=30)  # a turn takes milliseconds: longer than this, its worker died
# A turn the database failed is worked again after its lease, this many times in all: an
# outage or a long lock passes, while a turn that always fails is not tried forever.
MAX_ATTEMPTS = 5
# Seconds an arrival's group write may take: Slack wants its acknowledgement within 3 s, and
# past this the arrivals are refused (said so, or sent again by Slack) rather than hung.
WRITE_WAIT = 2.5
RETRY_PAUSE = 0.5  # seconds between a shutdown's tries at a write that failed
KEEP = timedelta(days=7)  # settled arrivals are forgotten after a week, like event ids
# A settled arrival keeps only its key (a retry is known for a week) and its time: not what
# it was, nor who sent it or where (a red team, stop 44, read who had written to prepbot
# between two nightly copies from the senders kept here).
SETTLED = {"status": "done", "incoming": "", "replies": "", "sender": "", "reply_to": ""}
log = logging.getLogger(__name__)
Responder = Callable[[str, list[Reply]], Awaitable[None]]  # (reply_to, replies) -> sent


class Inbox:
    """Stores arrivals in groups, claims them for work, and settles them."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock,
                 lease: timedelta = LEASE, secret: ServerSecret | None = None) -> None:
        self.sessions, self.clock, self.lease = sessions, clock, lease
        # A key for this process only would leave a crash's arrivals unreadable: plain then.
        self.secret = secret if secret is not None and secret.lasting else None
        self._waiting: list[tuple[dict[str, object], asyncio.Future[int | None]]] = []
        self._settled: list[int] = []
        self._retrying: set[int] = set()
        self._held: set[int] = set()
        self._flushing: asyncio.Task[None] | None = None

    async def accept(self, incoming: AnyIncoming, key: str, reply_to: str = "") -> Arrival | None:
        """Store an arrival (durably, on return); None when the same key came before."""
        # Sealed, an arrival keeps its sender and where to answer sealed too: a copy of the
        # database files (a WAL, PostgreSQL's log) holds every row as first written, and
        # read who had answered a pulse, and when, long after the row was blanked (a red
        # team's, stop 48). The erase opens what waits to find a person's.
        sender = "" if self.secret else f"{incoming.person.platform}:{incoming.person.user_id}"
        values: dict[str, object] = {
            "key": f"{incoming.person.platform}:{keyed(self.secret, key)}",
            "platform": incoming.person.platform,
            "sender": sender, "incoming": self._written(incoming),
            "reply_to": self._sealed(reply_to.encode(), STEP) if reply_to else "",
            "status": "working", "received_at": self.clock.now(), "claimed_at": self.clock.now(),
            "attempts": 1}
        future: asyncio.Future[int | None] = asyncio.get_running_loop().create_future()
        self._waiting.append((values, future))
        self._schedule()
        row_id = await future
        return Arrival(row_id, incoming, reply_to) if row_id is not None else None

    def _written(self, incoming: AnyIncoming) -> str:
        """The arrival as stored: sealed and padded, or (with no lasting secret) plain."""
        step = FORM_SIZE if isinstance(incoming, Submission) else STEP
        return self._sealed(incoming_to_json(incoming).encode(), step)

    def _sealed(self, plain: bytes, step: int) -> str:
        return seal(self.secret, plain, step)

    def _opened(self, stored: str) -> str:
        return unseal(self.secret, stored)

    def _read(self, stored: str) -> AnyIncoming:
        """An arrival as `_written` stored it."""
        return incoming_from_json(self._opened(stored))

    async def fence(self, session: AsyncSession, arrival: Arrival) -> None:
        """At a turn's start: its arrival's row is held until the turn commits, so an erase
        (which deletes it first) waits for the turn and then sees all it wrote; Withdrawn
        when an erase took it already."""
        query = select(InboxRow.id).where(InboxRow.id == arrival.id).with_for_update()
        if (await session.execute(query)).first() is None:
            raise Withdrawn(arrival.id)

    async def answered(self, session: AsyncSession, arrival: Arrival, replies: Sequence[Reply],
                       now: datetime, staff: bool = False) -> None:
        """Inside a turn's transaction: the arrival is answered, and these are its replies,
        sealed like the arrival (they may hold a pulse form's answers, or the secret that
        names them) and kept until delivered, so a crash in between still reaches the
        person. Withdrawn when the arrival is no longer there: the turn is rolled back."""
        formal = isinstance(arrival.incoming, Submission) or any(
            isinstance(block, Form) for reply in replies for block in reply.blocks)
        # Marked when built for someone as a coach: recovery sends them only while she still
        # is one (a red team's, stop 52: a demoted coach got the queue after an outage).
        kept = (STAFF if staff or arrival.staff else "") + replies_to_json(list(replies))
        written = self._sealed(kept.encode(), FORM_SIZE if formal else STEP)
        result = await session.execute(update(InboxRow).where(InboxRow.id == arrival.id)
                                       .values(status="answered", replies=written,
                                               claimed_at=now))
        if not getattr(result, "rowcount", 1):
            raise Withdrawn(arrival.id)

    async def unsent(self, arrival: Arrival, replies: Sequence[Reply]) -> None:
        """Only these of its replies are still to be delivered (the others reached the
        person): recovery sends these, and never the others a second time."""
        with contextlib.suppress(Withdrawn):  # erased meanwhile: nothing is to reach them
            async with self.sessions() as session, session.begin():
                stored = await session.scalar(select(InboxRow.replies).where(
                    InboxRow.id == arrival.id))
                staff = self._opened(stored).startswith(STAFF) if stored else False
                await self.answered(session, arrival, replies, self.clock.now(), staff)

    def settle(self, arrival: Arrival) -> None:
        """The replies reached the person: done (written with the next group), unless its
        turn is to be worked again (`retry_later`): then it stays for recovery."""
        if arrival.id in self._retrying:
            self._retrying.discard(arrival.id)
            return
        self._settled.append(arrival.id)
        self._schedule()

    @contextlib.asynccontextmanager
    async def held(self, arrival: Arrival | None) -> AsyncIterator[None]:
        """While this process works an arrival and delivers its replies, the arrival keeps
        its lease (renewed every third of it): a turn may wait for a worker, and Slack may
        hold a reply back past the lease (a 429's Retry-After); recovery, here or on another
        replica, took it for a dead worker's and sent it too (red teams', stop 47). Nothing
        to keep for no arrival (nothing was stored)."""
        if arrival is None:
            yield
            return
        self._held.add(arrival.id)
        done = asyncio.Event()
        renewing = asyncio.create_task(self._renew(arrival.id, done))
        try:
            yield
        finally:
            done.set()
            await renewing
            self._held.discard(arrival.id)

    async def _renew(self, arrival_id: int, done: asyncio.Event) -> None:
        while not done.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), self.lease.total_seconds() / 3)
                return
            with contextlib.suppress(SQLAlchemyError, OSError):  # the next one tries again
                async with self.sessions() as session, session.begin():
                    await session.execute(update(InboxRow).where(
                        InboxRow.id == arrival_id, InboxRow.status.in_(("working", "answered")))
                        .values(claimed_at=self.clock.now()))

    def retry_later(self, arrival: Arrival) -> bool:
        """Its turn failed on the database: not settled, but worked again after its lease
        (False once it was tried MAX_ATTEMPTS times: then it is settled like any other)."""
        if arrival.attempts >= MAX_ATTEMPTS:
            return False
        self._retrying.add(arrival.id)
        return True

    def retrying(self, arrival: Arrival) -> bool:
        """Whether its turn failed and waits to be worked again."""
        return arrival.id in self._retrying

    def _schedule(self) -> None:
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        await asyncio.sleep(0)  # let every arrival of this moment join the group
        while self._waiting or self._settled:
            waiting, self._waiting = self._waiting, []
            settled, self._settled = self._settled, []
            try:  # bounded: a platform waits on it, and one stuck write must not hold all
                ids = await asyncio.wait_for(
                    self._write([values for values, _ in waiting], settled), WRITE_WAIT)
            except Exception as error:  # every waiting arrival hears it: none was stored
                for _, future in waiting:
                    if not future.done():
                        future.set_exception(error)
                # Settled ones are written with the next group, or before the next recovery:
                # dropped, their replies would be delivered again.
                self._settled[:0] = settled
                if self._waiting:
                    continue
                return
            for values, future in waiting:
                if not future.done():
                    future.set_result(ids.get(str(values["key"])))

    async def _write(self, rows: list[dict[str, object]], settled: list[int]) -> dict[str, int]:
        async with self.sessions() as session, session.begin():
            ids = await insert_new(session, InboxRow, rows, "key", InboxRow.id)
            if settled:
                await session.execute(update(InboxRow).where(InboxRow.id.in_(settled))
                                      .values(**SETTLED))
            return ids

    async def drain(self) -> None:
        """Wait until every accepted and settled arrival is written (shutdown, tests)."""
        while self._flushing is not None and not self._flushing.done():
            with contextlib.suppress(Exception):
                await self._flushing

    async def finish(self, tries: int = 3) -> None:
        """At shutdown: write what waits, a group whose write failed included, trying a few
        times; what is still unwritten is worked (or answered) again after the restart."""
        for _ in range(tries):
            if self._waiting or self._settled:
                self._schedule()
            await self.drain()
            if not (self._waiting or self._settled):
                return
            await asyncio.sleep(RETRY_PAUSE)

    async def left_over(self, now: datetime, platforms: Collection[str]
                        ) -> list[tuple[Arrival, str, list[Reply]]]:
        """Arrivals of these platforms a crashed worker left: (arrival, status, stored
        replies), each claimed anew so two replicas never take the same one."""
        if self._settled:  # a settle whose write failed is not work left over
            self._schedule()
            await self.drain()
        stale = now - self.lease
        async with self.sessions() as session, session.begin():
            # Only platforms mounted here: a claim counts a try and holds the lease, so a
            # replica that cannot answer an arrival must leave it to one that can.
            query = (select(InboxRow).where(InboxRow.status.in_(("working", "answered")),
                                            InboxRow.platform.in_(tuple(platforms)),
                                            InboxRow.id.not_in(tuple(self._held)),
                                            or_(InboxRow.claimed_at.is_(None),
                                                InboxRow.claimed_at < stale))
                     .order_by(InboxRow.id).limit(200))
            found = []
            for row in (await session.execute(query)).scalars():
                try:
                    incoming = self._read(row.incoming)
                    opened = self._opened(row.replies) if row.replies else ""
                    stored = replies_from_json(opened.removeprefix(STAFF)) if opened else []
                except ValueError:  # the key changed since: nobody can read it, ever
                    log.error("arrival %d was sealed with another server secret "
                              "(was PREPBOT_SECRET_KEY changed?): dropped", row.id)
                    await session.execute(update(InboxRow).where(InboxRow.id == row.id)
                                          .values(**SETTLED))
                    continue
                tries = row.attempts + 1  # read before the update refreshes the row
                won = await session.execute(
                    update(InboxRow).where(InboxRow.id == row.id, InboxRow.claimed_at ==
                                           row.claimed_at)
                    .values(claimed_at=now, attempts=InboxRow.attempts + 1))
                if getattr(won, "rowcount", 0) and row.id not in self._settled:
                    found.append((Arrival(row.id, incoming, self._opened(row.reply_to).rstrip(),
                                          tries, opened.startswith(STAFF)), row.status, stored))
            return found

    async def forget(self, now: datetime) -> int:
        """Delete arrivals settled more than a week ago."""
        async with self.sessions() as session, session.begin():
            result = await session.execute(delete(InboxRow).where(
                InboxRow.status.in_(("done", "failed")), InboxRow.received_at < now - KEEP))
            return int(getattr(result, "rowcount", 0) or 0)

