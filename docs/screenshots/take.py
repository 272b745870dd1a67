"""Retake the screenshots of docs/coach-guide.md from the web playground.

    PYTHONPATH=. python docs/screenshots/take.py

It runs prepbot on a throwaway SQLite database with a clock it moves by hand (a pilot's four
weeks pass in seconds), opens the playground in Debian's Chromium (/usr/bin/chromium) through
Playwright, and plays a coach's year: a teacher asks for Blooket, the coach fills in the
checklist and starts a pilot, teachers answer and report, the report comes, a coaching cycle
is planned. Each scene is saved as a PNG beside this file.
"""

from __future__ import annotations

import asyncio
import base64
import os
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestServer
from playwright.async_api import Page, async_playwright

from adapters.console import ConsoleChat
from adapters.runtime import Runtime, build_runtime, load_settings
from adapters.server import make_app
from adapters.web.api import slug
from bot.blocks import Form
from bot.schools.service import save_school
from bot.vocabulary import Person
from tests.bot.features.conftest import advance
from tests.bot.features.pulse.conftest import likert
from tests.support.clock import FakeClock

HERE = Path(__file__).resolve().parent
NEW_YORK = ZoneInfo("America/New_York")
CHROMIUM = os.environ.get("PREPBOT_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
TEACHERS = (("Ms Rivera", "10:15-11:00"), ("Mr Chen", "12:30-13:15"), ("Dr Diaz", "13:20-14:05"))
AGREE, UNSURE = ((6, 6), (6, 5), (6, 7)), ((4, 4), (4, 3), (3, 4))


def at(day: str, hour: int, minute: int = 0) -> datetime:
    """New York wall-clock time as UTC."""
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute,
                                               tzinfo=NEW_YORK).astimezone(UTC)


class Stage:
    """The running playground, its people (as the page's personas are named) and the page."""

    def __init__(self, runtime: Runtime, clock: FakeClock, page: Page, visitor: str) -> None:
        self.runtime, self.clock, self.page, self.visitor = runtime, clock, page, visitor
        self.chat = ConsoleChat(runtime.bot)

    def person(self, name: str, role: str = "teacher") -> Person:
        """Someone as the page would send them (the same id, so the page sees their inbox)."""
        return Person(platform="web", user_id=f"{self.visitor}-{role}-{slug(name)}",
                      display_name=name)

    async def say(self, text: str, name: str, role: str = "teacher") -> None:
        """Behind the scenes: someone types to prepbot."""
        await self.chat.say(text, as_=self.person(name, role))

    def inbox(self, name: str, role: str = "teacher") -> list[Form]:
        """Forms waiting in someone's playground inbox (left there for the page)."""
        messenger = self.runtime.messengers.get("web")
        box = getattr(messenger, "inboxes", {}).get(f"dm:{self.person(name, role).user_id}", [])
        return [b for reply in box for b in reply.blocks if isinstance(b, Form)]

    def forget(self, name: str, role: str = "teacher") -> None:
        """Empty someone's inbox, so a scene shows only what it is about."""
        messenger = self.runtime.messengers.get("web")
        getattr(messenger, "take", lambda _: None)(f"dm:{self.person(name, role).user_id}")

    async def as_(self, name: str, role: str) -> None:
        """Reload the page (a clean log) and take a persona."""
        await self.page.reload()
        await self.page.wait_for_selector("body[data-ready=true]")
        # The name first (a role chosen first would be given, for a moment, to the page's
        # previous persona), and left at once: the page takes a new name when its field loses
        # focus, which would otherwise happen on the next click and clear that click's card.
        await self.page.fill("#persona-name", name)
        await self.page.press("#persona-name", "Tab")
        await self.page.select_option("#persona-role", role)

    async def type(self, text: str, replies: int = 1) -> None:
        """Type in the page and wait for the answer."""
        before = await self.page.locator("li.msg.bot").count()
        await self.page.fill("#say", text)
        await self.page.keyboard.press("Enter")
        await self.page.locator("li.msg.bot").nth(before + replies - 1).wait_for()

    async def shoot(self, name: str, last_only: bool = False) -> None:
        """Save the conversation (or only its last message) as docs/screenshots/<name>.png."""
        await self.page.wait_for_timeout(300)
        where = self.page.locator("li.msg.bot").last if last_only else \
            self.page.locator("main")
        await where.screenshot(path=str(HERE / f"{name}.png"))
        print("wrote", HERE / f"{name}.png")


async def answer(stage: Stage, name: str, points: tuple[tuple[int, int], ...]) -> None:
    """A teacher answers the newest survey form waiting for them."""
    form = [f for f in stage.inbox(name) if f.form_id == "pulse.answer"][-1]
    await stage.chat.submit(form.form_id, likert(*points), form.context,
                            as_=stage.person(name))


async def meet(stage: Stage) -> None:
    """Lincoln Elementary, the coach, an admin, three teachers with prep periods."""
    async with stage.runtime.sessions() as session, session.begin():
        await save_school(session, "Lincoln Elementary", "America/New_York", time(7, 30),
                          time(15, 30))
    await stage.runtime.bot.grant(stage.person("Mr Okafor", "coach"), "coach")  # type: ignore[arg-type]
    await stage.runtime.bot.grant(stage.person("Ada", "admin"), "admin")  # type: ignore[arg-type]
    await stage.say("/prepbot settings pulse_min_responses 3", "Ada", "admin")
    await stage.say("/prepbot school Lincoln Elementary", "Mr Okafor", "coach")
    for name, prep in TEACHERS:
        await stage.say("/prepbot school Lincoln Elementary", name)
        await stage.say(f"/prepbot prep {prep} mon-fri", name)


async def scenes(stage: Stage) -> None:
    """The coach's year, one screenshot per step."""
    page, runtime, clock = stage.page, stage.runtime, stage.clock
    await meet(stage)
    await stage.say("/tools request Blooket: quick review games for multiplication facts",
                    "Ms Rivera")
    await stage.as_("Mr Chen", "teacher")
    await stage.type("can I use Blooket with my class?")
    await stage.shoot("register-answer")

    await stage.as_("Mr Okafor", "coach")
    await stage.say("/tools add Kahoot adopted", "Mr Okafor", "coach")
    await stage.type("/tools checklist Blooket")
    form = page.locator("form.form")
    for field, value in (("privacy", "pass"), ("sso", "pass"), ("accessibility", "pass"),
                         ("cost", "pass"), ("evidence", "unknown"), ("mobile", "pass")):
        await form.locator(f"select[name={field}]").select_option(value)
    await form.locator("input[name=privacy_link]").fill("https://blooket.example/dpa")
    await form.locator("input[name=privacy_note]").fill("DPA signed, on file")
    await form.locator("textarea[name=standards]").fill("CCSS.MATH.CONTENT.3.OA.C.7")
    await stage.shoot("checklist-form")
    await form.get_by_role("button", name="Save checklist").click()
    await page.locator("li.msg.bot").nth(1).wait_for()
    await stage.as_("Mr Okafor", "coach")
    await stage.type("/pilot start Blooket with @Ms Rivera @Mr Chen @Dr Diaz for 4 weeks")
    await stage.shoot("pilot-start")

    await advance(runtime, clock, at("2026-11-30", 15))
    for (name, _), points in zip(TEACHERS, (AGREE, AGREE, UNSURE), strict=True):
        await answer(stage, name, points)
    for day in ("2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"):
        await advance(runtime, clock, at(day, 11))
        await stage.say("Blooket froze again in 3rd period, kids got kicked out", "Ms Rivera")
    await stage.say("/ticket Blooket crashes in 3rd period every day", "Mr Chen")
    stage.forget("Ms Rivera")
    await advance(runtime, clock, at("2026-12-11", 11))
    await stage.as_("Ms Rivera", "teacher")
    await page.locator("li.msg.bot form").first.wait_for(timeout=5000)
    await page.locator("li.msg.bot input[name=text]").last.fill("froze twice in 3rd period")
    await stage.shoot("pilot-checkin")
    for name, line in (("Mr Chen", "kids loved it"), ("Dr Diaz", "nothing")):
        form_ = [f for f in stage.inbox(name) if f.form_id == "pilots.checkin"][-1]
        await stage.chat.submit(form_.form_id, {"text": line}, form_.context,
                                as_=stage.person(name))
    await page.locator("li.msg.bot form button[type=submit]").last.click()
    await page.get_by_text("Thanks! Your coach reads these").wait_for()
    await stage.as_("Someone else", "teacher")  # the page takes only its persona's messages
    await advance(runtime, clock, at("2026-12-21", 15))
    for name, _ in TEACHERS:
        await answer(stage, name, AGREE)

    stage.forget("Mr Okafor", "coach")
    await advance(runtime, clock, at("2026-12-28", 9))
    await stage.as_("Mr Okafor", "coach")
    await page.get_by_text("Blooket pilot report").wait_for(timeout=5000)
    await stage.shoot("pilot-report", last_only=True)
    await page.get_by_role("button", name="Adopt").click()
    await page.get_by_text("Blooket is adopted").wait_for()

    await stage.as_("Mr Okafor", "coach")
    await stage.type("/tools Blooket")
    await stage.shoot("tool-card")
    await stage.as_("Someone else", "teacher")

    clock.current = at("2027-03-01", 9)
    await stage.as_("Mr Okafor", "coach")
    await stage.type("/cycle start @Ms Rivera")
    await stage.shoot("cycle-plan")
    stage.forget("Ms Rivera")
    await advance(runtime, clock, at("2027-03-01", 11))
    await stage.as_("Ms Rivera", "teacher")
    await page.get_by_text("step 1 of 4").wait_for(timeout=5000)
    await stage.shoot("cycle-prompt", last_only=True)

    await stage.say("/portfolio workshop Blooket for review games on 2027-01-13, 14 attendees, "
                    "1 hour", "Mr Okafor", "coach")
    await stage.as_("Mr Okafor", "coach")
    await stage.type("/portfolio")
    await stage.shoot("portfolio")


async def main() -> None:
    """Run prepbot and the browser, play the scenes, stop."""
    with tempfile.TemporaryDirectory(prefix="prepbot-shots-") as folder:
        settings = load_settings(
            DATABASE_URL=f"sqlite+aiosqlite:///{Path(folder) / 'shots.db'}",
            PREPBOT_SECRET_KEY=base64.b64encode(os.urandom(32)).decode(),
            PREPBOT_SCHEDULER="0")
        clock = FakeClock(at("2026-11-30", 9))
        runtime = await build_runtime(settings, clock=clock)
        server = TestServer(make_app(runtime), host="127.0.0.1", port=0)
        await server.start_server()
        try:
            await run_browser(str(server.make_url("/")), runtime, clock, scenes)
        finally:
            await server.close()
            await runtime.close()


async def run_browser(url: str, runtime: Runtime, clock: FakeClock,
                      play: Callable[[Stage], Awaitable[None]]) -> None:
    """Open the page at a readable width, learn the visitor id the server gave it, play."""
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = await browser.new_page(viewport={"width": 820, "height": 900})
        async with page.expect_response("**/playground/config") as config:
            await page.goto(url)
        visitor = (await config.value).headers["x-prepbot-visitor"]
        await page.wait_for_selector("body[data-ready=true]")
        try:
            await play(Stage(runtime, clock, page, visitor))
        finally:
            await browser.close()


if __name__ == "__main__":
    asyncio.run(main())
