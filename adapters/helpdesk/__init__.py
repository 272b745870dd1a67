"""The district helpdesk, as a platform: tickets go out by email (SMTP) and signed webhook,
its answers come in on two routes. It speaks to the core only through messengers and
`Bot.receive`, like every adapter."""

from __future__ import annotations

from aiohttp import web

from adapters.helpdesk.email import EmailMessenger
from adapters.helpdesk.inbound import email_handler, status_handler
from adapters.helpdesk.webhook import WebhookMessenger
from adapters.runtime import Runtime


def mount(app: web.Application, runtime: Runtime) -> None:
    """The inbound routes, and the messengers for the ways out that are configured."""
    runtime.messengers.add(WebhookMessenger())
    if runtime.settings.smtp_configured:
        runtime.messengers.add(EmailMessenger(runtime.settings))
    app.router.add_post("/helpdesk/status", status_handler(runtime))
    app.router.add_post("/helpdesk/email", email_handler(runtime))


__all__ = ["mount"]
