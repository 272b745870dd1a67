"""The register in the playground, in a real headless Chromium: a teacher asks whether she
can use a tool, requests it with one click, and a coach reads it in the register."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

playwright_api = pytest.importorskip("playwright.async_api")
CHROMIUM = os.environ.get("PREPBOT_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture
async def page(server: TestServer) -> AsyncIterator[playwright_api.Page]:
    async with playwright_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = await browser.new_page()
        await page.goto(str(server.make_url("/")))
        await page.wait_for_selector("body[data-ready=true]")
        yield page
        await browser.close()


async def test_a_teacher_requests_a_tool_in_one_click_and_a_coach_sees_it(
        page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await page.get_by_label("Your message").fill("can I use Blooket with my class?")
    await page.keyboard.press("Enter")
    await page.get_by_role("button", name="Request Blooket").click()
    await expect(page.locator("li.msg.bot").last).to_contain_text("1 teacher has asked for it")

    await page.get_by_label("Role").select_option("coach")
    await page.get_by_label("Name").fill("Mr Okafor")
    await page.get_by_label("Your message").fill("/tools")
    await page.keyboard.press("Enter")
    await expect(page.locator("li.msg.bot").last).to_contain_text("Requested: Blooket (1 asked)")
