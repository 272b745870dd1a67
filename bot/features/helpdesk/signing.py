"""prepbot's webhook signature, both ways: HMAC-SHA256 of `{timestamp}.{raw body}` with the
route's shared secret, hex, in `X-Prepbot-Signature: sha256=...`, beside the Unix time in
`X-Prepbot-Timestamp`. A request more than five minutes away from prepbot's clock is refused,
so a captured request cannot be replayed later; within the five minutes, its id is taken once.

Zendesk signs its webhooks its own way (base64 HMAC-SHA256 of `{timestamp}{raw body}`, with an
ISO 8601 timestamp, in X-Zendesk-Webhook-Signature and -Timestamp); that is accepted too, with
the route's secret set to the Zendesk webhook's signing secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timedelta

SIGNATURE = "X-Prepbot-Signature"
TIMESTAMP = "X-Prepbot-Timestamp"
MAX_AGE = timedelta(minutes=5)
ZENDESK_SIGNATURE = "X-Zendesk-Webhook-Signature"
ZENDESK_TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for a body sent at `timestamp` (Unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def signed_headers(secret: str, now: datetime, body: bytes) -> tuple[tuple[str, str], ...]:
    """The timestamp and signature headers for a body sent now."""
    stamp = int(now.timestamp())
    return ((TIMESTAMP, str(stamp)), (SIGNATURE, signature(secret, stamp, body)))


def zendesk_signature(secret: str, timestamp: str, body: bytes) -> str:
    """Zendesk's signature of a body sent at an ISO 8601 `timestamp`."""
    mac = hmac.new(secret.encode(), timestamp.encode() + body, hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def checked_signature(headers: Mapping[str, str]) -> str:
    """The signature `refusal` checks: Zendesk's when the request carries one, else prepbot's
    (a red team's, stop 49: a replay that added a made-up prepbot signature beside Zendesk's
    was taken once per made-up value). `headers` has lower-case names."""
    name = ZENDESK_SIGNATURE if ZENDESK_SIGNATURE.lower() in headers else SIGNATURE
    return headers.get(name.lower(), "").strip()


def refusal(secret: str, headers: Mapping[str, str], body: bytes, now: datetime) -> str | None:
    """Why a signed request must be refused, or None when it is genuine and fresh.
    `headers` has lower-case names."""
    if ZENDESK_SIGNATURE.lower() in headers:
        return _zendesk_refusal(secret, headers, body, now)
    given, stamp = headers.get(SIGNATURE.lower(), ""), headers.get(TIMESTAMP.lower(), "")
    if not given or not stamp:
        return "the request is not signed"
    if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 12:
        return "the timestamp is not a number"
    sent = datetime.fromtimestamp(int(stamp), tz=now.tzinfo)
    if abs(now - sent) > MAX_AGE:
        return "the timestamp is more than five minutes away from prepbot's clock"
    if not hmac.compare_digest(signature(secret, int(stamp), body), given.strip()):
        return "the signature does not match"
    return None


def _zendesk_refusal(secret: str, headers: Mapping[str, str], body: bytes,
                     now: datetime) -> str | None:
    given, stamp = headers[ZENDESK_SIGNATURE.lower()], headers.get(ZENDESK_TIMESTAMP.lower(), "")
    try:
        sent = datetime.fromisoformat(stamp)
    except ValueError:
        return "the timestamp is not an ISO 8601 time"
    if sent.tzinfo is None or abs(now - sent) > MAX_AGE:
        return "the timestamp is more than five minutes away from prepbot's clock"
    if not hmac.compare_digest(zendesk_signature(secret, stamp, body), given.strip()):
        return "the signature does not match"
    return None
