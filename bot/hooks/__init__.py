"""How features help each other without importing each other: small typed hand-overs.

A feature that needs something from another names the hook here, and the other feature
registers a function for it (see bot/feature.py). Neither knows the other's tables.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Button, Reply
from bot.server_secret import ServerSecret
from bot.traces import Traces
from bot.vocabulary import Conversation, Message, Revision
from knowledge import Decision, KnowledgeBase

if TYPE_CHECKING:
    from bot.turn import Turn


@dataclass(frozen=True)
class Escalation:
    """A teacher wants a person: what they asked and what the bot already showed them."""

    text: str
    category: str = "other"
    article_id: str | None = None
    articles_shown: str = ""
    didnt_help: bool = False
    request_key: str | None = None  # the same escalation twice opens one ticket
    hidden: tuple[str, ...] = ()  # what masking hid from the text when it was first stored


@dataclass(frozen=True)
class Answered:
    """A question the bot just answered, for features that add something under the answer."""

    text: str
    category: str | None
    article_id: str | None = None  # the article shown first, if any


@dataclass(frozen=True)
class Solved:
    """A question someone answered outside a ticket (a coach in a help channel's thread)."""

    question: str
    answer: str
    asker_id: int  # people.id of whoever asked
    asked_at: datetime
    answered_at: datetime
    category: str = "other"
    key: str = ""  # the same hand-over twice is done once


@dataclass(frozen=True)
class SetupStep:
    """One step of the first-run checklist an admin sees, ticked when done (`/prepbot setup`).

    `how` says what to do (a command it names must exist); `button` starts it when a click can.
    """

    order: int
    title: str
    done: bool
    how: str
    status: str = ""  # what is done so far, e.g. the schools' names
    button: Button | None = None
    optional: bool = False  # offered, but setup is complete without it


@dataclass(frozen=True)
class ArticleDraft:
    """The start of an article a feature keeps (the fix a coach wrote on a resolved ticket),
    for the knowledge base's editors to finish and publish from chat."""

    ref: str  # the keeping feature's own reference to it, e.g. the draft's number
    title: str
    body: str  # what fixed it, one step per line
    category: str = ""
    phrasings: tuple[str, ...] = ()  # how teachers asked it, in their words
    source: str = ""  # where it came from, in a few words: "ticket #41"


Escalate = Callable[["Turn[Any]", Escalation], Awaitable[list[Reply]]]
# The answer to a question the knowledge base already decided on (recorded like any other,
# with "Did this help?"): for a feature that asked the knowledge base itself, unaddressed.
AnswerDecided = Callable[["Turn[Any]", str, Decision], Awaitable[Reply]]
# Keeping an answer given outside a ticket: as a resolved ticket, or as an article draft.
KeepSolved = Callable[["Turn[Any]", Solved], Awaitable[list[Reply]]]
# Whether a message read in a channel, unaddressed, is worth storing (a help channel's),
# given PREPBOT_ADMINS to tell its sender's role, before anything of it is stored.
Overhears = Callable[[AsyncSession, KnowledgeBase, Message, frozenset[str]], Awaitable[bool]]
# A message its writer edited or deleted on its platform, at a time: what a feature kept of it
# follows the change.
Revised = Callable[[AsyncSession, KnowledgeBase, Revision, datetime], Awaitable[None]]
AnswerExtra = Callable[["Turn[Any]", Answered], Awaitable[tuple[Block, ...]]]
# One line per piece of open work of these people (id -> name), e.g. their open tickets.
OpenWork = Callable[[AsyncSession, dict[int, str]], Awaitable[list[str]]]
# What `/ask` with no question shows: the knowledge base to browse.
Browse = Callable[["Turn[Any]"], Awaitable[list[Reply]]]
# A feature's article drafts: the newest few (ref None), or the one with that ref.
ArticleDrafts = Callable[[AsyncSession, str | None], Awaitable[list[ArticleDraft]]]
# prepbot can no longer post in a conversation (platform, id) nor in any other thread of its
# channel (the platform's channel_of tells): what pointed there is taken away, one line each
# in words ("hardware", "default"), for the admins who are told.
ShutOut = Callable[[AsyncSession, str, str, Callable[[str], str]], Awaitable[list[str]]]
# Where staff read on a platform (the default triage channel), for what could not reach them.
StandIn = Callable[[AsyncSession, str], Awaitable[Conversation | None]]
# What `/prepbot settings` shows of a feature's configuration besides its stored settings.
Describe = Callable[[AsyncSession], Awaitable[list[tuple[str, str]]]]
# A feature's steps of the first-run checklist, each ticked when the database says it is done.
SetupSteps = Callable[[AsyncSession], Awaitable[Sequence[SetupStep]]]


@dataclass(frozen=True)
class Table:
    """Rows for a command-line export: the column names, then one tuple of strings per row."""

    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]


# A named export for the command line; the text narrows it (a tool's name, say) or is "".
Export = Callable[[AsyncSession, str], Awaitable[Table]]
# Erasing a person from one table: how many rows changed (see bot/privacy.py).
Eraser = Callable[[AsyncSession, int], Awaitable[int]]
# Erasing the copies of a person's words kept where nothing points at them (a draft titled
# with their question), given their marks (bot/traces.py): rows changed.
CopyEraser = Callable[[AsyncSession, Traces], Awaitable[int]]
# Erasing what is kept under a key only the server secret gives from the person (a pulse
# answer still waiting for its release): rows changed.
SealedEraser = Callable[[AsyncSession, ServerSecret, int], Awaitable[int]]
