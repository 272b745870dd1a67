"""What a feature registers with the core, declared in one place: its package's `__init__.py`.

A feature is a `Feature` value: its commands and sub-commands (each with the role it needs),
buttons and forms, timed work, stored settings, digest sections, privacy rules, exports and
the hooks it offers other features (bot/hooks/). The core builds the router, the jobs, help,
`/prepbot settings`, the digest and `prepbot privacy` from these values.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.blocks import Reply
from bot.hooks import (
    AnswerDecided,
    AnswerExtra,
    ArticleDrafts,
    Browse,
    CopyEraser,
    Describe,
    Eraser,
    Escalate,
    Export,
    KeepSolved,
    OpenWork,
    Overhears,
    Revised,
    SealedEraser,
    SetupSteps,
    ShutOut,
    StandIn,
)
from bot.hooks.digest import DigestSection
from bot.hooks.outside import Receiver, TicketListener, UpdateTicket
from bot.hooks.year import (
    Busy,
    HandOver,
    Mentions,
    OwnAnswer,
    Portfolio,
    PulseWaves,
    StartCycle,
    ToolRegister,
)
from bot.roles import Role
from bot.stored_settings import StoredSetting
from bot.vocabulary import Action, Command, Message, Submission

if TYPE_CHECKING:
    from bot.scheduling.jobs import Jobs
    from bot.turn import Turn

CommandHandler = Callable[["Turn[Command]"], Awaitable[list[Reply]]]
ActionHandler = Callable[["Turn[Action]"], Awaitable[list[Reply]]]
FormHandler = Callable[["Turn[Submission]"], Awaitable[list[Reply]]]
MessageHandler = Callable[["Turn[Message | Command]"], Awaitable[list[Reply]]]
OverheardHandler = Callable[["Turn[Message]"], Awaitable[list[Reply]]]
AnyHandler = Callable[["Turn[Any]"], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class OnCommand:
    """A command or sub-command: `"pulse start"` gets `/pulse start ...` with the rest as text.

    A command whose handler is None only lists its sub-commands (`/pulse`).
    """

    path: str
    handler: CommandHandler | None
    help: str = ""
    usage: str = ""
    role: Role = Role.TEACHER
    refusal: str = ""  # what someone without the role is told, when a kinder word fits

    @property
    def words(self) -> tuple[str, ...]:
        """The path's words: the command name, then any sub-command words."""
        return tuple(self.path.split())


@dataclass(frozen=True)
class OnAction:
    """A button family: `tickets.claim` also takes `tickets.claim.now`."""

    action_id: str
    handler: ActionHandler
    role: Role = Role.TEACHER
    anonymous: bool = False  # its turn stores nothing of who pressed it (see Router.anonymous)


@dataclass(frozen=True)
class OnForm:
    """A submitted form."""

    form_id: str
    handler: FormHandler
    role: Role = Role.TEACHER
    anonymous: bool = False  # its turn stores nothing of who sent it (see Router.anonymous)


@dataclass(frozen=True)
class Feature:
    """Everything one feature contributes; only `name` is required."""

    name: str
    commands: tuple[OnCommand, ...] = ()
    actions: tuple[OnAction, ...] = ()
    forms: tuple[OnForm, ...] = ()
    on_message: MessageHandler | None = None
    # Messages read in a channel without being addressed, and which of them it wants at all.
    on_overheard: OverheardHandler | None = None
    overhears: Overhears | None = None
    revised: Revised | None = None  # such a message edited or deleted where it was written
    shut_out: ShutOut | None = None  # a conversation prepbot can no longer post in
    stand_in: StandIn | None = None  # where staff read, for what could not reach them
    # Fills the scheduler's registry: planners, renderers, chores, gatherers, retention.
    jobs: Callable[[Jobs], None] | None = None
    settings: tuple[StoredSetting, ...] = ()
    describe: Describe | None = None
    setup: SetupSteps | None = None  # its steps of the admin's first-run checklist
    digest: DigestSection | None = None
    # Privacy: table -> "delete", "blank:col,col", "keep" or a function of its own.
    erase: Mapping[str, str | Eraser] = field(default_factory=dict)
    erase_copies: Mapping[str, CopyEraser] = field(default_factory=dict)
    erase_sealed: Mapping[str, SealedEraser] = field(default_factory=dict)
    never_exported: tuple[str, ...] = ()  # tables, or "table.column" for one column
    # Tables whose rows are a person's through a row of theirs (a cycle's steps): exported too.
    exported_through: tuple[str, ...] = ()
    exports: Mapping[str, Export] = field(default_factory=dict)
    # Hooks other features use (bot/hooks/).
    escalate: Escalate | None = None
    answer_extra: AnswerExtra | None = None
    open_work: OpenWork | None = None
    own_answer: OwnAnswer | None = None
    pulse_waves: PulseWaves | None = None
    mentions: Mentions | None = None
    tool_register: ToolRegister | None = None
    start_cycle: StartCycle | None = None
    busy: Busy | None = None
    portfolio: Portfolio | None = None
    answer_decided: AnswerDecided | None = None
    resolve_solved: KeepSolved | None = None
    draft_solved: KeepSolved | None = None
    hand_over: HandOver | None = None
    browse: Browse | None = None
    drafts: ArticleDrafts | None = None
    ticket_news: TicketListener | None = None  # hears of new tickets and teachers' additions
    update_ticket: UpdateTicket | None = None  # applies another system's word to a ticket
    # Requests other systems make (bot/receiving.py), by name: "helpdesk.status".
    receivers: Mapping[str, Receiver] = field(default_factory=dict)
