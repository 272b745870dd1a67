"""The playground in a real headless Chromium: a teacher asks, reads steps, says it didn't help."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

playwright_api = pytest.importorskip("playwright.async_api")
CHROMIUM = os.environ.get("PREPBOT_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# Visible is not loaded: decode() waits for the picture itself and fails if it is broken.
LOADED_WIDTH = "async img => { await img.decode(); return img.naturalWidth; }"

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


async def test_a_teacher_asks_reads_steps_and_is_offered_a_ticket(
        page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await page.get_by_label("Your message").fill("the projector says no signal")
    await page.keyboard.press("Enter")

    answer = page.locator("li.msg.bot").last
    await expect(answer.locator("ol li")).to_have_count(6)
    await expect(answer).to_contain_text("No signal")

    await answer.get_by_role("button", name="No", exact=True).click()
    offer = page.locator("li.msg.bot").last
    await expect(offer).to_contain_text("didn't fix it")
    await offer.get_by_role("button", name="Open a ticket").click()
    await expect(page.locator("li.msg.bot").last).to_contain_text("Ticket #1 is open")


async def test_a_form_is_filled_and_submitted_in_the_page(page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await page.get_by_label("Your message").fill("/ticket")
    await page.keyboard.press("Enter")
    await page.get_by_label("What happened?").fill("the printer in room 4 jams every time")
    await page.get_by_label("Room").fill("4")
    await page.get_by_label("How urgent?").select_option("now")
    await page.get_by_label("What kind of problem?").select_option("hardware")
    await page.get_by_role("button", name="Open ticket").click()
    await expect(page.locator("li.msg.bot").last).to_contain_text("Ticket #1 is open")


async def test_the_page_works_from_the_keyboard_with_labelled_controls(
        page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await expect(page.get_by_label("Role")).to_be_visible()
    await page.get_by_label("Role").select_option("coach")
    await page.get_by_label("Your message").focus()
    await page.keyboard.type("/prepbot whoami")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    await expect(page.locator("li.msg.bot").last).to_contain_text("coach")


async def test_typed_markup_is_shown_as_text_not_html(page: playwright_api.Page) -> None:
    await page.get_by_label("Your message").fill("<img src=x onerror=alert(1)> printer")
    await page.keyboard.press("Enter")
    await playwright_api.expect(page.locator("li.msg.me").last).to_contain_text("<img src=x")
    assert await page.locator("li.msg img").count() == 0


async def test_it_is_readable_at_200_percent_zoom(page: playwright_api.Page) -> None:
    await page.set_viewport_size({"width": 640, "height": 800})
    await page.evaluate("document.body.style.zoom = '2'")
    await page.get_by_label("Your message").fill("the projector says no signal")
    await page.keyboard.press("Enter")
    await playwright_api.expect(page.locator("li.msg.bot ol")).to_be_visible()
    overflow = await page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    assert overflow, "the page scrolls sideways at 200% zoom"


async def test_a_teacher_browses_an_area_and_opens_an_article(
        page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await page.get_by_label("Your message").fill("/ask")
    await page.keyboard.press("Enter")
    browse = page.locator("li.msg.bot").last
    await expect(browse).to_contain_text("36 articles")
    await browse.get_by_role("button", name="Wi-Fi and the network (2)").click()
    listed = page.locator("li.msg.bot").last
    await listed.get_by_role("button", name="Can't connect to school Wi-Fi").click()
    await expect(page.locator("li.msg.bot").last.locator("ol li").first).to_be_visible()
    await expect(page.locator("li.msg.bot").last).to_contain_text("Shipped with prepbot.")


async def test_a_coach_edits_an_article_in_the_page_and_a_broken_one_is_refused(
        page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await page.get_by_label("Role").select_option("coach")
    await page.get_by_label("Your message").fill("/prepbot articles edit printer-offline")
    await page.keyboard.press("Enter")
    await page.get_by_label("How teachers ask it").fill("printer offline\nprinter stuck")
    await page.get_by_role("button", name="Publish").click()
    await expect(page.locator("li.msg.bot").filter(has_text="Not published")).to_contain_text(
        "only 2 phrasings; write at least 8")
    await page.get_by_label("The answer in one line").last.fill(
        "Restart the printer and wait two minutes.")
    phrasings = "\n".join(f"the printer says offline {n}" for n in range(8))
    await page.get_by_label("How teachers ask it").last.fill(phrasings)
    await page.get_by_role("button", name="Publish").last.click()
    await expect(page.locator("li.msg.bot").last).to_contain_text("Published")


async def test_a_teacher_shows_a_colleagues_name_the_masker_hid(page: playwright_api.Page) -> None:
    expect = playwright_api.expect
    await page.get_by_label("Your message").fill(
        "/ticket Chantel has the install codes for the smartboard software but she is out")
    await page.keyboard.press("Enter")
    opened = page.locator("li.msg.bot").last
    await expect(opened).to_contain_text("I hid a name")

    await opened.get_by_role("button", name="Show \u201cChantel\u201d").click()

    await expect(page.locator("li.msg.bot").last).to_contain_text(
        "Shown on ticket #1: \u201cChantel\u201d.")
    await expect(page.get_by_role("button", name="Show \u201cChantel\u201d")).to_have_count(0)
