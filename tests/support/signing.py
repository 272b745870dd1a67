"""Slack request signing for tests and the benchmark: v0 HMAC-SHA256 of the signing secret."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode


def signature(secret: str, body: bytes, timestamp: int) -> str:
    """The `X-Slack-Signature` value for a body sent at `timestamp`."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: bytes, content_type: str,
                   timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack sends with a request: content type, timestamp and signature."""
    when = int(time.time()) if timestamp is None else timestamp
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(when),
            "X-Slack-Signature": signature(secret, body, when)}


def json_body(payload: dict[str, Any]) -> tuple[bytes, str]:
    """An Events API body."""
    return json.dumps(payload).encode(), "application/json"


def form_body(fields: dict[str, str]) -> tuple[bytes, str]:
    """A slash command's form body."""
    return urlencode(fields).encode(), "application/x-www-form-urlencoded"


def interactive_body(payload: dict[str, Any]) -> tuple[bytes, str]:
    """An interactivity body: the JSON payload in a `payload` form field."""
    return form_body({"payload": json.dumps(payload)})
