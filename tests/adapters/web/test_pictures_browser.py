"""In a real headless Chromium: a teacher attaches a photo to a ticket, sees it in the
conversation, and the coach persona sees it on the triage card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer

from tests.adapters.web.test_playground_browser import CHROMIUM, FLAGS, LOADED_WIDTH, playwright_api
from tests.support.pictures import error_screen

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture
async def page(server: TestServer) -> AsyncIterator[playwright_api.Page]:
    async with playwright_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = await browser.new_page(viewport={"width": 900, "height": 1100})
        await page.goto(str(server.make_url("/")))
        await page.wait_for_selector("body[data-ready=true]")
        yield page
        await browser.close()


async def as_persona(page: playwright_api.Page, role: str, name: str) -> None:
    """Sign in as someone else: the name (committed with Tab), then the role; each change is
    a sign-in, and an admin's checklist arrives with the last."""
    await page.get_by_label("Name").fill(name)
    await page.get_by_label("Name").press("Tab")
    await page.get_by_label("Role").select_option(role)
    await playwright_api.expect(page.locator("li.msg.note").last).to_contain_text(
        f"You are now {name}")
    if role == "admin":
        await playwright_api.expect(page.locator("li.msg.bot", has_text="Getting started")
                                    ).to_be_visible()


async def say(page: playwright_api.Page, text: str) -> None:
    # Enter, not a click on Send: a reply that lands and scrolls the page can move the button
    # from under a click.
    await page.get_by_label("Your message").fill(text)
    await page.get_by_label("Your message").press("Enter")


async def test_a_photo_attached_to_a_ticket_reaches_the_coachs_card(
        page: playwright_api.Page, tmp_path: Path) -> None:
    expect = playwright_api.expect
    await as_persona(page, "admin", "Ada")
    await say(page, "/prepbot settings route default here")
    await expect(page.locator("li.msg.bot", has_text="posted here")).to_be_visible()

    await as_persona(page, "teacher", "Ms Rivera")
    photo = tmp_path / "IMG_2031.jpg"
    photo.write_bytes(error_screen())
    await page.get_by_label("Attach a picture").set_input_files(photo)
    await expect(page.locator("#chosen")).to_contain_text("IMG_2031.jpg")
    await say(page, "/ticket the projector in room 12 says no signal")
    await expect(page.locator("li.msg.me img.sent").last).to_have_attribute(
        "alt", "Your picture: IMG_2031.jpg")
    # The note may come before or after the ticket's own confirmation: either is fine.
    await expect(page.locator("li.msg.bot", has_text="I attached your picture to the ticket")
                 ).to_be_visible()

    await as_persona(page, "coach", "Mr Okafor")
    card = page.locator("li.msg.bot", has_text="Ticket #1").last
    image = card.locator("img[alt*='IMG 2031.jpg']")
    await expect(image).to_be_visible(timeout=10_000)  # the page polls every two seconds
    assert await image.evaluate(LOADED_WIDTH) == 480
    await card.scroll_into_view_if_needed()
    await page.screenshot(path=str(tmp_path / "ticket-picture.png"), full_page=True)
