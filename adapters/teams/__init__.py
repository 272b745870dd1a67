"""The Microsoft Teams adapter (botbuilder): every botbuilder import lives in this folder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from adapters.runtime import Runtime
    from adapters.teams.messenger import TeamsMessenger

ROUTE = "/api/messages"


def mount(app: web.Application, runtime: Runtime, *, authentication: Any = None) -> None:
    """Serve POST /api/messages and register the Teams messenger on the runtime.

    `authentication` replaces the BotFrameworkAuthentication built from the MicrosoftApp*
    settings (tests pass one that trusts a local key).
    """
    from adapters.teams.activity_bot import ActivityBot
    from adapters.teams.cloud_adapter import make_adapter, make_authentication, make_handler
    from adapters.teams.files import TeamsFiles
    from adapters.teams.messenger import DeliveryProblems, TeamsMessenger
    from adapters.teams.recovery import responder

    settings = runtime.settings
    adapter = make_adapter(authentication or make_authentication(settings))
    bot = ActivityBot(runtime.bot, settings.public_url, settings.microsoft_app_id)
    # The district's tenant alone: botbuilder reads the app type in any case, and a
    # managed identity is of one tenant too (a red team's, stop 48).
    single = settings.microsoft_app_type.lower() in ("singletenant", "userassignedmsi")
    app.router.add_post(ROUTE, make_handler(
        adapter, bot, settings.microsoft_app_tenant_id if single else "",
        settings.teams_emulator))
    runtime.bot.attachments.add(TeamsFiles(adapter, settings.microsoft_app_id))
    problems = DeliveryProblems(runtime.metrics.registry)
    messenger = TeamsMessenger(adapter, settings.microsoft_app_id, runtime.sessions, problems,
                               settings.public_url)
    runtime.messengers.add(messenger)
    runtime.bot.responders["teams"] = responder(messenger)


def messenger_of(runtime: Runtime) -> TeamsMessenger | None:
    """The mounted Teams messenger (its `problems` list what could not be delivered)."""
    from adapters.teams.messenger import TeamsMessenger

    found = runtime.messengers.get("teams")
    return found if isinstance(found, TeamsMessenger) else None
