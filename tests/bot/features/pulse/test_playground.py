"""The whole pulse through the playground's HTTP API, and the chart served at /charts/."""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession

from adapters.runtime import Runtime
from adapters.web.api import slug
from bot.charts import chart_url, save_chart
from bot.vocabulary import Conversation, Person
from tests.bot.features.pulse.conftest import ANSWERS, likert
from tests.conftest import OperatorLock
from tests.support.clock import FakeClock

COACH = {"role": "coach", "name": "Okafor"}
TEACHERS = [{"role": "teacher", "name": f"t{i}"} for i in range(1, 7)]


async def send(http: ClientSession, persona: dict[str, str], **body: Any) -> list[dict[str, Any]]:
    async with http.post("/playground/send", json={"persona": persona, **body}) as response:
        assert response.status == 200, await response.text()
        return list((await response.json())["replies"])


async def inbox(http: ClientSession, persona: dict[str, str]) -> list[dict[str, Any]]:
    async with http.get("/playground/inbox", params=persona) as response:
        return list((await response.json())["replies"])


def block(replies: list[dict[str, Any]], kind: str) -> dict[str, Any]:
    return next(b for r in replies for b in r["blocks"] if b["type"] == kind)


async def test_a_pulse_from_launch_to_chart_through_the_page(
        http: ClientSession, runtime: Runtime, morning: FakeClock) -> None:
    async with http.get("/playground/config") as config:
        visitor = config.headers["X-Prepbot-Visitor"]

    async def members(conversation: Conversation) -> list[Person]:
        # The playground has no channels; stand in for the platform's member list.
        return [Person(platform="web", user_id=f"{visitor}-teacher-{slug(t['name'])}")
                for t in TEACHERS]

    runtime.messengers["web"].members = members  # type: ignore[method-assign]
    [launched] = await send(http, COACH, kind="command", name="pulse",
                            text="start Nearpod #pilot closes friday")
    assert "goes to 6 people" in launched["text"]
    [refused] = await send(http, TEACHERS[0], kind="command", name="pulse", text="results")
    assert "only for coaches and admins" in refused["text"]
    await runtime.dispatcher.tick()

    for persona, points in zip(TEACHERS, ANSWERS, strict=False):
        form = block(await inbox(http, persona), "form")
        assert sum("kind" not in f for f in form["fields"]) == 6  # six Likert choices
        [thanks] = await send(http, persona, kind="submission", form_id=form["form_id"],
                              values=likert(*points), context=form["context"])
        assert "your answers are saved" in thanks["text"]

    results = await send(http, COACH, kind="command", name="pulse", text="results")
    image = block(results, "image")
    assert image["alt"].startswith("Line chart of Nearpod pulse means")
    async with http.get(image["url"]) as response:
        assert response.status == 200 and response.content_type == "image/png"
        assert (await response.read()).startswith(b"\x89PNG\r\n\x1a\n")
        assert response.headers["Cache-Control"].startswith("private,")  # no shared cache
    async with http.get("/charts/not-a-real-token-at-all.png") as response:
        assert response.status == 404


async def test_a_chart_is_served_while_another_process_holds_the_write_lock(
        short_busy_wait: None, http: ClientSession, runtime: Runtime,
        operator_lock: OperatorLock) -> None:
    # Slack fetches the chart while the coach reads the results: a read, so it never waits
    # on a writer (it took SQLite's writer before, and waited out the lock).
    operator_lock.release()
    async with runtime.sessions() as session, session.begin():
        token = await save_chart(session, "pulse:1", b"\x89PNG\r\n\x1a\n-bytes", "f1",
                                 runtime.bot.clock.now())
    operator_lock.take()

    async with http.get(chart_url(token)) as response:
        assert response.status == 200 and (await response.read()).startswith(b"\x89PNG")
