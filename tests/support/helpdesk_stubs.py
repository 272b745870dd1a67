"""A real SMTP server (aiosmtpd) and a webhook receiver, both on 127.0.0.1, standing in for a
district helpdesk: they record what prepbot sent, and the receiver can be told to fail first."""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

SMTP_USER, SMTP_PASSWORD = "prepbot", "smtp-password-never-shown"
SERVER_LOG = "mail.log"  # aiosmtpd's logger: the helpdesk's mail server, not prepbot


@dataclass
class Mailbox:
    """What reached the SMTP server: one parsed message per delivery, with its envelope."""

    messages: list[EmailMessage] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    port: int = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        """aiosmtpd's hook: keep the message."""
        parsed = message_from_bytes(bytes(envelope.original_content or b""),
                                    policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"

    def check_login(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                    auth_data: Any) -> AuthResult:
        """Accept only the test account."""
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == SMTP_USER
              and auth_data.password.decode() == SMTP_PASSWORD)
        if ok:
            self.logins.append(SMTP_USER)
        return AuthResult(success=ok)


async def start_mailbox() -> tuple[Mailbox, asyncio.AbstractServer]:
    """An SMTP server on a free port of 127.0.0.1 that offers a login (without TLS: local)."""
    mailbox = Mailbox()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(mailbox, hostname="helpdesk.test", authenticator=mailbox.check_login,
                     auth_require_tls=False),
        "127.0.0.1", 0)
    mailbox.port = server.sockets[0].getsockname()[1]
    return mailbox, server


@dataclass
class Received:
    """One webhook request."""

    body: bytes
    headers: dict[str, str]
    status: int


class WebhookReceiver:
    """Answers each POST with the next queued status (200 when none is queued)."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.statuses: deque[int] = deque()
        app = web.Application()
        app.router.add_post("/{path:.*}", self._receive)
        self.server = TestServer(app, host="127.0.0.1", port=0)

    async def start(self) -> None:
        """Listen; with no access log, since what the helpdesk's side logs is not prepbot's."""
        await self.server.start_server(access_log=None)

    async def _receive(self, request: web.Request) -> web.Response:
        status = self.statuses.popleft() if self.statuses else 200
        self.requests.append(Received(await request.read(), dict(request.headers), status))
        return web.json_response({"ok": status < 300}, status=status)

    def url(self, path: str = "/hooks/prepbot") -> str:
        """A URL on this receiver."""
        return str(self.server.make_url(path))

    @property
    def delivered(self) -> list[Received]:
        """The requests it answered with a 2xx."""
        return [r for r in self.requests if 200 <= r.status < 300]
