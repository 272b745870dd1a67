"""Plan deliveries once, claim them before sending, record the outcome."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.scheduling.models import DeliveryRow

# Final outcomes. A row's payload (a relayed message's whole text, or an id to render from)
# is only needed until then, so settling blanks it: the record kept for
# `delivery_retention_days` says who got what job when, never what a teacher wrote.
SETTLED = ("sent", "failed", "skipped")
UNSETTLED = ("pending", "sending")


@dataclass(frozen=True)
class Planned:
    """A delivery a feature wants made: who, for which occurrence, and in what window."""

    job: str
    occurrence: str
    platform: str
    not_before: datetime
    expires_at: datetime
    person_id: int | None = None
    user_id: str = ""
    conversation_id: str | None = None
    payload: str = ""
    urgent: bool = False

    @property
    def recipient(self) -> str:
        """The ledger's recipient key."""
        return f"{self.platform}:" + (f"#{self.conversation_id}" if self.conversation_id
                                      else self.user_id)


async def plan(session: AsyncSession, planned: Sequence[Planned]) -> int:
    """Add the deliveries not already in the ledger; returns how many were new."""
    if not planned:
        return 0
    seen: set[tuple[str, str, str]] = set()
    for job, occurrence in {(p.job, p.occurrence) for p in planned}:
        query = select(DeliveryRow.recipient).where(DeliveryRow.job == job,
                                                    DeliveryRow.occurrence == occurrence)
        seen.update((job, r, occurrence) for r in (await session.execute(query)).scalars())
    known = len(seen)
    for p in planned:
        key = (p.job, p.recipient, p.occurrence)
        if key in seen:
            continue
        seen.add(key)
        session.add(DeliveryRow(
            job=p.job, occurrence=p.occurrence, recipient=p.recipient, platform=p.platform,
            person_id=p.person_id, conversation_id=p.conversation_id, payload=p.payload,
            urgent=p.urgent, not_before=p.not_before, expires_at=p.expires_at))
    await session.flush()
    return len(seen) - known


def due_query(now: datetime) -> Select[DeliveryRow]:
    """Pending deliveries whose time has come, oldest first."""
    return (select(DeliveryRow).where(DeliveryRow.status == "pending",
                                      DeliveryRow.not_before <= now)
            .order_by(DeliveryRow.not_before, DeliveryRow.id))


async def claim(session: AsyncSession, rows: Sequence[DeliveryRow], now: datetime) -> list[int]:
    """Move rows from pending to sending; only rows still pending are won (another replica
    or a previous run may have taken some). Commit before sending."""
    ids = [row.id for row in rows]
    result = await session.execute(
        update(DeliveryRow).where(and_(DeliveryRow.id.in_(ids), DeliveryRow.status == "pending"))
        .values(status="sending", claimed_at=now, attempts=DeliveryRow.attempts + 1)
        .returning(DeliveryRow.id))
    return list(result.scalars())


async def renew(session: AsyncSession, ids: Sequence[int], first: datetime, last: datetime,
                now: datetime) -> None:
    """Our claims (made at `first`, renewed at `last`) still being sent are claimed afresh:
    not stranded while their sender lives."""
    await session.execute(update(DeliveryRow).where(
        DeliveryRow.id.in_(list(ids)), DeliveryRow.status == "sending",
        DeliveryRow.claimed_at.between(first, last)).values(claimed_at=now))


async def unclaim(session: AsyncSession, ids: Sequence[int], first: datetime,
                  last: datetime) -> None:
    """Give back claims never tried (a leader stepped down mid-batch): pending again, for the
    new leader to send at once. Ours were made at `first` and renewed at `last` at the
    latest; one another leader took over, after ours lapsed, is later and stays."""
    if ids:
        await session.execute(
            update(DeliveryRow).where(DeliveryRow.id.in_(list(ids)),
                                      DeliveryRow.status == "sending",
                                      DeliveryRow.claimed_at.between(first, last))
            .values(status="pending", claimed_at=None, attempts=DeliveryRow.attempts - 1))


async def finish(session: AsyncSession, ids: Sequence[int], status: str, now: datetime,
                 error: str = "") -> None:
    """Record the final outcome of sends (their payloads blanked)."""
    if ids:
        values: dict[str, object] = {"status": status, "error": error[:255], "payload": ""}
        if status == "sent":
            values["sent_at"] = now
        await session.execute(update(DeliveryRow).where(DeliveryRow.id.in_(list(ids)))
                              .values(**values))


def settle(row: DeliveryRow, status: str, now: datetime, error: str | None = None) -> None:
    """Record a loaded row's final outcome, as `finish` does (an error given replaces the
    last attempt's)."""
    row.status, row.payload = status, ""
    if status == "sent":
        row.sent_at = now
    if error is not None:
        row.error = error[:255]


async def withhold(session: AsyncSession, ids: Sequence[int]) -> None:
    """Settle unsent rows as skipped, payload blanked: they must never go out."""
    if ids:
        await session.execute(update(DeliveryRow).where(
            DeliveryRow.id.in_(list(ids)), DeliveryRow.status.in_(UNSETTLED))
            .values(status="skipped", payload=""))


async def blank_settled(session: AsyncSession) -> int:
    """Blank payloads a version before settling blanked them left on settled rows."""
    result = await session.execute(update(DeliveryRow).where(
        DeliveryRow.status.in_(SETTLED), DeliveryRow.payload != "").values(payload=""))
    return int(getattr(result, "rowcount", 0) or 0)


async def stranded(session: AsyncSession, before: datetime) -> list[DeliveryRow]:
    """Rows claimed before `before` and never finished: a crash happened mid-send."""
    query = select(DeliveryRow).where(DeliveryRow.status == "sending",
                                      DeliveryRow.claimed_at < before)
    return list((await session.execute(query)).scalars())


async def readdress(session: AsyncSession, rows: Sequence[DeliveryRow], platform: str,
                    person_id: int, user_id: str) -> int:
    """Pending deliveries planned afresh for someone else, in the same window (a handover's
    messages still to come: the coach who left would have them withheld); returns how many."""
    again = [Planned(row.job, row.occurrence, platform, row.not_before, row.expires_at,
                     person_id=person_id, user_id=user_id, payload=row.payload)
             for row in rows]
    for row in rows:
        await session.delete(row)
    await session.flush()  # the old recipient's rows gone before the new ones are keyed
    await plan(session, again)
    return len(again)


async def withdraw(session: AsyncSession, jobs: Sequence[str], occurrence: str) -> int:
    """Forget pending deliveries of an occurrence whose time changed, so they are planned
    afresh; what was sent, or is being sent, stays on the record."""
    result = await session.execute(
        delete(DeliveryRow).where(DeliveryRow.job.in_(list(jobs)),
                                  DeliveryRow.occurrence == occurrence,
                                  DeliveryRow.status == "pending"))
    return int(getattr(result, "rowcount", 0) or 0)


async def extend(session: AsyncSession, job: str, occurrence: str, expires_at: datetime) -> None:
    """Move the deadline of pending deliveries (the occurrence they are about moved)."""
    await session.execute(update(DeliveryRow).where(
        DeliveryRow.job == job, DeliveryRow.occurrence == occurrence,
        DeliveryRow.status == "pending").values(expires_at=expires_at))
