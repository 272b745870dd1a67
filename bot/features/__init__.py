"""The features: each folder holds one, with its handlers, service, views and models."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.router import Router
    from bot.scheduling.jobs import Jobs


def register_all(router: Router, jobs: Jobs) -> None:
    """Register every feature's commands, actions, forms and timed work."""
    from bot.features.admin import handlers as admin
    from bot.features.answers import handlers as answers
    from bot.features.coffee import handlers as coffee
    from bot.features.digest import handlers as digest
    from bot.features.pulse import handlers as pulse
    from bot.features.tickets import handlers as tickets

    answers.register(router)
    answers.register_jobs(jobs)
    tickets.register(router)
    tickets.register_jobs(jobs)
    admin.register(router)
    coffee.register(router)
    coffee.register_jobs(jobs)
    pulse.register(router)
    pulse.register_jobs(jobs)
    digest.register(router)
    digest.register_jobs(jobs)
    from bot import retention  # housekeeping that belongs to no one feature

    retention.register_jobs(jobs)
