"""The playground's API answers its own page only: another page of the same site (another port,
a sibling subdomain) carries the visitor's SameSite=Strict cookie, and another site can send
the visitor to it (a red team's, stop 54: a form on another port opened tickets as the visitor,
an <img> emptied their inbox, a link to /playground/config swapped their cookie). Over HTTP
with the headers browsers send, then in a real Chromium."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession, CookieJar, web
from aiohttp.test_utils import TestServer

from adapters.runtime import Runtime
from adapters.web.visitors import PAGE_HEADER
from bot.blocks import say
from bot.vocabulary import Person
from tests.adapters.web.test_playground_browser import CHROMIUM, FLAGS

OWN = "my own printer in room 4 jams on every page"
WAITING = "Ticket #1: Mr Okafor wrote: is the blue light on?"
PLANTED = "planted by another origin zebra4417"
TICKET = {"kind": "command", "name": "ticket", "text": PLANTED,
          "persona": {"role": "teacher", "name": "Ms Rivera"}}


@pytest.fixture
async def browser_http(server: TestServer) -> AsyncIterator[ClientSession]:
    """A client that sends only what a browser adds by itself, not the page's own header."""
    async with ClientSession(base_url=str(server.make_url("/")),
                             cookie_jar=CookieJar(unsafe=True)) as client:
        yield client


@pytest.mark.parametrize("headers", [{"Sec-Fetch-Site": "same-site"},
                                     {"Sec-Fetch-Site": "cross-site"},
                                     {"Sec-Fetch-Site": "none"},
                                     {"Origin": "http://127.0.0.1:1"}, {}],
                         ids=["same site", "cross site", "typed in", "older browser, an Origin",
                              "older browser, no Origin"])
async def test_a_request_from_another_page_is_refused_and_changes_nothing(
        browser_http: ClientSession, http: ClientSession, headers: dict[str, str]) -> None:
    async with browser_http.post("/playground/send", json=TICKET, headers=headers) as sent:
        assert sent.status == 403
        assert "open the playground at / instead" in (await sent.json())["message"]
        assert "prepbot_visitor" not in sent.cookies
    for path in ("/playground/config", "/playground/inbox"):
        async with browser_http.get(path, headers=headers) as got:
            assert got.status == 403 and "prepbot_visitor" not in got.cookies
    async with http.post("/playground/send", json={**TICKET, "text": "/tickets"}) as own:
        assert PLANTED not in json.dumps(await own.json())


async def test_the_pages_own_requests_are_answered(browser_http: ClientSession) -> None:
    async with browser_http.get("/playground/config",
                                headers={"Sec-Fetch-Site": "same-origin"}) as got:
        assert got.status == 200 and "prepbot_visitor" in got.cookies
    # An older browser: no Sec-Fetch-Site, but the page's script adds its own header.
    async with browser_http.post("/playground/send", json=TICKET,
                                 headers={PAGE_HEADER: "1"}) as sent:
        assert sent.status == 200 and "is open" in json.dumps(await sent.json())


playwright_api = pytest.importorskip("playwright.async_api")
in_chromium = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")


def forged_form(target: str) -> str:
    """A form posting what the page would post, sent on load: no preflight, no script needed."""
    return ("<!doctype html><body><form id=f method=post enctype=multipart/form-data "
            f"action='{target}/playground/send'><input type=hidden name=payload "
            f"value='{json.dumps(TICKET)}'></form><script>f.submit()</script></body>")


@pytest.fixture
async def elsewhere(server: TestServer, request: pytest.FixtureRequest
                    ) -> AsyncIterator[TestServer]:
    """A page on 127.0.0.1 at another port (same site) or on 127.0.0.2 (another site)."""
    page = request.param[1].replace("{target}", str(server.make_url("/")).rstrip("/"))
    app = web.Application()

    async def index(_request: web.Request) -> web.Response:
        return web.Response(text=page, content_type="text/html")

    app.router.add_get("/", index)
    other = TestServer(app, host=request.param[0], port=0)
    await other.start_server()
    yield other
    await other.close()


@in_chromium
@pytest.mark.parametrize("elsewhere", [
    ("127.0.0.1", forged_form("{target}")),
    ("127.0.0.2", forged_form("{target}")),
    ("127.0.0.2", "<!doctype html><script>location='{target}/playground/config'</script>"),
    ("127.0.0.1", "<img src='{target}/playground/inbox?role=teacher&name=Ms+Rivera'>"),
], indirect=True, ids=["form, same site", "form, another site", "link to the config",
                       "image of the inbox"])
async def test_another_page_in_the_visitors_browser_neither_acts_nor_swaps_nor_reads_them(
        server: TestServer, elsewhere: TestServer, runtime: Runtime) -> None:
    async with playwright_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(str(server.make_url("/")))
        await page.wait_for_selector("body[data-ready=true]")
        await page.get_by_label("Your message").fill(f"/ticket {OWN}")
        await page.keyboard.press("Enter")
        await playwright_api.expect(page.locator("li.msg.bot").last).to_contain_text("is open")
        await page.close()
        before = await context.cookies()
        visitor = before[0]["value"].rpartition(".")[0]
        await runtime.bot.messengers["web"].dm(
            Person(platform="web", user_id=f"{visitor}-teacher-ms-rivera"), say(WAITING))

        await (await context.new_page()).goto(str(elsewhere.make_url("/")))
        await asyncio.sleep(0.5)
        after = await context.cookies()
        back = await context.new_page()
        await back.goto(str(server.make_url("/")))
        await playwright_api.expect(back.locator("#log")).to_contain_text(WAITING)
        await back.get_by_label("Your message").fill("/tickets")
        await back.keyboard.press("Enter")
        await playwright_api.expect(back.locator("li.msg.bot").last).to_contain_text(OWN)
        shown = await back.locator("#log").inner_text()
        await browser.close()
    assert before == after and PLANTED not in shown
