"""The features: each folder holds one, with its handlers, service, views and models."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.router import Router


def register_all(router: Router) -> None:
    """Register every feature's commands, actions and forms on the router."""
    from bot.features.admin import handlers as admin
    from bot.features.answers import handlers as answers
    from bot.features.tickets import handlers as tickets

    answers.register(router)
    tickets.register(router)
    admin.register(router)
