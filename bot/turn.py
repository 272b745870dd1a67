"""A Turn: everything a handler gets for one incoming event, typed by the incoming kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot import texts
from bot.blocks import Reply, say
from bot.i18n import DEFAULT, _, speaking
from bot.metrics import Metrics
from bot.outbox import Notice, to_notice
from bot.people.models import PersonRow
from bot.ports import Clock, Messengers
from bot.roles import Role
from bot.server_secret import ServerSecret
from bot.settings import Settings
from bot.vocabulary import Conversation, Incoming, Message, Person
from knowledge import KnowledgeBase

if TYPE_CHECKING:
    from bot.registry import Registry

In = TypeVar("In", bound=Incoming, covariant=True)
# Member lists asked of the platforms for a turn, by (platform, conversation id); an error
# is kept as the answer, for the handler that asked to hear.
KnownMembers = dict[tuple[str, str], "list[Person] | Exception"]


class FetchFirst(Exception):
    """A turn needs a member list it does not have yet: the Bot rolls the turn back, asks the
    platform with no transaction open (a network wait must never hold SQLite's writer: a
    red team's, stop 45, saw every teacher's acknowledgement wait behind a rate-limited
    member list), and runs the turn again with the answer."""

    def __init__(self, conversation: Conversation) -> None:
        super().__init__(conversation.id)
        self.conversation = conversation


class Clashed:
    """A turn that lost a race for a unique row (PostgreSQL runs turns side by side: two
    teachers requesting one new tool, a form sent twice at once). The Bot runs it once more,
    and it then sees the other's row as a turn after it would (a red team's, stop 49: "nothing
    was saved")."""


@dataclass(frozen=True)
class Turn(Generic[In]):
    """One incoming event being handled: who sent it, and the parts a handler may use.

    `Turn[Command]` is what a command handler gets; the router only ever hands it a Command.
    """

    incoming: In
    person: PersonRow
    session: AsyncSession
    kb: KnowledgeBase
    clock: Clock
    metrics: Metrics
    settings: Settings
    messengers: Messengers
    features: Registry
    secret: ServerSecret
    notices: list[Notice] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # what replicas keep in memory
    known_members: KnownMembers = field(default_factory=dict)

    async def members(self, conversation: Conversation) -> list[Person]:
        """Who the platform says is in a channel or team; raises the platform's error (the
        first time, FetchFirst: the Bot asks between two runs of the turn)."""
        found = self.known_members.get((conversation.platform, conversation.id))
        if found is None:
            raise FetchFirst(conversation)
        if isinstance(found, Exception):
            raise found
        return found

    def refresh_after_commit(self, what: str) -> None:
        """Say this turn changed what replicas keep in memory (the articles): once it commits,
        this replica refreshes at once and the others within PREPBOT_REFRESH_SECONDS."""
        self.changed.append(what)

    def notify(self, person: PersonRow, reply: Reply | Callable[[], Reply],
               staff: bool = False, shared: bool = False) -> None:
        """DM someone once this turn commits (through the ledger: retried if it fails); with
        `staff`, as a coach: not sent if they are no longer one by then; with `shared`, news
        any coach may read, which reaches the admins if it can never reach this coach.

        Give a function that builds the reply, and it is built in the recipient's language
        (a Spanish-speaking teacher's note to an English-speaking coach reads in English).
        """
        if callable(reply):
            with speaking(person.speaks):
                reply = reply()
        self.notices.append(to_notice(person, reply, staff, shared))

    def post(self, conversation: Conversation, reply: Reply | Callable[[], Reply]) -> None:
        """Post to a conversation after this turn commits; a function building the reply is
        run in the district's language (a channel has many readers), not the sender's."""
        if callable(reply):
            with speaking(DEFAULT):
                reply = reply()
        self.notices.append(Notice(reply, conversation=conversation))

    @property
    def role(self) -> Role:
        """The sender's role."""
        return Role(self.person.role)

    @property
    def now(self) -> datetime:
        """The time of this turn, from the injected clock."""
        return self.clock.now()


async def ask_members(messengers: Messengers, conversation: Conversation,
                      known: KnownMembers) -> None:
    """Ask the platform who is in a conversation (no transaction open), for a turn that
    raised FetchFirst to run again with; an error is kept as the answer."""
    messenger = messengers.get(conversation.platform)
    try:
        if messenger is None:
            raise LookupError(conversation.platform)  # not connected here
        found: list[Person] | Exception = await messenger.members(conversation)
    except Exception as error:  # the handler that asked hears it, and says so
        found = error
    known[(conversation.platform, conversation.id)] = found


def not_saved(incoming: Incoming, later: bool) -> list[Reply]:
    """What the sender is told when the database failed their turn: that it will be worked
    again (`later`), or that nothing was saved; nothing at all for a message overheard."""
    if isinstance(incoming, Message) and incoming.heard != "addressed":
        return []  # nobody asked, so nobody is told; retried quietly
    return [say(_(texts.WILL_RETRY if later else texts.SAVE_FAILED))]
