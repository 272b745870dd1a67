"""botbuilder's CloudAdapter from the MicrosoftApp* settings, served at POST /api/messages."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, ActivityTypes
from botframework.connector.auth import AuthenticationConstants
from msrest.exceptions import DeserializationError  # type: ignore[attr-defined]

from adapters.teams import inbound
from adapters.teams.activity_bot import ActivityBot, incoming_of, on_turn_error
from adapters.teams.connectors import CachingAuthentication
from bot.settings import Settings

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Cloud:
    """Where inbound tokens come from; the defaults are the Bot Framework's public cloud."""

    openid_metadata_url: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
    token_issuer: str = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
    login_url: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX
    oauth_scope: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
    emulator_openid_metadata_url: str = (
        AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL)


def configuration(settings: Settings, cloud: Cloud | None = None) -> SimpleNamespace:
    """The configuration object botbuilder reads, by its own attribute names."""
    config = SimpleNamespace(APP_ID=settings.microsoft_app_id,
                             APP_PASSWORD=settings.microsoft_app_password,
                             APP_TYPE=settings.microsoft_app_type or "MultiTenant",
                             APP_TENANTID=settings.microsoft_app_tenant_id)
    if cloud is not None:  # any of these switches botbuilder to its parameterized cloud
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = cloud.openid_metadata_url
        config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = cloud.token_issuer
        config.TO_CHANNEL_FROM_BOT_LOGIN_URL = cloud.login_url
        config.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE = cloud.oauth_scope
        config.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL = cloud.emulator_openid_metadata_url
    return config


def make_authentication(settings: Settings, cloud: Cloud | None = None,
                        credentials_factory: Any = None) -> Any:
    """ConfigurationBotFrameworkAuthentication: validates every token when an app id is set."""
    if not settings.microsoft_app_id:
        log.warning("MicrosoftAppId is empty: Teams requests are NOT authenticated. "
                    "Use this only with the Bot Framework Emulator, never in production.")
    return ConfigurationBotFrameworkAuthentication(configuration(settings, cloud),
                                                   credentials_factory=credentials_factory)


def make_adapter(authentication: Any) -> Any:
    """A CloudAdapter reusing connector clients, logging failed turns instead of failing."""
    adapter = CloudAdapter(CachingAuthentication(authentication))
    adapter.on_turn_error = on_turn_error
    return adapter


def bad_request(message: str) -> web.Response:
    """A 400 that says what was wrong."""
    return web.json_response({"error": "bad_request", "message": message}, status=400)


async def read_activity(request: web.Request) -> Activity | str:
    """The posted Activity, or a sentence saying why it cannot be one."""
    try:
        body = json.loads(await request.read())
    except (ValueError, RecursionError):
        return "The body must be a JSON activity."
    if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
        return "The activity needs a type."
    try:
        return Activity().deserialize(body)
    except (DeserializationError, TypeError, ValueError, AttributeError):
        return "The activity could not be read."


def missing_fields(activity: Activity) -> list[str]:
    """What a handled activity must carry to be answered at all."""
    checks = {"serviceUrl": activity.service_url,
              "conversation.id": activity.conversation and activity.conversation.id,
              "from.id": activity.from_property and activity.from_property.id,
              "recipient.id": activity.recipient and activity.recipient.id}
    return [name for name, value in checks.items() if not value]


# Only Teams says who a Teams user is (and the Bot Framework Emulator, in emulator mode):
# Web Chat and Direct Line let the page choose `from.id`, and the Bot Framework's signing
# keys are good for every channel a bot has, so a page naming a Teams user's id was her (a
# red team's, stop 48).
TEAMS, EMULATOR = "msteams", "emulator"


def handles(activity: Activity) -> bool:
    """True for the kinds this adapter acts on; the rest are acknowledged and ignored."""
    if activity.type == ActivityTypes.invoke:
        return bool(activity.name == "adaptiveCard/action")
    return activity.type in ("message", "conversationUpdate", "installationUpdate")


def make_handler(adapter: Any, bot: ActivityBot, tenant: str = "",
                 emulator: bool = False) -> Handler:
    """POST /api/messages: 400 unreadable, 401 unauthenticated, 200 ignored (another channel
    than Teams, or the Emulator's in `emulator` mode; with `tenant`, a Single Tenant
    install's, another tenant), else the turn."""
    channels = {TEAMS, EMULATOR} if emulator else {TEAMS}

    async def handler(request: web.Request) -> web.Response:
        activity = await read_activity(request)
        if isinstance(activity, str):
            return bad_request(activity)
        header = request.headers.get("Authorization")  # None, not "": botbuilder tells them apart
        try:
            authenticated = await adapter.bot_framework_authentication.authenticate_request(
                activity, header)
        except Exception as error:  # botbuilder raises jwt, key and lookup errors, not only these
            log.info("Teams request refused: %s", type(error).__name__)
            return web.json_response({"error": "unauthorized"}, status=401)
        if activity.channel_id not in channels:  # Web Chat picks its own `from.id`: ignored
            log.info("an activity from another channel (%r) ignored", str(activity.channel_id)[:40])
            return web.Response(status=200)
        if tenant and activity.channel_id == TEAMS and inbound.tenant_of(activity) != tenant:
            log.info("an activity from another tenant ignored")  # stored as nobody (stop 48)
            return web.Response(status=200)
        revision = inbound.revision(activity)
        # A kept help-channel question follows its writer; if it cannot now, a 503 says so.
        if revision is not None and not await bot.bot.revised(revision):
            return web.json_response({"error": "unavailable"}, status=503)
        if not handles(activity):
            return web.Response(status=200)
        missing = missing_fields(activity)
        if missing:
            return bad_request(f"The activity is missing {', '.join(missing)}.")
        try:
            incoming = incoming_of(activity)  # card data or text that cannot be read is a 400
        except (AttributeError, TypeError, ValueError) as error:
            log.info("unreadable Teams activity: %s", type(error).__name__)
            return bad_request("The activity could not be read.")

        async def turn(context: TurnContext) -> None:
            await bot.on_turn(context, incoming)

        invoke = await adapter.process_activity(authenticated, activity, turn)
        if invoke is not None:
            return web.json_response(invoke.body, status=int(invoke.status))
        return web.Response(status=201)

    return handler

