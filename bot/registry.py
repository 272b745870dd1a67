"""Every feature's contributions gathered once: what the core asks when it needs a feature."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from bot.feature import Feature
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
from bot.hooks.digest import DigestSection, Period
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
from bot.router import Router
from bot.scheduling.jobs import Jobs
from bot.stored_settings import StoredSetting


class Registry:
    """The features a bot runs with, and their router; built once by the Bot."""

    def __init__(self, features: Sequence[Feature], core_settings: Sequence[StoredSetting] = ()
                 ) -> None:
        self.features = tuple(features)
        self.router = Router(self.features)
        self.settings: dict[str, StoredSetting] = {}
        for setting in (*core_settings, *(s for f in self.features for s in f.settings)):
            if setting.name in self.settings:
                raise ValueError(f"the setting {setting.name!r} is declared twice")
            self.settings[setting.name] = setting

    def add(self, feature: Feature) -> None:
        """One more feature, after the bot was built: an adapter's own (the playground's demo
        district). It brings commands, buttons and forms only: timed work and settings are
        gathered once, when the bot is built."""
        if feature.jobs is not None or feature.settings:
            raise ValueError(f"{feature.name}: a feature added later brings no jobs or settings")
        self.router.add(feature)
        self.features = (*self.features, feature)

    def fill(self, jobs: Jobs) -> Jobs:
        """Let every feature register its timed work."""
        jobs.features = self
        for feature in self.features:
            if feature.jobs is not None:
                feature.jobs(jobs)
        return jobs

    @property
    def escalate(self) -> Escalate | None:
        """Who turns "I need a person" into work for one (the tickets feature)."""
        return next((f.escalate for f in self.features if f.escalate), None)

    @property
    def answer_decided(self) -> AnswerDecided | None:
        """Who turns a decided question into an answer with "Did this help?" (answers)."""
        return next((f.answer_decided for f in self.features if f.answer_decided), None)

    @property
    def resolve_solved(self) -> KeepSolved | None:
        """Who keeps an answer given outside a ticket as a resolved ticket (tickets)."""
        return next((f.resolve_solved for f in self.features if f.resolve_solved), None)

    @property
    def draft_solved(self) -> KeepSolved | None:
        """Who keeps an answer given outside a ticket as an article draft."""
        return next((f.draft_solved for f in self.features if f.draft_solved), None)

    @property
    def overhears(self) -> list[Overhears]:
        """Who wants messages overheard in channels."""
        return [f.overhears for f in self.features if f.overhears]

    @property
    def revised(self) -> list[Revised]:
        """Who keeps something of messages their writers may edit or delete."""
        return [f.revised for f in self.features if f.revised]

    @property
    def shut_out(self) -> list[ShutOut]:
        """Who keeps something pointing at a conversation prepbot may no longer post in."""
        return [f.shut_out for f in self.features if f.shut_out]

    @property
    def stand_in(self) -> StandIn | None:
        """Who knows where staff read (the tickets feature: the default triage channel)."""
        return next((f.stand_in for f in self.features if f.stand_in), None)

    @property
    def answer_extras(self) -> list[AnswerExtra]:
        """What features add under an answer."""
        return [f.answer_extra for f in self.features if f.answer_extra]

    @property
    def open_work(self) -> list[OpenWork]:
        """Who can list a person's open work."""
        return [f.open_work for f in self.features if f.open_work]

    @property
    def browse(self) -> Browse | None:
        """Who shows the knowledge base to browse when `/ask` has no question (library)."""
        return next((f.browse for f in self.features if f.browse), None)

    @property
    def article_drafts(self) -> dict[str, ArticleDrafts]:
        """Who keeps article drafts, by feature name (tickets: fixes written on tickets)."""
        return {f.name: f.drafts for f in self.features if f.drafts}

    @property
    def digest_sections(self) -> list[DigestSection]:
        """Every feature's part of the digest."""
        return [f.digest for f in self.features if f.digest]

    @property
    def describes(self) -> list[Describe]:
        """What `/prepbot settings` shows besides the stored settings."""
        return [f.describe for f in self.features if f.describe]

    @property
    def setup_steps(self) -> list[SetupSteps]:
        """Every feature's steps of the first-run checklist."""
        return [f.setup for f in self.features if f.setup]

    @property
    def erase(self) -> dict[str, str | Eraser]:
        """How `prepbot privacy delete` treats each feature's tables."""
        return {table: rule for f in self.features for table, rule in f.erase.items()}

    @property
    def erase_copies(self) -> dict[str, CopyEraser]:
        """Where features keep copies of people's words that point at no one."""
        return {table: scrub for f in self.features for table, scrub in f.erase_copies.items()}

    @property
    def erase_sealed(self) -> dict[str, SealedEraser]:
        """Where features keep a person's rows under a key only the server secret gives."""
        return {table: scrub for f in self.features for table, scrub in f.erase_sealed.items()}

    @property
    def never_exported(self) -> set[str]:
        """Tables (and "table.column"s) `prepbot privacy export` leaves out on purpose."""
        return {table for f in self.features for table in f.never_exported}

    @property
    def exported_through(self) -> set[str]:
        """Tables exported with a person through their rows (a cycle's steps)."""
        return {table for f in self.features for table in f.exported_through}

    @property
    def exports(self) -> dict[str, Export]:
        """Named exports for the command line."""
        return {name: export for f in self.features for name, export in f.exports.items()}

    @property
    def own_answers(self) -> list[OwnAnswer]:
        """Features that answer some questions from their own data before the knowledge base."""
        return [f.own_answer for f in self.features if f.own_answer]

    @property
    def hand_overs(self) -> list[HandOver]:
        """How each feature gives a coach's open work to another coach."""
        return [f.hand_over for f in self.features if f.hand_over]

    @property
    def pulse_waves(self) -> PulseWaves | None:
        """Who launches TAM waves for others and reads their buy-in (the pulse feature)."""
        return next((f.pulse_waves for f in self.features if f.pulse_waves), None)

    @property
    def mentions(self) -> list[Mentions]:
        """Who can find what teachers wrote about something (tickets, questions)."""
        return [f.mentions for f in self.features if f.mentions]

    @property
    def tool_register(self) -> ToolRegister | None:
        """Who keeps the district's tool register (the tools feature)."""
        return next((f.tool_register for f in self.features if f.tool_register), None)

    @property
    def start_cycle(self) -> StartCycle | None:
        """Who starts coaching cycles (the cycles feature)."""
        return next((f.start_cycle for f in self.features if f.start_cycle), None)

    @property
    def busy(self) -> list[Busy]:
        """Who books a coach's time (observations, cycle steps, 1:1 coffees)."""
        return [f.busy for f in self.features if f.busy]

    async def booked(self, session: AsyncSession, coach_id: int, period: Period) -> list[Period]:
        """The coach's calendar in a period: what every feature booked them for."""
        return [b for busy in self.busy for b in await busy(session, coach_id, period)]

    @property
    def portfolio(self) -> list[Portfolio]:
        """Every feature's lines in a coach's record."""
        return [f.portfolio for f in self.features if f.portfolio]

    @property
    def ticket_listeners(self) -> list[TicketListener]:
        """Who hears of new tickets and teachers' additions (a helpdesk handoff)."""
        return [f.ticket_news for f in self.features if f.ticket_news]

    @property
    def update_ticket(self) -> UpdateTicket | None:
        """Who applies another system's word to a ticket (the tickets feature)."""
        return next((f.update_ticket for f in self.features if f.update_ticket), None)

    @property
    def receivers(self) -> dict[str, Receiver]:
        """Requests from other systems, by name."""
        return {name: receive for f in self.features for name, receive in f.receivers.items()}
