"""A Turn: everything a handler gets for one incoming event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.metrics import Metrics
from bot.people.models import PersonRow
from bot.ports import Clock, Messenger
from bot.roles import Role
from bot.settings import Settings
from bot.vocabulary import AnyIncoming
from knowledge import KnowledgeBase


@dataclass
class Turn:
    """One incoming event being handled: who sent it, and the parts a handler may use."""

    incoming: AnyIncoming
    person: PersonRow
    session: AsyncSession
    kb: KnowledgeBase
    clock: Clock
    metrics: Metrics
    settings: Settings
    messengers: dict[str, Messenger]

    @property
    def role(self) -> Role:
        """The sender's role."""
        return Role(self.person.role)

    @property
    def now(self) -> datetime:
        """The time of this turn, from the injected clock."""
        return self.clock.now()
