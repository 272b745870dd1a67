"""Logging: one JSON object per line (LOG_FORMAT=json) or readable lines, each with a request id.

The request id lives in a context variable set by the HTTP middleware. asyncio copies the
context into every task started while handling a request (the Slack adapter's acknowledged
work, the core, SQLAlchemy), so their log lines carry the same id without the core knowing.
What teachers type is never logged here: the access log names the path, never the query.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, TextIO

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
HEADER = "X-Request-Id"
KEY = "request_id"  # the log record attribute
REQUEST_KEY = web.RequestKey("request_id", str)  # where the id is kept on the aiohttp request
# A proxy's id is reused only when it is short and plain: it ends up in every log line.
SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
# Extra fields some records carry (the access log's); anything else a record holds is ignored.
FIELDS = ("method", "path", "status", "duration_ms", "adapter")
# Links that are their own permission (whoever has the URL may see the chart or the picture).
CAPABILITY = re.compile(r"(/charts/)[^/]+(\.png)|(/attachments/)[^/]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MAX_PATH = 512
_INSTALLED = "_prepbot_handler"


class RequestIdFilter(logging.Filter):
    """Stamp each record with the request id of the context it was logged in."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record; add `request_id` unless the record already has one."""
        if not getattr(record, KEY, None):
            setattr(record, KEY, REQUEST_ID.get())
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id (and a traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        """Render a record as a single line of JSON."""
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": record.getMessage(),
            "request_id": getattr(record, KEY, "-")}
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
# Libraries that log payloads or SQL parameters at DEBUG: kept at INFO or above even when an
# operator turns prepbot's own level down.
NOISY = ("slack_bolt", "slack_sdk", "botbuilder", "aiosqlite", "asyncio")


def configure(log_format: str = "text", level: int | str = logging.INFO,
              stream: TextIO | None = None) -> logging.Handler:
    """Send every logger's records to stderr in the chosen format; safe to call again."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if log_format.lower() == "json"
                         else logging.Formatter(TEXT_FORMAT))
    setattr(handler, _INSTALLED, True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _INSTALLED, False)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(max(logging.INFO, logging.getLogger().level))
    return handler


def adapter_of(path: str) -> str:
    """Which adapter serves a path: slack, teams, helpdesk, web, or ops (health, metrics,
    admin)."""
    if path.startswith("/slack/"):
        return "slack"
    if path.startswith("/api/messages"):
        return "teams"
    if path.startswith("/helpdesk/"):
        return "helpdesk"
    if path.startswith(("/healthz", "/metrics", "/admin/")):
        return "ops"
    return "web"


@web.middleware
async def with_request_id(request: web.Request,
                          handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                          ) -> web.StreamResponse:
    """Give the request an id (the proxy's X-Request-Id when plain), log under it, echo it."""
    given = request.headers.get(HEADER, "")
    request_id = given if SAFE_ID.match(given) else uuid.uuid4().hex[:16]
    request[REQUEST_KEY] = request_id
    token = REQUEST_ID.set(request_id)
    try:
        response = await handler(request)
    except web.HTTPException as error:
        error.headers[HEADER] = request_id
        raise
    finally:
        REQUEST_ID.reset(token)
    if not response.prepared:  # a WebSocket or stream already sent its headers
        response.headers[HEADER] = request_id
    return response


def loggable(path: str) -> str:
    """A path fit for a log line: a chart's or a picture's capability token hidden, and no
    control characters (a decoded %0a would otherwise start a forged line)."""
    path = CAPABILITY.sub(lambda m: "".join(part or "" for part in (
        m.group(1), m.group(3), "<token>", m.group(2))), path)
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", path)[:MAX_PATH]


class AccessLogger(AbstractAccessLogger):
    """The access log: method, path (never the query string), status, time, request id."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        """One line per request."""
        duration = round(time * 1000, 1)
        path = loggable(request.path)
        fields = {KEY: request.get(REQUEST_KEY, "-"), "method": request.method,
                  "path": path, "status": response.status, "duration_ms": duration,
                  "adapter": adapter_of(request.path)}
        self.logger.info("%s %s %s %.1f ms", loggable(request.method), path, response.status,
                         duration, extra=fields)
