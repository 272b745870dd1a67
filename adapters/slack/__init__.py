"""The Slack adapter: slack-bolt served at POST /slack/events, or over Socket Mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from adapters.slack.bolt_app import SlackAdapter
from adapters.slack.http import events_handler, socket_only_handler
from adapters.slack.messenger import make_client
from adapters.slack.socket_mode import socket_mode_context

if TYPE_CHECKING:
    from adapters.runtime import Runtime

ADAPTER = web.AppKey("slack", SlackAdapter)


def mount(app: web.Application, runtime: Runtime) -> None:
    """Serve Slack on this aiohttp app; calls nothing on Slack until a request arrives."""
    settings = runtime.settings
    client = make_client(settings.slack_bot_token, settings.slack_api_url)
    adapter = SlackAdapter(runtime.bot, client, settings.slack_signing_secret,
                           settings.public_url)
    app[ADAPTER] = adapter
    runtime.messengers.add(adapter.messenger)
    if settings.slack_signing_secret:
        app.router.add_post("/slack/events", events_handler(adapter.app,
                                                            settings.slack_signing_secret))
    else:
        app.router.add_post("/slack/events", socket_only_handler())
    app.cleanup_ctx.append(adapter.running_ctx)
    if settings.slack_app_token:
        app.cleanup_ctx.append(socket_mode_context(adapter.app, settings.slack_app_token))


__all__ = ["ADAPTER", "SlackAdapter", "mount"]
