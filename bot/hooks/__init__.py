"""How features help each other without importing each other: small typed hand-overs.

A feature that needs something from another names the hook here, and the other feature
registers a function for it (see bot/feature.py). Neither knows the other's tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_
from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Block, Button, Reply
from bot.i18n import _, format_decimal
from bot.server_secret import ServerSecret
from bot.traces import Traces
from bot.vocabulary import Message, Revision
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
class Period:
    """[start, end) in UTC."""

    start: datetime
    end: datetime

    @property
    def previous(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - (self.end - self.start), self.start)


Scope = tuple[int, ...] | None  # school ids, or None for the whole district


def in_scope(column: Any, scope: Scope) -> ColumnElement[bool]:
    """The filter that keeps rows of the scope's schools (everything for the district)."""
    return column.in_(scope) if scope is not None else and_(True)


@dataclass(frozen=True)
class DigestAsk:
    """What one digest covers: the period, the schools, and whose surveys (None: all)."""

    period: Period
    scope: Scope
    coach_id: int | None
    now: datetime
    zone: tzinfo = UTC  # the reader's: a day in the digest is a day where they are


@dataclass(frozen=True)
class Section:
    """A part of the digest; parts with the same heading are shown as one, by `order`."""

    heading: str
    order: int
    blocks: tuple[Block, ...]
    summary: str = ""  # a few words for the digest's one-line text, e.g. "4 tickets opened"
    daily: dict[str, dict[date, int]] = field(default_factory=dict)  # for the digest's chart


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
DigestSection = Callable[[AsyncSession, DigestAsk], Awaitable[Sequence[Section]]]
# One line per piece of open work of these people (id -> name), e.g. their open tickets.
OpenWork = Callable[[AsyncSession, dict[int, str]], Awaitable[list[str]]]
# What `/ask` with no question shows: the knowledge base to browse.
Browse = Callable[["Turn[Any]"], Awaitable[list[Reply]]]
# A feature's article drafts: the newest few (ref None), or the one with that ref.
ArticleDrafts = Callable[[AsyncSession, str | None], Awaitable[list[ArticleDraft]]]
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


SIGNED = "+#,##0.###;-#,##0.###"  # a change always shows its sign: +3, -0.5


def change(now: float | None, before: float | None) -> str:
    """A digest figure with its change since the previous period, as the current language
    writes numbers: `1,234 (+3)`, `3,5 (-0,5)`, `12 (igual)`."""
    if now is None:
        return "-"
    shown = format_decimal(now)
    if before is None:
        return shown
    delta = now - before
    if not delta:
        return _("{figure} (same)").format(figure=shown)
    return f"{shown} ({format_decimal(delta, SIGNED)})"


async def per_day(session: AsyncSession, column: Any, where: ColumnElement[bool],
                  zone: tzinfo = UTC) -> dict[date, int]:
    """Rows per local day (in `zone`) of a timestamp column, for the digest's chart.

    Counted here rather than in SQL: SQLite and PostgreSQL disagree on time zones, and a
    digest's period holds a few thousand rows at most.
    """
    from sqlalchemy import select

    moments = (await session.execute(select(column).where(where))).scalars()
    return dict(Counter(moment.astimezone(zone).date() for moment in moments))


# --- The coach's year: tool pilots and coaching cycles -------------------------------------


@dataclass(frozen=True)
class WaveAsk:
    """A TAM pulse wave another feature launches for a list of people (a pilot's cohort, an
    adopted tool's users). Waves with the same `cohort_key` form one chain: a later wave asks
    exactly what the first one asked, and its results show the change since the last."""

    tool: str
    cohort_key: str
    cohort_name: str
    coach_id: int
    people: tuple[int, ...]
    closes_on: date
    now: datetime
    request_key: str  # the same launch asked twice is one wave
    kb_dir: str = ""  # where a district keeps its own instruments (for a chain's first wave)


@dataclass(frozen=True)
class BuyIn:
    """A wave's buy-in as the pulse's release rule lets it be shown: `agree` is None until
    at least `threshold` answers are released, and it only ever changes by whole releases."""

    survey_id: int
    wave: int
    closed: bool
    invited: int
    answers: int
    threshold: int
    target: int  # percent
    agree: float | None
    held_back: int = 0

    @property
    def shown(self) -> bool:
        """Whether there is a figure to show."""
        return self.agree is not None

    @property
    def meets(self) -> bool:
        """Whether the shown figure reaches the target."""
        return self.agree is not None and self.agree * 100 >= self.target


@dataclass(frozen=True)
class PulseWaves:
    """What the pulse feature offers others: launch a wave, read its buy-in."""

    launch: Callable[[AsyncSession, WaveAsk], Awaitable[int | None]]  # the survey id
    buy_in: Callable[[AsyncSession, int], Awaitable[BuyIn | None]]


@dataclass(frozen=True)
class MentionAsk:
    """What to look for in what teachers wrote: any of these words (whole words, any case),
    in a period, and (whatever they say) the rows these refs name, e.g. `ticket:41`."""

    words: tuple[str, ...]
    period: Period
    tagged: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A ticket or a question that mentions something, as stored (student details masked)."""

    ref: str  # "ticket:41", "question:7"
    at: datetime
    text: str
    person_id: int | None
    school_id: int | None


# Tickets and answers each register one: what teachers wrote that mentions a tool.
Mentions = Callable[[AsyncSession, MentionAsk], Awaitable[list[Mention]]]


@dataclass(frozen=True)
class ToolFacts:
    """A tool in the district's register, as other features need it."""

    id: int
    name: str
    words: tuple[str, ...]  # its name and aliases
    status: str
    owner_id: int | None
    blocked: str = ""  # why it may not enter a pilot ("" when it may)
    tagged: tuple[str, ...] = ()  # tickets and articles linked to it, e.g. "ticket:41"
    pulse_key: str = ""  # the pulse chain its waves join (pilot waves, quarterly pulses)


@dataclass(frozen=True)
class ToolMove:
    """A change another feature makes to a tool: a new status (or "" for none), the people
    now using it, pulse surveys about it, and the reason given."""

    tool_id: int
    status: str
    by: int
    now: datetime
    reason: str = ""
    decide_by: date | None = None
    users: tuple[int, ...] = ()
    pulses: tuple[int, ...] = ()


@dataclass(frozen=True)
class ToolRegister:
    """What the tools feature offers others: find a tool by name, move it along."""

    find: Callable[[AsyncSession, str], Awaitable[ToolFacts | None]]
    move: Callable[[AsyncSession, ToolMove], Awaitable[None]]


@dataclass(frozen=True)
class CycleAsk:
    """Someone wants a coaching cycle for a teacher: from a Coffee and Curriculum follow-up
    (the teacher asks) or a ticket (the coach starts it)."""

    teacher_id: int
    coach_id: int | None
    source: str  # "Coffee and Curriculum on 3 December", "ticket #41"
    request_key: str  # the same ask twice is one cycle
    note: str = ""


# The cycles feature registers it; a coach asking plans the cycle, a teacher asking tells
# their coach (with a button to plan it).
StartCycle = Callable[["Turn[Any]", CycleAsk], Awaitable[list[Reply]]]
# The times a coach is already booked for by a feature (observations, cycle steps, 1:1
# coffees) in a period: what "the coach's free time" leaves out.
Busy = Callable[[AsyncSession, int, Period], Awaitable[list[Period]]]


@dataclass(frozen=True)
class PortfolioAsk:
    """Whose record, over which days (local dates, both included)."""

    coach_id: int
    first: date
    last: date


@dataclass(frozen=True)
class PortfolioItem:
    """One line of a coach's record: a workshop, a pilot, a cycle, a checklist."""

    kind: str
    on: date
    title: str
    people: int = 0
    hours: float = 0.0
    outcome: str = ""


Portfolio = Callable[[AsyncSession, PortfolioAsk], Awaitable[Sequence[PortfolioItem]]]
# A feature's own answer to a question, before the knowledge base is asked (the tool register
# answers "can I use Blooket with my class?"); None lets the question go on.
OwnAnswer = Callable[["Turn[Any]", str], Awaitable[list[Reply] | None]]
