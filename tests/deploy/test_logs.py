"""Structured logs: one JSON object a line, a request id from the access log into the core."""

from __future__ import annotations

import json
from pathlib import Path

from aiohttp import ClientSession

from adapters.web.visitors import PAGE_HEADER
from tests.deploy.servers import Replica, ready

QUESTION = "the projector in room zebra-7781 says no signal"


async def test_json_logs_carry_one_request_id_and_no_question_text(tmp_path: Path) -> None:
    replica = Replica(tmp_path, {"LOG_FORMAT": "json", "DATABASE_URL": "sqlite:///prepbot.db"})
    try:
        async with ClientSession(headers={PAGE_HEADER: "1"}) as http:
            await ready(http, replica)
            async with http.post(f"{replica.url}/playground/send",
                                 json={"kind": "message", "text": QUESTION},
                                 headers={"X-Request-Id": "req-zebra-1"}) as answered:
                assert answered.status == 200
                assert answered.headers["X-Request-Id"] == "req-zebra-1"
            async with http.get(f"{replica.url}/healthz/live") as live:
                generated = live.headers["X-Request-Id"]
    finally:
        assert replica.stop() == 0
    lines = [json.loads(line) for line in replica.log_lines() if line.strip()]
    assert lines, "the server logged nothing"
    for entry in lines:
        assert {"time", "level", "logger", "message", "request_id"} <= set(entry), entry
    ours = [e for e in lines if e["request_id"] == "req-zebra-1"]
    access = [e for e in ours if e["logger"] == "aiohttp.access"]
    assert access and access[0]["path"] == "/playground/send" and access[0]["status"] == 200
    assert any(e["logger"] == "bot.app" and e["message"].startswith("handled") for e in ours)
    assert any(e["request_id"] == generated and e.get("path") == "/healthz/live" for e in lines)
    assert len(generated) >= 8 and generated != "req-zebra-1"
    everything = replica.err.read_text() + replica.out.read_text()
    assert "zebra-7781" not in everything, "a teacher's question reached the logs"


async def test_a_strange_request_id_is_replaced(tmp_path: Path) -> None:
    replica = Replica(tmp_path, {"LOG_FORMAT": "text", "DATABASE_URL": "sqlite:///prepbot.db"})
    try:
        async with ClientSession(headers={PAGE_HEADER: "1"}) as http:
            await ready(http, replica)
            async with http.get(f"{replica.url}/healthz/live",
                                headers={"X-Request-Id": "x" * 200}) as response:
                replaced = response.headers["X-Request-Id"]
    finally:
        replica.stop()
    assert replaced != "x" * 200
    text = [line for line in replica.log_lines() if "/healthz/live" in line]
    assert text and f"[{replaced}]" in text[0] and not text[0].startswith("{")
