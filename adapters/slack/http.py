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
# The JSON types of the fields bolt's middleware and matchers index into without checking:
# a signed payload with, say, `"actions": null` would otherwise be a 500 and a traceback.
SHAPES: dict[str, tuple[type, ...]] = {
    "event": (dict,), "view": (dict,), "message": (dict,), "container": (dict,),
    "item": (dict,), "previous_message": (dict,), "function_data": (dict,),
    # a legacy dialog_submission's "state" is the string the dialog was opened with
    "assistant_thread": (dict,), "state": (dict, str), "values": (dict,),
    "actions": (list,), "authorizations": (list,), "response_urls": (list,),
    "user": (dict, str), "team": (dict, str, type(None)), "channel": (dict, str),
    "enterprise": (dict, str, type(None)), "selected_option": (dict, type(None)),
    "text": (str, dict)}  # a message's text is a string, a button's a text object
# Fields the listeners compare or hash: Slack always sends them as strings.
STRINGS = ("type", "subtype", "ts", "thread_ts", "channel_type", "bot_id", "tab",
           "event_id", "callback_id", "action_id", "block_id", "value", "trigger_id",
           "response_url", "private_metadata")
NEEDS: dict[str, tuple[str, type]] = {
    "event_callback": ("event", dict), "block_actions": ("actions", list),
    "view_submission": ("view", dict), "view_closed": ("view", dict),
    "shortcut": ("callback_id", str), "message_action": ("callback_id", str)}


def problem(status: int, error: str, message: str) -> web.Response:
    """A JSON error a person reading logs can act on."""
    return web.json_response({"error": error, "message": message}, status=status)


def signed(secret: bytes, raw: bytes, timestamp: str | None, given: str | None) -> bool:
    """True for a fresh v0 signature of the raw bytes (computed on bytes: any body is checked)."""
    # isdigit() alone takes "²" and any length: int() of those is an error or a huge number
    if not timestamp or not given or not (timestamp.isascii() and timestamp.isdigit()) or \
            len(timestamp) > 12:
        return False
    if abs(time.time() - int(timestamp)) > MAX_AGE:
        return False
    digest = hmac.new(secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256)
    return hmac.compare_digest("v0=" + digest.hexdigest(), given)


def shaped(node: object, depth: int = 0) -> bool:
    """True when every field bolt reads has the JSON type Slack sends (lists hold objects)."""
    if not isinstance(node, dict):
        return False
    if any(name in node and not isinstance(node[name], str) for name in STRINGS):
        return False
    for name, kinds in SHAPES.items():
        value = node.get(name)
        if name in node and not isinstance(value, kinds):
            return False
        inner = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        if depth < 3 and not all(shaped(item, depth + 1) for item in inner):
            return False
    if isinstance(node.get("view"), dict) and not isinstance(node["view"].get("type"), str):
        return False  # bolt tells modals from Home tabs by it
    needed = NEEDS.get(str(node.get("type", ""))) if depth == 0 else None
    # bolt reads the first action of a click: an empty list is as bad as none
    return needed is None or (isinstance(node.get(needed[0]), needed[1])
                              and node.get(needed[0]) != [])


def well_formed(text: str, content_type: str) -> bool:
    """True for the JSON object of the Events API or the form body of a command or click."""
    if content_type == "application/json":
        try:
            return shaped(json.loads(text))
        except (json.JSONDecodeError, RecursionError):
            return False
    try:
        form = parse_qs(text, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return False
    if "payload" in form:
        try:
            return shaped(json.loads(form["payload"][0]))
        except (json.JSONDecodeError, RecursionError):
            return False
    return "command" in form or "ssl_check" in form


def events_handler(app: AsyncApp, signing_secret: str) -> Handler:
    """The one Request URL for events, slash commands and interactivity."""
    secret = signing_secret.encode()

    async def events(request: web.Request) -> web.Response:
        raw = await request.read()
        # Checked here, once, on the raw bytes (bolt's own check is off): a bad body from a
        # stranger is a 401, a signed but malformed body a 400 (bolt would answer 500).
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
