"""The playground in production: a demo, never a door (issue 16's attacks, replayed)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp import ClientSession, CookieJar
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from adapters.runtime import Runtime, build_runtime
from adapters.server import make_app
from adapters.web.visitors import COOKIE, PAGE_HEADER
from bot.features.tickets.models import TicketPersonRow, TicketRow
from bot.people.models import PersonRow
from bot.settings import Settings
from knowledge import KnowledgeBase
from tests.adapters.slack.conftest import slack_stub as slack_stub  # a fixture, used by name
from tests.support.database import empty_tables
from tests.support.slack_stub import SlackStub

PAGE = {PAGE_HEADER: "1"}  # as the playground's page sends
Served = Callable[..., AbstractAsyncContextManager[tuple[ClientSession, Runtime]]]
NOWHERE = "http://127.0.0.1:9/api/"  # nothing listens there: no traffic leaves this machine


@pytest.fixture
def served(settings: Settings, knowledge_base: KnowledgeBase) -> Served:
    """A real server with some settings changed, and a client with its own cookies."""
    @asynccontextmanager
    async def serve(**changes: Any) -> AsyncIterator[tuple[ClientSession, Runtime]]:
        runtime = await build_runtime(settings.model_copy(update=changes), kb=knowledge_base,
                                      migrate=False)
        server = TestServer(make_app(runtime), host="127.0.0.1", port=0)
        await server.start_server()
        try:
            async with ClientSession(base_url=str(server.make_url("/")), headers=PAGE,
                                     cookie_jar=CookieJar(unsafe=True)) as http:
                yield http, runtime
        finally:
            await server.close()
            await empty_tables(runtime.engine)
            await runtime.close()
    return serve


async def post(http: ClientSession, **body: Any) -> tuple[int, dict[str, Any]]:
    async with http.post("/playground/send", json=body) as response:
        return response.status, await response.json()


async def people(runtime: Runtime) -> int:
    async with runtime.sessions() as session:
        return int((await session.execute(select(func.count(PersonRow.id)))).scalar_one())


@pytest.mark.parametrize("credentials", [
    {"slack_bot_token": "xoxb-test", "slack_signing_secret": "s", "slack_api_url": NOWHERE},
    {"slack_bot_token": "xoxb-test", "slack_api_url": NOWHERE},  # half configured
    {"microsoft_app_id": "00000000-0000-0000-0000-000000000001"},
    {"microsoft_app_tenant_id": "00000000-0000-0000-0000-000000000002"},  # a red team's
], ids=["slack", "half-configured slack", "teams", "teams tenant alone"])
async def test_with_any_platform_credential_the_playground_refuses_to_act(
        served: Served, credentials: dict[str, str]) -> None:
    async with served(**credentials) as (http, runtime):
        before = await people(runtime)
        status, body = await post(http, kind="message", text="/prepbot role web:x admin",
                                  persona={"role": "admin", "name": "Mallory"})
        assert status == 403 and "PREPBOT_PLAYGROUND=1" in body["message"]
        async with http.get("/playground/config") as config:
            assert config.status == 403
        async with http.get("/playground/inbox") as inbox:
            assert inbox.status == 403
        async with http.get("/") as page:
            assert "off on this server" in await page.text()
        assert await people(runtime) == before  # nobody was made, let alone an admin


async def test_turned_on_it_runs_on_its_own_demo_and_never_posts_to_the_platform(
        served: Served, slack_stub: SlackStub) -> None:
    async with served(slack_bot_token="xoxb-test", slack_signing_secret="s",
                      slack_api_url=slack_stub.api_url, playground=True) as (http, runtime):
        admin = {"role": "admin", "name": "Ada"}
        await post(http, kind="message", text="/prepbot settings route default here",
                   persona=admin)
        status, body = await post(http, kind="command", name="ticket",
                                  text="the projector says no signal",
                                  persona={"role": "teacher", "name": "Ms Rivera"})
        assert status == 200 and "Ticket #1 is open" in body["replies"][0]["text"]
        async with runtime.sessions() as session:  # the real database never saw it
            assert (await session.execute(select(func.count(TicketRow.id)))).scalar_one() == 0
        assert await people(runtime) == 0
    assert slack_stub.prompted() == []  # and Slack was never called


async def test_its_district_in_a_box_lives_in_the_demo_and_never_reaches_the_platform(
        served: Served, slack_stub: SlackStub) -> None:
    # Demo time starts on a school Monday at 8:00 in Chicago: at 14:00 on a Friday the pulse
    # would wait for the next school week.
    monday = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    async with served(slack_bot_token="xoxb-test", slack_signing_secret="s",
                      slack_api_url=slack_stub.api_url, playground=True,
                      demo_start=monday) as (http, runtime):
        coach = {"role": "coach", "name": "Mr Okafor"}
        for text in ("/demo", "/pulse start Nearpod #demo-pilot closes friday",
                     "/demo skip morning"):
            status, body = await post(http, kind="message", text=text, persona=coach)
            assert status == 200, body
        assert "Meanwhile" in body["replies"][0]["text"]
        async with http.get("/playground/inbox", params={**coach, "since": "0"}) as inbox:
            district = (await inbox.json())["district"]
        assert district["open"] and any("received: TAM pulse" in e["what"]
                                        for e in district["events"])
        assert await people(runtime) == 0  # not one simulated teacher in the real database
    assert slack_stub.prompted() == []  # and Slack was never called


async def test_a_visitor_cannot_act_as_another(http: ClientSession, runtime: Runtime,
                                               server: TestServer) -> None:
    async with http.get("/playground/config") as config:
        mine = config.headers["X-Prepbot-Visitor"]
    await post(http, kind="command", name="ticket", text="room 12 projector shows no signal",
               persona={"role": "teacher", "name": "Ms Rivera"})
    async with ClientSession(base_url=str(server.make_url("/")), headers=PAGE,
                             cookie_jar=CookieJar(unsafe=True)) as stranger:
        # naming the victim's id, or forging a cookie with it, gets a visitor of one's own
        stranger.cookie_jar.update_cookies({COOKIE: f"{mine}.forged"})
        status, body = await post(stranger, kind="command", name="tickets", visitor=mine,
                                  persona={"role": "teacher", "name": "Ms Rivera"})
        assert status == 200 and "no tickets" in body["replies"][0]["text"]
    status, body = await post(http, kind="command", name="tickets",
                              persona={"role": "teacher", "name": "Ms Rivera"})
    assert "room 12 projector" in body["replies"][0]["text"]


async def test_the_visitor_cookie_goes_back_over_https_only_when_the_page_came_over_it(
        http: ClientSession) -> None:
    # A red team's (stop 44): behind a proxy serving HTTPS, the cookie had no Secure flag.
    async with http.get("/playground/config", headers={"X-Forwarded-Proto": "https"}) as proxied:
        behind_https = proxied.headers["Set-Cookie"]
    async with http.get("/playground/config") as plain:
        local = plain.headers.get("Set-Cookie", "")
    assert "Secure" in behind_https and "HttpOnly" in behind_https
    assert "SameSite=Strict" in behind_https
    assert COOKIE in local and "Secure" not in local  # http://localhost: it must come back


async def test_the_page_may_not_be_framed_and_runs_only_its_own_script(
        http: ClientSession) -> None:
    async with http.get("/") as page:
        policy = page.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
        assert page.headers["X-Frame-Options"] == "DENY"


async def test_a_forged_me_too_join_is_refused(http: ClientSession, runtime: Runtime,
                                               server: TestServer) -> None:
    await post(http, kind="command", name="ticket", text="the gym projector shows no signal",
               persona={"role": "teacher", "name": "Ms Rivera"})
    async with ClientSession(base_url=str(server.make_url("/")), headers=PAGE,
                             cookie_jar=CookieJar(unsafe=True)) as mallory:
        for value in ("1", "1.forged", "7:1.c2lnbmF0dXJl"):
            status, body = await post(mallory, kind="action", action_id="tickets.join",
                                      value=value, persona={"role": "teacher",
                                                            "name": "Mallory"})
            assert status == 200 and "isn't one I made to you" in body["replies"][0]["text"]
            assert "gym projector" not in str(body)
    async with runtime.sessions() as session:
        on = (await session.execute(select(func.count()).select_from(TicketPersonRow)))
        assert on.scalar_one() == 1  # Ms Rivera alone
