"""The Messenger port on Teams: proactive sends through stored references, rosters, profiles."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.schema import Activity
from msrest.exceptions import HttpOperationError
from prometheus_client import CollectorRegistry, Counter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from adapters.teams import references
from adapters.teams.activity_bot import to_activity
from adapters.teams.inbound import PLATFORM, THREAD
from bot.blocks import Reply
from bot.ports import Undeliverable
from bot.vocabulary import Conversation, Person

log = logging.getLogger(__name__)
T = TypeVar("T")
PAGE = 200  # members per pagedmembers call: fewer round trips, well under Teams' limit of 500
REFUSED = {403, 404}  # the app is not installed for that person, or the chat is gone
TRANSIENT = {429, 500, 502, 503, 504}  # throttled, or the Bot Connector hiccuped
ATTEMPTS = 4
LONGEST_WAIT = 10.0  # seconds: longer, and the scheduler's own retry takes over


class NotReachable(Undeliverable):
    """Teams cannot deliver to this person or conversation until the app is installed there."""


@dataclass(frozen=True)
class Problem:
    """One failed delivery an admin can act on."""

    key: str
    reason: str
    at: datetime


@dataclass
class DeliveryProblems:
    """Recent delivery problems, logged, counted on /metrics and kept for admins to read."""

    registry: CollectorRegistry | None = None
    recent: deque[Problem] = field(default_factory=lambda: deque(maxlen=500))

    def __post_init__(self) -> None:
        self.counter = Counter("prepbot_teams_delivery_problems",
                               "Teams sends refused (app not installed, no chat yet)",
                               ["reason"], registry=self.registry)

    def record(self, key: str, reason: str) -> None:
        """Keep and count a problem; one problem never stops the rest of a job."""
        self.recent.append(Problem(key, reason, datetime.now(UTC)))
        self.counter.labels(reason).inc()
        log.warning("Teams cannot reach %s: %s. Install prepbot for them (or in that team).",
                    key, reason)


def status_of(error: BaseException | None) -> int | None:
    """The HTTP status of a Bot Connector error, when there is one."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


def channel_of(activity: Activity) -> str:
    """The Teams channel a reference points into ("" for personal and group chats); its
    conversation id is a thread in that channel, `19:…@thread.tacv2;messageid=…`."""
    conversation = activity.conversation
    if conversation is None or conversation.conversation_type != "channel":
        return ""
    return str(conversation.id or "").split(";", 1)[0]


def is_transient(error: BaseException) -> bool:
    """A throttled or failed call worth trying again in a moment."""
    return isinstance(error, HttpOperationError) and status_of(error) in TRANSIENT


def wait_for_teams(state: RetryCallState) -> float:
    """Wait as long as Teams' Retry-After asks (capped), else back off 0.5, 1, 2 seconds."""
    error = state.outcome.exception() if state.outcome else None
    headers = getattr(getattr(error, "response", None), "headers", None) or {}
    asked = str(headers.get("Retry-After", ""))
    backoff = 0.5 * 2 ** (state.attempt_number - 1)
    return min(float(asked) if asked.replace(".", "", 1).isdigit() else backoff, LONGEST_WAIT)


class TeamsMessenger:
    """Speaks first on Teams through conversation references the core stored."""

    platform = PLATFORM

    def __init__(self, adapter: Any, app_id: str, sessions: async_sessionmaker[AsyncSession],
                 problems: DeliveryProblems, public_url: str = "") -> None:
        self.adapter = adapter
        self.app_id = app_id
        self.sessions = sessions
        self.problems = problems
        self.public_url = public_url  # PREPBOT_PUBLIC_URL: chart URLs from the core are relative

    def channel_of(self, conversation_id: str) -> str:
        """A thread's channel: its id up to ";messageid=" (a red team's, stop 54: a route typed
        in another thread of a channel prepbot was removed from outlived the refusal)."""
        return conversation_id.partition(THREAD)[0]

    async def dm(self, person: Person, reply: Reply) -> None:
        """Send to the person's personal chat with the bot."""
        ref = await references.personal_ref(self.sessions, person.user_id)
        if not ref:
            self.problems.record(person.key, "no personal chat")
            raise NotReachable(f"{person.key} has no personal chat with prepbot")
        await self._send(ref, reply, person.key)

    async def post(self, conversation: Conversation, reply: Reply) -> None:
        """Post to a channel (as a new thread, like a Slack post at the channel's root) or to a
        group chat the bot was added to."""
        ref = conversation.ref or await references.conversation_ref(self.sessions,
                                                                    conversation.id)
        if not ref:
            self.problems.record(f"{PLATFORM}:{conversation.id}", "no stored conversation")
            raise NotReachable(f"prepbot was never added to {conversation.id}")
        await self._send(ref, reply, f"{PLATFORM}:{conversation.id}")

    async def members(self, conversation: Conversation) -> list[Person]:
        """Everyone in the team or chat, read page by page."""
        ref = conversation.ref or await references.conversation_ref(self.sessions,
                                                                    conversation.id)
        if not ref:
            return []
        try:
            return await self._continue(ref, self._roster)
        except HttpOperationError as error:
            if status_of(error) not in REFUSED:
                raise
            # Removed from the team or chat: nobody to read, as Slack's "not_in_channel", so
            # the coach hears "I found nobody else" (a red team's, stop 54: asked for ever).
            self.problems.record(f"{PLATFORM}:{conversation.id}", "app not installed")
            return []

    async def profile(self, person: Person) -> Person:
        """Name and time zone: the time zone Teams sent with their last message, the roster name."""
        stored = await references.stored_person(self.sessions, person.user_id)
        name, tz = stored if stored is not None else (person.display_name, person.tz)
        if not name:
            ref = await references.personal_ref(self.sessions, person.user_id)
            if ref:
                name = await self._continue(ref, lambda ctx: self._name(ctx, person.user_id))
        return Person(platform=PLATFORM, user_id=person.user_id,
                      display_name=name or person.display_name, tz=tz or person.tz)

    async def send_to(self, ref: str, reply: Reply) -> None:
        """Send into the conversation a stored reference names (the inbox's recovery)."""
        await self._send(ref, reply, f"{PLATFORM}:reference")

    async def _send(self, ref: str, reply: Reply, key: str) -> None:
        async def send(context: TurnContext) -> None:
            activity = to_activity(reply, self.public_url)
            channel = channel_of(context.activity)
            if channel and self.app_id:  # a triage card must not be buried in an old thread
                await TeamsInfo.send_message_to_teams_channel(context, activity, channel,
                                                              bot_app_id=self.app_id)
            else:
                await context.send_activity(activity)

        try:
            async for attempt in AsyncRetrying(retry=retry_if_exception(is_transient),
                                               wait=wait_for_teams, reraise=True,
                                               stop=stop_after_attempt(ATTEMPTS)):
                with attempt:
                    await self._continue(ref, send)
        except HttpOperationError as error:
            if status_of(error) not in REFUSED:
                raise
            self.problems.record(key, "app not installed")
            raise NotReachable(f"Teams refused a message to {key} ({status_of(error)})") from error

    async def _continue(self, ref: str, work: Callable[[TurnContext], Awaitable[T]]) -> T:
        """Run `work` in a proactive turn; its result or error comes back to the caller."""
        outcome: list[T] = []
        failure: list[BaseException] = []

        async def callback(context: TurnContext) -> None:
            context.activity.id = None  # a new message in the conversation, not a reply to one
            context.activity.channel_data = {}  # TeamsInfo reads it; a reference carries none
            try:
                outcome.append(await work(context))
            except Exception as error:  # kept: botbuilder's turn-error handler would swallow it
                failure.append(error)

        await self.adapter.continue_conversation(references.load_reference(ref), callback,
                                                 self.app_id)
        if failure:
            raise failure[0]
        return outcome[0]

    async def _roster(self, context: TurnContext) -> list[Person]:
        people: list[Person] = []
        token = None
        while True:
            page = await TeamsInfo.get_paged_members(context, token, PAGE)
            people.extend(Person(platform=PLATFORM, user_id=str(m.id), display_name=m.name or "",
                                 guest=m.user_role == "guest") for m in page.members or [])
            token = page.continuation_token
            if not token:
                return people

    async def _name(self, context: TurnContext, user_id: str) -> str:
        try:
            member = await TeamsInfo.get_member(context, user_id)
        except HttpOperationError as error:  # a name is a nicety: carry on without it
            log.info("Teams member lookup failed: %s", status_of(error))
            return ""
        return str(member.name or "")
