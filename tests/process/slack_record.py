"""The Slack Web API stub, keeping each channel's messages (with their metadata) so
conversations.history can answer, and optionally answering 429 at a Slack-like rate."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from typing import Any

from aiohttp import web

from tests.support.slack_stub import SlackStub

INVITE = "☕ Coffee and Curriculum"
LIMITED = ("chat.postMessage", "conversations.open")


class Bucket:
    """A token bucket: `rate` calls a second, bursts up to `burst`."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.at = burst, time.monotonic()

    def take(self) -> bool:
        """True when a call may go through now."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class RecordingSlack(SlackStub):
    """SlackStub plus message history and an optional per-method rate limit."""

    def __init__(self, rate: float | None = None) -> None:
        super().__init__()
        self.history: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        self.buckets = {m: Bucket(rate, rate) for m in LIMITED} if rate else {}
        self.limited = 0

    async def _api(self, request: web.Request) -> web.Response:
        bucket = self.buckets.get(request.match_info["method"])
        if bucket is not None and not bucket.take():
            self.limited += 1
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": "1"})
        return await super()._api(request)

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Keep posted messages; answer conversations.history newest first."""
        if method == "conversations.history":
            channel = str(params.get("channel", ""))
            limit = int(params.get("limit") or 100)
            messages = list(reversed(self.history[channel]))[:limit]
            return {"ok": True, "messages": messages, "has_more": False}
        answered = super().answer(method, params)
        if method == "chat.postMessage":
            message = {"type": "message", "ts": answered["ts"], "text": params.get("text", ""),
                       "user": "UBOT", "bot_id": "BBOT"}
            if params.get("metadata"):
                message["metadata"] = params["metadata"]
            self.history[str(params.get("channel", ""))].append(message)
        return answered

    def invitations(self) -> Counter[str]:
        """How many invitations each DM channel got."""
        return Counter(str(call.params.get("channel")) for call in self.of("chat.postMessage")
                       if str(call.params.get("text", "")).startswith(INVITE))
