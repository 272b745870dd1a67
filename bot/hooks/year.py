"""The coach's year's hand-overs: tool pilots, their pulse waves and buy-in, mentions of a
tool, coaching cycles and the portfolio."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.blocks import Reply
from bot.hooks.digest import Period
from bot.i18n import reaches

if TYPE_CHECKING:
    from bot.turn import Turn


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
    coach_id: int = 0  # who runs the survey: only they (or an admin) may show it elsewhere
    tool: str = ""  # the tool it asked about, as launched
    opened_at: datetime | None = None  # when it was launched: waves are read in this order

    @property
    def shown(self) -> bool:
        """Whether there is a figure to show."""
        return self.agree is not None

    @property
    def meets(self) -> bool:
        """Whether the shown figure reaches the target."""
        return self.agree is not None and reaches(self.agree, self.target)


@dataclass(frozen=True)
class PulseWaves:
    """What the pulse feature offers others: launch a wave, read its buy-in, and the surveys
    a person was asked to answer (none of whose figures they may read)."""

    launch: Callable[[AsyncSession, WaveAsk], Awaitable[int | None]]  # the survey id
    buy_in: Callable[[AsyncSession, int], Awaitable[BuyIn | None]]
    asked: Callable[[AsyncSession, int], Awaitable[set[int]]]


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

    find: Callable[[AsyncSession, str | int], Awaitable[ToolFacts | None]]  # a name, or an id
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

# A coach's open work given to another coach (`/prepbot handover`, when a coach leaves): the
# rows moved, said as a line each ("2 coaching cycles"); nothing when there were none.
HandOver = Callable[[AsyncSession, int, int, datetime], Awaitable[list[str]]]
