"""One tick of timed work: plan, run chores, recover what a crash left, send what is due;
and, between ticks, the notices a turn just committed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.blocks import Reply
from bot.i18n import DEFAULT, speaking
from bot.metrics import Metrics
from bot.outbox import NOTICES, SHARED_NOTICE
from bot.people.models import PersonRow
from bot.ports import Clock, Messengers
from bot.rerouting import reroute
from bot.scheduling import ledger
from bot.scheduling.audience import Audience
from bot.scheduling.disconnected import Disconnected
from bot.scheduling.jobs import Jobs
from bot.scheduling.models import DeliveryRow
from bot.scheduling.sending import (
    PERMANENT,
    REFUSED,
    STEPPED_DOWN,
    Leading,
    always_leading,
    key,
    sender,
    target,
)

log = logging.getLogger(__name__)
BATCH = 200
LEASE = timedelta(minutes=2)
RETRY_AFTER = timedelta(minutes=5)  # the first retry; each later one waits twice as long
MAX_RETRY_DELAY = timedelta(hours=1)


@dataclass
class Claim:
    """When a batch's sends were claimed, and last renewed: which claims are this batch's
    (another leader's, taken over after ours lapsed, are later than both)."""

    at: datetime
    renewed: datetime


@dataclass
class TickReport:
    """What one tick did, for logs, metrics and tests."""

    planned: int = 0
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    deferred: int = 0
    recovered: int = 0
    rerouted: list[str] = field(default_factory=list)  # occurrences planned for the admins


class Dispatcher:
    """Runs the scheduler's work against the ledger; safe to call again at any time."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], jobs: Jobs, clock: Clock,
                 messengers: Messengers, metrics: Metrics,
                 lease: timedelta = LEASE) -> None:
        self.sessions, self.jobs, self.clock = sessions, jobs, clock
        self.messengers, self.metrics = messengers, metrics
        self.lease = lease  # how long a claimed send may take before it counts as stranded
        # Work a crash left on the way in (the Bot's inbox), settled with every tick.
        self.recoverers: list[Callable[[datetime], Awaitable[int]]] = []
        self.disconnected = Disconnected(sessions, clock)

    @property
    def gone(self) -> dict[str, str]:
        """The platforms that said they are gone, and why, as this replica last read them."""
        return self.disconnected.platforms

    async def disconnect(self, platform: str, reason: str) -> None:
        """A platform says it is gone (uninstalled): stop sending there, keep every row."""
        await self.disconnected.record(platform, reason)

    async def tick(self, leading: Leading = always_leading) -> TickReport:
        """Plan, run the chores (which may plan too), recover, send everything due now.

        The scheduler's leader passes `leading`, asked before each send: a leader that lost
        its lock (PostgreSQL restarted under a long batch) stops at once, or it would send
        what the new leader sends too."""
        report = TickReport()
        now = self.clock.now()
        await self.disconnected.read()
        report.planned = await self.plan(now)
        if sum([await gather() for gather in self.jobs.gatherers.values()]):
            report.planned += await self.plan(now)
        for chore in self.jobs.chores.values():
            async with self.sessions() as session, session.begin():
                await chore(session, now)
        report.recovered = await self.recover(now)
        for recover in self.recoverers:
            report.recovered += await recover(now)
        while await leading() and await self._send_batch(now, report, ledger.due_query(now),
                                                         leading):
            pass
        return report

    async def send_notices(self, occurrences: list[str]) -> TickReport:
        """Send the notices a turn just committed, at once; a failure is retried later. What
        is gone is read first: a notice is never marked undeliverable for good on this
        replica's memory alone (a red team's, stop 58)."""
        report = TickReport()
        if occurrences:
            await self.disconnected.read()
        while occurrences:  # and then what could not go where it was meant, to the admins
            query = select(DeliveryRow).where(DeliveryRow.job.in_(NOTICES),
                                              DeliveryRow.occurrence.in_(occurrences),
                                              DeliveryRow.status == "pending")
            before = len(report.rerouted)
            await self._send_batch(self.clock.now(), report, query)
            occurrences = report.rerouted[before:]
        return report

    async def plan(self, now: datetime) -> int:
        """Run every planner, each in its own transaction; returns how many deliveries are new."""
        planned = 0
        for name, planner in self.jobs.planners.items():
            async with self.sessions() as session, session.begin():
                planned += await ledger.plan(session, await planner(session, now))
            log.debug("planner %s ran", name)
        return planned

    async def recover(self, now: datetime) -> int:
        """Settle rows a crash left in `sending`: ask the platform, else send again."""
        async with self.sessions() as session, session.begin():
            rows = await ledger.stranded(session, now - self.lease)
            for row in rows:
                if await self._arrived(row):
                    ledger.settle(row, "sent", now)
                else:
                    row.status, row.sent_at = "pending", None
        return len(rows)

    async def _arrived(self, row: DeliveryRow) -> bool:
        messenger = self.messengers.get(row.platform)
        check = getattr(messenger, "delivered", None)
        if check is None:
            return False  # cannot tell: at least once is better than never
        person, conversation = target(row)
        return bool(await check(person, conversation, key(row)))

    async def _send_batch(self, now: datetime, report: TickReport, query: Select[DeliveryRow],
                          leading: Leading = always_leading) -> bool:
        async with self.sessions() as session, session.begin():
            rows = list((await session.execute(query.limit(BATCH))).scalars())
            if not rows:
                return False
            ready = await self._apply_policy(session, rows, now, report)
            # Claimed as of now, not as of the tick's start: planning, chores and earlier
            # batches may have taken longer than the lease (a red team's, stop 48).
            claimed = self.clock.now()
            claim = Claim(claimed, claimed)
            won = set(await ledger.claim(session, [row for row, _ in ready], claim.at))
            batch = [(row, reply) for row, reply in ready if row.id in won]
        # Each send is recorded as soon as it is answered: what a crash (or a stop) cuts off
        # is sent again after the lease on a platform that cannot say what arrived, so only
        # the sends in flight may be (a whole batch of 200 was; red teams', stop 47). Records
        # are written from this task: a tick run inside a turn (the demo's) holds the writer.
        send = sender(self.messengers, self.gone, leading)
        pending = {asyncio.ensure_future(send(row, reply)): (row, reply) for row, reply in batch}
        given_back: list[tuple[DeliveryRow, Reply]] = []
        try:
            async with self._claims_kept([row.id for row, _ in batch], claim):
                while pending:
                    done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    finished = [(pending.pop(task), task.result()) for task in done]
                    given_back += [pair for pair, error in finished if error == STEPPED_DOWN]
                    answered = [(p, error) for p, error in finished if error != STEPPED_DOWN]
                    if answered:
                        await self._record([pair for pair, _ in answered],
                                           [error for _, error in answered], now, report, claim)
        finally:
            for task in pending:  # cut short (a stop past its wait): recovered after the lease
                task.cancel()
        if given_back:
            await self._record(given_back, [STEPPED_DOWN] * len(given_back), now, report, claim)
        return True

    @contextlib.asynccontextmanager
    async def _claims_kept(self, ids: list[int], claim: Claim) -> AsyncIterator[None]:
        """While a batch's sends are under way, their claims are renewed every third of the
        lease, so that a send Slack holds back (a 429's Retry-After) is not taken for a
        crash's and sent again by the next tick's recovery (a red team's, stop 48)."""
        keeping = asyncio.create_task(self._keep_claims(ids, claim))
        try:
            yield
        finally:
            keeping.cancel()
            await asyncio.gather(keeping, return_exceptions=True)

    async def _keep_claims(self, ids: list[int], claim: Claim) -> None:
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            now = self.clock.now()
            with contextlib.suppress(SQLAlchemyError, OSError):  # the next one tries again
                async with self.sessions() as session, session.begin():
                    await ledger.renew(session, ids, claim.at, claim.renewed, now)
                claim.renewed = now

    async def _record(self, batch: list[tuple[DeliveryRow, Reply]], results: list[str],
                      now: datetime, report: TickReport, claim: Claim) -> None:
        async with self.sessions() as session, session.begin():
            sent = [row.id for (row, _), error in zip(batch, results, strict=True) if not error]
            await ledger.finish(session, sent, "sent", now)
            await ledger.unclaim(session, [row.id for (row, _), error in zip(
                batch, results, strict=True) if error == STEPPED_DOWN], claim.at, claim.renewed)
            for (row, _), error in zip(batch, results, strict=True):
                if error and error != STEPPED_DOWN:
                    await self._failed(session, row, error, now, report)
        report.sent += len(sent)
        self.metrics.deliveries.labels("sent").inc(len(sent))

    async def _apply_policy(self, session: AsyncSession, rows: list[DeliveryRow], now: datetime,
                            report: TickReport) -> list[tuple[DeliveryRow, Reply]]:
        audience = Audience(session)
        ready = []
        for row in rows:
            if now >= row.expires_at:
                ledger.settle(row, "skipped", now)
                report.skipped += 1
                self.metrics.deliveries.labels("skipped").inc()
                continue
            window = now if row.urgent else await audience.next_window(row.person_id, now)
            if window is not None and now < window < row.expires_at:
                row.not_before, report.deferred = window, report.deferred + 1
                continue
            renderer = self.jobs.renderers.get(row.job)
            reply = None
            if renderer and window == now:
                # Built in the recipient's language; a channel's post in the district's.
                with speaking(await _language(session, row)):
                    reply = await renderer(session, row)
            if reply is None:
                if row.job == SHARED_NOTICE:  # its coach is no longer one: not lost for that
                    report.rerouted += await reroute(session, row, self.jobs.features, now,
                                                    self.messengers)
                ledger.settle(row, "skipped", now)
                report.skipped += 1
                self.metrics.deliveries.labels("skipped").inc()
                continue
            ready.append((row, Reply(reply.text, reply.blocks, reply.private,
                                     reply.replace_original, key(row))))
        return ready

    async def _failed(self, session: AsyncSession, row: DeliveryRow, error: str, now: datetime,
                      report: TickReport) -> None:
        fresh = await session.get(DeliveryRow, row.id)
        if fresh is None:
            return
        # A platform outage can last hours: keep trying while the message is still worth sending.
        later = now + retry_delay(fresh.attempts)
        retry = not error.startswith((PERMANENT, REFUSED)) and later < fresh.expires_at
        if retry:
            fresh.status, fresh.error = "pending", error[:255]
        else:
            if error.startswith(REFUSED):  # nothing meant for staff is lost unseen
                report.rerouted += await reroute(session, fresh, self.jobs.features, now,
                                                    self.messengers)
            ledger.settle(fresh, "failed", now, error)  # which blanks what it carried
        fresh.not_before = later
        report.failed += not retry
        self.metrics.deliveries.labels("retry" if retry else "failed").inc()


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the given number of failed attempts: 5, 10, 20, 40, 60, 60… min."""
    doubled: timedelta = RETRY_AFTER * 2 ** max(0, min(attempts - 1, 10))
    return min(doubled, MAX_RETRY_DELAY)


async def _language(session: AsyncSession, row: DeliveryRow) -> str:
    person = await session.get(PersonRow, row.person_id) if row.person_id else None
    return person.speaks if person is not None else DEFAULT
