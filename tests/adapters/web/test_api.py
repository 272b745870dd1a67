"""The playground's JSON API: every incoming kind, personas, and clear 400s for bad requests."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp import ClientSession


async def send(http: ClientSession, **body: Any) -> tuple[int, dict[str, Any]]:
    async with http.post("/playground/send", json=body) as response:
        return response.status, await response.json()


async def test_the_page_and_its_assets_are_served(http: ClientSession) -> None:
    async with http.get("/") as page:
        assert page.status == 200 and "prepbot" in await page.text()
    async with http.get("/static/app.js") as script:
        assert script.status == 200


async def test_the_browser_finds_an_icon_where_it_always_asks(http: ClientSession) -> None:
    async with http.get("/favicon.ico") as icon:
        assert icon.status == 200 and icon.content_type == "image/svg+xml"
        assert (await icon.read()).startswith(b"<svg")


async def test_a_message_comes_back_as_blocks(http: ClientSession) -> None:
    status, body = await send(http, kind="message", text="the projector says no signal")
    assert status == 200
    [reply] = body["replies"]
    types = [block["type"] for block in reply["blocks"]]
    assert "steps" in types and "buttons" in types


async def test_a_click_replaces_the_message(http: ClientSession) -> None:
    _, body = await send(http, kind="message", text="the projector says no signal")
    no = next(b for blk in body["replies"][0]["blocks"] if blk["type"] == "buttons"
              for b in blk["buttons"] if b["label"] == "No")
    status, clicked = await send(http, kind="action", action_id=no["action_id"], value=no["value"])
    assert status == 200 and clicked["replies"][0]["replace_original"] is True


async def test_a_typed_slash_command_is_a_command(http: ClientSession) -> None:
    _, body = await send(http, kind="message", text="/prepbot whoami",
                         persona={"role": "coach", "name": "Mr Okafor"})
    assert "a coach" in body["replies"][0]["text"]


@pytest.mark.parametrize(("raw", "expected"), [
    (b"not json", "must be JSON"),
    (b"\xff\xfe\x00", "must be JSON"),
    (b'{"kind": "shout"}', "kind"),
    (b'{"kind": "message", "text": 5}', "text"),
    (b'{"kind": "message", "persona": {"role": "superuser"}}', "persona.role"),
    (b"[1, 2, 3]", "body"),
    (b"[" * 100_000 + b"]" * 100_000, "must be JSON"),
])
async def test_malformed_requests_get_a_clear_400(http: ClientSession, raw: bytes,
                                                  expected: str) -> None:
    async with http.post("/playground/send", data=raw) as response:
        body = await response.json()
    assert response.status == 400
    assert expected in body["message"]


async def test_personas_are_on_with_no_platform(http: ClientSession) -> None:
    async with http.get("/playground/config") as response:
        assert (await response.json())["personas"] is True


async def test_an_id_from_whoami_can_be_given_a_role_as_typed(http: ClientSession) -> None:
    teacher = {"role": "teacher", "name": "Ms Rivera"}
    _, body = await send(http, kind="message", text="/prepbot whoami", persona=teacher)
    [who] = [dict(b["pairs"]) for b in body["replies"][0]["blocks"] if b["type"] == "fields"]
    assert " " not in who["Id"] and who["Id"].startswith("web:")
    _, body = await send(http, kind="message", text=f"/prepbot role {who['Id']} coach",
                         persona={"role": "admin", "name": "Ada"})
    assert body["replies"][0]["text"] == f"{who['Id']} (Ms Rivera) is now a coach."
