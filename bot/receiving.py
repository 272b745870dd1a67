"""Requests other systems make to prepbot (a district helpdesk's webhooks), as the core sees them.

An adapter reads the HTTP request into an `Inbound` (raw body, headers, form fields) and hands
it to `Bot.receive`; the feature that registered a receiver under its name checks it (the
signature, the time) and acts in one transaction, whose notices go out through the ledger
like a turn's. The adapter turns the `Outcome` into an HTTP status.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.i18n import speaking
from bot.outbox import Notice, plan, to_notice
from bot.people.models import PersonRow
from bot.ports import Clock
from bot.server_secret import ServerSecret
from bot.vocabulary import Conversation

if TYPE_CHECKING:
    from bot.registry import Registry

log = logging.getLogger(__name__)

# accepted: done. duplicate: done before. ignored: understood, nothing to do. refused: not
# signed (or too old). invalid: not a shape prepbot reads. unknown: nothing it refers to.
# unavailable: the receiver is not configured.
OutcomeKind = Literal["accepted", "duplicate", "ignored", "refused", "invalid", "unknown",
                      "unavailable"]


@dataclass(frozen=True)
class Inbound:
    """One request: which receiver it is for, its exact bytes, its headers (names in lower
    case) and, for form posts, its fields."""

    name: str
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What became of a request, and a short word for the sender (never a secret)."""

    kind: OutcomeKind
    detail: str = ""


@dataclass
class Receipt:
    """What a receiver gets: the request, a transaction, the time, the server secret, the
    features' hooks, and a way to tell people after the commit."""

    inbound: Inbound
    session: AsyncSession
    clock: Clock
    secret: ServerSecret
    features: Registry
    notices: list[Notice] = field(default_factory=list)

    @property
    def now(self) -> datetime:
        """The time of this request, from the injected clock."""
        return self.clock.now()

    def notify(self, person: PersonRow, reply: Reply | Callable[[], Reply],
               staff: bool = False, shared: bool = False) -> None:
        """DM someone once this request's transaction commits; a function building the reply
        is run in the recipient's language (`staff`: as a coach, as Turn.notify)."""
        if callable(reply):
            with speaking(person.speaks):
                reply = reply()
        self.notices.append(to_notice(person, reply, staff, shared))

    def post(self, conversation: Conversation, reply: Reply) -> None:
        """Post to a conversation once this request's transaction commits."""
        self.notices.append(Notice(reply, conversation=conversation))


async def received(receipt: Receipt) -> tuple[Outcome, list[str]]:
    """Let the receiver registered under the request's name act in the receipt's transaction,
    committed only when it accepted; its notices, planned, to send once it is."""
    inbound = receipt.inbound
    receiver = receipt.features.receivers.get(inbound.name)
    if receiver is None:
        return Outcome("unknown", "nothing receives this here"), []
    outcome = await receiver(receipt)
    notices: list[str] = []
    if outcome.kind == "accepted":
        notices = await plan(receipt.session, receipt.notices, f"{inbound.name}:{uuid.uuid4()}",
                             receipt.now)
        await receipt.session.commit()
    else:
        await receipt.session.rollback()
    # Never what was sent: only which receiver, and what became of it.
    log.info("received %s: %s", inbound.name, outcome.kind)
    return outcome, notices
