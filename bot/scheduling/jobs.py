"""What features give the scheduler: planners fill the ledger, renderers build the messages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.people.models import PersonRow
from bot.ports import Clock, Messengers
from bot.scheduling.ledger import Planned
from bot.scheduling.models import DeliveryRow
from bot.server_secret import ServerSecret
from knowledge import KnowledgeBase

if TYPE_CHECKING:
    from bot.registry import Registry

Planner = Callable[[AsyncSession, datetime], Awaitable[list[Planned]]]
Renderer = Callable[[AsyncSession, DeliveryRow], Awaitable[Reply | None]]
# Housekeeping each tick, in its own transaction; what it wants said, it plans in the ledger.
Chore = Callable[[AsyncSession, datetime], Awaitable[object]]
Gatherer = Callable[[], Awaitable[int]]
# What every replica re-reads for itself (leader or not) every PREPBOT_REFRESH_SECONDS and
# right after a turn that changed it: what it keeps in memory from the database.
Refresher = Callable[[AsyncSession], Awaitable[object]]


@dataclass
class Jobs:
    """The registry of timed work, filled by each feature's `jobs` registration."""

    planners: dict[str, Planner] = field(default_factory=dict)
    renderers: dict[str, Renderer] = field(default_factory=dict)
    chores: dict[str, Chore] = field(default_factory=dict)
    gatherers: dict[str, Gatherer] = field(default_factory=dict)
    # The Bot's messengers (the same dict the adapters fill), for planners that must ask a
    # platform something, e.g. who is in a channel right now.
    messengers: Messengers = field(default_factory=Messengers)
    # Every feature's hooks, for timed work that needs another feature (a coach's brief
    # lists attendees' open tickets); set before any feature registers.
    features: Registry | None = None
    # The server secret, for timed work that reads what is sealed (bot/server_secret.py).
    secret: ServerSecret | None = None
    # This replica's knowledge base, for refreshers that lay stored articles over it.
    kb: KnowledgeBase | None = None
    refreshers: dict[str, Refresher] = field(default_factory=dict)
    # The Bot's clock, for renderers that stamp the moment of sending (a signed webhook).
    clock: Clock | None = None

    def planner(self, name: str) -> Callable[[Planner], Planner]:
        """Register a planner (runs every tick, adds deliveries to the ledger)."""
        def register(function: Planner) -> Planner:
            self.planners[name] = function
            return function
        return register

    def gatherer(self, name: str) -> Callable[[Gatherer], Gatherer]:
        """Register slow questions to a platform that planners asked for (who is in a channel).
        They run between transactions, never inside one; when they found anything (they return
        how many answers they got), the planners run again at once."""
        def register(function: Gatherer) -> Gatherer:
            self.gatherers[name] = function
            return function
        return register

    def renderer(self, job: str, staff: bool = False) -> Callable[[Renderer], Renderer]:
        """Register how a job's message is built (None: nothing to send any more); with
        `staff`, a message to someone as a coach, built only if they still are one when it
        goes out (bot/outbox.py's "notice.staff" too)."""
        def register(function: Renderer) -> Renderer:
            self.renderers[job] = only_to_staff(function) if staff else function
            return function
        return register

    def chore(self, name: str) -> Callable[[Chore], Chore]:
        """Register housekeeping that runs every tick (sweeps, retention)."""
        def register(function: Chore) -> Chore:
            self.chores[name] = function
            return function
        return register

    def refresher(self, name: str) -> Callable[[Refresher], Refresher]:
        """Register what each replica re-reads from the database on its own (bot/app.py:
        Bot.refresh); it runs on every replica, unlike planners and chores."""
        def register(function: Refresher) -> Refresher:
            self.refreshers[name] = function
            return function
        return register

    def retention(self, name: str) -> Callable[[Chore], Chore]:
        """Register a chore that deletes what has expired (and tells no one)."""
        return self.chore(name)


def only_to_staff(render: Renderer) -> Renderer:
    """A renderer whose direct messages go only to someone who coaches (or administers) when
    they are sent, whenever they were planned (a red team's, stop 50: a coach made a teacher
    again still got a survey's comments and a Coffee brief's tickets); a post to a channel
    is the renderer's own to judge."""
    async def render_to_staff(session: AsyncSession, row: DeliveryRow) -> Reply | None:
        if row.person_id is not None:
            person = await session.get(PersonRow, row.person_id)
            if person is None or not person.coaches:
                return None
        return await render(session, row)
    return render_to_staff
