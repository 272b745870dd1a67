"""The playground in Chromium, as a newcomer tries it: a teacher's answer and ticket, the
admin's checklist, then a coach through the district in a box (a pulse to results with its
chart, a Coffee and Curriculum series from invitations to follow-ups, the queue, the digest).

Each main screen is photographed at desktop and phone width into PREPBOT_SCREENSHOTS (a
temporary folder unless set; `docs/screenshots` refreshes the ones in the docs).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from PIL import Image as Picture

from tests.adapters.web.test_playground_browser import CHROMIUM, FLAGS, LOADED_WIDTH
from tests.support.clock import FakeClock

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
expect = playwright_api.expect
Page = playwright_api.Page
DESKTOP, PHONE = {"width": 1280, "height": 860}, {"width": 390, "height": 844}
TUESDAY_10AM = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)  # at the demo school (Chicago)


@pytest.fixture
async def page(server: TestServer, clock: FakeClock) -> AsyncIterator[Page]:
    clock.current = TUESDAY_10AM
    async with playwright_api.async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = await browser.new_page(viewport=DESKTOP)
        await page.goto(str(server.make_url("/")))
        await page.wait_for_selector("body[data-ready=true]")
        yield page
        await browser.close()


async def photograph(page: Page, shots: Path, name: str, show: playwright_api.Locator) -> None:
    """The screen as it is, at desktop and at phone width, with `show` in view."""
    for size, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        await page.set_viewport_size(size)
        await show.evaluate("node => node.scrollIntoView({block: 'start'})")
        path = shots / f"{name}-{suffix}.png"
        await page.screenshot(path=path)
        with Picture.open(path) as taken:  # a third of the size, no visible change for a UI
            taken.convert("RGB").quantize(96, dither=Picture.Dither.NONE).save(path,
                                                                               optimize=True)
    await page.set_viewport_size(DESKTOP)


async def say(page: Page, text: str) -> None:
    await page.get_by_label("Your message").fill(text)
    await page.keyboard.press("Enter")


async def be(page: Page, role: str, name: str) -> None:
    """Switch persona: the name first, then the role (each change is a sign-in)."""
    await page.get_by_label("Name", exact=True).fill(name)
    await page.get_by_label("Name", exact=True).press("Tab")
    await page.get_by_label("Role", exact=True).select_option(role)


def last_bot(page: Page) -> playwright_api.Locator:
    return page.locator("li.msg.bot").last


def feed(page: Page) -> playwright_api.Locator:
    return page.locator("li.msg.district")


async def skip(page: Page, label: str) -> None:
    """Skip demo time and wait for its answer (a triage card posted during the skip may land
    after it, so the answer is counted, not expected last)."""
    answers = page.locator("li.msg.bot", has_text="Meanwhile")
    before = await answers.count()
    await page.locator("#district").get_by_role("button", name=label).click()
    await expect(answers).to_have_count(before + 1)


async def test_a_newcomer_tries_everything_and_a_coach_walks_the_district(
        page: Page, shots: Path) -> None:
    # A teacher asks, and opens a ticket with the form.
    await say(page, "the projector says no signal")
    await expect(last_bot(page).locator("ol li")).to_have_count(6)
    await photograph(page, shots, "teacher-answer", last_bot(page))
    await say(page, "/ticket")
    await page.get_by_label("What happened?").fill("the printer in room 4 jams on every page")
    await page.get_by_label("Room").fill("4")
    await page.get_by_label("How urgent?").select_option("now")
    await photograph(page, shots, "ticket-form", last_bot(page))
    await page.get_by_role("button", name="Open ticket").click()
    await expect(last_bot(page)).to_contain_text("Ticket #1 is open")

    # An admin on this fresh install sees the first-run checklist.
    await be(page, "admin", "Ada")
    await expect(last_bot(page)).to_contain_text("Getting started: 1 of 4 done")
    await expect(last_bot(page)).to_contain_text("To do: 1. Add a school")
    await photograph(page, shots, "first-run-checklist", last_bot(page))

    # A coach opens the district in a box and reads the queue.
    await be(page, "coach", "Mr Okafor")
    await expect(page.locator("li.msg.private")).to_have_count(0)
    await page.get_by_role("button", name="Open the demo district").click()
    # A ticket's confirmation polled in from before may land after it: any order will do.
    await expect(page.locator("li.msg.bot", has_text="The demo district is ready")
                 ).to_be_visible(timeout=15_000)
    await expect(page.locator("#district-state")).to_contain_text("Demo time: Tue, Dec 1, 10:00")
    await say(page, "/tickets")
    queue = page.locator("li.msg.bot", has_text="Ticket queue").last
    await expect(queue).to_contain_text("Ticket queue")
    await expect(queue.get_by_role("button", name="Claim ticket #").first).to_be_visible()
    await expect(queue).to_contain_text("Demo Middle School (simulated)")
    await photograph(page, shots, "coach-queue", queue)

    # A pulse, answered by the simulated teachers, to results with a chart.
    await say(page, "/pulse start Nearpod #demo-pilot closes friday")
    await expect(last_bot(page)).to_contain_text("goes to 7 people in #demo-pilot")
    await skip(page, "Skip 1 hour")
    await expect(feed(page).last).to_contain_text("sent their survey answers")
    await say(page, "/pulse results Nearpod")
    results = page.locator("li.msg.bot", has_text="answers released of 7 invited").last
    await expect(results).to_contain_text("answers released of 7 invited")
    chart = results.locator("img")
    alt = await chart.get_attribute("alt") or ""
    assert alt.startswith("Line chart of Nearpod pulse means by wave, on a scale of 1 to 7. "
                          "perceived usefulness: wave 1 ")
    assert await chart.evaluate(LOADED_WIDTH) > 0
    await photograph(page, shots, "pulse-results", results)

    # Coffee and Curriculum: set up, invitations and RSVPs, the brief, the follow-ups.
    await say(page, "/coffee setup")
    await page.get_by_label("Cohort (channel or team id)").fill("demo-staff")
    await page.get_by_label("Place (the lounge, or a video link)").fill("the library")
    await page.get_by_label("Last day").fill("2027-06-18")
    await page.get_by_role("button", name="Save").click()
    await expect(last_bot(page)).to_contain_text("Coffee and Curriculum is set up!")
    await skip(page, "Skip 1 hour")
    await expect(feed(page).last).to_contain_text("said they're going")
    await expect(page.locator("li.msg.district", has_text="received: ☕ Coffee")).to_have_count(1)
    await photograph(page, shots, "coffee-invitations", feed(page).last)
    await skip(page, "Skip to the next school morning")
    brief = page.locator("li.msg.bot", has_text="Your Coffee and Curriculum brief")
    await expect(brief).to_contain_text("What's bugging them")
    await photograph(page, shots, "coffee-brief", brief)
    await skip(page, "Skip 1 hour")
    await expect(feed(page).last).to_contain_text("received: Thanks for coming to Coffee")

    # The digest, with the simulated district's two weeks in it.
    await say(page, "/digest")
    # By its words: a message the district sends meanwhile would become the last one.
    digest = page.locator("li.msg.bot", has_text="Your week in tech support").last
    await expect(digest).to_contain_text("Your week in tech support")
    await expect(digest).to_contain_text("Asked")
    asked = await digest.locator("dt:text-is('Asked') + dd").first.text_content()
    assert asked is not None and int(asked.split()[0]) > 5
    picture = digest.locator("img")
    alt = await picture.get_attribute("alt") or ""
    assert alt.startswith("Bar chart of questions and tickets per day: Thu, Nov 26")
    assert alt.split("; ")[-1].startswith("Wed, Dec 2"), "the chart ends on today"
    assert await picture.evaluate(LOADED_WIDTH) > 0
    await photograph(page, shots, "digest", digest)
    await photograph(page, shots, "digest-chart", picture)


async def test_switching_persona_leaves_none_of_the_last_ones_private_messages(
        page: Page) -> None:
    await be(page, "coach", "Mr Okafor")
    await say(page, "/prepbot whoami")
    await expect(last_bot(page)).to_contain_text("Rolecoach")
    await expect(page.locator("li.msg.private")).to_have_count(1)
    await be(page, "teacher", "Ms Rivera")
    await expect(page.locator("li.msg.private")).to_have_count(0)
    await expect(page.locator("li.msg.note").last).to_have_text("You are now Ms Rivera, teacher.")


async def test_on_a_phone_the_message_box_stays_in_view_after_an_answer(page: Page) -> None:
    await page.set_viewport_size(PHONE)
    for question in ("the projector says no signal", "printer is offline",
                     "smartboard pen is off by an inch"):
        await say(page, question)
        await expect(last_bot(page)).to_contain_text("Did this help?")
    box = page.get_by_label("Your message")
    await expect(box).to_be_in_viewport()
    await expect(last_bot(page)).to_be_in_viewport()
