"""prepbot's webhook signature, both ways: HMAC-SHA256 of `{timestamp}.{raw body}` with the
route's shared secret, hex, in `X-Prepbot-Signature: sha256=...`, beside the Unix time in
`X-Prepbot-Timestamp`. A request more than five minutes away from prepbot's clock is refused,
so a captured request cannot be replayed later; within the five minutes, its id is taken once.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime, timedelta

SIGNATURE = "X-Prepbot-Signature"
TIMESTAMP = "X-Prepbot-Timestamp"
MAX_AGE = timedelta(minutes=5)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for a body sent at `timestamp` (Unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def signed_headers(secret: str, now: datetime, body: bytes) -> tuple[tuple[str, str], ...]:
    """The timestamp and signature headers for a body sent now."""
    stamp = int(now.timestamp())
    return ((TIMESTAMP, str(stamp)), (SIGNATURE, signature(secret, stamp, body)))


def refusal(secret: str, headers: Mapping[str, str], body: bytes, now: datetime) -> str | None:
    """Why a signed request must be refused, or None when it is genuine and fresh.
    `headers` has lower-case names."""
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
