"""The playground page in Spanish, in a real Chromium: when the browser says Spanish, or when
the visitor picks it; its own labels, buttons, hints and role names, and prepbot's answers.

The Spanish page is photographed at desktop and phone width into PREPBOT_SCREENSHOTS (a
temporary folder unless set; `docs/screenshots` refreshes the one in the docs).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer

from tests.adapters.web.test_district_browser import photograph
from tests.adapters.web.test_playground_browser import CHROMIUM, FLAGS

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
expect = playwright_api.expect
Page = playwright_api.Page
Opener = Callable[[str], AbstractAsyncContextManager[Page]]


@pytest.fixture
def opened(server: TestServer) -> Opener:
    """The playground in a browser whose language is `locale` (its Accept-Language and
    navigator.language)."""
    @asynccontextmanager
    async def open_in(locale: str) -> AsyncIterator[Page]:
        async with playwright_api.async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = await browser.new_page(locale=locale, viewport={"width": 1280,
                                                                   "height": 860})
            await page.goto(str(server.make_url("/")))
            await page.wait_for_selector("body[data-ready=true]")
            try:
                yield page
            finally:
                await browser.close()
    return open_in


async def labels_are_spanish(page: Page) -> None:
    await expect(page.locator("html")).to_have_attribute("lang", "es")
    await expect(page).to_have_title("prepbot: área de pruebas")
    await expect(page.get_by_label("Su mensaje")).to_have_attribute(
        "placeholder", "p. ej. el proyector dice sin señal")
    await expect(page.get_by_role("button", name="Enviar")).to_be_visible()
    await expect(page.get_by_text("Adjuntar una imagen")).to_be_visible()
    await expect(page.get_by_label("Idioma")).to_have_value("es")
    await expect(page.get_by_label("Rol").locator("option")).to_have_text(
        ["docente", "coach", "administrador"])
    intro = page.locator("p.intro")
    await expect(intro).to_contain_text("Haga una pregunta de tecnología")
    await expect(intro.locator("code")).to_have_text(
        ["/prepbot help", "/ticket", "/prepbot settings route default here", "/prepbot setup"])
    await expect(page.locator(".dock .context")).to_contain_text("nunca deben mostrar")


async def test_a_browser_that_speaks_spanish_gets_the_page_and_the_answers_in_spanish(
        opened: Opener, shots: Path) -> None:
    async with opened("es-MX") as page:
        await labels_are_spanish(page)
        await page.get_by_label("Su mensaje").fill("el proyector dice sin señal")
        await page.keyboard.press("Enter")
        answer = page.locator("li.msg.bot").last
        await expect(answer).to_contain_text("¿Le sirvió?")
        await expect(answer.get_by_role("button", name="Sí", exact=True)).to_be_visible()
        await photograph(page, shots, "playground-spanish", page.locator("header"))


async def test_an_english_page_switches_to_spanish_when_the_visitor_picks_it(
        opened: Opener) -> None:
    async with opened("en-US") as page:
        await expect(page.get_by_label("Your message")).to_be_visible()
        await expect(page.get_by_label("Role").locator("option")).to_have_text(
            ["teacher", "coach", "admin"])
        await page.get_by_label("Language").select_option("es")
        await labels_are_spanish(page)
        await page.get_by_label("Rol").select_option("coach")
        await expect(page.locator("li.msg.note").last).to_have_text(
            "Ahora usted es Ms Rivera, coach.")
        await page.get_by_label("Su mensaje").fill("/prepbot whoami")
        await page.keyboard.press("Enter")
        reply = page.locator("li.msg.bot").last
        await expect(reply.locator(".only-you")).to_have_text("Solo usted puede verlo")

        await page.reload()  # the pick is kept in this browser
        await page.wait_for_selector("body[data-ready=true]")
        await labels_are_spanish(page)
        await page.get_by_label("Idioma").select_option("en")
        await expect(page.get_by_role("button", name="Send")).to_be_visible()
        await expect(page.locator("html")).to_have_attribute("lang", "en")
