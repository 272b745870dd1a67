"""Hand-overs with systems outside prepbot (a district helpdesk): news of tickets going out,
another system's word on a ticket coming in, and requests those systems make."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.i18n import N_

if TYPE_CHECKING:
    from bot.people.models import PersonRow
    from bot.receiving import Outcome, Receipt
    from bot.vocabulary import Conversation


@dataclass(frozen=True)
class TicketNews:
    """A ticket was opened, or a teacher added to one: for features that pass tickets on (a
    district helpdesk). The text is as the ticket keeps it."""

    ticket_id: int
    kind: str  # "opened", "teacher_reply", or "reopened" (by a teacher: still broken)
    text: str
    person_id: int  # who opened it, or who wrote
    at: datetime
    category: str = "other"
    school_id: int | None = None
    room: str = ""
    urgency: str = ""


@dataclass(frozen=True)
class TicketUpdate:
    """Another system's word on a ticket: "resolved", "needs_info" (from the teacher) or a
    "reply" to pass on; `source` names the system to the teacher."""

    ticket_id: int
    kind: str
    text: str = ""
    source: str = N_("The district helpdesk")  # shown through _() to whoever is told


class Teller(Protocol):
    """Who can tell people something once its transaction commits: a Turn, or a Receipt."""

    @property
    def session(self) -> AsyncSession:
        """The transaction the change is made in."""

    @property
    def now(self) -> datetime:
        """The time of the change."""

    def notify(self, person: PersonRow, reply: Reply | Callable[[], Reply],
               staff: bool = False, shared: bool = False) -> None:
        """DM someone after the commit, through the ledger (a function building the reply is
        run in the recipient's language)."""

    def post(self, conversation: Conversation, reply: Reply) -> None:
        """Post to a conversation after the commit, through the ledger."""



# Hears of new tickets and teachers' additions, in the same transaction (plans what it sends).
TicketListener = Callable[[AsyncSession, TicketNews], Awaitable[None]]
# Applies another system's word to a ticket and tells whom it concerns; returns what it did
# ("resolved", "already resolved", "relayed"). Raises BadInput for a ticket it cannot find.
UpdateTicket = Callable[[Teller, TicketUpdate], Awaitable[str]]
# Answers a request another system made (bot/receiving.py), e.g. a helpdesk's webhook.
Receiver = Callable[["Receipt"], Awaitable["Outcome"]]
