"""A local stub of the Slack Web API, response_url, file downloads and Socket Mode (127.0.0.1,
port 0).

It records every call the real slack_sdk client makes, answers the methods prepbot uses,
and can be told to answer the next call of a method with a 429 or a 5xx first.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any, Self
from urllib.parse import parse_qs

from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer

JSON_FIELDS = ("blocks", "view", "attachments", "metadata")
BOT_USER = "UBOT"
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]+$")  # what Slack's channel ids look like


@dataclass
class Call:
    """One request the stub received."""

    method: str  # a Web API method, or "response_url"
    params: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _decode(raw: bytes, content_type: str) -> dict[str, Any]:
    if content_type == "application/json":
        return dict(json.loads(raw or b"{}"))
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
    for name in JSON_FIELDS:
        if isinstance(params.get(name), str):
            params[name] = json.loads(params[name])
    return params


class SlackStub:
    """Start with `await stub.start()`; read `calls`, `of(method)`; queue failures."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.failures: defaultdict[str, deque[tuple[int, dict[str, str]]]] = defaultdict(deque)
        self.refusals: defaultdict[str, deque[str]] = defaultdict(deque)
        self.delays: dict[str, float] = {}  # method -> seconds it answers late
        self.members: dict[str, list[str]] = {}
        self.outside: set[str] = set()  # channels prepbot was never added to: it cannot post
        self.channels: dict[str, str] = {}  # name -> id, for conversations.list
        self.history: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        self.users: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}  # file id -> file object (files.info)
        self.file_bytes: dict[str, tuple[bytes, str]] = {}  # download path -> (bytes, type)
        self.sockets: list[web.WebSocketResponse] = []
        self.socket_received: list[dict[str, Any]] = []
        self._connected = asyncio.Event()
        self._changed = asyncio.Event()
        self._ts = 0
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # users.info and others are GETs
        app.router.add_post("/response/{id}", self._response_url)
        app.router.add_get("/files-pri/{path:.*}", self._download)
        app.router.add_get("/socket", self._socket)
        self.server = TestServer(app, host="127.0.0.1", port=0)

    async def start(self) -> Self:
        """Listen on a free port of 127.0.0.1."""
        await self.server.start_server()
        return self

    async def close(self) -> None:
        """Close sockets and stop listening."""
        for socket in self.sockets:
            await socket.close()
        await self.server.close()

    @property
    def api_url(self) -> str:
        """The SLACK_API_URL to configure (with its trailing slash)."""
        return str(self.server.make_url("/api/"))

    def response_url(self, name: str = "r1") -> str:
        """A response_url Slack would put in a command or interactive payload."""
        return str(self.server.make_url(f"/response/{name}"))

    def share(self, name: str, data: bytes, mimetype: str, size: int | None = None
              ) -> dict[str, Any]:
        """A file uploaded to Slack: its file object, as a message event carries it; its
        url_private_download serves the bytes to a request with a bot token."""
        file_id = f"F{len(self.files) + 1:04d}"
        path = f"T1-{file_id}/download/{name}"
        self.file_bytes[path] = (data, mimetype)
        url = str(self.server.make_url(f"/files-pri/{path}"))
        found = {"id": file_id, "name": name, "title": name, "mimetype": mimetype,
                 "filetype": name.rpartition(".")[2], "size": len(data) if size is None else size,
                 "mode": "hosted", "is_external": False, "user": "UTEACHER",
                 "url_private": url.replace("/download/", "/"), "url_private_download": url}
        self.files[file_id] = found
        return found

    def fail_next(self, method: str, status: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next call of `method` with this status before answering normally."""
        self.failures[method].append((status, headers or {}))

    def refuse_next(self, method: str, error: str) -> None:
        """Answer the next call of `method` as Slack refuses one: HTTP 200, ok false, an error."""
        self.refusals[method].append(error)

    def prompted(self) -> list[Call]:
        """The calls something sent to prepbot led to: every call but the member list each
        replica reads on its own (users.list) for the masker."""
        return [call for call in self.calls if call.method != "users.list"]

    def of(self, method: str) -> list[Call]:
        """The calls of one method, in order."""
        return [call for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 20.0) -> list[Call]:
        """Wait until `method` was called `count` times; fail the test after `timeout`."""
        # generous: CI runs two suites at once on two cores, and 5 s failed once under load
        deadline = time.monotonic() + timeout
        while len(self.of(method)) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                seen = [c.method for c in self.calls]
                raise AssertionError(f"{method} called {len(self.of(method))} of {count} "
                                     f"times; calls: {seen}")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except TimeoutError:
                continue
        return self.of(method)

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        # slack_sdk sends some arguments in the query string, even on POST
        params = {**request.query, **_decode(await request.read(), request.content_type)}
        self._record(Call(method, params, dict(request.headers)))
        if method in self.delays:  # else no await: a call is recorded and answered at once
            await asyncio.sleep(self.delays[method])
        if self.refusals[method]:
            return web.json_response({"ok": False, "error": self.refusals[method].popleft()})
        if self.failures[method]:
            status, headers = self.failures[method].popleft()
            return web.json_response({"ok": False, "error": "ratelimited" if status == 429
                                      else "internal_error"}, status=status, headers=headers)
        return web.json_response(self.answer(method, params))

    async def _response_url(self, request: web.Request) -> web.Response:
        params = json.loads(await request.read())
        params["url_id"] = request.match_info["id"]
        self._record(Call("response_url", params, dict(request.headers)))
        if self.failures["response_url"]:
            status, headers = self.failures["response_url"].popleft()
            return web.Response(status=status, headers=headers, text="error")
        return web.Response(text="ok")

    async def _download(self, request: web.Request) -> web.Response:
        """url_private_download: the bytes with a bot token; Slack's sign-in page without."""
        path = request.match_info["path"]
        self._record(Call("files-pri", {"path": path}, dict(request.headers)))
        if not request.headers.get("Authorization", "").startswith("Bearer xoxb-"):
            return web.Response(text="<html><title>Sign in | Slack</title></html>",
                                content_type="text/html")
        if path not in self.file_bytes:
            return web.Response(status=404, text="file not found")
        data, mimetype = self.file_bytes[path]
        return web.Response(body=data, content_type=mimetype)

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._changed.set()

    def _next_ts(self) -> str:
        self._ts += 1
        return f"1700000000.{self._ts:06d}"

    def answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """What Slack would answer to a successful call."""
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER, "bot_id": "BBOT", "team_id": "T1",
                    "user": "prepbot", "team": "Test School District"}
        if method in {"chat.postMessage", "chat.update"} and params.get("channel") in self.outside:
            return {"ok": False, "error": "not_in_channel"}
        if method in {"chat.postMessage", "chat.update"}:
            ts = self._next_ts()
            if method == "chat.postMessage":  # kept for conversations.history
                self.history[str(params.get("channel"))].append(
                    {"ts": ts, "text": params.get("text", ""), "metadata": params.get("metadata")})
            return {"ok": True, "channel": params.get("channel"), "ts": ts}
        if method == "conversations.history":
            return {"ok": True, "messages": self._history(params)}
        if method == "reactions.add":
            return {"ok": True}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method in {"views.open", "views.publish", "views.update", "views.push"}:
            return {"ok": True, "view": {"id": "V1", **(params.get("view") or {})}}
        if method == "conversations.info":
            channel = str(params.get("channel", ""))
            return {"ok": True,
                    "channel": {"id": channel, "is_member": channel not in self.outside}}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(params.get("users", ""))}}
        if method == "conversations.members":
            return self._members(params)
        if method == "conversations.list":
            return self._channels(params)
        if method == "users.info":
            return {"ok": True, "user": self.user(str(params.get("user", "")))}
        if method == "users.list":
            return self._users(params)
        if method == "files.info":
            found = self.files.get(str(params.get("file", "")))
            return {"ok": True, "file": found} if found else {"ok": False,
                                                              "error": "file_not_found"}
        if method == "apps.connections.open":
            return {"ok": True, "url": str(self.server.make_url("/socket")).replace("http", "ws")}
        return {"ok": False, "error": "unknown_method"}

    def _history(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Newest first; `latest` with `inclusive` narrows to one message, as Slack does."""
        found = list(reversed(self.history.get(str(params.get("channel")), [])))
        latest = params.get("latest")
        if latest:
            inclusive = str(params.get("inclusive", "")).lower() in {"1", "true"}
            found = [m for m in found if m["ts"] < latest or (inclusive and m["ts"] == latest)]
        return found[: int(params.get("limit") or 100)]

    def user(self, user_id: str) -> dict[str, Any]:
        """A users.info user: the configured one, or a plain teacher."""
        return self.users.get(user_id) or {
            "id": user_id, "name": user_id.lower(), "tz": "America/Chicago", "is_bot": False,
            "profile": {"display_name": f"Teacher {user_id}", "real_name": f"T {user_id}"}}

    def _users(self, params: dict[str, Any]) -> dict[str, Any]:
        """users.list of the configured users, two a page whatever the limit (Slack may
        return fewer than asked), so that paging is exercised."""
        everyone = list(self.users.values())
        start = int(params.get("cursor") or 0)
        following = str(start + 2) if start + 2 < len(everyone) else ""
        return {"ok": True, "members": everyone[start:start + 2],
                "response_metadata": {"next_cursor": following}}

    def _channels(self, params: dict[str, Any]) -> dict[str, Any]:
        """conversations.list, one channel per page (so paging is exercised)."""
        named = sorted(self.channels.items())
        start = int(params.get("cursor") or 0)
        page = [{"id": cid, "name": name, "is_archived": False}
                for name, cid in named[start:start + 1]]
        following = str(start + 1) if start + 1 < len(named) else ""
        return {"ok": True, "channels": page, "response_metadata": {"next_cursor": following}}

    def _members(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel"))
        if channel not in self.members and not CHANNEL_ID.match(channel):
            return {"ok": False, "error": "channel_not_found"}  # a name is not an id
        everyone = self.members.get(channel, [])
        start = int(params.get("cursor") or 0)
        size = int(params.get("limit") or 100)
        page = everyone[start:start + size]
        following = str(start + size) if start + size < len(everyone) else ""
        return {"ok": True, "members": page, "response_metadata": {"next_cursor": following}}

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1,
                                "debug_info": {"host": "stub"}})
        self._connected.set()
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                self.socket_received.append(json.loads(message.data))
                self._changed.set()
        return socket

    async def connected(self, timeout: float = 5.0) -> None:
        """Wait until a Socket Mode client connected."""
        await asyncio.wait_for(self._connected.wait(), timeout)

    async def push(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to every connected client."""
        for socket in self.sockets:
            await socket.send_json(envelope)
