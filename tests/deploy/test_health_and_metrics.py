"""/healthz tells alive from ready; /metrics counts each adapter, tickets and the scheduler."""

from __future__ import annotations

from aiohttp import ClientSession

from adapters.runtime import Runtime
from bot.storage.engine import make_engine


async def scrape(http: ClientSession) -> str:
    """The Prometheus text of the running app."""
    async with http.get("/metrics") as response:
        assert response.status == 200
        return await response.text()


async def test_liveness_does_not_ask_the_database(http: ClientSession, runtime: Runtime) -> None:
    healthy = runtime.engine
    runtime.engine = make_engine("postgresql://nobody:nothing@127.0.0.1:1/none")
    try:
        for path in ("/healthz/live", "/healthz?probe=live"):
            async with http.get(path) as response:
                assert response.status == 200 and (await response.json()) == {"status": "alive"}
        async with http.get("/healthz") as response:
            assert response.status == 503, "readiness still checks the database"
    finally:
        await runtime.engine.dispose()
        runtime.engine = healthy


async def test_readiness_keeps_its_keys_and_names_the_scheduler_role(
        http: ClientSession) -> None:
    async with http.get("/healthz") as response:
        body = await response.json()
    assert response.status == 200
    assert set(body) == {"status", "database", "migrations", "scheduler", "articles"}
    assert body["scheduler"] in {"leader", "follower"}


async def test_requests_are_counted_per_adapter(http: ClientSession) -> None:
    async with http.post("/playground/send", json={"kind": "message", "text": "hello"}):
        pass
    async with http.post("/slack/events", data="{}"):
        pass
    async with http.post("/api/messages", json={}):
        pass
    text = await scrape(http)
    assert 'prepbot_requests_total{adapter="web",route="/playground/send",status="200"} 1.0' \
        in text
    assert 'prepbot_requests_total{adapter="slack",route="/slack/events",status="503"} 1.0' \
        in text
    assert 'prepbot_requests_total{adapter="teams",route="/api/messages",status="503"} 1.0' \
        in text
    assert 'prepbot_request_seconds_count{adapter="web",route="/playground/send"} 1.0' in text
    assert 'prepbot_handle_seconds_count{kind="message"} 1.0' in text


async def test_tickets_are_counted_and_timed(http: ClientSession) -> None:
    async with http.post("/playground/send", json={"kind": "command", "name": "ticket",
                                                  "text": "the printer in room 4 jams"}) as sent:
        assert sent.status == 200
    text = await scrape(http)
    assert 'prepbot_tickets_total{event="opened"} 1.0' in text
    assert "prepbot_ticket_open_seconds_count 1.0" in text


async def test_scheduler_ticks_and_leadership_are_exposed(http: ClientSession,
                                                          runtime: Runtime) -> None:
    await runtime.scheduler.beat()
    text = await scrape(http)
    assert 'prepbot_scheduler_ticks_total{outcome="ok"} 1.0' in text
    assert "prepbot_scheduler_tick_seconds_count 1.0" in text
    leading = 1.0 if runtime.scheduler.leader.leading else 0.0
    assert f"prepbot_scheduler_leader {leading}" in text
    await runtime.scheduler.leader.release()
