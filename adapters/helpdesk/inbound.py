"""The helpdesk's answers over HTTP: `POST /helpdesk/status` (prepbot's signed status webhook)
and `POST /helpdesk/email` (replies to a ticket's email thread, posted by Mailgun's inbound
routing: a `forward()` route's form fields, signed with the Mailgun HTTP webhook signing key)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from aiohttp import web

from adapters.runtime import Runtime
from bot.receiving import Inbound, Outcome

MAX_AGE = timedelta(minutes=5)
Handler = Callable[[web.Request], Awaitable[web.Response]]
# What each outcome is over HTTP: refused and unknown say so, so the sender's log explains it.
STATUS = {"accepted": 200, "duplicate": 200, "ignored": 200, "refused": 401, "invalid": 400,
          "unknown": 404, "unavailable": 503}
# Mailgun retries anything but 200 and 406 for hours; 406 tells it to stop.
MAILGUN_STATUS = {**STATUS, "invalid": 406, "unknown": 406}


def answer(outcome: Outcome, statuses: dict[str, int] = STATUS) -> web.Response:
    """An outcome as JSON with its status."""
    return web.json_response({"result": outcome.kind, "detail": outcome.detail},
                             status=statuses[outcome.kind])


def status_handler(runtime: Runtime) -> Handler:
    """The signed status webhook: the exact bytes and the headers go to the core, which
    checks the signature with the ticket's route secret."""
    async def handle(request: web.Request) -> web.Response:
        body = await request.read()
        headers = {name.lower(): value for name, value in request.headers.items()}
        return answer(await runtime.bot.receive(Inbound("helpdesk.status", body, headers)))
    return handle


def mailgun_refusal(key: str, fields: dict[str, str], now: datetime) -> str | None:
    """Why a Mailgun post must be refused: HMAC-SHA256 of timestamp + token, hex, with the
    signing key, and a timestamp within five minutes of prepbot's clock."""
    stamp, token, given = (fields.get(name, "") for name in ("timestamp", "token", "signature"))
    if not (stamp and token and given):
        return "the request is not signed"
    if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 12:
        return "the timestamp is not a number"
    if abs(now - datetime.fromtimestamp(int(stamp), tz=now.tzinfo)) > MAX_AGE:
        return "the timestamp is more than five minutes away from prepbot's clock"
    expected = hmac.new(key.encode(), (stamp + token).encode(), hashlib.sha256).hexdigest()
    return None if hmac.compare_digest(expected, given) else "the signature does not match"


def email_handler(runtime: Runtime) -> Handler:
    """Replies to the email thread, as Mailgun posts them (attachments are left out)."""
    key = runtime.settings.mailgun_signing_key.get_secret_value()

    async def handle(request: web.Request) -> web.Response:
        if not key:  # said to Mailgun's log and the operator reading it, never in chat
            return web.json_response({"error": "not_configured", "message":
                                      "set PREPBOT_MAILGUN_SIGNING_KEY and restart prepbot"},
                                     status=503)
        form = await request.post()
        fields = {name: value for name, value in form.items() if isinstance(value, str)}
        why = mailgun_refusal(key, fields, runtime.bot.clock.now())
        if why is not None:
            return answer(Outcome("refused", why))
        outcome = await runtime.bot.receive(Inbound("helpdesk.email", fields=fields))
        return answer(outcome, MAILGUN_STATUS)
    return handle
