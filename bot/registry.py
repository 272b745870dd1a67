"""Every feature's contributions gathered once: what the core asks when it needs a feature."""

from __future__ import annotations

from collections.abc import Sequence

from bot.feature import Feature
from bot.hooks import (
    AnswerExtra,
    Describe,
    DigestSection,
    Eraser,
    Escalate,
    Export,
    OpenWork,
    Receiver,
    TicketListener,
    UpdateTicket,
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
    def answer_extras(self) -> list[AnswerExtra]:
        """What features add under an answer."""
        return [f.answer_extra for f in self.features if f.answer_extra]

    @property
    def open_work(self) -> list[OpenWork]:
        """Who can list a person's open work."""
        return [f.open_work for f in self.features if f.open_work]

    @property
    def digest_sections(self) -> list[DigestSection]:
        """Every feature's part of the digest."""
        return [f.digest for f in self.features if f.digest]

    @property
    def describes(self) -> list[Describe]:
        """What `/prepbot settings` shows besides the stored settings."""
        return [f.describe for f in self.features if f.describe]

    @property
    def erase(self) -> dict[str, str | Eraser]:
        """How `prepbot privacy delete` treats each feature's tables."""
        return {table: rule for f in self.features for table, rule in f.erase.items()}

    @property
    def never_exported(self) -> set[str]:
        """Tables `prepbot privacy export` leaves out on purpose."""
        return {table for f in self.features for table in f.never_exported}

    @property
    def exports(self) -> dict[str, Export]:
        """Named exports for the command line."""
        return {name: export for f in self.features for name, export in f.exports.items()}

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
