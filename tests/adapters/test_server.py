"""The server: health, metrics, and clear answers from platforms that are not configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from aiohttp import ClientSession

from adapters.runtime import Runtime
from adapters.server import RELOAD_HEADER, reload_token


async def test_healthz_checks_the_database(http: ClientSession) -> None:
    async with http.get("/healthz") as response:
        body = await response.json()
    assert response.status == 200
    assert body["database"] == "ok" and body["migrations"] == "current"
    assert body["articles"] >= 36


async def test_healthz_is_503_when_the_database_is_gone(http: ClientSession,
                                                        runtime: Runtime) -> None:
    from bot.storage.engine import make_engine

    healthy_engine = runtime.engine
    runtime.engine = make_engine("postgresql://nobody:nothing@127.0.0.1:1/none")
    try:
        async with http.get("/healthz") as response:
            assert response.status == 503
            assert (await response.json())["database"] == "unreachable"
    finally:
        await runtime.engine.dispose()
        runtime.engine = healthy_engine


async def test_metrics_count_questions_and_latency(http: ClientSession) -> None:
    async with http.post("/playground/send", json={"kind": "message",
                                                  "text": "projector says no signal"}) as sent:
        assert sent.status == 200
    async with http.get("/metrics") as response:
        text = await response.text()
    assert response.status == 200
    assert 'prepbot_questions_total{outcome="answer"} 1.0' in text
    assert "prepbot_request_seconds_bucket" in text
    assert "prepbot_kb_seconds_count 1.0" in text


async def test_unconfigured_slack_and_teams_say_what_is_missing(http: ClientSession) -> None:
    async with http.post("/slack/events", data="{}") as slack:
        slack_body = await slack.json()
    async with http.post("/api/messages", json={}) as teams:
        teams_body = await teams.json()
    assert slack.status == teams.status == 503
    assert slack_body["missing"] == ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]
    assert "MicrosoftAppId" in teams_body["missing"]
    assert "not configured" in slack_body["message"]


async def test_kb_reload_needs_the_server_secret_not_a_loopback_address(
        http: ClientSession, runtime: Runtime) -> None:
    for headers in ({}, {"X-Forwarded-For": "127.0.0.1"}, {RELOAD_HEADER: "reload.forged"}):
        async with http.post("/admin/kb/reload", headers=headers) as response:
            assert response.status == 403  # every request here comes from 127.0.0.1
    token = reload_token(runtime.bot.secret)
    async with http.post("/admin/kb/reload", headers={RELOAD_HEADER: token}) as response:
        assert response.status == 200
        assert (await response.json())["articles"] >= 36


def test_the_server_process_leaves_numpys_huge_page_advice_off_for_index_builds() -> None:
    code = ("import adapters.cli; from numpy._core import multiarray; "
            "print(multiarray._set_madvise_hugepage(False))")  # returns the setting it replaces
    environment = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2],
                            capture_output=True, text=True, timeout=120, check=True,
                            env=environment)
    assert result.stdout.strip() == "False"
