"""POST /slack/events: check the signature and the body, then hand the request to bolt."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

Handler = Any  # an aiohttp handler: `async (web.Request) -> web.Response`
MAX_AGE = 5 * 60  # Slack's (and bolt's) replay window, in seconds


def problem(status: int, error: str, message: str) -> web.Response:
    """A JSON error a person reading logs can act on."""
    return web.json_response({"error": error, "message": message}, status=status)


def signed(secret: bytes, raw: bytes, timestamp: str | None, given: str | None) -> bool:
    """True for a fresh v0 signature of the raw bytes (computed on bytes: any body is checked)."""
    if not timestamp or not given or not timestamp.isdigit():
        return False
    if abs(time.time() - int(timestamp)) > MAX_AGE:
        return False
    digest = hmac.new(secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256)
    return hmac.compare_digest("v0=" + digest.hexdigest(), given)


def well_formed(text: str, content_type: str) -> bool:
    """True for the JSON object of the Events API or the form body of a command or click."""
    if content_type == "application/json":
        try:
            return isinstance(json.loads(text), dict)
        except (json.JSONDecodeError, RecursionError):
            return False
    try:
        form = parse_qs(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return False
    if "payload" in form:
        try:
            return isinstance(json.loads(form["payload"][0]), dict)
        except (json.JSONDecodeError, RecursionError):
            return False
    return "command" in form or "ssl_check" in form


def events_handler(app: AsyncApp, signing_secret: str) -> Handler:
    """The one Request URL for events, slash commands and interactivity."""
    secret = signing_secret.encode()

    async def events(request: web.Request) -> web.Response:
        raw = await request.read()
        # Checked here as well as in bolt so that a bad body from a stranger is a 401, and a
        # signed but malformed body a 400 (bolt would answer 500 trying to parse it).
        if not signed(secret, raw, request.headers.get("X-Slack-Request-Timestamp"),
                      request.headers.get("X-Slack-Signature")):
            return problem(401, "invalid_signature", "The request signature is not valid.")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return problem(400, "bad_request", "The body must be UTF-8.")
        if not well_formed(text, request.content_type):
            return problem(400, "bad_request", "The body is not a Slack payload.")
        headers: dict[str, str | Sequence[str]] = {
            name.lower(): request.headers.getall(name) for name in request.headers}
        bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=headers)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return events


def socket_only_handler() -> Handler:
    """With Socket Mode and no signing secret, the HTTP route explains itself."""
    async def events(_: web.Request) -> web.Response:
        return problem(404, "socket_mode", "prepbot talks to Slack over Socket Mode; this "
                       "Request URL is not used. Set SLACK_SIGNING_SECRET to serve it.")
    return events
