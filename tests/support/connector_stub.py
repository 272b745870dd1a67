"""A local stub of the Bot Connector service (the activity's serviceUrl), with the attachments
Teams keeps for pasted images and the pre-authenticated downloads of files sent in a personal
chat: records every call."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

Json = dict[str, Any]


@dataclass
class Call:
    """One request the bot made to the connector."""

    method: str
    path: str
    conversation: str
    activity_id: str
    body: Any
    headers: dict[str, str]
    query: dict[str, str]
    at: float

    @property
    def activity(self) -> Json:
        """The activity sent: the body itself, or the first message of a new channel thread."""
        return dict(self.body.get("activity", self.body))

    @property
    def channel(self) -> str:
        """The conversation without its thread: a Teams channel's id, or a chat's."""
        return self.conversation.split(";", 1)[0]

    @property
    def card(self) -> Json:
        """The Adaptive Card the activity carried (the first attachment's content)."""
        return dict(self.activity["attachments"][0]["content"])

    @property
    def card_texts(self) -> list[str]:
        """Every text in the card, in order: TextBlocks, TextRuns and button titles."""
        return list(texts_of(self.card))


def texts_of(node: Any) -> list[str]:
    """Walk a card and collect what a person would read."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") in ("TextBlock", "TextRun") and isinstance(node.get("text"), str):
            found.append(node["text"])
        if isinstance(node.get("title"), str) and str(node.get("type", "")).startswith("Action"):
            found.append(node["title"])
        for value in node.values():
            found.extend(texts_of(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(texts_of(item))
    return found


@dataclass
class ConnectorStub:
    """Answers like the Bot Connector; `fail(status, ...)` queues an error for the next match."""

    calls: list[Call] = field(default_factory=list)
    members: list[Json] = field(default_factory=list)
    # user id -> their 1:1 chat with the bot, which Teams gives back when one is asked for
    personal: dict[str, str] = field(default_factory=dict)
    page_size: int = 2
    failures: list[tuple[int, str, str, dict[str, str]]] = field(default_factory=list)
    server: TestServer | None = None
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    on_call: Callable[[Call], Awaitable[None]] | None = None
    stored: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # attachment id or file
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def url(self) -> str:
        """The serviceUrl to put in activities (with its trailing slash)."""
        assert self.server is not None
        return str(self.server.make_url("/"))

    def fail(self, status: int, method: str = "POST", path_part: str = "",
             headers: dict[str, str] | None = None) -> None:
        """Answer the next matching call with an error status (and headers, e.g. Retry-After)."""
        self.failures.append((status, method, path_part, headers or {}))

    def sent(self, method: str = "POST") -> list[Call]:
        """Calls that carried an activity (posts and replies, new channel threads, or updates
        with PUT)."""
        return [c for c in self.calls if c.method == method and (
            "/activities" in c.path or (isinstance(c.body, dict) and "activity" in c.body))]

    async def start(self) -> None:
        """Serve on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_route("*", "/v3/conversations", self._conversations)
        app.router.add_route("*", "/v3/conversations/{cid}/{rest:.*}", self._conversation)
        app.router.add_get("/v3/attachments/{aid}/views/{view}", self._attachment)
        app.router.add_get("/shared/{aid}", self._shared_file)
        self.server = TestServer(app, host="127.0.0.1", port=0)
        await self.server.start_server()

    async def close(self) -> None:
        """Stop serving."""
        if self.server is not None:
            await self.server.close()

    def pasted_image(self, data: bytes) -> Json:
        """An image pasted into a Teams message, as its activity attaches it: kept by the Bot
        Connector and read with the bot's token."""
        key = f"0-eus-d1-{len(self.stored) + 1:08d}"
        self.stored[key] = (data, "image/png")
        return {"contentType": "image/*", "contentUrl": f"{self.url}v3/attachments/{key}/views/"
                                                        "original"}

    def sent_file(self, name: str, data: bytes) -> Json:
        """A file sent to the bot in a personal chat: on OneDrive, with a short-lived
        pre-authenticated download URL."""
        key = f"file-{len(self.stored) + 1}"
        self.stored[key] = (data, "application/octet-stream")
        return {"contentType": "application/vnd.microsoft.teams.file.download.info",
                "name": name, "contentUrl": f"https://contoso.sharepoint.example/{name}",
                "content": {"downloadUrl": f"{self.url}shared/{key}?tempauth=stub",
                            "uniqueId": key, "fileType": name.rpartition(".")[2]}}

    def downloads(self) -> list[Call]:
        """The attachment and file downloads the bot made."""
        return [c for c in self.calls if c.path.startswith(("/v3/attachments/", "/shared/"))]

    async def _attachment(self, request: web.Request) -> web.Response:
        _, failed = await self._record(request)
        if failed is not None:
            return failed
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            return web.json_response({"error": {"code": "Unauthorized"}}, status=401)
        found = self.stored.get(request.match_info["aid"])
        return web.Response(body=found[0], content_type=found[1]) if found else \
            web.json_response({"error": {"code": "NotFound"}}, status=404)

    async def _shared_file(self, request: web.Request) -> web.Response:
        _, failed = await self._record(request)
        if failed is not None:
            return failed
        found = self.stored.get(request.match_info["aid"])
        if found is None or request.query.get("tempauth") != "stub":
            return web.Response(status=403, text="expired")
        return web.Response(body=found[0], content_type=found[1])

    async def _record(self, request: web.Request) -> tuple[Call, web.Response | None]:
        raw = await request.read()
        call = Call(request.method, request.path, request.match_info.get("cid", ""),
                    request.match_info.get("rest", "").partition("activities/")[2],
                    json.loads(raw) if raw else None, dict(request.headers),
                    dict(request.query), time.perf_counter())
        self.calls.append(call)
        self.arrived.set()
        if self.on_call is not None:
            await self.on_call(call)
        for failure in self.failures:
            status, method, part, headers = failure
            if method == request.method and part in request.path:
                self.failures.remove(failure)
                return call, web.json_response(
                    {"error": {"code": "Forbidden", "message": "stub failure"}}, status=status,
                    headers=headers)
        return call, None

    async def _conversations(self, request: web.Request) -> web.Response:
        call, failed = await self._record(request)
        if failed is not None:
            return failed
        body = call.body or {}
        channel = (body.get("channelData") or {}).get("channel", {}).get("id")
        thread = f"{next(self._ids)}"
        if channel:  # a new thread in a channel: the conversation is the channel's thread
            call.conversation = f"{channel};messageid={thread}"
            return web.json_response({"id": call.conversation, "activityId": thread})
        members = [m.get("id", "") for m in body.get("members") or []]
        call.conversation = self.personal.get(members[0] if members else "", f"a:new-{thread}")
        return web.json_response({"id": call.conversation, "activityId": f"act-{thread}"})

    async def _conversation(self, request: web.Request) -> web.Response:
        call, failed = await self._record(request)
        if failed is not None:
            return failed
        rest = request.match_info["rest"]
        if rest.startswith("activities"):
            return web.json_response({"id": call.activity_id or f"act-{next(self._ids)}"})
        if rest == "pagedmembers":
            start = int(request.query.get("continuationToken") or 0)
            page: Json = {"members": self.members[start:start + self.page_size]}
            if start + self.page_size < len(self.members):
                page["continuationToken"] = str(start + self.page_size)
            return web.json_response(page)
        if rest.startswith("members/"):
            wanted = rest.partition("/")[2]
            found = [m for m in self.members if m["id"] == wanted]
            return (web.json_response(found[0]) if found
                    else web.json_response({"error": {"code": "NotFound"}}, status=404))
        if rest == "members":
            return web.json_response(self.members)
        return web.json_response({"error": {"code": "BadRequest"}}, status=400)
